// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

class QMenu;

namespace Lede {

class EntityModel;

/// The entity sidebar: Companies, Chips, Regions and Organisations with their article counts (of
/// the current search's result while one is applied). Clicking (or pressing Enter on) an entity
/// asks for it to be chosen, or no longer chosen; its context menu can exclude it.
class EntitySidebar : public QWidget
{
    Q_OBJECT
public:
    explicit EntitySidebar(EntityModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    /// Scrolls to and selects an entity (after a click on a mention).
    void revealEntity(const QString &entityId);
    void restoreExpansion();
    /// Places a widget above the entity list (the saved searches).
    void addTopWidget(QWidget *widget);

Q_SIGNALS:
    void entityActivated(const QString &entityId);
    /// "Exclude" was chosen: leave out the articles that mention the entity.
    void entityExcluded(const QString &entityId);
    /// A suggested name was clicked: the journalist wants it added.
    void suggestionActivated(const QString &name, int kind);
    /// "Merge Into…" was chosen for an entity.
    void mergeRequested(const QString &entityId);
    /// The entity's context menu is about to open: others may add their actions to it.
    void entityMenuRequested(const QString &entityId, QMenu *menu);

private:
    EntityModel *m_model;
    QSortFilterProxyModel *m_search;
    QLineEdit *m_searchField;
    QTreeView *m_view;
};

} // namespace Lede
