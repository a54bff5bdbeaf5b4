// SPDX-License-Identifier: MIT
#include "pagetree.h"

#include "text/unicode.h"

#include <algorithm>
#include <cstring>
#include <string_view>
#include <unordered_map>

namespace Lede::Extract {

using Unicode::appendUtf8;
using Unicode::isSpace;
using Unicode::nextCodePoint;

namespace {

// An element marked as a byline longer than this (in characters) is not one: some pages mark whole bodies.
constexpr int kMaxBylineElementChars = 250;
// A negatively hinted element is kept when a part of it that names the article (or is <article>, <main>, a
// quote) holds at least this many characters and half its text.
constexpr int kMinShieldedChars = 100;
// Up to this many characters, an inline element inside a paragraph is words of its sentence (a
// ticker, an abbreviation), kept whatever its class says; longer ones can be inserted boilerplate.
constexpr int kMaxInlineWordsChars = 24;

/// Characters that count double, so that scores compare across scripts: CJK, and the full-width forms set in it.
bool isWide(char32_t c)
{
    return Unicode::isCjk(c) || Unicode::isFullwidthForm(c);
}

/// The ASCII characters isSpace() takes for white space.
bool isAsciiSpace(unsigned char b)
{
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f';
}

bool isComma(char32_t c)
{
    return c == ',' || c == 0xFF0C || c == 0x3001 || c == 0x060C;
}

bool isSentenceEnd(char32_t c)
{
    return c == '.' || c == '!' || c == '?' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0x2026 || c == ':'
        || c == '"' || c == 0x201D || c == 0xBB || c == ')' || c == 0x300D;
}

bool inList(std::string_view token, std::initializer_list<std::string_view> list)
{
    return std::find(list.begin(), list.end(), token) != list.end();
}

bool containsAny(std::string_view token, std::initializer_list<std::string_view> list)
{
    for (std::string_view s : list) {
        if (token.find(s) != std::string_view::npos)
            return true;
    }
    return false;
}

} // namespace

namespace {

// An id of this many words joined by hyphens, or of a few words one of which is a word of running text, is the slug
// of a heading (an anchor for a table of contents: "menu-innovation-strategies-for-caterers"), not a component's
// name.
constexpr int kSlugWords = 6;
constexpr int kMinSlugWordsWithStopWord = 4;

bool isHeadingSlug(const char *id)
{
    int words = 0;
    bool stopWord = false;
    for (const char *p = id; *p;) {
        const char *start = p;
        while (*p && *p != '-')
            ++p;
        const std::string_view w(start, size_t(p - start));
        for (char c : w) {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
                return false; // a space, an upper-case letter, an underscore: a name, not a slug
        }
        if (w.empty())
            return false;
        ++words;
        stopWord = stopWord
            || inList(w,
                {"a", "an", "and", "the", "of", "to", "for", "in", "on", "with", "how", "what", "why", "is", "are",
                    "your", "you", "from", "by"});
        if (*p)
            ++p;
    }
    return words >= kSlugWords || (words >= kMinSlugWordsWithStopWord && stopWord);
}

/// Hints of an id: none for the slug of a heading, whatever words it holds.
quint8 classifyIdHints(const char *id)
{
    if (!id || !*id || isHeadingSlug(id))
        return HintNone;
    return classifyHints(id);
}

} // namespace

quint8 classifyHints(const char *value)
{
    if (!value || !*value)
        return HintNone;
    quint8 hints = HintNone;
    std::string word;
    auto handleWord = [&](const std::string &raw) {
        if (raw.empty())
            return;
        std::string lower;
        lower.reserve(raw.size());
        std::vector<std::string> tokens;
        std::string tok;
        char prev = 0;
        for (char c : raw) {
            const bool upper = c >= 'A' && c <= 'Z';
            const bool alpha = (c >= 'a' && c <= 'z') || upper;
            const char lc = upper ? char(c + 32) : c;
            lower.push_back(lc);
            if (!alpha || (upper && prev >= 'a' && prev <= 'z')) {
                if (!tok.empty())
                    tokens.push_back(tok);
                tok.clear();
            }
            if (alpha)
                tok.push_back(lc);
            prev = c;
        }
        if (!tok.empty())
            tokens.push_back(tok);
        if (inList(lower,
                {"hidden", "hide", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screenreader",
                    "offscreen", "is-hidden", "u-hidden", "element-invisible", "invisible", "display-none", "d-none",
                    "hidden-all"}))
            hints |= HintHidden;
        if (containsAny(lower,
                {"article", "story", "entry", "postbody", "post-body", "post_body", "post-content", "post_content",
                    "postcontent"}))
            hints |= HintStrongPositive;
        // A page builder's content block is a "widget" of the article's text ("articleWidget", "text-widget"):
        // named with the content it holds, the word does not read as boilerplate.
        bool namesContent = false;
        for (const std::string &t : tokens)
            namesContent = namesContent || inList(t, {"article", "content", "story", "entry", "post", "body", "text"});
        for (const std::string &t : tokens) {
            const std::string_view v(t);
            if (namesContent && inList(v, {"widget", "widgets"}))
                continue;
            if (inList(v, {"comment", "comments", "disqus", "replies", "reply", "respond", "discussion"})
                || (v.find("comment") != std::string_view::npos && v.find("commentary") == std::string_view::npos))
                hints |= HintComments | HintNegative;
            else if (inList(v, {"byline", "bylines", "author", "authors", "writer", "writtenby", "dateline"}))
                hints |= HintByline;
            else if (inList(v,
                         {"ad", "ads", "adv", "advert", "advertisement", "advertising", "dfp", "gpt", "nav", "navbar",
                             "navigation", "menu", "menus", "footer", "sidebar", "aside", "related", "share", "sharing",
                             "shares", "social", "promo", "promotion", "promos", "cookie", "cookies", "consent", "gdpr",
                             "newsletter", "subscribe", "subscription", "signup", "breadcrumb", "breadcrumbs",
                             "caption", "captions", "credit", "credits", "popular", "mostread", "trending",
                             "recommended", "recommendations", "outbrain", "taboola", "sponsor", "sponsored", "banner",
                             "modal", "popup", "overlay", "login", "toolbar", "tags", "tag", "widget", "widgets",
                             "pagination", "pager", "print", "skip", "meta", "bio", "timestamp", "date", "time",
                             "published", "updated", "masthead", "header", "topbar", "rail", "tooltip", "logo",
                             "search", "lightbox", "gallery", "video", "embed", "ticker", "alert", "cta", "follow",
                             "keywords", "topics", "copyright", "disclaimer", "rating", "carousel", "slider", "jump",
                             "toc", "paywall", "donate", "signin", "masthead", "shoutbox", "supplemental", "pullquote",
                             "infobox", "partner", "inline-ad", "adsense", "commercial", "affiliate", "poll", "quiz",
                             "next", "prev", "previous", "feedback"})
                || containsAny(v,
                    {"sidebar", "newsletter", "breadcrumb", "social", "sharing", "sharebar", "advert", "cookie",
                        "related", "popular", "recommend", "sponsor", "subscri", "footer", "navbar", "navigation",
                        "promo", "outbrain", "taboola", "caption", "signup", "mostread", "trending", "masthead",
                        "byline"}))
                hints |= HintNegative;
            else if (inList(v,
                         {"article", "articlebody", "content", "entry", "story", "storybody", "post", "postbody",
                             "body", "text", "main", "blog", "hentry", "prose", "richtext", "copy"})
                || containsAny(v, {"article", "content", "story", "entry"}))
                hints |= HintPositive;
        }
    };
    for (const char *p = value;; ++p) {
        if (*p == 0 || *p == ' ' || *p == '\t' || *p == '\n') {
            handleWord(word);
            word.clear();
            if (*p == 0)
                break;
        } else {
            word.push_back(*p);
        }
    }
    return hints;
}

namespace {

void collectHeadElement(const GumboElement &e, GumboTag tag, PageSources &sources)
{
    if (tag == GUMBO_TAG_META) {
        const char *content = attr(e, "content");
        if (!content)
            return;
        const QString value = QString::fromUtf8(content).simplified();
        if (value.isEmpty())
            return;
        auto put = [&](const char *keyRaw) {
            if (!keyRaw)
                return;
            const QByteArray keys = QByteArray(keyRaw).toLower();
            for (const QByteArray &k : keys.split(' ')) {
                QByteArray key = k.trimmed();
                key.replace('.', ':'); // "dc.title" and "dc:title" are the same key
                if (!key.isEmpty() && !sources.meta.contains(key))
                    sources.meta.insert(key, value);
            }
        };
        put(attr(e, "name"));
        put(attr(e, "property"));
        put(attr(e, "itemprop"));
        if (const char *he = attr(e, "http-equiv"))
            put(QByteArray(QByteArray("http-equiv:") + QByteArray(he).toLower()).constData());
    } else if (tag == GUMBO_TAG_LINK) {
        const char *rel = attr(e, "rel");
        const char *href = attr(e, "href");
        if (rel && href && equalsCi(rel, "canonical") && sources.canonical.isEmpty())
            sources.canonical = QString::fromUtf8(href).trimmed();
    }
}

// A <time> recorded before its node is made; build() sets the index when the node is kept.
constexpr int kTimeNotKept = -1;

/// True when a class attribute names the element the publication date ("published", "publish-date", "pubdate").
bool classSaysPublished(const char *cls)
{
    if (!cls)
        return false;
    std::string lower;
    for (const char *p = cls; *p; ++p)
        lower.push_back((*p >= 'A' && *p <= 'Z') ? char(*p + 32) : *p);
    return lower.find("publish") != std::string::npos || lower.find("pubdate") != std::string::npos;
}

/// Dates in the body: every <time datetime> but those of an update (true when this element's was recorded, for
/// build() to set its node), and the first one marked as the publication date
/// (itemprop=datePublished on any element, <time pubdate>, a <time> classed as published).
bool collectDate(const GumboElement &e, GumboTag tag, const char *itemprop, PageSources &sources)
{
    const char *value = attr(e, "datetime");
    if (!value && tag != GUMBO_TAG_TIME)
        value = attr(e, "content");
    if (!value || !*value)
        return false;
    const QString v = QString::fromUtf8(value).trimmed();
    // a <time> of the last update is not the publication's
    const char *cls = attr(e, "class");
    const bool updated = (itemprop && equalsCi(itemprop, "dateModified"))
        || (cls && (std::strstr(cls, "updated") || std::strstr(cls, "modified")));
    const bool recorded = tag == GUMBO_TAG_TIME && !updated;
    if (recorded)
        sources.times.emplace_back(kTimeNotKept, v);
    if (!sources.markedPublished.isEmpty())
        return recorded;
    const bool marked = (itemprop && (equalsCi(itemprop, "datePublished") || equalsCi(itemprop, "dateCreated")))
        || (tag == GUMBO_TAG_TIME && !updated && (attr(e, "pubdate") || classSaysPublished(cls)));
    if (marked)
        sources.markedPublished = v;
    return recorded;
}

/// Counts characters (not bytes) of text, CJK counted double so that scores compare across scripts.
int countChars(const char *p, int len, int *commas, int *wide)
{
    const char *end = p + len;
    int n = 0;
    while (p < end) {
        if (const auto b = static_cast<unsigned char>(*p); b < 0x80) { // ASCII without the calls below
            ++p;
            if (!isAsciiSpace(b)) {
                ++n;
                *commas += b == ',' ? 1 : 0;
            }
            continue;
        }
        const char32_t c = nextCodePoint(p, end);
        if (isSpace(c))
            continue;
        ++n;
        if (isComma(c))
            ++*commas;
        if (isWide(c)) {
            ++n;
            ++*wide;
        }
    }
    return n;
}

} // namespace

bool equalsCi(const char *a, const char *b)
{
    for (; *a && *b; ++a, ++b) {
        char x = *a, y = *b;
        if (x >= 'A' && x <= 'Z')
            x = char(x + 32);
        if (y >= 'A' && y <= 'Z')
            y = char(y + 32);
        if (x != y)
            return false;
    }
    return *a == *b;
}

const char *attr(const GumboElement &e, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&e.attributes, name);
    return a ? a->value : nullptr;
}

bool isBlockTag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_P:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DIALOG:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_SEARCH:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_PICTURE:
    case GUMBO_TAG_IMG:
        return true;
    default:
        return false;
    }
}

bool isJunkTag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_OUTPUT:
    case GUMBO_TAG_PROGRESS:
    case GUMBO_TAG_METER:
    case GUMBO_TAG_DIALOG:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_RP:
    case GUMBO_TAG_RT:
        return true;
    default:
        return false;
    }
}

bool isHeadingTag(GumboTag t)
{
    return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6;
}

void PageTree::build(GumboNode *root, const HtmlExtractOptions &options, PageSources &sources, QStringList &warnings)
{
    struct Item
    {
        GumboNode *g;
        int parent;
        int depth;
    };
    std::vector<Item> stack;
    stack.push_back({root, -1, 0});
    nodes.reserve(4096);
    bool depthWarned = false;
    // Pages repeat a few class attributes on thousands of elements: each distinct value is classified once. The
    // keys point into gumbo's tree, which outlives this call.
    std::unordered_map<std::string_view, quint8> classHints;
    auto hintsOfClass = [&classHints](const char *value) {
        if (!value || !*value)
            return quint8(HintNone);
        const auto [it, added] = classHints.try_emplace(std::string_view(value), quint8(HintNone));
        if (added)
            it->second = classifyHints(value);
        return it->second;
    };
    while (!stack.empty()) {
        const Item it = stack.back();
        stack.pop_back();
        GumboNode *g = it.g;

        if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE || g->type == GUMBO_NODE_CDATA) {
            if (it.parent < 0)
                continue;
            const char *t = g->v.text.text;
            if (!t || !*t)
                continue;
            if (int(nodes.size()) >= options.maxNodes) {
                truncated = true;
                continue;
            }
            Node n;
            n.parent = it.parent;
            n.flags = FlagText;
            n.text = t;
            n.textLen = int(std::strlen(t));
            const Node &p = nodes[it.parent];
            n.heading = p.heading;
            n.listDepth = p.listDepth;
            n.inPre = p.inPre;
            n.inQuote = p.inQuote;
            n.inLi = p.inLi;
            n.flags |= p.flags & (FlagInLink | FlagFigure);
            const int idx = int(nodes.size());
            nodes.push_back(n);
            nodes[idx].end = idx + 1;
            continue;
        }
        if (g->type != GUMBO_NODE_ELEMENT && g->type != GUMBO_NODE_DOCUMENT && g->type != GUMBO_NODE_TEMPLATE)
            continue;

        if (g->type == GUMBO_NODE_DOCUMENT) {
            const GumboVector &ch = g->v.document.children;
            for (unsigned i = ch.length; i-- > 0;)
                stack.push_back({static_cast<GumboNode *>(ch.data[i]), -1, 0});
            continue;
        }

        const GumboElement &e = g->v.element;
        const GumboTag tag = e.tag;
        if (tag == GUMBO_TAG_HTML) {
            if (const char *lang = attr(e, "lang"))
                sources.htmlLang = QString::fromUtf8(lang).trimmed();
            else if (const char *xl = attr(e, "xml:lang"))
                sources.htmlLang = QString::fromUtf8(xl).trimmed();
        }
        if (tag == GUMBO_TAG_META || tag == GUMBO_TAG_LINK) {
            collectHeadElement(e, tag, sources);
            continue;
        }
        if (tag == GUMBO_TAG_TITLE) {
            if (sources.titleTag.isEmpty() && e.children.length > 0) {
                const auto *c = static_cast<GumboNode *>(e.children.data[0]);
                if (c->type == GUMBO_NODE_TEXT)
                    sources.titleTag = QString::fromUtf8(c->v.text.text).simplified();
            }
            continue;
        }
        if (tag == GUMBO_TAG_SCRIPT) {
            const char *type = attr(e, "type");
            if (type && std::strstr(type, "ld+json") && e.children.length > 0) {
                const auto *c = static_cast<GumboNode *>(e.children.data[0]);
                if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA)
                    sources.jsonLd.emplace_back(c->v.text.text);
            }
            continue;
        }
        if (tag == GUMBO_TAG_HEAD) {
            // Only metadata lives here: look at its children, keep nothing.
            const GumboVector &ch = e.children;
            for (unsigned i = ch.length; i-- > 0;) {
                auto *c = static_cast<GumboNode *>(ch.data[i]);
                if (c->type == GUMBO_NODE_ELEMENT
                    && (c->v.element.tag == GUMBO_TAG_META || c->v.element.tag == GUMBO_TAG_LINK
                        || c->v.element.tag == GUMBO_TAG_TITLE || c->v.element.tag == GUMBO_TAG_SCRIPT))
                    stack.push_back({c, -1, it.depth + 1});
            }
            continue;
        }
        const char *itemprop = attr(e, "itemprop");
        const bool timeRecorded = (tag == GUMBO_TAG_TIME || itemprop) && collectDate(e, tag, itemprop, sources);
        if (isJunkTag(tag) && tag != GUMBO_TAG_HTML)
            continue;
        if (it.parent < 0 && tag != GUMBO_TAG_HTML)
            continue;
        if (it.depth > options.maxDepth) {
            if (!depthWarned)
                warnings << QStringLiteral("document nested deeper than %1 levels; deeper content ignored")
                                .arg(options.maxDepth);
            depthWarned = true;
            continue;
        }
        if (int(nodes.size()) >= options.maxNodes) {
            truncated = true;
            continue;
        }

        // hidden?
        bool hidden = attr(e, "hidden") != nullptr;
        if (const char *ah = attr(e, "aria-hidden");
            ah && equalsCi(ah, "true") && tag != GUMBO_TAG_HTML && tag != GUMBO_TAG_BODY)
            hidden = true;
        if (const char *style = attr(e, "style")) {
            std::string s;
            for (const char *p = style; *p; ++p) {
                if (*p != ' ' && *p != '\t' && *p != '\n')
                    s.push_back((*p >= 'A' && *p <= 'Z') ? char(*p + 32) : *p);
            }
            if (s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos)
                hidden = true;
        }
        if (hidden)
            continue;

        Node n;
        n.parent = it.parent;
        n.tag = tag;
        if (it.parent >= 0) {
            const Node &p = nodes[it.parent];
            n.heading = p.heading;
            n.listDepth = p.listDepth;
            n.inPre = p.inPre;
            n.inQuote = p.inQuote;
            n.inLi = p.inLi;
            n.flags |= p.flags & (FlagInLink | FlagFigure);
        }
        if (isHeadingTag(tag))
            n.heading = quint8(tag - GUMBO_TAG_H1 + 1);
        if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL)
            n.listDepth = quint8(std::min(250, n.listDepth + 1));
        if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING || tag == GUMBO_TAG_XMP || tag == GUMBO_TAG_PLAINTEXT)
            n.inPre = true;
        if (tag == GUMBO_TAG_BLOCKQUOTE)
            n.inQuote = true;
        if (tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT)
            n.inLi = true;
        if (tag == GUMBO_TAG_A)
            n.flags |= FlagInLink;
        if (tag == GUMBO_TAG_FIGURE)
            n.flags |= FlagFigure;
        if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN)
            n.flags |= FlagSemantic;
        if (itemprop && (std::strstr(itemprop, "articleBody") || std::strstr(itemprop, "articlebody")))
            n.flags |= FlagSemantic;
        const char *role = attr(e, "role");
        if (role && equalsCi(role, "main"))
            n.flags |= FlagSemantic;
        n.cls = attr(e, "class");
        const quint8 ch = hintsOfClass(n.cls);
        const quint8 ih = classifyIdHints(attr(e, "id"));
        n.hints = ch | ih;
        int weight = 0;
        if (ch & HintNegative)
            weight -= kClassWeight;
        else if (ch & HintPositive)
            weight += kClassWeight;
        if (ih & HintNegative)
            weight -= kClassWeight;
        else if (ih & HintPositive)
            weight += kClassWeight;
        n.classWeight = ignoreClassHints ? qint8(0) : qint8(weight);
        if (ignoreClassHints)
            n.hints &= quint8(~(HintNegative | HintPositive | HintStrongPositive));
        if (n.inPre && tag != GUMBO_TAG_PRE) {
            // Inside preformatted text (code) class names are syntax highlighting ("hljs-comment", "token
            // keyword"), not the page's structure: they neither drop nor weigh anything.
            n.hints &= HintHidden;
            n.classWeight = 0;
        }
        if (n.hints & (HintNegative | HintComments))
            n.flags &= ~FlagSemantic; // <article class="sidebar-teaser">
        if (role
            && (equalsCi(role, "navigation") || equalsCi(role, "menu") || equalsCi(role, "menubar")
                || equalsCi(role, "complementary") || equalsCi(role, "banner") || equalsCi(role, "contentinfo")
                || equalsCi(role, "alert") || equalsCi(role, "alertdialog") || equalsCi(role, "dialog")
                || equalsCi(role, "search") || equalsCi(role, "toolbar")))
            n.hints |= HintNegative;
        const char *rel = attr(e, "rel");
        if ((rel && equalsCi(rel, "author")) || (itemprop && std::strstr(itemprop, "author")))
            n.hints |= HintByline;
        if (tag == GUMBO_TAG_IMG || tag == GUMBO_TAG_PICTURE)
            n.images = 1;
        if (tag == GUMBO_TAG_BODY)
            body = int(nodes.size());

        const int idx = int(nodes.size());
        if (timeRecorded)
            sources.times.back().first = idx;
        nodes.push_back(n);
        nodes[idx].end = idx + 1; // fixed below
        const GumboVector &children = e.children;
        for (unsigned i = children.length; i-- > 0;)
            stack.push_back({static_cast<GumboNode *>(children.data[i]), idx, it.depth + 1});
        if (tag == GUMBO_TAG_INPUT || tag == GUMBO_TAG_TEXTAREA || tag == GUMBO_TAG_SELECT)
            nodes[idx].inputs = 1;
    }
    // subtree ends: pre-order, so a node's subtree ends where the next node that is not its descendant starts.
    for (int i = int(nodes.size()) - 1; i >= 0; --i) {
        const int p = nodes[i].parent;
        if (p >= 0 && nodes[i].end > nodes[p].end)
            nodes[p].end = nodes[i].end;
    }
    if (truncated)
        warnings << QStringLiteral("page has more than %1 nodes; the rest was ignored").arg(options.maxNodes);
}

void PageTree::markDropped()
{
    // A few words inside a paragraph's sentence (a <span class="ticker">, an <abbr>) are part of it:
    // a class name that reads as boilerplate does not drop them, or the sentence loses its words.
    const auto inlineInParagraph = [this](const Node &n) {
        return n.parent >= 0 && nodes[n.parent].tag == GUMBO_TAG_P && !isBlockTag(n.tag) && n.tag != GUMBO_TAG_A
            && n.rawChars <= kMaxInlineWordsChars;
    };
    const int count = int(nodes.size());
    // raw character counts and the semantic flag, bottom-up
    for (int i = count - 1; i >= 0; --i) {
        Node &n = nodes[i];
        if (n.flags & FlagText) {
            int commas = 0, wide = 0;
            n.rawChars = countChars(n.text, n.textLen, &commas, &wide);
        }
        if (n.flags & FlagSemantic)
            n.flags |= FlagHasSemantic;
        if (n.parent >= 0) {
            Node &p = nodes[n.parent];
            p.rawChars += n.rawChars;
            p.flags |= n.flags & FlagHasSemantic;
            const bool positive = !(n.flags & FlagText)
                && (((n.hints & HintStrongPositive) && !(n.hints & HintNegative)) || (n.flags & FlagSemantic)
                    || n.tag == GUMBO_TAG_BLOCKQUOTE);
            p.positiveChars = std::max(p.positiveChars, positive ? n.rawChars : n.positiveChars);
        }
    }
    const int pageChars = body >= 0 ? nodes[body].rawChars : (count ? nodes[0].rawChars : 0);
    // top-down
    for (int i = 0; i < count; ++i) {
        Node &n = nodes[i];
        if (n.parent >= 0 && (nodes[n.parent].flags & FlagDropped)) {
            n.flags |= FlagDropped;
            continue;
        }
        if (n.parent >= 0 && (nodes[n.parent].flags & FlagByline))
            n.flags |= FlagByline;
        else if ((n.hints & HintByline) && n.rawChars < kMaxBylineElementChars)
            n.flags |= FlagByline;
        if (n.flags & FlagText)
            continue;
        const GumboTag t = n.tag;
        if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY || (n.flags & FlagHasSemantic))
            continue;
        const bool big = pageChars > 0 && n.rawChars * 2 > pageChars; // more than half the page
        bool drop = false;
        if (n.hints & HintHidden)
            drop = true;
        else if ((n.hints & HintComments) && !(ignoreClassHints && big))
            drop = true; // with class names ignored, a "comment" name does not drop most of the page
        else if ((n.hints & HintNegative) && !big && !inlineInParagraph(n)
            && !(n.positiveChars >= kMinShieldedChars && n.positiveChars * 2 >= n.rawChars))
            drop = true;
        else if ((t == GUMBO_TAG_NAV || t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_MENU
                     || t == GUMBO_TAG_FIGCAPTION)
            && !big)
            drop = true;
        else if (t == GUMBO_TAG_HEADER && !big)
            drop = true;
        if (drop)
            n.flags |= FlagDropped;
    }
}

void PageTree::aggregate()
{
    for (int i = int(nodes.size()) - 1; i >= 0; --i) {
        Node &n = nodes[i];
        if (n.flags & FlagDropped)
            continue;
        if (n.flags & FlagText) {
            int commas = 0, wide = 0;
            n.chars = countChars(n.text, n.textLen, &commas, &wide);
            n.commas = commas;
            if (n.flags & FlagInLink)
                n.linkChars = n.chars;
        }
        if (n.tag == GUMBO_TAG_P && n.chars > 0)
            n.paragraphs += 1;
        if (n.tag == GUMBO_TAG_LI)
            n.listItems += 1;
        if (n.parent >= 0) {
            Node &p = nodes[n.parent];
            if (!(n.flags & FlagText) && (isBlockTag(n.tag) || (n.flags & FlagBlockInside)))
                p.flags |= FlagBlockInside;
            p.chars += n.chars;
            p.linkChars += n.linkChars;
            p.commas += n.commas;
            p.paragraphs += n.paragraphs;
            p.listItems += n.listItems;
            p.images += n.images;
            p.inputs += n.inputs;
            p.embeds += n.embeds;
        }
    }
}

void PageTree::flush(std::string &buf, int owner, int &chars, int &links, int &commas, int &wide)
{
    // trim trailing space
    while (!buf.empty() && buf.back() == ' ')
        buf.pop_back();
    if (!buf.empty() && chars > 0) {
        Block b;
        b.owner = owner;
        b.chars = chars;
        b.linkChars = links;
        b.commas = commas;
        b.wide = wide;
        // last non-space code point
        const char *p = buf.data();
        const char *end = p + buf.size();
        char32_t last = 0;
        while (p < end)
            last = nextCodePoint(p, end);
        b.endsSentence = isSentenceEnd(last);
        b.text = std::move(buf);
        blocks.push_back(std::move(b));
    }
    buf.clear();
    chars = links = commas = wide = 0;
}

void PageTree::segment()
{
    // Iterative walk with exit events so that block boundaries are seen on both sides of an element.
    std::string buf;
    int chars = 0, links = 0, commas = 0, wide = 0;
    int brRun = 0;
    std::vector<int> ownerStack;
    std::vector<int> exits; // indices awaiting their exit event, innermost last
    const int count = int(nodes.size());
    int owner = 0;
    auto closeUntil = [&](int i) {
        // leave every open element whose subtree ends at or before i
        while (!exits.empty() && nodes[exits.back()].end <= i) {
            const int x = exits.back();
            exits.pop_back();
            if (isBlockTag(nodes[x].tag)) {
                flush(buf, owner, chars, links, commas, wide);
                brRun = 0;
                ownerStack.pop_back();
                owner = ownerStack.empty() ? 0 : ownerStack.back();
            }
        }
    };
    for (int i = 0; i < count; ++i) {
        closeUntil(i);
        const Node &n = nodes[i];
        if (n.flags & FlagDropped) {
            // skip the subtree; a dropped block still separates paragraphs
            if (!(n.flags & FlagText) && isBlockTag(n.tag)) {
                flush(buf, owner, chars, links, commas, wide);
                brRun = 0;
            }
            i = n.end - 1;
            continue;
        }
        if (n.flags & FlagText) {
            const char *p = n.text;
            const char *end = p + n.textLen;
            while (p < end) {
                if (const auto b = static_cast<unsigned char>(*p); b >= 0x20 && b < 0x7F) {
                    // printable ASCII without the calls below
                    ++p;
                    if (b == ' ') {
                        if (!buf.empty() && buf.back() != ' ')
                            buf.push_back(' ');
                        continue;
                    }
                    brRun = 0;
                    buf.push_back(char(b));
                    ++chars;
                    commas += b == ',' ? 1 : 0;
                    links += (n.flags & FlagInLink) ? 1 : 0;
                    continue;
                }
                const char32_t c = nextCodePoint(p, end);
                if (isSpace(c)) {
                    if (!buf.empty() && buf.back() != ' ')
                        buf.push_back(' ');
                    continue;
                }
                if (c < 0x20 || c == 0xFFFD || (c >= 0x7F && c < 0xA0))
                    continue;
                brRun = 0;
                appendUtf8(buf, c);
                ++chars;
                if (isWide(c)) {
                    ++chars;
                    ++wide;
                }
                if (isComma(c))
                    ++commas;
                if (n.flags & FlagInLink)
                    ++links;
            }
            continue;
        }
        if (n.tag == GUMBO_TAG_BR) {
            if (++brRun >= 2 && chars > 0) {
                flush(buf, owner, chars, links, commas, wide);
            } else if (!buf.empty() && buf.back() != ' ') {
                buf.push_back(' ');
            }
            continue;
        }
        if (isBlockTag(n.tag)) {
            flush(buf, owner, chars, links, commas, wide);
            brRun = 0;
            ownerStack.push_back(i);
            owner = i;
        }
        exits.push_back(i);
    }
    closeUntil(count + 1);
    flush(buf, owner, chars, links, commas, wide);
}

} // namespace Lede::Extract
