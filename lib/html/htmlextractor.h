// SPDX-License-Identifier: MIT
#pragma once

#include "text/datetime.h"
#include "text/textblock.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Lede {

/// The article found in one web page: its canonical text and its metadata.
struct ExtractedPage
{
    /// Canonical text: paragraphs separated by exactly "\n\n", whitespace inside a paragraph collapsed to
    /// single spaces, no leading or trailing space, no empty paragraphs. The headline is not part of it.
    QString text;
    TextBlocks blocks; ///< one per paragraph of text, same order
    QString title, byline, siteName, url, language, excerpt;
    QString published; ///< ISO 8601 ("2025-01-27T14:03:00+00:00", or a date "2025-01-27"), empty when unknown
    QStringList warnings; ///< human-readable, e.g. "no article body found"
};

struct HtmlExtractOptions
{
    QString sourceUrl; ///< where the page came from; used for url when the page names no canonical address
    int maxNodes = 2'000'000; ///< elements and text nodes examined; the rest of a larger page is ignored
    int maxDepth = 400; ///< deeper content is ignored
};

/// Finds the article in an HTML page (text and metadata). Never fails: problems become warnings.
ExtractedPage extractHtml(const QString &html, const HtmlExtractOptions &options = {});

/// Decodes the bytes with decodeHtml() (see encoding.h) and extracts the article.
ExtractedPage extractHtmlBytes(const QByteArray &bytes, const HtmlExtractOptions &options = {});

// normalizeDateTime(), which writes a date found in a page as ISO 8601, is declared in text/datetime.h.

} // namespace Lede
