// SPDX-License-Identifier: MIT
#pragma once

#include "query/ast.h"

#include <QStringView>

#include <utility>

namespace Lede::Query {

/// Where a query's words and phrases are in a text: [start, end) UTF-16 offsets, in order, not
/// overlapping. Words are compared as the full-text index compares them (SQLite's unicode61 with
/// diacritics removed: letters and digits make words, case and accents are ignored, each Chinese
/// or Japanese character stands alone), so the places shown are the ones the index matched. Words
/// under NOT, title: terms and field terms are not shown.
QList<std::pair<qsizetype, qsizetype>> hitRanges(const Node &query, QStringView text);

} // namespace Lede::Query
