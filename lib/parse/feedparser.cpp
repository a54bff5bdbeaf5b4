// SPDX-License-Identifier: MIT
#include "feedparser.h"

#include "html/htmlfragment.h"
#include "text/datetime.h"
#include "textheuristics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

struct FeedItem
{
    QString title, link, author, date, summary, content, language, source;
    QStringList tags;
};

// Item content is HTML (or plain text that HTML parsing leaves as it is).
Article articleFromItem(
    const FeedItem &item, SourceFormat format, const QString &feedTitle, const QString &feedLanguage)
{
    Article a;
    a.format = format;
    const QString html = item.content.isEmpty() ? item.summary : item.content;
    const FragmentText body = htmlFragmentToText(html);
    a.text = body.text;
    a.blocks = body.blocks;
    a.title = simplifiedText(item.title);
    if (a.title.contains(u'<') || a.title.contains(u'&'))
        a.title = htmlFragmentToText(a.title).text;
    a.url = item.link;
    a.byline = simplifiedText(item.author);
    a.outlet = !item.source.isEmpty() ? item.source : feedTitle;
    a.language = !item.language.isEmpty() ? item.language : feedLanguage;
    if (a.language.isEmpty())
        a.language = TextHeuristics::guessLanguage(a.text);
    a.tags = item.tags;
    const ParsedDate d = parseDate(item.date);
    if (d.isValid()) {
        a.published = d.value;
        a.publishedHasTime = d.hasTime;
    } else if (!item.date.isEmpty()) {
        a.warnings.append(QObject::tr("unreadable date \"%1\"").arg(item.date));
    }
    if (a.text.isEmpty())
        a.warnings.append(QObject::tr("feed item has no content"));
    return a;
}

} // namespace

QList<Article> parseXmlFeed(const QString &xml, SourceFormat format, QString *error)
{
    QXmlStreamReader reader(xml);
    reader.setEntityExpansionLimit(1024);
    QList<FeedItem> items;
    QString feedTitle, feedLanguage;
    FeedItem current;
    bool inItem = false;
    int depth = 0;
    int sourceDepth = -1;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            if (depth > 200) {
                reader.raiseError(QObject::tr("elements nested too deeply"));
                break;
            }
            const QStringView name = reader.name();
            if (depth == 1 && (name == u"feed" || name == u"rss" || name == u"RDF")) {
                feedLanguage = reader.attributes().value(u"xml:lang").toString();
                continue;
            }
            if (name == u"item" || name == u"entry") {
                inItem = true;
                current = FeedItem{};
                current.language = reader.attributes().value(u"xml:lang").toString();
                continue;
            }
            if (name == u"source" && inItem && format == SourceFormat::Atom) {
                sourceDepth = depth;
                continue;
            }
            if (name == u"link") {
                const auto attrs = reader.attributes();
                const QString rel = attrs.value(u"rel").toString();
                if (attrs.hasAttribute(u"href")) {
                    if (inItem && sourceDepth < 0 && (rel.isEmpty() || rel == u"alternate") && current.link.isEmpty())
                        current.link = attrs.value(u"href").toString();
                    continue;
                }
            }
            if (name == u"category" && reader.attributes().hasAttribute(u"term")) {
                if (inItem)
                    current.tags.append(reader.attributes().value(u"term").toString());
                continue;
            }
            if (!inItem) {
                if (name == u"title" && feedTitle.isEmpty() && depth <= 3) {
                    feedTitle = simplifiedText(reader.readElementText(QXmlStreamReader::IncludeChildElements));
                    --depth;
                } else if (name == u"language" && feedLanguage.isEmpty()) {
                    feedLanguage = reader.readElementText().trimmed();
                    --depth;
                }
                continue;
            }
            const QStringView ns = reader.namespaceUri();
            const bool atomHtml = reader.attributes().value(u"type") == u"xhtml";
            auto text = [&] {
                --depth;
                return reader.readElementText(
                    atomHtml ? QXmlStreamReader::IncludeChildElements : QXmlStreamReader::SkipChildElements);
            };
            if (sourceDepth >= 0) {
                if (name == u"title")
                    current.source = simplifiedText(text());
                continue;
            }
            const bool plainOrAtom = ns.isEmpty() || ns.contains(u"2005/Atom");
            if (name == u"title" && plainOrAtom) {
                current.title = text();
            } else if (name == u"link" && plainOrAtom) {
                current.link = text().trimmed();
            } else if (name == u"guid" && current.link.isEmpty()) {
                const bool permalink = reader.attributes().value(u"isPermaLink") != u"false";
                const QString guid = text().trimmed();
                if (permalink && guid.startsWith(u"http"))
                    current.link = guid;
            } else if ((name == u"encoded" && ns.contains(u"rss/1.0/modules/content"))
                || (name == u"content" && plainOrAtom)) {
                current.content = text();
            } else if ((name == u"description" || name == u"summary") && plainOrAtom) {
                current.summary = text();
            } else if (name == u"pubDate" || name == u"published" || (name == u"date" && ns.contains(u"purl.org/dc"))) {
                current.date = text().trimmed();
            } else if (name == u"updated" && current.date.isEmpty()) {
                current.date = text().trimmed();
            } else if (name == u"creator" || name == u"author") {
                if (name == u"author" && format == SourceFormat::Atom)
                    continue; // Atom's <author><name>…</name></author>: read the name below
                current.author = simplifiedText(text());
            } else if (name == u"name") {
                current.author = current.author.isEmpty() ? simplifiedText(text())
                                                          : current.author + u", " + simplifiedText(text());
            } else if (name == u"category" && plainOrAtom) {
                current.tags.append(simplifiedText(text()));
            } else if (name == u"source") {
                current.source = simplifiedText(text());
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (sourceDepth == depth)
                sourceDepth = -1;
            --depth;
            const QStringView name = reader.name();
            if (inItem && (name == u"item" || name == u"entry")) {
                items.append(current);
                inItem = false;
            }
        }
    }
    if (reader.hasError() && items.isEmpty()) {
        if (error)
            *error = QObject::tr("malformed feed: %1 (line %2)").arg(reader.errorString()).arg(reader.lineNumber());
        return {};
    }
    QList<Article> out;
    for (const FeedItem &item : std::as_const(items))
        out.append(articleFromItem(item, format, feedTitle, feedLanguage));
    if (reader.hasError() && !out.isEmpty())
        out.last().warnings.append(QObject::tr("the feed is cut short: %1").arg(reader.errorString()));
    if (out.isEmpty() && error)
        *error = QObject::tr("the feed has no items");
    return out;
}

QList<Article> parseJsonFeed(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = QObject::tr("malformed JSON Feed: %1 at byte %2")
                         .arg(parseError.errorString())
                         .arg(parseError.offset);
        return {};
    }
    const QJsonObject feed = doc.object();
    const QString feedTitle = simplifiedText(feed.value(u"title").toString());
    const QString feedLanguage = feed.value(u"language").toString();
    auto authorsOf = [](const QJsonObject &o) {
        QStringList names;
        for (const auto &a : o.value(u"authors").toArray())
            names.append(a.toObject().value(u"name").toString());
        if (names.isEmpty() && o.value(u"author").isObject())
            names.append(o.value(u"author").toObject().value(u"name").toString());
        names.removeAll(QString());
        return names.join(u", ");
    };
    const QString feedAuthor = authorsOf(feed);
    QList<Article> out;
    for (const auto &value : feed.value(u"items").toArray()) {
        const QJsonObject o = value.toObject();
        FeedItem item;
        item.title = o.value(u"title").toString();
        item.link = o.value(u"url").toString();
        if (item.link.isEmpty())
            item.link = o.value(u"external_url").toString();
        item.author = authorsOf(o);
        if (item.author.isEmpty())
            item.author = feedAuthor;
        item.date = o.value(u"date_published").toString();
        item.summary = o.value(u"summary").toString();
        item.content = o.value(u"content_html").toString();
        if (item.content.isEmpty()) {
            // Plain content: escape it so the HTML extractor keeps its paragraphs as written.
            QString t = o.value(u"content_text").toString().toHtmlEscaped();
            t.replace(u"\n\n"_s, u"</p><p>"_s);
            item.content = u"<p>"_s + t + u"</p>"_s;
        }
        item.language = o.value(u"language").toString();
        for (const auto &tag : o.value(u"tags").toArray())
            item.tags.append(tag.toString());
        out.append(articleFromItem(item, SourceFormat::JsonFeed, feedTitle, feedLanguage));
    }
    if (out.isEmpty() && error)
        *error = QObject::tr("the JSON Feed has no items");
    return out;
}

} // namespace Lede
