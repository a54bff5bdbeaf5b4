// SPDX-License-Identifier: MIT
#pragma once

#include "store/library.h"

namespace Lede {

/// The library's annotations as Markdown, grouped by article, each quoted passage followed by
/// its note and a citation (byline, outlet, date, headline, URL), ready to paste into a draft.
QString exportAnnotationsMarkdown(const Library &library);

/// One citation line for an article: `Byline, "Title", Outlet, 13 February 2025, URL`.
QString citation(const Article &article);

} // namespace Lede
