// SPDX-License-Identifier: MIT
#pragma once

#include "jsonld.h"
#include "pagetree.h"

#include <QString>

#include <initializer_list>

namespace Lede::Extract {

/// Loose comparison key: letters and digits only, lower case.
QString looseKey(const QString &s);
/// A byline reduced to the names: "By", "Written by" and the like, and a date after the names, cut off; empty
/// when it names nobody.
QString cleanByline(QString s);
/// Share of the words of `candidate` found in `reference` (case-insensitive).
double titleSimilarity(const QString &candidate, const QString &reference);
/// The first non-empty <meta> value among the keys.
QString metaValue(const PageSources &sources, std::initializer_list<const char *> keys);

/// The first element outside comment sections marked as a byline (rel=author, itemprop=author, class or id
/// byline/author/dateline) with a short text.
QString findDomByline(const PageTree &tree);

/// Title, byline, date, site name, language, address and excerpt, from JSON-LD, <meta>, <title>, <time>,
/// <link rel=canonical> and <html lang>, in that order of trust. Also sets sources.h1.
void readMetadata(const PageTree &tree, PageSources &sources, const JsonLdArticle &ld,
    const HtmlExtractOptions &options, ExtractedPage &page);

/// The date of the first <time datetime> inside the selected article, else of the first on the page; empty when
/// none reads as a date. For a page whose metadata names no date.
QString dateFromTimes(const PageSources &sources, const std::vector<int> &selected, const std::vector<Node> &nodes);

} // namespace Lede::Extract
