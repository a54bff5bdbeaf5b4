// SPDX-License-Identifier: MIT
#pragma once

#include "text/article.h"

namespace Lede {

/// Reads RSS 2.0 (with content:encoded), Atom and JSON Feed: each item becomes an article, its
/// HTML content extracted like a page. The feed's title is each item's outlet unless the item
/// names its own source. Returns the articles, or sets *error for a feed that cannot be read.
QList<Article> parseXmlFeed(const QString &xml, SourceFormat format, QString *error);
QList<Article> parseJsonFeed(const QByteArray &json, QString *error);

} // namespace Lede
