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
class QProgressBar;
class QSplitter;
class QToolButton;
class QTreeView;

namespace Lede {

class AnnotationController;
class AnnotationModel;
class ArticleFilterProxy;
class ArticleListModel;
class EntityModel;
class EntitySidebar;
class FilterBar;
class ReaderView;

/// Lede's main window: entity sidebar | article list (with its active filters) | reader with
/// the article's annotations beside it.
///
/// The panes do not talk to each other: the window routes list selection to the reader, sidebar
/// clicks to the list's filter, and mention clicks to the sidebar. Imports run on a worker thread
/// with progress and cancel in the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(std::shared_ptr<const Linker> linker, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a library file, creating it if needed; a new library is filled with the sample
    /// articles when `seedSamples` is set. Returns false (and says why) when it cannot be opened.
    bool openLibrary(const QString &path, bool seedSamples = false);
    Library &library() { return *m_library; }

    /// Imports files and folders in the background; importFinished() tells when it is done.
    void importPaths(const QStringList &paths);
    bool isImporting() const { return m_importThread != nullptr; }
    void cancelImport();

    void addFilter(const QString &entityId);
    void removeFilter(const QString &entityId);
    void clearFilters();
    QStringList filters() const;

    /// Shows an article in the reader and selects it in the list; `reload` re-reads it even when
    /// it is already shown.
    void showArticle(qint64 articleId, bool reload = false);
    qint64 currentArticleId() const;
    /// Annotates the reader's selected passage; false when nothing is selected.
    bool annotateSelection(const QString &color, const QString &note);

    /// Teaches the linker (an alias, an entity, a merge, a rejected mention): saved in the library
    /// at once, then the library is re-linked in the background.
    bool teach(const KbEdit &edit);
    bool isRelinking() const { return m_relinkThread != nullptr; }
    const Linker &linker() const { return *m_linker; }

    QTreeView *articleView() const { return m_articleView; }
    ReaderView *reader() const { return m_reader; }
    EntitySidebar *sidebar() const { return m_sidebar; }
    FilterBar *filterBar() const { return m_filterBar; }
    QListView *annotationView() const { return m_annotationView; }
    AnnotationController *annotations() const { return m_annotationController; }
    QAbstractItemModel *articleModel() const;

Q_SIGNALS:
    void libraryOpened(const QString &path);
    void importFinished(const Lede::ImportSummary &summary);
    void currentArticleChanged(qint64 articleId);
    void relinkFinished(int changedArticles);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void reloadLibrary();
    void updateFilterBar();
    void updateActions();
    void onCurrentArticleChanged();
    void onImportFinished(const ImportSummary &summary);
    void annotateWithDialog();
    void editSelectedAnnotation();
    void removeSelectedAnnotation();
    void exportAnnotations();
    void chooseAndImportFiles();
    void chooseAndImportFolder();
    void chooseAndOpenLibrary();
    void saveLayout() const;
    void restoreLayout();
    void showError(const QString &title, const QString &message);
    void rebuildLinker();
    void startRelink();
    void updateSuggestions();
    void addSelectionAsAlias();
    void newEntityFromSelection();
    void mergeEntity(const QString &entityId);
    void addSuggestion(const QString &name, int kind);

    std::shared_ptr<const KnowledgeBase> m_baseKb; // as shipped; the library's edits go on top
    std::shared_ptr<const Linker> m_linker;
    std::unique_ptr<Library> m_library;
    ArticleListModel *m_articles;
    ArticleFilterProxy *m_filter;
    EntityModel *m_entities;
    AnnotationModel *m_annotationModel;
    AnnotationController *m_annotationController = nullptr;
    QHash<QString, QSet<qint64>> m_entityArticles; // widened: regions include what lies inside them
    QStringList m_filters;

    EntitySidebar *m_sidebar;
    FilterBar *m_filterBar;
    QTreeView *m_articleView;
    ReaderView *m_reader;
    QListView *m_annotationView;
    QSplitter *m_mainSplitter;
    QSplitter *m_readerSplitter;
    QLabel *m_countLabel;
    QProgressBar *m_progress;
    QToolButton *m_cancelButton;

    QAction *m_highlightAction = nullptr;
    QAction *m_noteAction = nullptr;
    QAction *m_editNoteAction = nullptr;
    QAction *m_removeNoteAction = nullptr;

    QThread *m_importThread = nullptr;
    ImportJob *m_importJob = nullptr;
    qint64 m_pendingArticle = 0;
    QThread *m_relinkThread = nullptr;
    class RelinkJob *m_relinkJob = nullptr;
    bool m_relinkAgain = false;
};

} // namespace Lede
