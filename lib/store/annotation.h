// SPDX-License-Identifier: MIT
#pragma once

#include "text/anchoring.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Lede {

/// A passage a journalist marked: UTF-16 offsets into the article's canonical text, with the quote
/// and its context so it can be found again when the text changes (W3C Web Annotation's position
/// and quote selectors).
struct Annotation
{
    qint64 id = 0;
    qint64 articleId = 0;
    qsizetype start = 0;
    qsizetype end = 0;
    QString color; // a name from annotationColors()
    QString note; // Markdown
    QString quote; // the passage's text when it was marked (or last placed)
    QDateTime created;
    QDateTime modified;
    QString prefix; // up to anchorContextLength characters before the quote; filled when saved
    QString suffix; // up to anchorContextLength characters after it
    QStringList tags;
    /// Entities the journalist linked to the annotation; those mentioned inside the passage come
    /// from the article's mentions (Library::annotationEntities()).
    QStringList entityIds;
    /// The text changed and the passage could not be found again: start and end are where it was.
    /// Kept, never dropped; placed again when a later change brings the passage back.
    bool orphan = false;

    TextAnchor anchor() const { return TextAnchor{start, end, quote, prefix, suffix}; }
};

/// The colours a highlight can take, by name ("yellow", …), in menu order.
QStringList annotationColors();

/// A colour of the palette and the meaning the journalist gave it ("claim", "figure", …).
struct AnnotationColor
{
    QString color;
    QString meaning;
    friend bool operator==(const AnnotationColor &, const AnnotationColor &) = default;
};

/// An article's original file as the library keeps it, so the Source view and re-extraction work
/// after the saved file is moved or deleted.
struct ArticleSource
{
    QByteArray data; // the file's bytes, as read
    QByteArray encoding; // the encoding detected when it was read ("UTF-8", "windows-1252"…); empty when unknown
    int item = -1; // which article of the file (a feed's item), -1 when unknown
    bool isNull() const { return data.isNull(); }
};

} // namespace Lede
