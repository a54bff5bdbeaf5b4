// SPDX-License-Identifier: MIT
#pragma once

#include "text/article.h"

namespace Lede {

/// Reads a Markdown clipping, with or without YAML/TOML front matter.
///
/// Front matter gives title (title), date (date, published, pubDate, created), URL (source, url,
/// originalUrl, link, canonical_url: the first that is an address), byline (author, authors,
/// byline), tags (tags, categories, keywords), outlet (site, site_name, publisher, outlet, or a
/// source that reads as a name) and language (lang, language). The body becomes canonical text:
/// headings, list items, block quotes and code blocks are paragraphs of their kind; emphasis, links
/// and images are reduced to their text; a hard line break (two trailing spaces, a backslash or a
/// no-break space) after a sentence or a short heading-like line starts a new paragraph of the
/// same kind (inside a sentence it is a space). A first heading that repeats the title is dropped;
/// a leading "By …" line becomes the byline.
///
/// A closing paragraph that is only a link ("[Reuters](https://…)", "Source: <https://…>") is the
/// clipping's source: it leaves the body and gives the URL when front matter has none, and the
/// outlet: the link's label when it reads as a name, else a category naming the link's site, else
/// the site's domain ("Investing.com"). Without a date in front matter, a press-release dateline
/// at the top ("LONDON, March 27, 2025 —") gives it.
Article parseMarkdown(QStringView text);

/// Reduces inline Markdown (emphasis, code spans, links, images, autolinks, escapes, inline HTML
/// tags) to its text.
QString markdownInlineToText(QStringView line);

} // namespace Lede
