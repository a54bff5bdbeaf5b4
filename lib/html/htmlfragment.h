// SPDX-License-Identifier: MIT
#pragma once

#include "text/textblock.h"

#include <QString>

namespace Lede {

/// The text of an HTML fragment that is all content (a feed item's body): every paragraph,
/// heading, list item, quote and preformatted block becomes a paragraph of canonical text, in
/// order. Unlike extractHtml() nothing is judged boilerplate; scripts, styles, forms, images and
/// embedded objects are dropped.
struct FragmentText
{
    QString text;
    TextBlocks blocks;
};

FragmentText htmlFragmentToText(const QString &html);

} // namespace Lede
