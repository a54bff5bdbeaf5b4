// SPDX-License-Identifier: MIT
#pragma once

#include "controller/controller.h"

#include <QObject>
#include <QPoint>

class QAction;
class QFrame;
class QMenu;
class QTimer;
class QWidget;

namespace Lede {

class AnnotationPane;
class ReaderView;

/// Annotating from the reader, by mouse and by keyboard: highlight the selection in one of the
/// palette's colours (Ctrl+1…5, named by the meanings the journalist gives them), add a note
/// (Ctrl+M), tags (Ctrl+T) or a linked entity (Ctrl+Shift+K), recolour, edit and remove the
/// annotation under the cursor, copy the passage with its citation (Ctrl+Shift+C). The same actions
/// are in the Annotate menu, the reader's context menu and a small bar that appears beside a
/// selection. Also the annotation files (export, import) and re-extracting the library, each
/// with a result the journalist reads. Every change goes through the controller's undo stack.
class AnnotationActions : public QObject
{
    Q_OBJECT
public:
    /// Where an export takes its annotations from.
    enum class Scope { CurrentArticle, ListedArticles, WholeLibrary };

    AnnotationActions(Controller *controller, ReaderView *reader, AnnotationPane *pane, QWidget *window);

    /// Fills the Annotate menu.
    void fillMenu(QMenu *menu);
    /// Puts the annotation entries for the selection, or for the annotation at `pos` (in the text
    /// view's coordinates), into the reader's context menu before `before`.
    void addToContextMenu(QMenu *menu, QAction *before, const QPoint &pos);

    QAction *highlightAction(int index) const { return m_colorActions.value(index); }
    QAction *noteAction() const { return m_note; }
    QAction *tagsAction() const { return m_tags; }
    QAction *linkEntityAction() const { return m_link; }
    QAction *removeAction() const { return m_remove; }
    QAction *copyCitationAction() const { return m_copyCitation; }
    QAction *colorMeaningsAction() const { return m_meanings; }
    QAction *exportAction() const { return m_export; }
    QAction *importAction() const { return m_import; }
    QAction *reextractAction() const { return m_reextract; }
    /// The bar that appears beside a selection.
    QFrame *selectionBar() const { return m_bar; }

    /// Highlights the selection in the palette's colour `index` or, with no selection, recolours
    /// the annotation under the cursor. False when there is neither.
    bool highlight(int index);
    /// The saved annotation under the reader's cursor or selection, or 0.
    qint64 annotationAtCursor() const;
    /// Copies the selection with its citation, as plain text and HTML. False with no selection.
    bool copyWithCitation();
    /// Exports in the background; the result comes as a status line (errors in a box).
    void exportTo(const QString &path, AnnotationFormat format, Scope scope);
    /// Opens an annotation's article and selects its passage (or says it is an orphan).
    void reveal(qint64 articleId, qint64 annotationId, qsizetype start, qsizetype end, bool orphan);

    void updateActions();

Q_SIGNALS:
    /// An article should be shown (and selected in the list) before a passage of it is selected.
    void showArticleRequested(qint64 articleId);
    /// A line for the status bar.
    void message(const QString &text, int timeoutMs);

private:
    void annotateWithDialog(int focus);
    void chooseAndExport();
    void chooseAndImport();
    void confirmAndReextract();
    void nameColors();
    void updateColorTexts();
    void placeBar();
    void showResult(const QString &title, const QString &text, const QString &objectName);
    qint64 annotationAt(qsizetype position) const;

    Controller *m_controller;
    ReaderView *m_reader;
    AnnotationPane *m_pane;
    QWidget *m_window;
    QList<QAction *> m_colorActions;
    QAction *m_note;
    QAction *m_tags;
    QAction *m_link;
    QAction *m_remove;
    QAction *m_copyCitation;
    QAction *m_meanings;
    QAction *m_export;
    QAction *m_import;
    QAction *m_reextract;
    QMenu *m_recolor;
    QFrame *m_bar;
    QTimer *m_barTimer;
    qint64 m_menuAnnotation = 0; // the annotation the context menu was opened on
};

} // namespace Lede
