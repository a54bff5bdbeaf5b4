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
        preferJsonLdBody(ld, pageTitle, page,
            [](const QString &body) { return runPipeline(body, HtmlExtractOptions{}, /*nested=*/true); });
    }
    if (page.text.isEmpty())
        page.warnings << u"no article body found"_s;
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
