// SPDX-License-Identifier: MIT
#include "jsonld.h"

#include "metadata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gumbo.h>

namespace Lede::Extract {

using namespace Qt::StringLiterals;

namespace {

// A JSON-LD articleBody shorter than this (in UTF-16 units) is a summary, not the article.
constexpr qsizetype kMinJsonLdBody = 200;
// Share of the JSON-LD headline's words the page's title must hold for the JSON-LD article to be the page's own.
constexpr double kSameHeadline = 0.6;
// Letters and digits the JSON-LD text must have at least to be used at all.
constexpr qsizetype kMinJsonLdText = 150;
// A DOM text with fewer letters and digits than this gave almost nothing (then a JSON-LD body 3× longer wins).
constexpr qsizetype kAlmostNothing = 200;
// Otherwise both texts must open with the same words: this many ...
constexpr int kOpeningWords = 8;
// ... making at least this many letters and digits, so that a common short opening does not count.
constexpr qsizetype kMinOpeningKey = 20;
// JSON-LD scripts nest objects in arrays and @graph; deeper than this is not an article.
constexpr int kMaxJsonLdDepth = 8;

bool isArticleType(const QJsonValue &type)
{
    auto one = [](const QString &t) {
        static const QStringList types = {u"Article"_s, u"NewsArticle"_s, u"BlogPosting"_s, u"ReportageNewsArticle"_s,
            u"AnalysisNewsArticle"_s, u"OpinionNewsArticle"_s, u"BackgroundNewsArticle"_s, u"ReviewNewsArticle"_s,
            u"AdvertiserContentArticle"_s, u"SatiricalArticle"_s, u"ScholarlyArticle"_s, u"MedicalScholarlyArticle"_s,
            u"SocialMediaPosting"_s, u"TechArticle"_s, u"APIReference"_s, u"Report"_s, u"LiveBlogPosting"_s,
            u"DiscussionForumPosting"_s};
        QString s = t;
        const qsizetype slash = s.lastIndexOf(u'/');
        if (slash >= 0)
            s = s.mid(slash + 1);
        return types.contains(s);
    };
    if (type.isString())
        return one(type.toString());
    if (type.isArray()) {
        for (const QJsonValue &v : type.toArray()) {
            if (v.isString() && one(v.toString()))
                return true;
        }
    }
    return false;
}

QString jsonName(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().simplified();
    if (v.isObject())
        return v.toObject().value(u"name"_s).toString().simplified();
    if (v.isArray()) {
        QStringList names;
        for (const QJsonValue &a : v.toArray()) {
            const QString n = jsonName(a);
            if (!n.isEmpty() && !names.contains(n))
                names << n;
        }
        return names.join(u", "_s);
    }
    return {};
}

void scanJsonLd(const QJsonValue &v, int depth, JsonLdArticle &ld)
{
    if (depth > kMaxJsonLdDepth || ld.found)
        return;
    if (v.isArray()) {
        for (const QJsonValue &x : v.toArray())
            scanJsonLd(x, depth + 1, ld);
        return;
    }
    if (!v.isObject())
        return;
    const QJsonObject o = v.toObject();
    if (o.contains(u"@graph"_s))
        scanJsonLd(o.value(u"@graph"_s), depth + 1, ld);
    if (ld.found || !isArticleType(o.value(u"@type"_s)))
        return;
    ld.found = true;
    ld.headline = o.value(u"headline"_s).toString().simplified();
    ld.name = o.value(u"name"_s).toString().simplified();
    ld.author = jsonName(o.value(u"author"_s));
    ld.datePublished = o.value(u"datePublished"_s).toString().trimmed();
    if (ld.datePublished.isEmpty())
        ld.datePublished = o.value(u"dateCreated"_s).toString().trimmed();
    ld.publisher = jsonName(o.value(u"publisher"_s));
    ld.articleBody = o.value(u"articleBody"_s).toString();
    ld.description = o.value(u"description"_s).toString().simplified();
    ld.language = o.value(u"inLanguage"_s).toString().trimmed();
    const QJsonValue url = o.value(u"url"_s);
    ld.url = url.isString() ? url.toString().trimmed() : QString();
}

void parseJsonLd(const QByteArray &raw, JsonLdArticle &ld)
{
    QByteArray json = raw.trimmed();
    if (json.startsWith("<![CDATA["))
        json = json.mid(9);
    if (json.endsWith("]]>"))
        json.chop(3);
    QJsonParseError err;
    QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError) {
        // Some pages put raw newlines or tabs inside strings; replace control characters and try again.
        for (char &c : json) {
            if (c == '\n' || c == '\r' || c == '\t')
                c = ' ';
        }
        doc = QJsonDocument::fromJson(json, &err);
        if (err.error != QJsonParseError::NoError)
            return;
    }
    if (doc.isArray())
        scanJsonLd(doc.array(), 0, ld);
    else if (doc.isObject())
        scanJsonLd(doc.object(), 0, ld);
}

/// The first `n` words of a text, as a loose comparison key.
QString openingKey(const QString &text, int n)
{
    QString key;
    int words = 0;
    bool inWord = false;
    for (QChar c : text) {
        if (c.isLetterOrNumber()) {
            if (!inWord && ++words > n)
                break;
            inWord = true;
            key.append(c.toLower());
        } else {
            inWord = false;
        }
    }
    return key;
}

/// Whether a plain-text articleBody looks like HTML markup rather than text.
bool looksLikeMarkup(const QString &s)
{
    static const QString tags[] = {u"<p>"_s, u"<p "_s, u"</p>"_s, u"<br"_s, u"<div"_s, u"</div>"_s, u"<h2"_s, u"<ul"_s};
    for (const QString &t : tags) {
        if (s.contains(t, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

/// Decodes character references ("&amp;", "&#8217;") in text that is not markup, with the HTML parser's own
/// rules (the text is parsed as the content of a <title>, where references count and tags do not).
QString decodeCharacterReferences(const QString &s)
{
    if (!s.contains(u'&') || s.contains(u"</"_s))
        return s;
    const QByteArray doc = "<title>" + s.toUtf8() + "</title>";
    GumboOutput *output = gumbo_parse_with_options(&kGumboDefaultOptions, doc.constData(), size_t(doc.size()));
    if (!output)
        return s;
    QString out = s;
    std::vector<const GumboNode *> stack{output->root};
    while (!stack.empty()) {
        const GumboNode *n = stack.back();
        stack.pop_back();
        if (n->type != GUMBO_NODE_ELEMENT)
            continue;
        if (n->v.element.tag == GUMBO_TAG_TITLE) {
            QString text;
            const GumboVector &ch = n->v.element.children;
            for (unsigned i = 0; i < ch.length; ++i) {
                const auto *c = static_cast<const GumboNode *>(ch.data[i]);
                if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE)
                    text += QString::fromUtf8(c->v.text.text);
            }
            out = text;
            break;
        }
        const GumboVector &ch = n->v.element.children;
        for (unsigned i = ch.length; i-- > 0;)
            stack.push_back(static_cast<const GumboNode *>(ch.data[i]));
    }
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    return out;
}

/// Splits a plain-text articleBody into paragraphs: at line breaks, or, when it has none, at a run of two or more
/// spaces after the end of a sentence and before a capital letter or an opening quote (where pages joined their
/// paragraphs).
QStringList plainBodyParagraphs(const QString &body)
{
    QStringList out;
    if (body.contains(u'\n')) {
        for (const QString &line : body.split(u'\n')) {
            const QString p = line.simplified();
            if (!p.isEmpty())
                out << p;
        }
        return out;
    }
    qsizetype start = 0;
    for (qsizetype i = 1; i + 2 < body.size(); ++i) {
        if (body[i] != u' ' || body[i + 1] != u' ')
            continue;
        qsizetype j = i;
        while (j < body.size() && body[j].isSpace())
            ++j;
        const QChar before = body[i - 1];
        const bool sentenceEnd = before == u'.' || before == u'!' || before == u'?' || before == u'"'
            || before == QChar(0x201D) || before == u':';
        if (sentenceEnd && j < body.size()
            && (body[j].isUpper() || body[j] == u'"' || body[j] == QChar(0x201C) || body[j] == QChar(0x2018))) {
            const QString p = body.mid(start, i - start).simplified();
            if (!p.isEmpty())
                out << p;
            start = j;
        }
        i = j - 1;
    }
    const QString last = body.mid(start).simplified();
    if (!last.isEmpty())
        out << last;
    return out;
}

} // namespace

JsonLdArticle readJsonLd(const std::vector<QByteArray> &scripts)
{
    JsonLdArticle ld;
    for (const QByteArray &s : scripts)
        parseJsonLd(s, ld);
    return ld;
}

void preferJsonLdBody(const JsonLdArticle &ld, const QString &pageTitle, ExtractedPage &page,
    const std::function<ExtractedPage(const QString &html)> &extractNested)
{
    if (ld.articleBody.size() < kMinJsonLdBody)
        return;
    if (!ld.headline.isEmpty() && titleSimilarity(ld.headline, pageTitle) < kSameHeadline)
        return;

    QString text;
    TextBlocks blocks;
    if (looksLikeMarkup(ld.articleBody)) {
        const ExtractedPage sub
            = extractNested(u"<html><body><article>"_s + ld.articleBody + u"</article></body></html>"_s);
        text = sub.text;
        blocks = sub.blocks;
    } else {
        const QStringList paragraphs = plainBodyParagraphs(decodeCharacterReferences(ld.articleBody));
        text = paragraphs.join(u"\n\n"_s);
        blocks = TextBlocks(paragraphs.size());
    }
    const qsizetype fromLd = looseKey(text).size();
    const qsizetype dom = looseKey(page.text).size();
    if (fromLd < kMinJsonLdText || fromLd <= dom)
        return;
    const bool almostNothing = dom < kAlmostNothing && fromLd >= 3 * dom;
    bool agree = false;
    if (!almostNothing && dom * 2 < fromLd) {
        const QString a = openingKey(page.text, kOpeningWords), b = openingKey(text, kOpeningWords);
        agree = a.size() >= kMinOpeningKey && a == b;
    }
    if (!almostNothing && !agree)
        return;
    page.text = text;
    page.blocks = blocks;
}

} // namespace Lede::Extract
