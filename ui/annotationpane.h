// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QAction;
class QListView;

namespace Lede {

class Controller;

/// The annotations of the article on screen, beside the reader: each highlight with its colour and
/// note. Activating one selects its passage in the reader; double-click or Edit changes its colour
/// and note, Delete removes it; both undoable through the controller's stack.
class AnnotationPane : public QWidget
{
    Q_OBJECT
public:
    explicit AnnotationPane(Controller *controller, QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    /// For the Annotate menu; enabled while an annotation is current.
    QAction *editAction() const { return m_edit; }
    QAction *removeAction() const { return m_remove; }

    void editCurrent();
    void removeCurrent();

Q_SIGNALS:
    /// An annotation was activated: its passage, as offsets into the article's text.
    void passageActivated(qsizetype start, qsizetype end);

private:
    void updateActions();
    Controller *m_controller;
    QListView *m_view;
    QAction *m_edit;
    QAction *m_remove;
};

} // namespace Lede
