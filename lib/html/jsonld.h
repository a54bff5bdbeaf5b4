// SPDX-License-Identifier: MIT
#pragma once

#include "htmlextractor.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <vector>

namespace Lede::Extract {

struct JsonLdArticle
{
    QString headline, name, author, datePublished, publisher, articleBody, description, url, language;
    bool found = false;
};

/// The first article (Article, NewsArticle, BlogPosting, …) in the page's JSON-LD scripts, looked for in arrays
/// and @graph.
JsonLdArticle readJsonLd(const std::vector<QByteArray> &scripts);

/// Some pages show only a summary or the first paragraphs and carry the whole text in their JSON-LD
/// articleBody. Use it instead of what the DOM gave when the DOM gave almost nothing, or when the DOM text is much
/// shorter and both begin with the same words; and only when the JSON-LD article is the page's own (its headline
/// agrees with the page's title).
void preferJsonLdBody(const JsonLdArticle &ld, const QString &pageTitle, ExtractedPage &page,
    const std::function<ExtractedPage(const QString &html)> &extractNested);

} // namespace Lede::Extract
