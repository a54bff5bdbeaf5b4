// SPDX-License-Identifier: MIT
#pragma once

#include "text/article.h"

namespace Lede {

/// Reads RSS 2.0 (with content:encoded), Atom and JSON Feed: each item becomes an article, its
/// HTML content extracted like a page. Each item's outlet is the source it names, else the feed's:
/// of the feed's title, the parts of a title such as "Business | The Guardian" and the feed's author
/// or publisher, the one that names the feed's site (its link, home page or id), else the title. A
/// section title ("Technology") is not an outlet when the feed names one that matches its site ("NPR",
/// npr.org). Returns the articles, or sets *error for a feed that cannot be read.
QList<Article> parseXmlFeed(const QString &xml, SourceFormat format, QString *error);
QList<Article> parseJsonFeed(const QByteArray &json, QString *error);

} // namespace Lede
