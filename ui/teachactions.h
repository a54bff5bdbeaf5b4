// SPDX-License-Identifier: MIT
#pragma once

#include "kb/entity.h"

#include <QObject>
#include <QPoint>

class QMenu;
class QAction;
class QWidget;

namespace Lede {

class Controller;
class ReaderView;

/// Teaching the linker from what is on screen: the reader's context menu entries ("Add … as a
/// name of…", "New entity…", "… is not … here"), merging entities from the sidebar, and adding a
/// suggested name. The words and offsets come from the controller's current article, never from
/// a widget; the dialogs that ask which entity are parented to `dialogParent`.
class TeachActions : public QObject
{
    Q_OBJECT
public:
    TeachActions(Controller *controller, ReaderView *reader, QWidget *dialogParent);

    /// Puts the teach actions for the reader's selection and for the mention at `pos` (in the
    /// text view's coordinates) into `menu`, before `before`.
    void addToMenu(QMenu *menu, QAction *before, const QPoint &pos);
    /// After the menu closed: the actions act on the reader's selection again.
    void forgetMenuRange() { m_nameRange = {}; }

    /// Adds to an entity's menu what the journalist taught about it, each with a way to take it back.
    void addTaughtToMenu(const QString &entityId, QMenu *menu);

    void addSelectionAsAlias();
    void newEntityFromSelection();
    void mergeEntity(const QString &entityId);
    void addSuggestion(const QString &name, int kind);

private:
    std::pair<qsizetype, qsizetype> nameRange() const;
    QString selectedName() const;
    std::pair<qsizetype, qsizetype> m_nameRange; // the selection or the word the menu was opened on
    Controller *m_controller;
    ReaderView *m_reader;
    QWidget *m_dialogParent;
};

} // namespace Lede
