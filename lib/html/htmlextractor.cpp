// SPDX-License-Identifier: MIT
//
// Article extraction from HTML, as a pipeline of stages with one job each:
//   pretokenizer  the bytes before gumbo: script and style bodies and comments out, nesting depth bounded;
//   pagetree      gumbo's tree as a flat pre-order array; what is never article text dropped (scripts, hidden
//                 nodes, navigation, ads, share bars, comments, related lists…); the rest cut into text blocks;
//   jsonld        the page's JSON-LD article;
//   metadata      title, byline, date, site name, language, address and excerpt;
//   scoring       containers scored from their blocks (Readability's way), the best one and its siblings chosen;
//   cleaning      link lists, galleries, bylines, the headline repeated and boilerplate lines removed from the
//                 choice, and the canonical text written.
// This file runs them in order.
#include "htmlextractor.h"

#include "cleaning.h"
#include "encoding.h"
#include "jsonld.h"
#include "metadata.h"
#include "pagetree.h"
#include "pretokenizer.h"
#include "scoring.h"

#include <gumbo.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

using namespace Extract;

// Larger documents are cut (with a warning): beyond this a page is not an article.
constexpr qsizetype kMaxInputBytes = 48 * 1024 * 1024;
// The pre-tokenizer flattens a little above the tree's own depth limit so that the text of deep content survives.
constexpr int kFlattenMargin = 16;
// ... and never below this depth, however small maxDepth is set.
constexpr int kMinFlattenDepth = 8;
// Parse errors gumbo records; we never read them, and recording costs time on broken pages.
constexpr unsigned kMaxParseErrors = 16;
// The excerpt made from the first paragraph when the page gives none, in characters.
constexpr int kExcerptChars = 300;
// A paragraph counts as prose from this many characters, with fewer than a third of them in links.
constexpr int kMinProseBlockChars = 40;
constexpr int kMaxProseLinkShare = 3;
// Article text shorter than this is looked for again (and a fallback shorter than this is not taken) ...
constexpr qsizetype kMinFallbackChars = 250;
// ... as is text shorter than the page's description or than a quarter of its largest signal.
constexpr int kShortShare = 4;
// The paragraph fallback takes the deepest element holding this share of the page's paragraph prose.
constexpr int kClusterShareNum = 4;
constexpr int kClusterShareDen = 5;
// A page whose text is all short lines (a poem, a list of items) has an article when nothing longer was found and
// one element holds at least this many lines, without links, and this many characters in them.
constexpr int kMinShortLines = 6;
constexpr qsizetype kMinShortLinesChars = 120;
// A page with more of its text in links than this, and no article, is an index or a listing.
constexpr double kListingLinkDensity = 0.5;

ExtractedPage runPipeline(const QString &html, const HtmlExtractOptions &options, bool nested);

/// What the page says about the size of its article, apart from the main selection.
struct BodySignals
{
    qsizetype ldBody = 0; ///< JSON-LD articleBody, in characters
    qsizetype description = 0; ///< og:description or description
    int semantic = 0; ///< the largest <article>, <main>, [itemprop=articleBody] or role=main, kept characters
    int paragraphs = 0; ///< prose in <p> blocks across the page
};

int proseInParagraphs(const PageTree &tree)
{
    int total = 0;
    for (const Block &b : tree.blocks) {
        if (tree.nodes[size_t(b.owner)].tag == GUMBO_TAG_P && b.chars >= kMinProseBlockChars
            && b.linkChars * kMaxProseLinkShare < b.chars)
            total += b.chars;
    }
    return total;
}

int largestSemantic(const PageTree &tree)
{
    int best = -1;
    for (int i = 0; i < int(tree.nodes.size()); ++i) {
        const Node &n = tree.nodes[size_t(i)];
        if ((n.flags & FlagSemantic) && !(n.flags & FlagDropped)
            && (best < 0 || n.chars > tree.nodes[size_t(best)].chars))
            best = i;
    }
    return best;
}

/// The deepest element holding most of the page's paragraph prose; -1 when there is too little.
int paragraphCluster(const PageTree &tree)
{
    std::vector<int> prose(tree.nodes.size(), 0);
    int total = 0;
    for (const Block &b : tree.blocks) {
        if (tree.nodes[size_t(b.owner)].tag == GUMBO_TAG_P && b.chars >= kMinProseBlockChars
            && b.linkChars * kMaxProseLinkShare < b.chars) {
            for (int a = b.owner; a >= 0; a = tree.nodes[size_t(a)].parent)
                prose[size_t(a)] += b.chars;
            total += b.chars;
        }
    }
    if (total < kMinFallbackChars)
        return -1;
    int best = -1;
    for (int i = 0; i < int(tree.nodes.size()); ++i) {
        if (prose[size_t(i)] * kClusterShareDen >= total * kClusterShareNum)
            best = i; // pre-order: a later match lies deeper inside an earlier one
    }
    return best;
}

/// The deepest element holding most of the page's lines of text whatever their length (headings, bylines and link
/// lines aside); -1 when the page has too few of them. For pages made only of short lines, which neither the scoring
/// nor the paragraph prose sees.
int lineCluster(const PageTree &tree)
{
    std::vector<int> text(tree.nodes.size(), 0);
    int total = 0, lines = 0;
    for (const Block &b : tree.blocks) {
        const Node &o = tree.nodes[size_t(b.owner)];
        if (o.heading || (o.flags & FlagByline) || b.linkChars * kMaxProseLinkShare >= b.chars)
            continue;
        for (int a = b.owner; a >= 0; a = tree.nodes[size_t(a)].parent)
            text[size_t(a)] += b.chars;
        total += b.chars;
        ++lines;
    }
    if (lines < kMinShortLines || total < kMinShortLinesChars)
        return -1;
    int best = -1;
    for (int i = 0; i < int(tree.nodes.size()); ++i) {
        if (text[size_t(i)] * kClusterShareDen >= total * kClusterShareNum)
            best = i; // pre-order: a later match lies deeper inside an earlier one
    }
    return best;
}

/// True when the text is too short to be the whole article beside what the page says about it.
bool implausiblyShort(qsizetype textChars, const BodySignals &s)
{
    if (textChars < kMinFallbackChars)
        return true;
    if (s.description > 0 && textChars < s.description)
        return true;
    const qsizetype expected = std::max({s.ldBody, qsizetype(s.semantic), qsizetype(s.paragraphs)});
    return textChars * kShortShare < expected;
}

/// A text found by one of the fallbacks.
struct Candidate
{
    QString text;
    TextBlocks blocks;
    QString domByline;
    const char *source = "";
    double linkDensity = 0; ///< of the selected elements
};

Candidate textOf(const PageTree &tree, const std::vector<int> &selected, const QString &titleTag, const QString &title,
    const char *source)
{
    ExtractedPage scratch;
    scratch.title = title;
    Candidate c;
    writeText(tree, selected, cleanSelected(tree, selected), titleTag, scratch, c.domByline);
    c.text = std::move(scratch.text);
    c.blocks = std::move(scratch.blocks);
    c.source = source;
    int chars = 0, linkChars = 0;
    for (int root : selected) {
        chars += tree.nodes[size_t(root)].chars;
        linkChars += tree.nodes[size_t(root)].linkChars;
    }
    c.linkDensity = chars > 0 ? double(linkChars) / chars : 0.0;
    return c;
}

/// A page that is a list of links (an index, a search result, a listing) or has no prose at all.
QString noArticleReason(const PageTree &tree)
{
    const int root = tree.body >= 0 ? tree.body : 0;
    if (tree.nodes.empty() || tree.nodes[size_t(root)].chars == 0)
        return u"no article text could be found: the page has no text"_s;
    if (tree.linkDensity(tree.nodes[size_t(root)]) > kListingLinkDensity)
        return u"no article text could be found: the page is mostly links (an index or listing page)"_s;
    return u"no article text could be found: the page has no paragraph of prose (an error, empty or listing page)"_s;
}

/// When the main selection is empty or implausibly short beside the page's own signals (JSON-LD articleBody,
/// og:description, the largest <article>, the paragraph prose), looks again in a fixed order: the selection with
/// class and id names ignored, the largest <article> (or <main>, [itemprop=articleBody]), the element holding
/// most of the paragraph prose. Takes the first that is plausible, else the longest; when none is long enough and
/// the page gave no text at all, the first made of enough lines, the element holding most of the page's lines
/// last (a poem, a list of short items). Says which in `warnings`.
void fallBack(const PageTree &strict, GumboNode *document, const HtmlExtractOptions &options, const JsonLdArticle &ld,
    const PageSources &sources, ExtractedPage &page)
{
    BodySignals sig;
    sig.ldBody = ld.articleBody.size();
    sig.description = metaValue(sources, {"og:description", "description", "twitter:description"}).size();
    // First from the tree already built, counting what it dropped too; only a text that looks short there
    // costs a second tree.
    for (const Node &n : strict.nodes) {
        if (n.flags & FlagSemantic)
            sig.semantic = std::max(sig.semantic, n.rawChars);
        if (n.tag == GUMBO_TAG_P && n.rawChars >= kMinProseBlockChars && !(n.flags & FlagText))
            sig.paragraphs += n.rawChars;
    }
    const qsizetype have = page.text.size();
    if (!implausiblyShort(have, sig))
        return;
    PageTree tree;
    tree.ignoreClassHints = true;
    PageSources unused;
    QStringList unusedWarnings;
    tree.build(document, options, unused, unusedWarnings);
    tree.markDropped();
    tree.aggregate();
    tree.segment();
    const int semantic = largestSemantic(tree);
    sig.semantic = semantic >= 0 ? tree.nodes[size_t(semantic)].chars : 0;
    sig.paragraphs = proseInParagraphs(tree);
    if (!implausiblyShort(have, sig))
        return;

    std::vector<Candidate> candidates;
    std::vector<int> selected;
    if (selectContent(tree, selected) >= 0)
        candidates.push_back(
            textOf(tree, selected, sources.titleTag, page.title, "the page with its class names ignored"));
    if (semantic >= 0) {
        selected = {semantic};
        candidates.push_back(
            textOf(tree, selected, sources.titleTag, page.title, "the largest <article> or <main> element"));
    }
    if (const int cluster = paragraphCluster(tree); cluster >= 0) {
        selected = {cluster};
        candidates.push_back(
            textOf(tree, selected, sources.titleTag, page.title, "the element holding most paragraphs"));
    }
    const Candidate *pick = nullptr;
    for (const Candidate &c : candidates) {
        if (c.text.size() > have && !implausiblyShort(c.text.size(), sig)) {
            pick = &c;
            break;
        }
    }
    if (!pick) {
        for (const Candidate &c : candidates) {
            if (c.text.size() > have && c.text.size() >= kMinFallbackChars
                && (!pick || c.text.size() > pick->text.size()))
                pick = &c;
        }
    }
    if (!pick && have == 0) {
        // Nothing of the usual length anywhere: an article made of short lines (a poem, a list) is still one when
        // it has enough of them and they are not mostly links; an error page's sentence or two and a listing's
        // headlines with their times are not.
        if (const int lines = lineCluster(tree); lines >= 0) {
            selected = {lines};
            candidates.push_back(
                textOf(tree, selected, sources.titleTag, page.title, "the element holding most of the page's lines"));
        }
        for (const Candidate &c : candidates) {
            if (c.blocks.size() >= kMinShortLines && c.text.size() >= kMinShortLinesChars
                && c.linkDensity * kMaxProseLinkShare < 1) {
                pick = &c;
                break;
            }
        }
    }
    if (pick) {
        page.warnings << (page.text.isEmpty() ? u"the main selection found no article text; "_s
                                              : u"the main selection was implausibly short; "_s)
                + u"text taken from "_s + QLatin1StringView(pick->source);
        page.text = pick->text;
        page.blocks = pick->blocks;
    }
    if (page.text.isEmpty())
        page.warnings << noArticleReason(tree);
}

ExtractedPage runPipeline(const QString &html, const HtmlExtractOptions &options, bool nested)
{
    ExtractedPage page;
    bool depthCapped = false;
    QByteArray utf8
        = prepareForParser(html.toUtf8(), std::max(kMinFlattenDepth, options.maxDepth - kFlattenMargin), &depthCapped);
    if (depthCapped)
        page.warnings << QStringLiteral("elements nested deeper than %1 levels were flattened").arg(options.maxDepth);
    if (utf8.size() > kMaxInputBytes) {
        qsizetype cut = kMaxInputBytes;
        while (cut > 0 && (static_cast<unsigned char>(utf8[cut]) & 0xC0) == 0x80)
            --cut;
        utf8.truncate(cut);
        page.warnings << QStringLiteral("page larger than %1 MB; only its beginning was read")
                             .arg(kMaxInputBytes / (1024 * 1024));
    }
    GumboOptions opts = kGumboDefaultOptions;
    opts.max_errors = kMaxParseErrors;
    GumboOutput *output = gumbo_parse_with_options(&opts, utf8.constData(), size_t(utf8.size()));
    if (!output) {
        page.warnings << u"the page could not be parsed"_s;
        return page;
    }

    // The tree keeps pointers into gumbo's output, which lives until the end.
    PageTree tree;
    PageSources sources;
    tree.build(output->document, options, sources, page.warnings);
    tree.markDropped();
    tree.aggregate();
    tree.segment();

    const JsonLdArticle ld = readJsonLd(sources.jsonLd);
    readMetadata(tree, sources, ld, options, page);

    QString domByline;
    std::vector<int> selected;
    if (selectContent(tree, selected) >= 0)
        writeText(tree, selected, cleanSelected(tree, selected), sources.titleTag, page, domByline);
    if (!nested) {
        const QString pageTitle
            = sources.titleTag + u' ' + metaValue(sources, {"og:title", "twitter:title"}) + u' ' + sources.h1;
        const QString before = page.text;
        preferJsonLdBody(ld, pageTitle, page,
            [](const QString &body) { return runPipeline(body, HtmlExtractOptions{}, /*nested=*/true); });
        if (page.text != before)
            page.warnings << u"article text taken from the page's JSON-LD articleBody"_s;
        fallBack(tree, output->document, options, ld, sources, page);
    }
    if (page.published.isEmpty())
        page.published = dateFromTimes(sources, selected, tree.nodes);
    if (page.byline.isEmpty() && domByline.isEmpty())
        domByline = findDomByline(tree);
    if (page.byline.isEmpty() && !domByline.isEmpty())
        page.byline = cleanByline(domByline);
    if (page.excerpt.isEmpty() && !page.text.isEmpty())
        page.excerpt = page.text.section(u"\n\n"_s, 0, 0).left(kExcerptChars);
    gumbo_destroy_output(&opts, output);
    return page;
}

} // namespace

ExtractedPage extractHtml(const QString &html, const HtmlExtractOptions &options)
{
    return runPipeline(html, options, /*nested=*/false);
}

ExtractedPage extractHtmlBytes(const QByteArray &bytes, const HtmlExtractOptions &options)
{
    DecodedText decoded = decodeHtml(bytes);
    ExtractedPage page = extractHtml(decoded.text, options);
    page.warnings = decoded.warnings + page.warnings;
    return page;
}

} // namespace Lede
