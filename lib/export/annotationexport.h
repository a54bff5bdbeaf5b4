// SPDX-License-Identifier: MIT
#pragma once

#include "store/library.h"

namespace Lede {

/// The annotations of the articles with these ids (a filter result, one article), or of the whole
/// library when `articleIds` is empty; by article, then by place.
QList<Annotation> annotationsOf(const Library &library, const QList<qint64> &articleIds = {});

/// The library's annotations as Markdown, grouped by article, each quoted passage followed by
/// its note and a citation (byline, outlet, date, headline, URL), ready to paste into a draft.
QString exportAnnotationsMarkdown(const Library &library);
/// The same for these annotations: a dossier grouped by article, each quote with its note, tags
/// and citation; orphans (passages no longer in the text) listed last under their article.
QString exportAnnotationsMarkdown(const Library &library, const QList<Annotation> &annotations);

/// These annotations as CSV (RFC 4180, a header row): one row per annotation with its article's
/// headline, outlet, date and URL, the quote, note, colour and its meaning, tags and entities.
QString exportAnnotationsCsv(const Library &library, const QList<Annotation> &annotations);

/// One citation line for an article: `Byline, "Title", Outlet, 13 February 2025, URL`.
QString citation(const Article &article);

/// A passage of an article with its citation, for the clipboard: the quote in quotation marks, then
/// the headline, outlet, date and URL.
QString quoteWithCitation(const Article &article, qsizetype start, qsizetype end);
/// The same as HTML for rich-text editors: the quote in a blockquote, then the citation with the
/// headline linked to the URL.
QString quoteWithCitationHtml(const Article &article, qsizetype start, qsizetype end);

} // namespace Lede
