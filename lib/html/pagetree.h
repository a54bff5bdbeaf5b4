// SPDX-License-Identifier: MIT
#pragma once
//
// The page as a flat pre-order array of the nodes that matter (so that every pass is a loop over indices, no
// recursion), with per-node flags and aggregates, and its text cut into blocks: runs of inline content between
// block-level boundaries. Built from gumbo's tree; the block-level tag table is shared with htmlfragment.cpp.

#include "htmlextractor.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <gumbo.h>

#include <string>
#include <vector>

namespace Lede::Extract {

/// What a class or id naming content (or boilerplate) adds to (or takes from) an element's score; cleaning keeps
/// more links in an element with at least this weight.
constexpr int kClassWeight = 25;

/// Tags that start and end a block of text (a paragraph, a heading, a list item, a cell, …).
bool isBlockTag(GumboTag t);
/// Elements whose content is never article text.
bool isJunkTag(GumboTag t);
bool isHeadingTag(GumboTag t);

/// ASCII case-insensitive comparison of two NUL-terminated strings.
bool equalsCi(const char *a, const char *b);
/// An attribute's value, or nullptr.
const char *attr(const GumboElement &e, const char *name);

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

/// Classifies a class or id attribute value. Words are split at spaces, and each word into tokens at '-', '_',
/// digits and camelCase humps.
quint8 classifyHints(const char *value);

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

/// What the page says about itself outside its body text, collected while the tree is built.
struct PageSources
{
    QHash<QByteArray, QString> meta; ///< <meta> content by lower-case name, property or itemprop ("dc.x" as "dc:x")
    QString titleTag, htmlLang, canonical;
    /// The first date an element marks as the publication's: itemprop=datePublished (its datetime or content),
    /// <time pubdate>, or a <time> whose class names it published.
    QString markedPublished;
    /// Every <time datetime> in page order, with the index of its node (-1 when the node was not kept).
    std::vector<std::pair<int, QString>> times;
    std::vector<QByteArray> jsonLd; ///< the text of each <script type=application/ld+json>
    QString h1; ///< the text of the first level-1 heading (set by readMetadata())
};

struct PageTree
{
    std::vector<Node> nodes;
    std::vector<Block> blocks;
    int body = -1;
    bool truncated = false;
    /// Set before build(): class and id names neither drop nor weigh anything (hidden and byline names still
    /// count, and comment names unless they would drop more than half the page). The fallback when the page's own
    /// names hide its article.
    bool ignoreClassHints = false;

    double linkDensity(const Node &n) const { return n.chars ? double(n.linkChars) / n.chars : 0.0; }

    /// Copies gumbo's tree (the parts that can hold article text) and collects the page's metadata sources.
    void build(GumboNode *root, const HtmlExtractOptions &options, PageSources &sources, QStringList &warnings);
    /// Drops what is never article text: hidden nodes, comment sections, and navigation, ads, share bars and the
    /// like unless they hold most of the page.
    void markDropped();
    /// Sums the kept content of each subtree.
    void aggregate();
    /// Cuts the kept text into blocks.
    void segment();

private:
    void flush(std::string &buf, int owner, int &chars, int &links, int &commas, int &wide);
};

} // namespace Lede::Extract
