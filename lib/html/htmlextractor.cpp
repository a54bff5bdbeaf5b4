// SPDX-License-Identifier: MIT
//
// Article extraction from HTML. gumbo builds the DOM; we copy the parts that matter into a flat pre-order array
// (so that every pass is a loop over indices, no recursion), then:
//   1. drop what is never article text: scripts, forms' controls, hidden nodes, and subtrees whose tag, role or
//      class/id marks them as navigation, ads, share bars, comments, related lists and the like;
//   2. cut the rest into text blocks (runs of inline content between block-level boundaries);
//   3. score containers from the blocks they hold, the way Readability does (text length, commas, link density,
//      tag and class/id hints), pick the best one and the siblings that continue it;
//   4. clean the chosen subtrees (link-heavy lists, image galleries, bylines, the headline repeated, boilerplate
//      lines) and write canonical text.
// Metadata comes from <title>, <meta>, JSON-LD, <time>, <link rel=canonical>, <html lang> and byline elements.
#include "htmlextractor.h"

#include "encoding.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

constexpr qsizetype kMaxInputBytes = 48 * 1024 * 1024; // larger documents are cut (with a warning)

// ---------------------------------------------------------------------------------------------------------------
// UTF-8 helpers

/// Decodes one code point at p (valid UTF-8, as gumbo produces); advances p.
char32_t nextCodePoint(const char *&p, const char *end)
{
    const auto c = static_cast<unsigned char>(*p++);
    if (c < 0x80)
        return c;
    int extra = (c >= 0xF0) ? 3 : (c >= 0xE0) ? 2 : (c >= 0xC0) ? 1 : 0;
    char32_t cp = c & (0x3F >> extra);
    while (extra-- > 0 && p < end && (static_cast<unsigned char>(*p) & 0xC0) == 0x80)
        cp = (cp << 6) | (static_cast<unsigned char>(*p++) & 0x3F);
    return cp;
}

bool isSpace(char32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0 || c == 0x200B || c == 0x2009
        || c == 0x202F || c == 0x3000 || c == 0xFEFF || (c >= 0x2000 && c <= 0x200A);
}

bool isWide(char32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFF00 && c <= 0xFFEF);
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

void appendUtf8(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(char(cp));
    } else if (cp < 0x800) {
        out.push_back(char(0xC0 | (cp >> 6)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(char(0xE0 | (cp >> 12)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (cp >> 18)));
        out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    }
}

QString collapsed(const QString &s)
{
    return s.simplified();
}

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

// ---------------------------------------------------------------------------------------------------------------
// class/id hints

enum Hint : quint8 {
    HintNone = 0,
    HintPositive = 1,
    HintNegative = 2,
    HintComments = 4, // comment sections: dropped even when large
    HintByline = 8,
    HintHidden = 16,
    HintStrongPositive = 32, // names the article itself: shields it from a negative ancestor
};

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

/// Classifies a class or id attribute value. Words are split at spaces, and each word into tokens at '-', '_',
/// digits and camelCase humps.
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
        for (const std::string &t : tokens) {
            const std::string_view v(t);
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

// ---------------------------------------------------------------------------------------------------------------
// The flat tree

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

/// Elements whose content is never article text.
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

enum NodeFlag : quint16 {
    FlagText = 1,
    FlagDropped = 2, // not article text (set on the subtree root and propagated)
    FlagSemantic = 4, // <article>, <main>, itemprop=articleBody, role=main
    FlagHasSemantic = 8, // a descendant (or itself) is semantic
    FlagInLink = 16,
    FlagByline = 32,
    FlagFigure = 64, // inside <figure>
    FlagBlockInside = 128, // a kept descendant element is block-level
};

struct Node
{
    int parent = -1;
    int end = 0; // one past the last index of the subtree (pre-order)
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    quint16 flags = 0;
    quint8 hints = 0;
    qint8 classWeight = 0;
    quint8 heading = 0; // 1–6 inside a heading
    quint8 listDepth = 0;
    bool inPre = false;
    bool inQuote = false;
    bool inLi = false;
    const char *cls = nullptr; // class attribute (owned by gumbo)
    const char *text = nullptr; // text nodes: UTF-8, entity-decoded, owned by gumbo
    int textLen = 0;
    // aggregates over kept content
    int rawChars = 0;
    int positiveChars = 0; // largest rawChars of a positively hinted or semantic strict descendant
    int chars = 0;
    int linkChars = 0;
    int commas = 0;
    int paragraphs = 0; // <p> descendants with text
    int listItems = 0;
    int images = 0;
    int inputs = 0;
    int embeds = 0;
    double score = 0;
    bool scored = false;
};

struct Block
{
    int owner = -1; // nearest block-level element
    std::string text;
    int chars = 0;
    int linkChars = 0;
    int commas = 0;
    int wide = 0; // CJK characters
    bool endsSentence = false;
};

struct JsonLdArticle
{
    QString headline, name, author, datePublished, publisher, articleBody, description, url, language;
    bool found = false;
};

// ---------------------------------------------------------------------------------------------------------------

class Extractor
{
public:
    Extractor(const HtmlExtractOptions &options, ExtractedPage &out) : m_options(options), m_out(out) { }

    void run(const QString &html);

private:
    void build(GumboNode *root);
    void collectHeadElement(const GumboElement &e, GumboTag tag);
    void markDropped();
    void aggregate();
    void segment();
    void flush(std::string &buf, int owner, int &chars, int &links, int &commas, int &wide);
    int selectContent(std::vector<int> &selected);
    void cleanSelected(const std::vector<int> &selected);
    void writeText(const std::vector<int> &selected);
    void finishMetadata();
    QString findDomByline() const;
    void parseJsonLd(const QByteArray &json);
    void scanJsonLd(const QJsonValue &v, int depth);
    QString metaValue(std::initializer_list<const char *> keys) const;
    QString siteFromTitleTag() const;
    void preferJsonLdBody();

    double initialScore(const Node &n) const;
    double linkDensity(const Node &n) const { return n.chars ? double(n.linkChars) / n.chars : 0.0; }

    const HtmlExtractOptions &m_options;
    ExtractedPage &m_out;
    std::vector<Node> m_nodes;
    std::vector<Block> m_blocks;
    std::vector<char> m_keepNode; // after cleaning
    std::vector<char> m_keepBlock;
    int m_body = -1;
    bool m_truncated = false;

    // metadata sources
    QHash<QByteArray, QString> m_meta;
    QString m_titleTag;
    QString m_htmlLang;
    QString m_canonical;
    QString m_firstTime;
    QString m_domByline;
    QString m_h1;
    std::vector<QByteArray> m_jsonLd;
    JsonLdArticle m_ld;
    bool m_nested = false; // extracting the HTML of a JSON-LD articleBody
};

void Extractor::collectHeadElement(const GumboElement &e, GumboTag tag)
{
    if (tag == GUMBO_TAG_META) {
        const char *content = attr(e, "content");
        if (!content)
            return;
        const QString value = collapsed(QString::fromUtf8(content));
        if (value.isEmpty())
            return;
        auto put = [&](const char *keyRaw) {
            if (!keyRaw)
                return;
            const QByteArray keys = QByteArray(keyRaw).toLower();
            for (const QByteArray &k : keys.split(' ')) {
                QByteArray key = k.trimmed();
                key.replace('.', ':'); // "dc.title" and "dc:title" are the same key
                if (!key.isEmpty() && !m_meta.contains(key))
                    m_meta.insert(key, value);
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
        if (rel && href && equalsCi(rel, "canonical") && m_canonical.isEmpty())
            m_canonical = QString::fromUtf8(href).trimmed();
    }
}

void Extractor::build(GumboNode *root)
{
    struct Item
    {
        GumboNode *g;
        int parent;
        int depth;
    };
    std::vector<Item> stack;
    stack.push_back({root, -1, 0});
    m_nodes.reserve(4096);
    bool depthWarned = false;
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
            if (int(m_nodes.size()) >= m_options.maxNodes) {
                m_truncated = true;
                continue;
            }
            Node n;
            n.parent = it.parent;
            n.flags = FlagText;
            n.text = t;
            n.textLen = int(std::strlen(t));
            const Node &p = m_nodes[it.parent];
            n.heading = p.heading;
            n.listDepth = p.listDepth;
            n.inPre = p.inPre;
            n.inQuote = p.inQuote;
            n.inLi = p.inLi;
            n.flags |= p.flags & (FlagInLink | FlagFigure);
            const int idx = int(m_nodes.size());
            m_nodes.push_back(n);
            m_nodes[idx].end = idx + 1;
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
                m_htmlLang = QString::fromUtf8(lang).trimmed();
            else if (const char *xl = attr(e, "xml:lang"))
                m_htmlLang = QString::fromUtf8(xl).trimmed();
        }
        if (tag == GUMBO_TAG_META || tag == GUMBO_TAG_LINK) {
            collectHeadElement(e, tag);
            continue;
        }
        if (tag == GUMBO_TAG_TITLE) {
            if (m_titleTag.isEmpty() && e.children.length > 0) {
                const auto *c = static_cast<GumboNode *>(e.children.data[0]);
                if (c->type == GUMBO_NODE_TEXT)
                    m_titleTag = collapsed(QString::fromUtf8(c->v.text.text));
            }
            continue;
        }
        if (tag == GUMBO_TAG_SCRIPT) {
            const char *type = attr(e, "type");
            if (type && std::strstr(type, "ld+json") && e.children.length > 0) {
                const auto *c = static_cast<GumboNode *>(e.children.data[0]);
                if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA)
                    m_jsonLd.emplace_back(c->v.text.text);
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
        if (tag == GUMBO_TAG_TIME && m_firstTime.isEmpty()) {
            const char *dt = attr(e, "datetime");
            if (dt)
                m_firstTime = QString::fromUtf8(dt).trimmed();
        }
        if (isJunkTag(tag) && tag != GUMBO_TAG_HTML)
            continue;
        if (it.parent < 0 && tag != GUMBO_TAG_HTML)
            continue;
        if (it.depth > m_options.maxDepth) {
            if (!depthWarned)
                m_out.warnings << QStringLiteral("document nested deeper than %1 levels; deeper content ignored")
                                      .arg(m_options.maxDepth);
            depthWarned = true;
            continue;
        }
        if (int(m_nodes.size()) >= m_options.maxNodes) {
            m_truncated = true;
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
            const Node &p = m_nodes[it.parent];
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
        const char *itemprop = attr(e, "itemprop");
        if (itemprop && (std::strstr(itemprop, "articleBody") || std::strstr(itemprop, "articlebody")))
            n.flags |= FlagSemantic;
        const char *role = attr(e, "role");
        if (role && equalsCi(role, "main"))
            n.flags |= FlagSemantic;
        n.cls = attr(e, "class");
        const quint8 ch = classifyHints(n.cls);
        const quint8 ih = classifyHints(attr(e, "id"));
        n.hints = ch | ih;
        int weight = 0;
        if (ch & HintNegative)
            weight -= 25;
        else if (ch & HintPositive)
            weight += 25;
        if (ih & HintNegative)
            weight -= 25;
        else if (ih & HintPositive)
            weight += 25;
        n.classWeight = qint8(weight);
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
            m_body = int(m_nodes.size());

        const int idx = int(m_nodes.size());
        m_nodes.push_back(n);
        m_nodes[idx].end = idx + 1; // fixed below
        const GumboVector &children = e.children;
        for (unsigned i = children.length; i-- > 0;)
            stack.push_back({static_cast<GumboNode *>(children.data[i]), idx, it.depth + 1});
        if (tag == GUMBO_TAG_INPUT || tag == GUMBO_TAG_TEXTAREA || tag == GUMBO_TAG_SELECT)
            m_nodes[idx].inputs = 1;
    }
    // subtree ends: pre-order, so a node's subtree ends where the next node that is not its descendant starts.
    for (int i = int(m_nodes.size()) - 1; i >= 0; --i) {
        const int p = m_nodes[i].parent;
        if (p >= 0 && m_nodes[i].end > m_nodes[p].end)
            m_nodes[p].end = m_nodes[i].end;
    }
    if (m_truncated)
        m_out.warnings << QStringLiteral("page has more than %1 nodes; the rest was ignored").arg(m_options.maxNodes);
}

/// Counts characters (not bytes) of text, CJK counted double so that scores compare across scripts.
int countChars(const char *p, int len, int *commas, int *wide)
{
    const char *end = p + len;
    int n = 0;
    while (p < end) {
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

void Extractor::markDropped()
{
    const int count = int(m_nodes.size());
    // raw character counts and the semantic flag, bottom-up
    for (int i = count - 1; i >= 0; --i) {
        Node &n = m_nodes[i];
        if (n.flags & FlagText) {
            int commas = 0, wide = 0;
            n.rawChars = countChars(n.text, n.textLen, &commas, &wide);
        }
        if (n.flags & FlagSemantic)
            n.flags |= FlagHasSemantic;
        if (n.parent >= 0) {
            Node &p = m_nodes[n.parent];
            p.rawChars += n.rawChars;
            p.flags |= n.flags & FlagHasSemantic;
            const bool positive = !(n.flags & FlagText)
                && (((n.hints & HintStrongPositive) && !(n.hints & HintNegative)) || (n.flags & FlagSemantic)
                    || n.tag == GUMBO_TAG_BLOCKQUOTE);
            p.positiveChars = std::max(p.positiveChars, positive ? n.rawChars : n.positiveChars);
        }
    }
    const int pageChars = m_body >= 0 ? m_nodes[m_body].rawChars : (count ? m_nodes[0].rawChars : 0);
    // top-down
    for (int i = 0; i < count; ++i) {
        Node &n = m_nodes[i];
        if (n.parent >= 0 && (m_nodes[n.parent].flags & FlagDropped)) {
            n.flags |= FlagDropped;
            continue;
        }
        if (n.parent >= 0 && (m_nodes[n.parent].flags & FlagByline))
            n.flags |= FlagByline;
        else if ((n.hints & HintByline) && n.rawChars < 250)
            n.flags |= FlagByline;
        if (n.flags & FlagText)
            continue;
        const GumboTag t = n.tag;
        if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY || (n.flags & FlagHasSemantic))
            continue;
        const bool big = pageChars > 0 && n.rawChars * 2 > pageChars;
        bool drop = false;
        if (n.hints & HintHidden)
            drop = true;
        else if (n.hints & HintComments)
            drop = true;
        else if ((n.hints & HintNegative) && !big && !(n.positiveChars >= 100 && n.positiveChars * 2 >= n.rawChars))
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

void Extractor::aggregate()
{
    for (int i = int(m_nodes.size()) - 1; i >= 0; --i) {
        Node &n = m_nodes[i];
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
            Node &p = m_nodes[n.parent];
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

void Extractor::flush(std::string &buf, int owner, int &chars, int &links, int &commas, int &wide)
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
        m_blocks.push_back(std::move(b));
    }
    buf.clear();
    chars = links = commas = wide = 0;
}

void Extractor::segment()
{
    // Iterative walk with exit events so that block boundaries are seen on both sides of an element.
    std::string buf;
    int chars = 0, links = 0, commas = 0, wide = 0;
    int brRun = 0;
    std::vector<int> ownerStack;
    std::vector<int> exits; // indices awaiting their exit event, innermost last
    const int count = int(m_nodes.size());
    int owner = 0;
    auto closeUntil = [&](int i) {
        // leave every open element whose subtree ends at or before i
        while (!exits.empty() && m_nodes[exits.back()].end <= i) {
            const int x = exits.back();
            exits.pop_back();
            if (isBlockTag(m_nodes[x].tag)) {
                flush(buf, owner, chars, links, commas, wide);
                brRun = 0;
                ownerStack.pop_back();
                owner = ownerStack.empty() ? 0 : ownerStack.back();
            }
        }
    };
    for (int i = 0; i < count; ++i) {
        closeUntil(i);
        const Node &n = m_nodes[i];
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

double Extractor::initialScore(const Node &n) const
{
    double s = n.classWeight;
    switch (n.tag) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_MAIN:
        s += 5;
        break;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
        s += 3;
        break;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
        s -= 3;
        break;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
        s -= 5;
        break;
    default:
        break;
    }
    if (n.flags & FlagSemantic)
        s += 10;
    return s;
}

int Extractor::selectContent(std::vector<int> &selected)
{
    std::vector<int> candidates;
    for (const Block &b : m_blocks) {
        if (b.chars < 25)
            continue;
        const Node &o = m_nodes[b.owner];
        if (o.heading || (o.flags & FlagByline))
            continue;
        // text directly inside a container that also holds blocks belongs to the container itself
        int start = b.owner;
        const bool paragraphLike = o.tag == GUMBO_TAG_P || o.tag == GUMBO_TAG_PRE || o.tag == GUMBO_TAG_TD
            || o.tag == GUMBO_TAG_LI || o.tag == GUMBO_TAG_DD || o.tag == GUMBO_TAG_BLOCKQUOTE || (o.end - b.owner) <= 1
            || (o.paragraphs == 0 && !(o.flags & FlagBlockInside));
        if (paragraphLike && o.parent >= 0 && m_nodes[o.parent].tag != GUMBO_TAG_HTML)
            start = o.parent;
        double content = 1.0 + b.commas + std::min(b.chars / 100.0, 3.0);
        if (o.inLi)
            content *= 0.5;
        int level = 0;
        for (int a = start; a >= 0 && level < 5; a = m_nodes[a].parent, ++level) {
            Node &an = m_nodes[a];
            if (an.tag == GUMBO_TAG_HTML)
                break;
            if (!an.scored) {
                an.scored = true;
                an.score = initialScore(an);
                candidates.push_back(a);
            }
            const double div = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
            an.score += content / div;
        }
    }
    if (candidates.empty())
        return -1;
    int top = -1;
    double topScore = -1e9;
    std::vector<std::pair<double, int>> ranked;
    for (int c : candidates) {
        Node &n = m_nodes[c];
        n.score *= (1.0 - linkDensity(n));
        ranked.emplace_back(n.score, c);
        if (n.score > topScore) {
            topScore = n.score;
            top = c;
        }
    }
    std::sort(ranked.begin(), ranked.end(), [](auto &a, auto &b) { return a.first > b.first; });

    auto isAncestor = [&](int a, int d) { return a <= d && d < m_nodes[a].end; };

    // Several near-top candidates sharing an ancestor: the article is split; take the common ancestor.
    {
        std::vector<int> alts;
        for (size_t i = 1; i < ranked.size() && i < 5; ++i) {
            if (ranked[i].first / topScore >= 0.75)
                alts.push_back(ranked[i].second);
        }
        if (alts.size() >= 3) {
            for (int p = m_nodes[top].parent; p >= 0 && m_nodes[p].tag != GUMBO_TAG_BODY; p = m_nodes[p].parent) {
                int containing = 0;
                for (int a : alts)
                    containing += isAncestor(p, a) ? 1 : 0;
                if (containing >= 3) {
                    top = p;
                    break;
                }
            }
        }
    }
    // Walk up while the parent scores better.
    {
        double lastScore = m_nodes[top].score;
        const double threshold = lastScore / 3;
        for (int p = m_nodes[top].parent; p >= 0 && m_nodes[p].tag != GUMBO_TAG_BODY; p = m_nodes[p].parent) {
            if (!m_nodes[p].scored)
                continue;
            if (m_nodes[p].score < threshold)
                break;
            if (m_nodes[p].score > lastScore) {
                top = p;
                break;
            }
            lastScore = m_nodes[p].score;
        }
    }
    // An only child stands for its parent.
    auto elementChildren = [&](int p, std::vector<int> &out) {
        out.clear();
        for (int c = p + 1; c < m_nodes[p].end; c = m_nodes[c].end) {
            const Node &cn = m_nodes[c];
            if (cn.flags & FlagText) {
                if (cn.chars > 0 && !(cn.flags & FlagDropped))
                    out.push_back(c);
                continue;
            }
            out.push_back(c);
        }
    };
    std::vector<int> kids;
    for (int p = m_nodes[top].parent; p >= 0 && m_nodes[p].tag != GUMBO_TAG_BODY && m_nodes[p].tag != GUMBO_TAG_HTML;
         p = m_nodes[p].parent) {
        elementChildren(p, kids);
        if (kids.size() != 1)
            break;
        top = p;
    }
    if (!m_nodes[top].scored) {
        m_nodes[top].scored = true;
        m_nodes[top].score = initialScore(m_nodes[top]);
    }
    const double topS = std::max(m_nodes[top].score, topScore);

    // Siblings that continue the article.
    selected.clear();
    const int parent = m_nodes[top].parent;
    if (parent < 0 || m_nodes[top].tag == GUMBO_TAG_BODY) {
        selected.push_back(top);
        return top;
    }
    const double threshold = std::max(10.0, topS * 0.2);
    elementChildren(parent, kids);
    std::vector<int> firstBlock(m_nodes.size(), -1);
    for (size_t bi = m_blocks.size(); bi-- > 0;)
        firstBlock[size_t(m_blocks[bi].owner)] = int(bi);
    for (int s : kids) {
        if (s == top) {
            selected.push_back(s);
            continue;
        }
        const Node &sn = m_nodes[s];
        if (sn.flags & FlagDropped)
            continue;
        double bonus = 0;
        const Node &tn = m_nodes[top];
        const bool sameClass = tn.cls && sn.cls && *tn.cls && std::strcmp(tn.cls, sn.cls) == 0;
        if (sameClass)
            bonus = topS * 0.2;
        if (!(sn.flags & FlagText) && linkDensity(sn) < 0.25 && sn.paragraphs >= 2
            && (sameClass || sn.chars * 3 >= tn.chars)) {
            selected.push_back(s);
            continue;
        }
        if (sn.scored && sn.score + bonus >= threshold) {
            selected.push_back(s);
            continue;
        }
        if (sn.tag == GUMBO_TAG_P || (sn.flags & FlagText)) {
            const double ld = linkDensity(sn);
            if (sn.chars > 80 && ld < 0.25)
                selected.push_back(s);
            else if (sn.chars > 0 && sn.chars <= 80 && ld == 0) {
                // a short paragraph ending a sentence
                if (firstBlock[size_t(s)] >= 0 && m_blocks[size_t(firstBlock[size_t(s)])].endsSentence)
                    selected.push_back(s);
            }
        }
    }
    return top;
}

void Extractor::cleanSelected(const std::vector<int> &selected)
{
    m_keepNode.assign(m_nodes.size(), 1);
    // Conditional cleaning of containers inside the selection (after Readability's _cleanConditionally).
    for (int root : selected) {
        for (int i = root + 1; i < m_nodes[root].end; ++i) {
            const Node &n = m_nodes[i];
            if (n.flags & (FlagText | FlagDropped))
                continue;
            const GumboTag t = n.tag;
            const bool isList = t == GUMBO_TAG_UL || t == GUMBO_TAG_OL;
            if (!(t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_TABLE || t == GUMBO_TAG_UL
                    || t == GUMBO_TAG_OL || t == GUMBO_TAG_FORM || t == GUMBO_TAG_FIELDSET || t == GUMBO_TAG_ASIDE
                    || t == GUMBO_TAG_HEADER || t == GUMBO_TAG_FIGURE))
                continue;
            bool remove = false;
            const double ld = linkDensity(n);
            const int weight = n.classWeight;
            if (n.commas < 10) {
                const int p = n.paragraphs;
                const int li = n.listItems - 100;
                if (n.images > 1 && double(p) / n.images < 0.5 && !(n.flags & FlagFigure) && n.chars < 200)
                    remove = true;
                else if (!isList && li > p && n.chars < 500)
                    remove = true;
                else if (n.inputs > p / 3 && n.inputs > 0)
                    remove = true;
                else if (n.chars < 25 && (n.images == 0 || n.images > 2) && !(n.flags & FlagFigure))
                    remove = true;
                else if (weight < 25 && ld > 0.33)
                    remove = true;
                else if (weight >= 25 && ld > 0.5)
                    remove = true;
                else if (t == GUMBO_TAG_FIGURE)
                    remove = true;
            }
            if (remove) {
                for (int j = i; j < n.end; ++j)
                    m_keepNode[j] = 0;
                i = n.end - 1;
            }
        }
    }
}

QString Extractor::metaValue(std::initializer_list<const char *> keys) const
{
    for (const char *k : keys) {
        const auto it = m_meta.constFind(QByteArray(k));
        if (it != m_meta.constEnd() && !it->isEmpty())
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

QString cleanByline(QString s);

/// The first element outside comment sections marked as a byline (rel=author, itemprop=author, class or id
/// byline/author/dateline) with a short text.
QString Extractor::findDomByline() const
{
    const int count = int(m_nodes.size());
    for (int i = 0; i < count; ++i) {
        const Node &n = m_nodes[i];
        if (n.flags & FlagText)
            continue;
        if (n.hints & (HintComments | HintHidden)) {
            i = n.end - 1;
            continue;
        }
        if (!(n.hints & HintByline) || n.rawChars == 0 || n.rawChars >= 100)
            continue;
        // prefer the innermost marked element: <p class=byline>By <a rel=author>Name</a> · date</p>
        int inner = i;
        for (bool deeper = true; deeper;) {
            deeper = false;
            for (int j = inner + 1; j < m_nodes[inner].end; ++j) {
                const Node &c = m_nodes[j];
                if (!(c.flags & FlagText) && (c.hints & HintByline) && c.rawChars > 0) {
                    inner = j;
                    deeper = true;
                    break;
                }
            }
        }
        i = inner;
        const Node &b = m_nodes[inner];
        std::string text;
        for (int j = i + 1; j < b.end; ++j) {
            const Node &t = m_nodes[j];
            if (!(t.flags & FlagText))
                continue;
            text.push_back(' ');
            text.append(t.text, size_t(t.textLen));
        }
        const QString s = QString::fromStdString(text).simplified();
        if (!s.isEmpty() && s.size() < 100 && !cleanByline(s).isEmpty())
            return s;
    }
    return {};
}

/// Short lines that sit at the edges of an article body without being part of it: calls to subscribe, follow,
/// share, advertisement labels, copyright lines.
bool isBoilerplateLine(const QString &text)
{
    if (text.size() > 320)
        return false;
    const QString l = text.toLower();
    static const QString exact[] = {u"advertisement"_s, u"advertisements"_s, u"anzeige"_s, u"publicidad"_s,
        u"publicité"_s, u"pubblicità"_s, u"sponsored"_s, u"related"_s, u"related articles"_s, u"related stories"_s,
        u"read more"_s, u"share"_s, u"share this"_s, u"share this article"_s, u"continue reading"_s};
    const QString trimmed = l.trimmed().remove(u':');
    for (const QString &e : exact) {
        if (trimmed == e)
            return true;
    }
    static const QString phrases[] = {u"sign up for"_s, u"sign up to"_s, u"sign up now"_s, u"subscribe to"_s,
        u"subscribe now"_s, u"subscribe today"_s, u"subscribe for"_s, u"newsletter"_s, u"follow us"_s, u"follow @"_s,
        u"follow her on"_s, u"follow him on"_s, u"follow them on"_s, u"click here"_s, u"all rights reserved"_s,
        u"copyright ©"_s, u"©"_s, u"have a tip"_s, u"share this"_s, u"download our app"_s, u"like us on facebook"_s,
        u"read more:"_s, u"related:"_s, u"see also:"_s};
    for (const QString &ph : phrases) {
        if (l.contains(ph))
            return true;
    }
    return false;
}

bool looksLikeBylineLine(const QString &text)
{
    if (text.size() > 80)
        return false;
    static const QString prefixes[]
        = {u"By "_s, u"BY "_s, u"Written by "_s, u"Words by "_s, u"Von "_s, u"Par "_s, u"Por "_s};
    for (const QString &p : prefixes) {
        if (text.startsWith(p) && text.size() > p.size() && text[p.size()].isUpper())
            return true;
    }
    return false;
}

/// "5 min read", "Reading time: 4 minutes", "3-minute read".
bool looksLikeReadingTime(const QString &text)
{
    static const QRegularExpression re(
        u"^(reading time:?\\s*)?(about |approx\\.? |~)?\\d+[\\s-]*(min|mins|minute|minutes)\\.?(\\s+(read|reading))?$"_s,
        QRegularExpression::CaseInsensitiveOption);
    return text.size() < 40 && re.match(text.trimmed()).hasMatch();
}

void Extractor::writeText(const std::vector<int> &selected)
{
    const QString titleKey = looseKey(m_out.title);
    const QString titleTagKey = looseKey(m_titleTag);
    bool seenBody = false;
    std::vector<char> selectedNode(m_nodes.size(), 0);
    for (int r : selected)
        std::fill(selectedNode.begin() + r, selectedNode.begin() + m_nodes[r].end, char(1));
    auto inSelection = [&](int owner) { return selectedNode[size_t(owner)] != 0; };
    struct Out
    {
        int block;
        TextBlock kind;
    };
    std::vector<Out> kept;
    for (size_t bi = 0; bi < m_blocks.size(); ++bi) {
        const Block &b = m_blocks[bi];
        if (!inSelection(b.owner) || !m_keepNode[b.owner])
            continue;
        const Node &o = m_nodes[b.owner];
        if (o.flags & FlagByline) {
            if (m_domByline.isEmpty() && b.chars < 100)
                m_domByline = QString::fromStdString(b.text);
            continue;
        }
        if (b.chars > 0 && double(b.linkChars) / b.chars > 0.6 && !o.inLi)
            continue;
        if (o.heading || (!seenBody && b.chars < 200)) {
            const QString t = QString::fromStdString(b.text).trimmed();
            const QString key = looseKey(t);
            if (!key.isEmpty() && (key == titleKey || key == titleTagKey || titleTagKey.startsWith(key)))
                continue;
            if (o.heading == 1 && !seenBody)
                continue;
            if (!seenBody && looksLikeBylineLine(t)) {
                if (m_domByline.isEmpty())
                    m_domByline = t;
                continue;
            }
            if (!seenBody && b.chars < 60 && (!normalizeDateTime(t).isEmpty() || looksLikeReadingTime(t)))
                continue;
        }
        TextBlock tb;
        if (o.heading) {
            tb.kind = TextBlock::Heading;
            tb.level = o.heading;
        } else if (o.inPre) {
            tb.kind = TextBlock::Preformatted;
        } else if (o.inLi) {
            tb.kind = TextBlock::ListItem;
            tb.level = o.listDepth;
        } else if (o.inQuote) {
            tb.kind = TextBlock::Quote;
        }
        if (!o.heading && b.chars >= 40)
            seenBody = true;
        kept.push_back({int(bi), tb});
    }
    // Calls to action and labels at either end.
    auto boiler = [&](const Out &k) {
        const Block &b = m_blocks[size_t(k.block)];
        return b.chars <= 320 && isBoilerplateLine(QString::fromStdString(b.text));
    };
    while (!kept.empty() && boiler(kept.back()))
        kept.pop_back();
    size_t first = 0;
    while (first < kept.size() && boiler(kept[first]))
        ++first;

    std::string text;
    for (size_t i = first; i < kept.size(); ++i) {
        const Block &b = m_blocks[size_t(kept[i].block)];
        if (b.chars < 40 && i > first && i + 1 < kept.size() && boiler(kept[i]))
            continue; // "Advertisement" between paragraphs
        if (!text.empty())
            text += "\n\n";
        size_t start = 0;
        while (start < b.text.size() && b.text[start] == ' ')
            ++start;
        text.append(b.text, start, std::string::npos);
        m_out.blocks.push_back(kept[i].kind);
    }
    m_out.text = QString::fromStdString(text);
}

// ---------------------------------------------------------------------------------------------------------------
// JSON-LD

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
        return collapsed(v.toString());
    if (v.isObject())
        return collapsed(v.toObject().value(u"name"_s).toString());
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

void Extractor::scanJsonLd(const QJsonValue &v, int depth)
{
    if (depth > 8 || m_ld.found)
        return;
    if (v.isArray()) {
        for (const QJsonValue &x : v.toArray())
            scanJsonLd(x, depth + 1);
        return;
    }
    if (!v.isObject())
        return;
    const QJsonObject o = v.toObject();
    if (o.contains(u"@graph"_s))
        scanJsonLd(o.value(u"@graph"_s), depth + 1);
    if (m_ld.found || !isArticleType(o.value(u"@type"_s)))
        return;
    m_ld.found = true;
    m_ld.headline = collapsed(o.value(u"headline"_s).toString());
    m_ld.name = collapsed(o.value(u"name"_s).toString());
    m_ld.author = jsonName(o.value(u"author"_s));
    m_ld.datePublished = o.value(u"datePublished"_s).toString().trimmed();
    if (m_ld.datePublished.isEmpty())
        m_ld.datePublished = o.value(u"dateCreated"_s).toString().trimmed();
    m_ld.publisher = jsonName(o.value(u"publisher"_s));
    m_ld.articleBody = o.value(u"articleBody"_s).toString();
    m_ld.description = collapsed(o.value(u"description"_s).toString());
    m_ld.language = o.value(u"inLanguage"_s).toString().trimmed();
    const QJsonValue url = o.value(u"url"_s);
    m_ld.url = url.isString() ? url.toString().trimmed() : QString();
}

void Extractor::parseJsonLd(const QByteArray &raw)
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
        scanJsonLd(doc.array(), 0);
    else if (doc.isObject())
        scanJsonLd(doc.object(), 0);
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

// ---------------------------------------------------------------------------------------------------------------
// Metadata

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
    s = collapsed(s);
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
    if (s.size() > 100)
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
QString Extractor::siteFromTitleTag() const
{
    if (m_titleTag.isEmpty())
        return {};
    QStringList heads;
    for (const QString &h : {metaValue({"og:title"}), metaValue({"twitter:title"}), m_ld.headline, m_h1}) {
        if (!h.isEmpty())
            heads << looseKey(h);
    }
    if (heads.isEmpty())
        return {};
    static const QString seps[]
        = {u" | "_s, u" - "_s, u" – "_s, u" — "_s, u" :: "_s, u" · "_s, u" • "_s, u" / "_s, u" » "_s};
    auto plausible = [](const QString &name) {
        return !name.isEmpty() && name.size() <= 40 && name.count(u' ') <= 4 && !looseKey(name).isEmpty();
    };
    for (const QString &sep : seps) {
        const qsizetype last = m_titleTag.lastIndexOf(sep);
        if (last > 0) {
            const QString tail = m_titleTag.mid(last + sep.size()).trimmed();
            if (plausible(tail) && heads.contains(looseKey(m_titleTag.left(last))))
                return tail;
        }
        const qsizetype first = m_titleTag.indexOf(sep);
        if (first > 0) {
            const QString lead = m_titleTag.left(first).trimmed();
            if (plausible(lead) && heads.contains(looseKey(m_titleTag.mid(first + sep.size()))))
                return lead;
        }
    }
    return {};
}

/// Some pages show only a summary or the first paragraphs and carry the whole text in their JSON-LD
/// articleBody. Use it instead of what the DOM gave when the DOM gave almost nothing, or when the DOM text is much
/// shorter and both begin with the same words; and only when the JSON-LD article is the page's own (its headline
/// agrees with the page's title).
void Extractor::preferJsonLdBody()
{
    if (m_ld.articleBody.size() < 200)
        return;
    const QString pageTitle = m_titleTag + u' ' + metaValue({"og:title", "twitter:title"}) + u' ' + m_h1;
    if (!m_ld.headline.isEmpty() && titleSimilarity(m_ld.headline, pageTitle) < 0.6)
        return;

    QString text;
    TextBlocks blocks;
    if (looksLikeMarkup(m_ld.articleBody)) {
        ExtractedPage sub;
        const HtmlExtractOptions options;
        Extractor nested(options, sub);
        nested.m_nested = true;
        nested.run(u"<html><body><article>"_s + m_ld.articleBody + u"</article></body></html>"_s);
        text = sub.text;
        blocks = sub.blocks;
    } else {
        const QStringList paragraphs = plainBodyParagraphs(decodeCharacterReferences(m_ld.articleBody));
        text = paragraphs.join(u"\n\n"_s);
        blocks = TextBlocks(paragraphs.size());
    }
    const qsizetype ld = looseKey(text).size();
    const qsizetype dom = looseKey(m_out.text).size();
    if (ld < 150 || ld <= dom)
        return;
    const bool almostNothing = dom < 200 && ld >= 3 * dom;
    bool agree = false;
    if (!almostNothing && dom * 2 < ld) {
        const QString a = openingKey(m_out.text, 8), b = openingKey(text, 8);
        agree = a.size() >= 20 && a == b;
    }
    if (!almostNothing && !agree)
        return;
    m_out.text = text;
    m_out.blocks = blocks;
}

void Extractor::finishMetadata()
{
    for (const QByteArray &j : m_jsonLd)
        parseJsonLd(j);
    for (const Block &b : m_blocks) {
        if (m_nodes[size_t(b.owner)].heading == 1) {
            m_h1 = QString::fromStdString(b.text).simplified();
            break;
        }
    }

    // site name
    QString site = m_ld.publisher;
    if (site.isEmpty())
        site = metaValue({"og:site_name", "application-name", "al:android:app_name", "al:iphone:app_name",
            "twitter:app:name:iphone"});
    // With no name given, the outlet is later derived from the page's address; a page that names no address
    // (saved without it) may still name its outlet in the <title>.
    if (site.isEmpty() && m_canonical.isEmpty() && metaValue({"og:url", "twitter:url"}).isEmpty() && m_ld.url.isEmpty()
        && m_options.sourceUrl.isEmpty())
        site = siteFromTitleTag();
    m_out.siteName = site;

    // title
    QString title;
    if (!m_ld.headline.isEmpty() && !m_ld.name.isEmpty() && m_ld.headline != m_ld.name) {
        // Some pages name a topic and head the article otherwise (or the reverse): take whichever agrees more
        // with the page's own title.
        const QString pageTitle = m_titleTag + u' ' + metaValue({"og:title"});
        title = titleSimilarity(m_ld.name, pageTitle) > titleSimilarity(m_ld.headline, pageTitle) ? m_ld.name
                                                                                                  : m_ld.headline;
    } else if (!m_ld.headline.isEmpty()) {
        title = m_ld.headline;
    }
    if (title.isEmpty())
        title = metaValue({"dc:title", "dcterm:title", "dcterms:title", "og:title", "title", "twitter:title",
            "parsely-title", "sailthru:title", "headline"});
    if (title.isEmpty() && !m_ld.name.isEmpty())
        title = m_ld.name;
    if (title.isEmpty())
        title = m_titleTag;
    title = stripSiteSuffix(title, site);
    m_out.title = title;

    // byline
    QString byline = m_ld.author;
    if (byline.isEmpty() || looksLikeUrl(byline))
        byline = metaValue({"dc:creator", "dcterm:creator", "dcterms:creator", "author", "parsely-author",
            "sailthru:author", "article:author_name", "byl", "dc:creator"});
    if (byline.isEmpty()) {
        const QString a = metaValue({"article:author"});
        if (!looksLikeUrl(a))
            byline = a;
    }
    m_out.byline = cleanByline(byline);

    // published
    QString pub = m_ld.datePublished;
    if (pub.isEmpty())
        pub = metaValue({"article:published_time", "og:article:published_time", "datepublished", "dc:date:issued",
            "dcterms:issued", "dc:date", "dcterms:date", "dcterms:created", "date", "pubdate", "publishdate",
            "publish-date", "publish_date", "parsely-pub-date", "sailthru:date", "article:published", "published-date",
            "release_date", "og:published_time", "article:published", "dc:date:created", "originalpublicationdate",
            "displaydate"});
    if (pub.isEmpty())
        pub = m_firstTime;
    m_out.published = normalizeDateTime(pub);

    // language
    QString lang = m_htmlLang;
    if (lang.isEmpty())
        lang = metaValue(
            {"http-equiv:content-language", "content-language", "language", "dc:language", "dcterms:language"});
    if (lang.isEmpty())
        lang = m_ld.language;
    if (lang.isEmpty()) {
        lang = metaValue({"og:locale"});
        lang.replace(u'_', u'-');
    }
    m_out.language = lang;

    // url
    QString url = m_canonical;
    if (url.isEmpty())
        url = metaValue({"og:url", "twitter:url"});
    if (url.isEmpty())
        url = m_ld.url;
    if (!url.isEmpty() && !m_options.sourceUrl.isEmpty()) {
        const QUrl base(m_options.sourceUrl);
        url = base.resolved(QUrl(url)).toString();
    }
    if (url.isEmpty())
        url = m_options.sourceUrl;
    m_out.url = url;

    m_out.excerpt = metaValue({"og:description", "description", "twitter:description", "dc:description"});
    if (m_out.excerpt.isEmpty())
        m_out.excerpt = m_ld.description;
}

const char *findCi(const char *p, const char *end, const char *needle)
{
    const size_t n = std::strlen(needle);
    while (p + n <= end) {
        p = static_cast<const char *>(std::memchr(p, needle[0], size_t(end - p)));
        if (!p || p + n > end)
            return nullptr;
        size_t i = 1;
        for (; i < n; ++i) {
            char c = p[i];
            if (c >= 'A' && c <= 'Z')
                c = char(c + 32);
            if (c != needle[i])
                break;
        }
        if (i == n)
            return p;
        ++p;
    }
    return nullptr;
}

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':'
        || c == '_';
}

/// Elements that never hold children, or whose end tag is optional and implied by the parser; they do not add
/// to the nesting depth as counted by the prefilter.
bool isUncountedTag(std::string_view name)
{
    static constexpr std::string_view names[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "param", "source", "track", "wbr", "keygen", "image", "basefont", "bgsound", "frame", "command", "p",
        "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "caption",
        "rb", "rt", "rp", "rtc", "html", "head", "body", "!doctype"};
    for (std::string_view n : names) {
        if (n == name)
            return true;
    }
    return false;
}

/// Prepares the bytes for gumbo, in one linear pass:
/// - removes what gumbo would spend most of its time on and we never read: the bodies of <script> (except
///   JSON-LD), <style> and <svg> elements, and comments. It follows the HTML tokenizer's own rules for where those
///   end (the first "</script", "</style", "-->"), so the tree gumbo builds is the same minus those contents;
///   about half of a typical news page's bytes go;
/// - bounds the nesting depth: start tags deeper than maxDepth (counting elements whose end tag is required)
///   are dropped with their end tags, keeping their text. gumbo's tree construction is quadratic in the depth of
///   the open-element stack, so a page of 100 000 nested <div>s would otherwise take minutes.
QByteArray prepareForParser(const QByteArray &in, int maxDepth, bool *depthCapped)
{
    QByteArray out;
    out.reserve(in.size());
    const char *p = in.constData();
    const char *end = p + in.size();
    std::vector<std::string> open;
    int suppressed = 0;
    std::string name;
    while (p < end) {
        const char *lt = static_cast<const char *>(std::memchr(p, '<', size_t(end - p)));
        if (!lt) {
            out.append(p, end - p);
            break;
        }
        out.append(p, lt - p);
        p = lt;
        if (end - p >= 4 && p[1] == '!' && p[2] == '-' && p[3] == '-') {
            const char *close = (end - p >= 5 && p[4] == '>') ? p + 2 : findCi(p + 4, end, "-->");
            p = close ? close + 3 : end;
            continue;
        }
        const bool isEnd = p + 1 < end && p[1] == '/';
        const char *nameStart = p + (isEnd ? 2 : 1);
        if (nameStart >= end
            || !((*nameStart >= 'a' && *nameStart <= 'z') || (*nameStart >= 'A' && *nameStart <= 'Z'))) {
            out.append('<');
            ++p;
            continue;
        }
        name.clear();
        const char *q = nameStart;
        for (; q < end && isNameChar(*q); ++q)
            name.push_back((*q >= 'A' && *q <= 'Z') ? char(*q + 32) : *q);
        // find the end of the tag, quotes respected
        char quote = 0;
        for (; q < end; ++q) {
            if (quote) {
                if (*q == quote)
                    quote = 0;
            } else if (*q == '"' || *q == '\'') {
                quote = *q;
            } else if (*q == '>') {
                break;
            }
        }
        if (q >= end) {
            out.append(p, end - p);
            break;
        }
        const char *tagEnd = q + 1;
        const bool selfClosing = q > p && q[-1] == '/';
        if (isEnd) {
            if (!isUncountedTag(name)) {
                if (suppressed > 0) {
                    --suppressed;
                    p = tagEnd;
                    continue;
                }
                for (size_t k = open.size(); k-- > 0;) {
                    if (open[k] == name) {
                        open.resize(k);
                        break;
                    }
                }
            }
            out.append(p, tagEnd - p);
            p = tagEnd;
            continue;
        }
        const bool rawText = name == "script" || name == "style";
        const bool svg = name == "svg";
        if (!rawText && !svg && !isUncountedTag(name) && !selfClosing) {
            if (int(open.size()) >= maxDepth) {
                ++suppressed;
                *depthCapped = true;
                p = tagEnd;
                continue;
            }
            open.push_back(name);
        }
        out.append(p, tagEnd - p);
        p = tagEnd;
        if (!rawText && !(svg && !selfClosing))
            continue;
        bool keepBody = false;
        if (name == "script") {
            std::string lower(lt, size_t(tagEnd - lt));
            for (char &c : lower)
                c = (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
            keepBody = lower.find("ld+json") != std::string::npos;
        }
        const char *closeName = name == "script" ? "</script" : name == "style" ? "</style" : "</svg";
        const char *close = findCi(p, end, closeName);
        if (!close)
            close = end;
        if (keepBody)
            out.append(p, close - p);
        p = close; // the end tag itself is copied on the next round
    }
    return out;
}

void Extractor::run(const QString &html)
{
    bool depthCapped = false;
    // flatten a little above the tree's own depth limit so that the text of deep content survives
    QByteArray utf8 = prepareForParser(html.toUtf8(), std::max(8, m_options.maxDepth - 16), &depthCapped);
    if (depthCapped)
        m_out.warnings
            << QStringLiteral("elements nested deeper than %1 levels were flattened").arg(m_options.maxDepth);
    if (utf8.size() > kMaxInputBytes) {
        qsizetype cut = kMaxInputBytes;
        while (cut > 0 && (static_cast<unsigned char>(utf8[cut]) & 0xC0) == 0x80)
            --cut;
        utf8.truncate(cut);
        m_out.warnings << QStringLiteral("page larger than %1 MB; only its beginning was read")
                              .arg(kMaxInputBytes / (1024 * 1024));
    }
    GumboOptions opts = kGumboDefaultOptions;
    opts.max_errors = 16;
    GumboOutput *output = gumbo_parse_with_options(&opts, utf8.constData(), size_t(utf8.size()));
    if (!output) {
        m_out.warnings << u"the page could not be parsed"_s;
        return;
    }
    build(output->document);
    markDropped();
    aggregate();
    segment();
    finishMetadata();

    std::vector<int> selected;
    const int top = selectContent(selected);
    if (top >= 0) {
        cleanSelected(selected);
        writeText(selected);
    }
    if (!m_nested)
        preferJsonLdBody();
    if (m_out.text.isEmpty())
        m_out.warnings << u"no article body found"_s;
    if (m_out.byline.isEmpty() && m_domByline.isEmpty())
        m_domByline = findDomByline();
    if (m_out.byline.isEmpty() && !m_domByline.isEmpty())
        m_out.byline = cleanByline(m_domByline);
    if (m_out.excerpt.isEmpty() && !m_out.text.isEmpty())
        m_out.excerpt = m_out.text.section(u"\n\n"_s, 0, 0).left(300);
    gumbo_destroy_output(&opts, output);
}

} // namespace

ExtractedPage extractHtml(const QString &html, const HtmlExtractOptions &options)
{
    ExtractedPage page;
    Extractor extractor(options, page);
    extractor.run(html);
    return page;
}

ExtractedPage extractHtmlBytes(const QByteArray &bytes, const HtmlExtractOptions &options)
{
    DecodedText decoded = decodeHtml(bytes);
    ExtractedPage page = extractHtml(decoded.text, options);
    page.warnings = decoded.warnings + page.warnings;
    return page;
}

} // namespace Lede
