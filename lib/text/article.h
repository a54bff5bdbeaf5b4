// SPDX-License-Identifier: MIT
#pragma once

#include "text/textblock.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Lede {

/// One place in an article's canonical text where an entity is named.
/// start/end are UTF-16 offsets into Article::text, end exclusive.
struct EntityMention
{
    QString entityId; // "company/nvidia", "chip/nvidia-h20", "region/cn"
    qsizetype start = 0;
    qsizetype end = 0;
    QString surface; // the text as written, text.mid(start, end - start)

    friend bool operator==(const EntityMention &, const EntityMention &) = default;
};

/// The formats Lede reads. Detected from content first, extension second.
enum class SourceFormat { Unknown, PlainText, Markdown, Html, Rss, Atom, JsonFeed };

QString formatName(SourceFormat format);
SourceFormat formatFromName(QStringView name);

/// A parsed article: metadata and its one canonical text.
///
/// The canonical text is the clean body as plain text, paragraphs separated by exactly one blank
/// line. Everything that points into an article (entity mentions, annotations, search hits) is a
/// UTF-16 offset into it, and the reader shows exactly it.
struct Article
{
    QString sourcePath; // the file it came from, or a resource path for samples
    SourceFormat format = SourceFormat::Unknown;
    QString title;
    QString byline;
    QDateTime published; // invalid when unknown; keeps the offset when the source had one
    bool publishedHasTime = false; // false when the source gave only a date
    QString outlet;
    QString url;
    QString language; // BCP 47 tag ("en", "zh-Hans"), empty when unknown
    QString text;
    TextBlocks blocks; // one per paragraph of text
    QStringList tags;
    QList<EntityMention> entities;
    QStringList warnings;

    /// ISO 8601 form of published: a date alone when the source gave no time, otherwise date,
    /// time and offset. Empty when unknown.
    QString publishedIso() const;
    /// Number of paragraphs, and the [start, end) range of paragraph i in text.
    static QList<std::pair<qsizetype, qsizetype>> paragraphRanges(QStringView text);
};

/// Joins paragraphs into canonical text: whitespace inside each collapsed, empty ones dropped,
/// separated by a blank line. blocks, when given, is filtered in step with the paragraphs.
QString joinParagraphs(const QStringList &paragraphs, TextBlocks *blocks = nullptr);

/// Collapses runs of whitespace (including no-break spaces) to single spaces and trims.
QString simplifiedText(QStringView text);

} // namespace Lede
