// SPDX-License-Identifier: MIT
#include "feedparser.h"

#include "html/htmlfragment.h"
#include "text/datetime.h"
#include "textheuristics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

struct FeedItem
{
    QString title, link, author, date, summary, content, language, source;
    QStringList tags;
};

// The outlet of a feed's items. A feed's title is often its section ("Technology") or a section and the
// outlet ("Business | The Guardian"): of the title, its parts and the names the feed gives as its author
// or publisher, the one that names the feed's site (npr.org, theguardian.com) is the outlet, the shortest
// of equally close ones. With none naming the site, the title.
QString feedOutlet(const QString &title, const QStringList &names, const QString &siteUrl)
{
    QStringList candidates;
    if (!title.isEmpty())
        candidates.append(title);
    static const QRegularExpression separator(uR"(\s+[|:·•–—-]\s+)"_s);
    const QStringList parts = title.split(separator, Qt::SkipEmptyParts);
    if (parts.size() > 1)
        candidates += parts;
    candidates += names;
    QString best;
    int bestRank = 0;
    int bestWords = 0;
    for (const QString &c : std::as_const(candidates)) {
        const int rank = siteUrl.isEmpty() ? 0 : TextHeuristics::nameMatchesSite(c, siteUrl);
        const int words = TextHeuristics::wordCount(c);
        if (rank > bestRank || (rank > 0 && rank == bestRank && words < bestWords)) {
            best = simplifiedText(c);
            bestRank = rank;
            bestWords = words;
        }
    }
    if (bestRank > 0)
        return best;
    return !title.isEmpty() ? title : names.value(0);
}

// Item content is HTML (or plain text that HTML parsing leaves as it is).
Article articleFromItem(
    const FeedItem &item, SourceFormat format, const QString &feedOutlet, const QString &feedLanguage)
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
    a.outlet = !item.source.isEmpty() ? item.source : feedOutlet;
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
    QString feedTitle, feedLanguage, feedLink, feedId;
    QStringList feedNames; // the feed's author or publisher
    FeedItem current;
    bool inItem = false;
    bool inFeedAuthor = false;
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
                    else if (!inItem && (rel.isEmpty() || rel == u"alternate") && feedLink.isEmpty())
                        feedLink = attrs.value(u"href").toString();
                    continue;
                }
            }
            if (name == u"category" && reader.attributes().hasAttribute(u"term")) {
                if (inItem)
                    current.tags.append(reader.attributes().value(u"term").toString());
                continue;
            }
            if (!inItem) {
                const bool dc = reader.namespaceUri().contains(u"purl.org/dc");
                if (name == u"title" && feedTitle.isEmpty() && depth <= 3) {
                    feedTitle = simplifiedText(reader.readElementText(QXmlStreamReader::IncludeChildElements));
                    --depth;
                } else if (name == u"language" && feedLanguage.isEmpty()) {
                    feedLanguage = reader.readElementText().trimmed();
                    --depth;
                } else if (name == u"link" && !dc && feedLink.isEmpty() && depth <= 3) {
                    feedLink = reader.readElementText().trimmed();
                    --depth;
                } else if (name == u"id" && feedId.isEmpty() && depth == 2) {
                    feedId = reader.readElementText().trimmed();
                    --depth;
                } else if (name == u"author" && depth == 2) {
                    inFeedAuthor = true;
                } else if ((name == u"name" && inFeedAuthor)
                    || (dc && (name == u"publisher" || name == u"creator") && depth <= 3)) {
                    feedNames.append(simplifiedText(reader.readElementText()));
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
            if (!inItem && name == u"author")
                inFeedAuthor = false;
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
    QString site = feedLink.startsWith(u"http") ? feedLink : feedId.startsWith(u"http") ? feedId : QString();
    if (site.isEmpty() && !items.isEmpty())
        site = items.first().link;
    feedNames.removeAll(QString());
    const QString outlet = feedOutlet(feedTitle, feedNames, site);
    QList<Article> out;
    for (const FeedItem &item : std::as_const(items))
        out.append(articleFromItem(item, format, outlet, feedLanguage));
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
    auto namesOf = [](const QJsonObject &o) {
        QStringList names;
        for (const auto &a : o.value(u"authors").toArray())
            names.append(simplifiedText(a.toObject().value(u"name").toString()));
        if (names.isEmpty() && o.value(u"author").isObject())
            names.append(simplifiedText(o.value(u"author").toObject().value(u"name").toString()));
        names.removeAll(QString());
        return names;
    };
    auto authorsOf = [&](const QJsonObject &o) { return namesOf(o).join(u", "); };
    const QString feedAuthor = authorsOf(feed);
    QString site = feed.value(u"home_page_url").toString();
    if (!site.startsWith(u"http"))
        site = feed.value(u"feed_url").toString();
    if (!site.startsWith(u"http"))
        site = feed.value(u"items").toArray().first().toObject().value(u"url").toString();
    const QString outlet = feedOutlet(feedTitle, namesOf(feed), site);
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
        out.append(articleFromItem(item, SourceFormat::JsonFeed, outlet, feedLanguage));
    }
    if (out.isEmpty() && error)
        *error = QObject::tr("the JSON Feed has no items");
    return out;
}

} // namespace Lede
