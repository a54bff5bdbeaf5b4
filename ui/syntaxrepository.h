// SPDX-License-Identifier: MIT
#pragma once

namespace KSyntaxHighlighting {
class Repository;
class Theme;
} // namespace KSyntaxHighlighting

class QPalette;

namespace Lede {

/// The application's one KSyntaxHighlighting repository (loading one reads every syntax definition,
/// so the reader's source view and any query field share it). Use from the GUI thread.
KSyntaxHighlighting::Repository &syntaxRepository();

/// The highlighting theme that suits a palette: dark text on light, or light on dark.
KSyntaxHighlighting::Theme themeFor(const QPalette &palette);

/// True when the palette is a dark one (light text on a dark base).
bool isDarkPalette(const QPalette &palette);

} // namespace Lede
