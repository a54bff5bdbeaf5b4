// SPDX-License-Identifier: MIT
#include "text/article.h"

namespace Lede {

QString formatName(SourceFormat format)
{
    switch (format) {
    case SourceFormat::PlainText:
        return QStringLiteral("text");
    case SourceFormat::Markdown:
        return QStringLiteral("markdown");
    case SourceFormat::Html:
        return QStringLiteral("html");
    case SourceFormat::Rss:
        return QStringLiteral("rss");
    case SourceFormat::Atom:
        return QStringLiteral("atom");
    case SourceFormat::JsonFeed:
        return QStringLiteral("jsonfeed");
    case SourceFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

SourceFormat formatFromName(QStringView name)
{
    for (auto f : {SourceFormat::PlainText, SourceFormat::Markdown, SourceFormat::Html, SourceFormat::Rss,
             SourceFormat::Atom, SourceFormat::JsonFeed}) {
        if (name == formatName(f))
            return f;
    }
    return SourceFormat::Unknown;
}

QString Article::publishedIso() const
{
    if (!published.isValid())
        return {};
    if (!publishedHasTime)
        return published.date().toString(Qt::ISODate);
    return published.toString(Qt::ISODate);
}

QList<std::pair<qsizetype, qsizetype>> Article::paragraphRanges(QStringView text)
{
    QList<std::pair<qsizetype, qsizetype>> ranges;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype sep = text.indexOf(u"\n\n", start);
        if (sep < 0)
            sep = text.size();
        if (sep > start)
            ranges.append({start, sep});
        start = sep + 2;
    }
    return ranges;
}

QString simplifiedText(QStringView text)
{
    QString out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (QChar c : text) {
        if (c.isSpace() || c == QChar(0x00A0) || c == QChar(0x200B) || c == QChar(0xFEFF)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace) {
            out += QLatin1Char(' ');
            pendingSpace = false;
        }
        out += c;
    }
    return out;
}

QString joinParagraphs(const QStringList &paragraphs, TextBlocks *blocks)
{
    QString out;
    TextBlocks kept;
    for (qsizetype i = 0; i < paragraphs.size(); ++i) {
        const QString p = simplifiedText(paragraphs.at(i));
        if (p.isEmpty())
            continue;
        if (!out.isEmpty())
            out += u"\n\n";
        out += p;
        if (blocks && i < blocks->size())
            kept.append(blocks->at(i));
    }
    if (blocks)
        *blocks = kept;
    return out;
}

} // namespace Lede
