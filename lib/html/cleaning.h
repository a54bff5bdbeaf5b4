// SPDX-License-Identifier: MIT
#pragma once

#include "pagetree.h"

#include <vector>

namespace Lede::Extract {

/// Conditional cleaning inside the selection (after Readability's _cleanConditionally): containers that are
/// link lists, image galleries, forms or too short to be text. Returns, per node, whether it is kept.
std::vector<char> cleanSelected(const PageTree &tree, const std::vector<int> &selected);

/// Writes the canonical text of the kept blocks of the selection into page.text and page.blocks, leaving out
/// bylines (the first goes to domByline when that is empty), the headline repeated, a date or reading time above
/// the body, link-heavy lines, and calls to action and labels at either end.
void writeText(const PageTree &tree, const std::vector<int> &selected, const std::vector<char> &keep,
    const QString &titleTag, ExtractedPage &page, QString &domByline);

} // namespace Lede::Extract
