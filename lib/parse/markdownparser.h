// SPDX-License-Identifier: MIT
#pragma once

#include "text/article.h"

namespace Lede {

/// Reads a Markdown clipping, with or without YAML/TOML front matter.
///
/// Front matter gives title (title), date (date, published, pubDate, created), URL (source, url,
/// originalUrl, link, canonical_url), byline (author, authors, byline), tags (tags, categories,
/// keywords), outlet (site, site_name, publisher, outlet) and language (lang, language). The body
/// becomes canonical text: headings, list items, block quotes and code blocks are paragraphs of
/// their kind; emphasis, links and images are reduced to their text. A first heading that repeats
/// the title is dropped; a leading "By …" line becomes the byline.
Article parseMarkdown(QStringView text);

/// Reduces inline Markdown (emphasis, code spans, links, images, autolinks, escapes, inline HTML
/// tags) to its text.
QString markdownInlineToText(QStringView line);

} // namespace Lede
