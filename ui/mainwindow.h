// SPDX-License-Identifier: MIT
#pragma once

#include "jobs/importjob.h"
#include "kb/kbedit.h"
#include "link/linker.h"
#include "store/library.h"

#include <QMainWindow>

#include <memory>

class QAbstractItemModel;
class QAction;
class QLabel;
class QListView;
class QSplitter;
class QToolButton;
class QTreeView;

namespace Lede {

class AnnotationActions;
class AnnotationController;
class AnnotationPane;
class ArticleListPane;
class Controller;
class EntitySidebar;
class FilterBar;
class JobStatus;
class ReaderView;
class TeachActions;

/// Lede's main window: entity sidebar | article list (with its active filters) | reader with
/// the article's annotations beside it.
///
/// The window builds the widgets and connects them to the Controller, which owns the library,
/// the linker, the jobs, the filter and the current article. The panes do not talk to each other,
/// and the window keeps no state of its own beyond its layout.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(std::shared_ptr<const Linker> linker, QWidget *parent = nullptr);
    ~MainWindow() override;

    Controller *controller() const { return m_controller; }

    // Shortcuts to the controller, for main() and tests.
    bool openLibrary(const QString &path, bool seedSamples = false);
    Library &library();
    void importPaths(const QStringList &paths);
    bool isImporting() const;
    void cancelImport();
    void addFilter(const QString &entityId);
    void removeFilter(const QString &entityId);
    void clearFilters();
    QStringList filters() const;
    bool teach(const KbEdit &edit);
    bool isRelinking() const;
    const Linker &linker() const;

    /// Shows an article in the reader and selects it in the list; `reload` re-reads it even when
    /// it is already shown.
    void showArticle(qint64 articleId, bool reload = false);
    qint64 currentArticleId() const;
    /// Annotates the reader's selected passage; false when nothing is selected.
    bool annotateSelection(const QString &color, const QString &note);

    QTreeView *articleView() const { return m_articleView; }
    ReaderView *reader() const { return m_reader; }
    EntitySidebar *sidebar() const { return m_sidebar; }
    FilterBar *filterBar() const;
    QListView *annotationView() const;
    AnnotationController *annotations() const;
    AnnotationPane *annotationPane() const { return m_notes; }
    AnnotationActions *annotationActions() const { return m_annotate; }
    QAbstractItemModel *articleModel() const;

    /// Opens a link from an article in the system browser, only after showing its full address
    /// and asking. Only web addresses (http, https) are opened; anything else (file:, javascript:,
    /// data:, …) is refused with the address shown. True when the browser was asked to open it.
    bool openLink(const QUrl &url);
    /// File → Restore Backup…: the library's backups; the one chosen is restored (asked first).
    void showRestoreDialog() { chooseAndRestoreBackup(); }
    /// Whether openLink() would open a link of this kind at all.
    static bool isOpenableLink(const QUrl &url);

Q_SIGNALS:
    void libraryOpened(const QString &path);
    void importFinished(const Lede::ImportSummary &summary);
    void currentArticleChanged(qint64 articleId);
    void relinkFinished(int changedArticles);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void createActions();
    void connectController();
    void showReaderContextMenu(const QPoint &pos);
    QList<QWidget *> panes() const;
    void cyclePanes(int step);
    void fitPanes();
    void openOriginal();
    void copyLink();
    void updateActions();
    void onCurrentArticleChanged(qint64 articleId);
    void onImportFinished(const ImportSummary &summary);
    void chooseAndImportFiles();
    void chooseAndImportFolder();
    void chooseAndOpenLibrary();
    void chooseAndRestoreBackup();
    void saveLayout() const;
    void restoreLayout();
    void showError(const QString &title, const QString &message, const QString &details = {});

    Controller *m_controller;
    EntitySidebar *m_sidebar;
    ArticleListPane *m_list;
    QTreeView *m_articleView; // the list pane's view
    ReaderView *m_reader;
    AnnotationPane *m_notes;
    QSplitter *m_mainSplitter;
    QSplitter *m_readerSplitter;
    JobStatus *m_jobStatus;
    TeachActions *m_teach;
    AnnotationActions *m_annotate;
    QToolButton *m_importDetails;
    QString m_importSummaryText;
    QString m_importDetailsText;

    QAction *m_highlightAction = nullptr;
    QAction *m_noteAction = nullptr;
    QAction *m_openOriginalAction = nullptr;
    QAction *m_copyLinkAction = nullptr;
    QAction *m_sourceAction = nullptr;

    bool m_fitPending = false;
    bool m_notesFoldedToFit = false; // the annotations were folded for a narrow window, not by hand
    qint64 m_pendingArticle = 0; // the article shown when the window last closed
};

} // namespace Lede
