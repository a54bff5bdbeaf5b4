// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QTreeWidget;
class QToolButton;

namespace Lede {

class Controller;

/// The saved searches at the top of the sidebar, each with how many articles it finds now (counted
/// again as the library changes). Click one to search for it again; its context menu renames or
/// deletes it. "Save…" saves the query in the search field under a name.
class SavedSearchList : public QWidget
{
    Q_OBJECT
public:
    explicit SavedSearchList(Controller *controller, QWidget *parent = nullptr);

    QTreeWidget *view() const { return m_view; }
    /// Asks for a name and saves the current query under it.
    void saveCurrent();
    /// Asks for a new name for a saved search.
    void rename(qint64 id);

private:
    void refill();
    void fitHeight();
    Controller *m_controller;
    QTreeWidget *m_view;
    QToolButton *m_save;
};

} // namespace Lede
