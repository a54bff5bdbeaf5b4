// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;

namespace Lede {

class Controller;

/// The annotations beside the reader: those of the article on screen or of the whole library,
/// filtered by colour (with its meaning), tag, linked entity and free text. Orphans (passages the
/// article's text no longer holds) are listed in italics and say so; they are never hidden.
/// Activating an annotation opens its article and selects its passage in the reader; double-click
/// or Edit changes it, Delete removes it; all undoable through the controller's stack.
class AnnotationPane : public QWidget
{
    Q_OBJECT
public:
    explicit AnnotationPane(Controller *controller, QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    /// For the Annotate menu; enabled while an annotation is current.
    QAction *editAction() const { return m_edit; }
    QAction *removeAction() const { return m_remove; }

    /// The annotation current in the list, or 0.
    qint64 currentAnnotation() const;
    void editCurrent();
    void removeCurrent();

    // The scope and filters, as the journalist sets them (for tests and the main window).
    void setWholeLibrary(bool whole);
    void setColorFilter(const QString &color);
    void setTagFilter(const QString &tag);
    void setEntityFilter(const QString &entityId);
    void setTextFilter(const QString &text);

Q_SIGNALS:
    /// An annotation was activated: its article, and its passage as offsets into the article's text.
    void annotationActivated(qint64 articleId, qint64 annotationId, qsizetype start, qsizetype end, bool orphan);

private:
    void updateActions();
    void updateFilterMenus();
    void updateColors();
    void updateCount();
    Controller *m_controller;
    QComboBox *m_scope;
    QComboBox *m_color;
    QComboBox *m_tag;
    QComboBox *m_entity;
    QLineEdit *m_text;
    QListView *m_view;
    QLabel *m_count;
    QAction *m_edit;
    QAction *m_remove;
    bool m_updatingMenus = false;
};

} // namespace Lede
