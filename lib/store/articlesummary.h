// SPDX-License-Identifier: MIT
#pragma once

#include "text/article.h"

#include <QDateTime>
#include <QString>

namespace Lede {

/// One row of the article list.
struct ArticleSummary
{
    qint64 id = 0;
    QString title;
    QString outlet;
    QString byline;
    QString published; // ISO 8601 as stored, empty when unknown
    SourceFormat format = SourceFormat::Unknown;
    QString sourcePath;
    QDateTime importedAt;
    qint64 storyId = 0; // the id of the story's first copy; equal to id for a story of one
    int storySize = 1; // copies of the story in the library
};

/// Result of adding an article: its id, and whether it was new or an exact duplicate.
struct AddedArticle
{
    qint64 id = 0;
    bool duplicate = false; // the same canonical text was already there
    qint64 storyId = 0;
    bool grouped = false; // a near-duplicate of an article already there: joined its story
};

} // namespace Lede
