// SPDX-License-Identifier: MIT
#pragma once

#include "pagetree.h"

#include <vector>

namespace Lede::Extract {

/// Scores containers from the blocks they hold, the way Readability does (text length, commas, link density, tag
/// and class/id hints), picks the best one and the siblings that continue it. Returns the best container and puts
/// it, with those siblings, in `selected` (in page order); -1 when the page has no block long enough to judge.
int selectContent(PageTree &tree, std::vector<int> &selected);

} // namespace Lede::Extract
