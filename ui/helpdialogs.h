// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QMenuBar;
class QWidget;

namespace Lede {

/// Every action of the menu bar that has a shortcut, menu by menu, as rows of a table a person
/// reads: built from the menus themselves, so it cannot drift from them.
QString shortcutsHtml(const QMenuBar *menus);

/// The "Using Lede" section of the README shipped inside the program, as Markdown.
QString usingLedeMarkdown();

/// Shows a help text in a window that stays open beside the main window (not modal).
void showHelpWindow(
    QWidget *parent, const QString &objectName, const QString &title, const QString &text, bool markdown);

} // namespace Lede
