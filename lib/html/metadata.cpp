// SPDX-License-Identifier: MIT
#include "metadata.h"

#include "text/datetime.h"

#include <QRegularExpression>
#include <QUrl>

namespace Lede::Extract {

using namespace Qt::StringLiterals;

namespace {

// A byline (names, once "By" and a date are cut) is shorter than this; longer text marked as one is not.
constexpr qsizetype kMaxBylineChars = 100;
// An outlet's name taken from the <title> is at most this long and has at most this many spaces: a longer part is
// a second headline.
constexpr qsizetype kMaxSiteNameChars = 40;
constexpr qsizetype kMaxSiteNameSpaces = 4;

} // namespace

QString metaValue(const PageSources &sources, std::initializer_list<const char *> keys)
{
    for (const char *k : keys) {
        const auto it = sources.meta.constFind(QByteArray(k));
        if (it != sources.meta.constEnd() && !it->isEmpty())
            return *it;
    }
    return {};
}

/// Loose comparison key: letters and digits only, lower case.
QString looseKey(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (QChar c : s) {
        if (c.isLetterOrNumber())
            out.append(c.toLower());
    }
    return out;
}

/// The first element outside comment sections marked as a byline (rel=author, itemprop=author, class or id
/// byline/author/dateline) with a short text.
QString findDomByline(const PageTree &tree)
{
    const int count = int(tree.nodes.size());
    for (int i = 0; i < count; ++i) {
        const Node &n = tree.nodes[i];
        if (n.flags & FlagText)
            continue;
        if (n.hints & (HintComments | HintHidden)) {
            i = n.end - 1;
            continue;
        }
        if (!(n.hints & HintByline) || n.rawChars == 0 || n.rawChars >= kMaxBylineChars)
            continue;
        // prefer the innermost marked element: <p class=byline>By <a rel=author>Name</a> · date</p>
        int inner = i;
        for (bool deeper = true; deeper;) {
            deeper = false;
            for (int j = inner + 1; j < tree.nodes[inner].end; ++j) {
                const Node &c = tree.nodes[j];
                if (!(c.flags & FlagText) && (c.hints & HintByline) && c.rawChars > 0) {
                    inner = j;
                    deeper = true;
                    break;
                }
            }
        }
        i = inner;
        const Node &b = tree.nodes[inner];
        std::string text;
        for (int j = i + 1; j < b.end; ++j) {
            const Node &t = tree.nodes[j];
            if (!(t.flags & FlagText))
                continue;
            text.push_back(' ');
            text.append(t.text, size_t(t.textLen));
        }
        const QString s = QString::fromStdString(text).simplified();
        if (!s.isEmpty() && s.size() < kMaxBylineChars && !cleanByline(s).isEmpty())
            return s;
    }
    return {};
}

QString stripSiteSuffix(const QString &title, const QString &site)
{
    if (site.isEmpty())
        return title;
    static const QString seps[]
        = {u" | "_s, u" - "_s, u" – "_s, u" — "_s, u" :: "_s, u" · "_s, u" • "_s, u" / "_s, u" » "_s};
    const QString siteKey = looseKey(site);
    for (const QString &sep : seps) {
        const qsizetype pos = title.lastIndexOf(sep);
        if (pos > 0) {
            const QString tail = title.mid(pos + sep.size());
            if (looseKey(tail) == siteKey || (siteKey.size() > 3 && looseKey(tail).startsWith(siteKey)))
                return title.left(pos).trimmed();
        }
        if (title.indexOf(sep) > 0) {
            const qsizetype first = title.indexOf(sep);
            if (looseKey(title.left(first)) == siteKey)
                return title.mid(first + sep.size()).trimmed();
        }
    }
    return title;
}

QString cleanByline(QString s)
{
    s = s.simplified();
    static const QStringList notNames = {u"by"_s, u"von"_s, u"par"_s, u"por"_s, u"di"_s, u"door"_s, u"author"_s,
        u"authors"_s, u"written by"_s, u"posted by"_s};
    if (notNames.contains(s.toLower()) || s.startsWith(u"last updated"_s, Qt::CaseInsensitive)
        || s.startsWith(u"updated"_s, Qt::CaseInsensitive) || s.startsWith(u"published"_s, Qt::CaseInsensitive))
        return {};
    static const QString prefixes[] = {u"posted by "_s, u"written by "_s, u"words by "_s, u"reported by "_s, u"by "_s,
        u"von "_s, u"par "_s, u"por "_s, u"di "_s, u"door "_s, u"av "_s, u"af "_s};
    for (const QString &p : prefixes) {
        if (s.startsWith(p, Qt::CaseInsensitive)) {
            s = s.mid(p.size()).trimmed();
            break;
        }
    }
    // a date or time after the name ("Jane Doe May 20, 2019", "Jane Doe - Apr 16, 2015 8:02 pm UTC")
    qsizetype cut = -1;
    for (qsizetype i = 1; i < s.size(); ++i) {
        if (s[i].isDigit() && s[i - 1] == u' ') {
            cut = i;
            break;
        }
    }
    if (cut > 0) {
        QString head = s.left(cut).trimmed();
        for (int round = 0; round < 3; ++round) {
            while (!head.isEmpty() && !head.back().isLetter() && head.back() != u')')
                head.chop(1);
            const qsizetype lastSpace = head.lastIndexOf(u' ');
            const QString lastWord = head.mid(lastSpace + 1).toLower().remove(u'.');
            static const QStringList months = {u"jan"_s, u"january"_s, u"feb"_s, u"february"_s, u"mar"_s, u"march"_s,
                u"apr"_s, u"april"_s, u"may"_s, u"jun"_s, u"june"_s, u"jul"_s, u"july"_s, u"aug"_s, u"august"_s,
                u"sep"_s, u"sept"_s, u"september"_s, u"oct"_s, u"october"_s, u"nov"_s, u"november"_s, u"dec"_s,
                u"december"_s, u"updated"_s, u"published"_s, u"on"_s, u"monday"_s, u"tuesday"_s, u"wednesday"_s,
                u"thursday"_s, u"friday"_s, u"saturday"_s, u"sunday"_s};
            if (lastSpace > 0 && months.contains(lastWord))
                head = head.left(lastSpace).trimmed();
        }
        while (!head.isEmpty() && !head.back().isLetter() && head.back() != u')')
            head.chop(1);
        if (!head.isEmpty())
            s = head;
    }
    // a section or a place after the name ("Jane Doe in Valve", "Jane Doe in Washington"): a name
    // of a few capitalised words does not go on with a lowercase "in"
    if (const qsizetype in = s.indexOf(u" in "_s); in > 0) {
        const QStringList words = s.left(in).split(u' ', Qt::SkipEmptyParts);
        const bool nameLike = words.size() <= 4
            && std::all_of(words.cbegin(), words.cend(), [](const QString &w) { return w.front().isUpper(); });
        if (nameLike)
            s = s.left(in).trimmed();
    }
    if (s.size() > kMaxBylineChars)
        return {};
    return s;
}

bool looksLikeUrl(const QString &s)
{
    return s.startsWith(u"http://"_s) || s.startsWith(u"https://"_s) || s.startsWith(u"//"_s)
        || s.startsWith(u"www."_s);
}

/// Share of the words of `candidate` found in `reference` (case-insensitive).
double titleSimilarity(const QString &candidate, const QString &reference)
{
    const QStringList words = candidate.toLower().split(QRegularExpression(u"\\W+"_s), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return 0;
    const QString ref = reference.toLower();
    int found = 0;
    for (const QString &w : words)
        found += ref.contains(w) ? 1 : 0;
    return double(found) / words.size();
}

/// The outlet named by the <title> when nothing else names it: "Headline - Outlet" (or "Outlet | Headline"),
/// where the headline part is the page's own title (og:title, twitter:title, the JSON-LD headline or the <h1>)
/// and the other part is short.
QString siteFromTitleTag(const PageSources &sources, const JsonLdArticle &ld)
{
    if (sources.titleTag.isEmpty())
        return {};
    QStringList heads;
    for (const QString &h :
        {metaValue(sources, {"og:title"}), metaValue(sources, {"twitter:title"}), ld.headline, sources.h1}) {
        if (!h.isEmpty())
            heads << looseKey(h);
    }
    if (heads.isEmpty())
        return {};
    static const QString seps[]
        = {u" | "_s, u" - "_s, u" – "_s, u" — "_s, u" :: "_s, u" · "_s, u" • "_s, u" / "_s, u" » "_s};
    auto plausible = [](const QString &name) {
        return !name.isEmpty() && name.size() <= kMaxSiteNameChars && name.count(u' ') <= kMaxSiteNameSpaces
            && !looseKey(name).isEmpty();
    };
    for (const QString &sep : seps) {
        const qsizetype last = sources.titleTag.lastIndexOf(sep);
        if (last > 0) {
            const QString tail = sources.titleTag.mid(last + sep.size()).trimmed();
            if (plausible(tail) && heads.contains(looseKey(sources.titleTag.left(last))))
                return tail;
        }
        const qsizetype first = sources.titleTag.indexOf(sep);
        if (first > 0) {
            const QString lead = sources.titleTag.left(first).trimmed();
            if (plausible(lead) && heads.contains(looseKey(sources.titleTag.mid(first + sep.size()))))
                return lead;
        }
    }
    return {};
}

void readMetadata(const PageTree &tree, PageSources &sources, const JsonLdArticle &ld,
    const HtmlExtractOptions &options, ExtractedPage &page)
{
    for (const Block &b : tree.blocks) {
        if (tree.nodes[size_t(b.owner)].heading == 1) {
            sources.h1 = QString::fromStdString(b.text).simplified();
            break;
        }
    }

    // site name
    QString site = ld.publisher;
    if (site.isEmpty())
        site = metaValue(sources,
            {"og:site_name", "application-name", "al:android:app_name", "al:iphone:app_name",
                "twitter:app:name:iphone"});
    // With no name given, the outlet is later derived from the page's address; a page that names no address
    // (saved without it) may still name its outlet in the <title>.
    if (site.isEmpty() && sources.canonical.isEmpty() && metaValue(sources, {"og:url", "twitter:url"}).isEmpty()
        && ld.url.isEmpty() && options.sourceUrl.isEmpty())
        site = siteFromTitleTag(sources, ld);
    page.siteName = site;

    // title
    QString title;
    if (!ld.headline.isEmpty() && !ld.name.isEmpty() && ld.headline != ld.name) {
        // Some pages name a topic and head the article otherwise (or the reverse): take whichever agrees more
        // with the page's own title.
        const QString pageTitle = sources.titleTag + u' ' + metaValue(sources, {"og:title"});
        title = titleSimilarity(ld.name, pageTitle) > titleSimilarity(ld.headline, pageTitle) ? ld.name : ld.headline;
    } else if (!ld.headline.isEmpty()) {
        title = ld.headline;
    }
    if (title.isEmpty())
        title = metaValue(sources,
            {"dc:title", "dcterm:title", "dcterms:title", "og:title", "title", "twitter:title", "parsely-title",
                "sailthru:title", "headline"});
    if (title.isEmpty() && !ld.name.isEmpty())
        title = ld.name;
    if (title.isEmpty())
        title = sources.titleTag;
    title = stripSiteSuffix(title, site);
    page.title = title;

    // byline
    QString byline = ld.author;
    if (byline.isEmpty() || looksLikeUrl(byline))
        byline = metaValue(sources,
            {"dc:creator", "dcterm:creator", "dcterms:creator", "author", "parsely-author", "sailthru:author",
                "article:author_name", "byl", "dc:creator"});
    if (byline.isEmpty()) {
        const QString a = metaValue(sources, {"article:author", "og:article:author"});
        if (!looksLikeUrl(a))
            byline = a;
    }
    page.byline = cleanByline(byline);

    // published
    QString pub = ld.datePublished;
    if (pub.isEmpty())
        pub = metaValue(sources,
            {"article:published_time", "og:article:published_time", "datepublished", "dc:date:issued", "dcterms:issued",
                "dc:date", "dcterms:date", "dcterms:created", "date", "pubdate", "publishdate", "publish-date",
                "publish_date", "parsely-pub-date", "sailthru:date", "article:published", "published-date",
                "release_date", "og:published_time", "article:published", "dc:date:created", "originalpublicationdate",
                "displaydate"});
    if (pub.isEmpty())
        pub = sources.markedPublished;
    // Else the first <time> of the article, once it is chosen (see dateFromTimes()).
    page.published = normalizeDateTime(pub);

    // language
    QString lang = sources.htmlLang;
    if (lang.isEmpty())
        lang = metaValue(sources,
            {"http-equiv:content-language", "content-language", "language", "dc:language", "dcterms:language"});
    if (lang.isEmpty())
        lang = ld.language;
    if (lang.isEmpty()) {
        lang = metaValue(sources, {"og:locale"});
        lang.replace(u'_', u'-');
    }
    page.language = lang;

    // url
    QString url = sources.canonical;
    if (url.isEmpty())
        url = metaValue(sources, {"og:url", "twitter:url"});
    if (url.isEmpty())
        url = ld.url;
    if (!url.isEmpty() && !options.sourceUrl.isEmpty()) {
        const QUrl base(options.sourceUrl);
        url = base.resolved(QUrl(url)).toString();
    }
    if (url.isEmpty())
        url = options.sourceUrl;
    page.url = url;

    page.excerpt = metaValue(sources, {"og:description", "description", "twitter:description", "dc:description"});
    if (page.excerpt.isEmpty())
        page.excerpt = ld.description;
}

QString dateFromTimes(const PageSources &sources, const std::vector<int> &selected, const std::vector<Node> &nodes)
{
    for (const auto &[node, value] : sources.times) {
        if (node < 0)
            continue;
        for (int s : selected) {
            if (s <= node && node < nodes[size_t(s)].end) {
                if (QString d = normalizeDateTime(value); !d.isEmpty())
                    return d;
            }
        }
    }
    for (const auto &[node, value] : sources.times) {
        if (QString d = normalizeDateTime(value); !d.isEmpty())
            return d;
    }
    return {};
}

} // namespace Lede::Extract
