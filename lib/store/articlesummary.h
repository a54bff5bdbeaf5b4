// SPDX-License-Identifier: MIT
#pragma once

#include "text/article.h"

#include <QDateTime>
#include <QHash>
#include <QList>
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

/// How much a copy of a story tells a reader who cites it: what a reader needs to cite it first
/// (headline, outlet, date), then a byline; a saved page beats a text dump of it only when they
/// tell as much. The best copy leads its story in the article list (the first imported among
/// equals). ArticleStore::keys() computes the same in SQL.
inline int copyQuality(const ArticleSummary &a)
{
    return (a.title.isEmpty() ? 0 : 8) + (a.outlet.isEmpty() ? 0 : 4) + (a.published.isEmpty() ? 0 : 4)
        + (a.byline.isEmpty() ? 0 : 2) + (a.format == SourceFormat::Html ? 1 : 0);
}

/// The order of the article list: by a story's best copy's title, outlet or date.
struct ArticleOrder
{
    enum Column { Title, Outlet, Date };
    Column column = Date;
    bool descending = true;
    friend bool operator==(const ArticleOrder &, const ArticleOrder &) = default;
};

/// The article list's keys, in order, without the rows' data: one row per story, led by its best
/// copy (copyQuality()), with the other copies listed beneath it.
struct ArticleKeys
{
    QList<qint64> leads; // one per story listed, in the list's order
    QHash<qint64, QList<qint64>> copies; // a story's lead → its other copies listed, in id order
    qint64 articles = 0; // in the library, counting every copy
    qint64 stories = 0; // in the library
    friend bool operator==(const ArticleKeys &, const ArticleKeys &) = default;
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
