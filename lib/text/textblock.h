// SPDX-License-Identifier: MIT
#pragma once

#include <QList>

namespace Lede {

/// The kind of one paragraph of an article's canonical text.
///
/// Canonical text is plain text whose paragraphs are separated by exactly one blank line ("\n\n").
/// Paragraph i of the text has kind blocks[i]; a list item is its own paragraph. The text itself
/// carries no markup, so offsets into it mean the same everywhere.
struct TextBlock
{
    enum Kind : quint8 { Paragraph, Heading, ListItem, Quote, Preformatted };
    Kind kind = Paragraph;
    quint8 level = 0; // heading level 1–6, or list nesting depth

    friend bool operator==(const TextBlock &, const TextBlock &) = default;
};

using TextBlocks = QList<TextBlock>;

} // namespace Lede
