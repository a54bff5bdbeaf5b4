// SPDX-License-Identifier: MIT
#pragma once

#include "jobs/importjob.h"
#include "jobs/reextractjob.h"
#include "kb/kbedit.h"
#include "link/linker.h"
#include "query/querytext.h"
#include "store/library.h"

#include <QObject>
#include <QThreadPool>

#include <chrono>

#include <deque>
#include <functional>
#include <memory>

class QThread;
class QTimer;
class QUndoStack;

namespace Lede {

class AnnotationController;
class AnnotationListModel;
class AnnotationModel;
class LibraryWatcher;
struct LoadedLibrary; // what a background read of the library brings (controller.cpp)
class ArticleListModel;
struct ArticleRows;
class EntityModel;
class RelinkJob;
struct AnnotationEntry;

/// The formats annotations are exported in.
enum class AnnotationFormat { JsonLd, Markdown, Csv };

/// What importing files of annotations (W3C Web Annotation JSON-LD) did, for the journalist.
struct AnnotationImportReport
{
    int files = 0; // files read
    int added = 0; // annotations saved (orphans included)
    int orphaned = 0; // saved, but their quote is not in their article's text
    int present = 0; // already in the library
    int noArticle = 0; // their article is not in the library
    QStringList errors; // "file name: why", for files or items that could not be read

    QString describe() const;
};

/// The desk: the one owner of what the panes show and change. It holds the open library, the
/// knowledge base and its linker, the queue of long jobs (import, re-link), the entity filter and
/// the current article, and the models the panes display. It has no widgets: panes call it and
/// follow its signals, and the main window only builds widgets and connects them.
///
/// Nothing slow runs on the calling (GUI) thread: the linker is rebuilt on a thread pool, imports
/// and re-links run one after another on a worker thread, and each import reports what it
/// committed so the list grows row by row. The linker carries a version; every job remembers the
/// version it used, so an import that ran while the journalist taught the linker has its articles
/// linked again with the newer one.
class Controller : public QObject
{
    Q_OBJECT
public:
    explicit Controller(std::shared_ptr<const Linker> linker, QObject *parent = nullptr);
    ~Controller() override;

    // The library.
    /// Opens (creating it if needed) a library; a new one gets the sample articles when
    /// `seedSamples` is set. Jobs of the library open before are cancelled and their results
    /// ignored. Returns false and says why through errorOccurred() when it cannot be opened. A
    /// library from an older Lede is upgraded in the background first (isLoading() meanwhile);
    /// an upgrade that fails is reported through errorOccurred().
    bool openLibrary(const QString &path, bool seedSamples = false);
    Library &library() { return *m_library; }
    const Library &library() const { return *m_library; }

    // The knowledge base and its linker.
    std::shared_ptr<const Linker> linker() const { return m_linker; }
    const KnowledgeBase &knowledgeBase() const { return m_linker->knowledgeBase(); }
    /// Goes up each time the linker is replaced (a teach, another library's edits).
    int linkerVersion() const { return m_linkerVersion; }
    /// Saves what the journalist taught (an alias, an entity, a merge, a rejected mention) and
    /// re-links the library in the background with the rebuilt linker. False when not saved.
    /// Undoable, on the session's undo stack.
    bool teach(const KbEdit &edit);
    /// Takes back something taught earlier (from the entity's details); undoable too.
    bool forget(const KbEdit &edit);
    /// What the journalist taught that concerns an entity, oldest first.
    QList<KbEdit> taughtAbout(const QString &entityId) const;
    /// What an edit does, in words for a menu or the undo history ("Add “SuperPOD” as a Chip").
    QString describe(const KbEdit &edit) const;
    /// The session's undo stack: annotations and what was taught.
    QUndoStack *undoStack() const;

    // Steps of the undo commands: save or remove an edit, then bring linker and library in line.
    bool saveEdit(KbEdit &edit);
    bool removeEdit(const KbEdit &edit);

    // Jobs.
    /// Imports files and folders in the background (folders are walked on the worker thread).
    void importPaths(const QStringList &paths);
    void cancelImport();
    /// Stops the re-link that runs or waits; a library whose knowledge base changed is re-linked
    /// again the next time it is opened.
    void cancelRelink();
    /// Stops every job, running or waiting (the status bar's Cancel).
    void cancelJobs();
    bool isImporting() const;
    bool isRelinking() const;
    /// Parses every article again from the file the library kept (after an upgrade of the
    /// extractor or the knowledge base), links it again and re-anchors its annotations, on the
    /// worker thread; reextractFinished() brings the summary.
    void reextractLibrary();
    bool isReextracting() const;
    /// Stops the running import or re-extraction (and drops those waiting); what is done stays.
    void cancelJob();
    /// True when a job runs (an import, a re-link, a re-extraction or indexing): all can be cancelled.
    bool isCancellable() const;
    /// True while the library is being read, a job runs or waits, or the linker is being rebuilt.
    bool isBusy() const;
    /// True until the list and the entity counts of the library just opened have been read.
    bool isLoading() const { return m_loading; }

    // The one filter: the search field's query. The sidebar's clicks are written into it
    // (company:nvidia), so the list, the sidebar and the field always say the same.
    /// Adds an entity to the query (OR with the others of its kind, AND across kinds).
    void addFilter(const QString &entityId);
    /// Takes an entity's choice or exclusion out of the query.
    void removeFilter(const QString &entityId);
    /// Takes every entity choice and exclusion out of the query, keeping its words.
    void clearFilters();
    /// The entities the applied search chooses, in the order typed.
    QStringList filters() const { return m_filters; }
    /// The entities the applied search leaves out (-company:x).
    QStringList excludedFilters() const { return m_excludedFilters; }

    // The search.
    /// Sets the query as typed and searches for it off this thread; searchFinished() follows,
    /// unless the query has mistakes (queryErrors()), which leave the list as it was.
    void setQuery(const QString &text);
    QString query() const { return m_search.text; }
    QList<Query::Error> queryErrors() const { return m_search.errors; }
    /// Chooses the entity when the query does not name it, else takes it out again.
    void toggleEntity(const QString &entityId);
    /// Leaves the articles that mention an entity out (-company:x).
    void excludeEntity(const QString &entityId);
    /// Sets since: and until: in the query (an invalid date sets no bound).
    void setDateRange(QDate since, QDate until);
    /// True while the list is narrowed by a search (a query or a choice).
    bool isSearchApplied() const;
    /// The result of the search last applied: counts by entity and by week (for an empty query,
    /// the weeks of the whole library).
    const Query::SearchResult &searchResult() const { return m_searchResult; }
    bool isSearching() const { return m_searchesRunning > 0; }
    /// Where the applied query's words are in the current article's canonical text, in order.
    QList<std::pair<qsizetype, qsizetype>> searchHits() const;

    // Saved searches, kept in the library.
    /// Saves the current query under a name (a search of that name gets the new query).
    bool saveSearch(const QString &name);
    bool renameSavedSearch(qint64 id, const QString &name);
    bool removeSavedSearch(qint64 id);
    /// The saved searches, by name.
    QList<SavedSearch> savedSearches() const { return m_saved; }
    /// How many articles a saved search finds now; -1 while counting, or when its query no longer
    /// reads (an entity the knowledge base lost).
    int savedSearchCount(qint64 id) const { return m_savedCounts.value(id, -1); }

    // The current article.
    /// Reads an article for the reader; `reload` reads it again even when it is the current one.
    void setCurrentArticle(qint64 articleId, bool reload = false);
    qint64 currentArticleId() const { return m_current.id; }
    const Article &currentArticle() const { return m_current.article; }
    /// A passage of the current article's canonical text.
    QString currentText(qsizetype start, qsizetype end) const;
    /// Highlights a passage of the current article; false when the range is empty or outside it.
    bool annotate(qsizetype start, qsizetype end, const QString &color, const QString &note,
        const QStringList &tags = {}, const QStringList &entityIds = {});
    /// Reads the current article's original file as the library keeps it, in the background,
    /// decoded with the encoding detected at import; sourceLoaded() brings it. Works after the
    /// saved file is moved or deleted.
    void loadCurrentSource();
    /// The entities mentioned inside a passage of the current article, in text order.
    QStringList entitiesIn(qsizetype start, qsizetype end) const;
    /// A passage of the current article with its citation (headline, outlet, date, URL), as plain
    /// text or HTML.
    QString citation(qsizetype start, qsizetype end, bool html = false) const;

    /// Puts a backup in place of the open library and opens it again, in the background. The
    /// library as it is now is first backed up ("before-restore", listed with the others), and the
    /// replaced file is kept beside it too (Database::restore). Refused while a job runs.
    /// restoreFinished() says how it went.
    void restoreBackup(const QString &backupPath);

    /// How often the open library is checked for changes made by other windows and lede-cli
    /// (PRAGMA data_version, on a thread of its own). What they added or changed then reaches the
    /// list, the sidebar, the reader and the annotations, and what they taught the linker is
    /// applied here too.
    void setWatchInterval(std::chrono::milliseconds interval);
    static constexpr std::chrono::milliseconds defaultWatchInterval{1000};

    // Annotations beyond the current article.
    /// The highlight colours in menu order with the meanings the journalist gave them.
    QList<AnnotationColor> annotationPalette() const { return m_palette; }
    /// The meaning of a colour, or its name when it has none.
    QString colorLabel(const QString &color) const;
    /// Names what a colour means; saved in the library.
    bool setColorMeaning(const QString &color, const QString &meaning);
    /// Writes every annotation as Markdown with citations, in the background.
    void exportAnnotations(const QString &path);
    /// Writes the annotations of these articles (of the whole library when empty) in a format, in
    /// the background; exportFinished() says when it is done.
    void exportAnnotations(const QString &path, AnnotationFormat format, const QList<qint64> &articleIds);
    /// Adds the annotations of JSON-LD files to the articles they belong to, in the background;
    /// annotationsImported() brings what it did.
    void importAnnotations(const QStringList &paths);
    /// The ids of the articles the list shows (the current filter).
    QList<qint64> listedArticleIds() const;

    // The models the panes show.
    /// The list: the library's stories, or the search's, read lazily (ArticleListModel).
    ArticleListModel *articleModel() const { return m_articles; }
    EntityModel *entityModel() const { return m_entities; }
    AnnotationModel *annotationModel() const { return m_annotationModel; }
    /// The annotations panel's list: this article's or the library's, filtered.
    AnnotationListModel *annotationList() const { return m_annotationList; }
    AnnotationController *annotations() const { return m_annotations; }
    /// Articles in the library (every copy), and stories (rows of the list).
    qsizetype articleCount() const;

Q_SIGNALS:
    void libraryOpened(const QString &path);
    /// Something failed that the journalist should know about; `message` says what and why.
    void errorOccurred(const QString &title, const QString &message);
    /// A short line for the status bar.
    void statusMessage(const QString &message, int timeoutMs);

    void jobStarted();
    /// Progress of the running job; total 0 when unknown. `what` is a line for the status bar.
    void jobProgress(int done, int total, const QString &what);
    void jobsIdle();
    /// Nothing is being read, run or rebuilt any more (isBusy() turned false).
    void idle();
    /// The list and the entity counts of the library just opened are in the models.
    void libraryLoaded();
    void importFinished(const Lede::ImportSummary &summary);
    void relinkFinished(int changedArticles);
    /// Articles a library upgrade left out of the search index are in it now (`indexed` of them).
    void searchIndexUpdated(int indexed);
    void linkerChanged(int version);

    void filtersChanged(const QStringList &entityIds);
    /// The query changed (typed, or written by a click): the search field shows `text`.
    void queryChanged(const QString &text);
    /// A search's result is in the list, the entity counts and the weeks.
    void searchFinished();
    /// Saved searches were added, renamed or removed, or their counts changed.
    void savedSearchesChanged();
    /// The list of articles or the entity counts changed (rows added, a library opened).
    void libraryChanged();
    void currentArticleChanged(qint64 articleId);
    /// Names in the current article the knowledge base does not know (in the entity model).
    void suggestionsChanged();
    void sourceLoaded(qint64 articleId, const QString &text);
    void exportFinished(const QString &path, const QString &error);
    /// A write to the open library waits while another window or lede-cli writes to it, and will
    /// try again: `message` says so. Emitted from the thread that waits when it is this object's
    /// (so a status bar can show it at once), else queued.
    void busyRetrying(const QString &message);
    /// Another window or lede-cli changed the open library and what it changed is shown now.
    void libraryChangedElsewhere();
    /// A restore ended: `error` is empty when the backup is in place (then the library was opened
    /// again); `keptAs` names the backup of the library as it was before.
    void restoreFinished(const QString &backupPath, const QString &error, const QString &keptAs);
    void reextractFinished(const Lede::ReextractSummary &summary);
    void annotationsImported(const Lede::AnnotationImportReport &report);
    /// The colours' meanings changed.
    void paletteChanged();
    /// The annotations panel's list of the whole library was read again.
    void annotationListLoaded();

private:
    struct Job
    {
        enum Kind { Import, Relink, Reextract, IndexSearch } kind = Import;
        QStringList paths; // Import
        std::optional<QList<qint64>> ids; // Relink: these articles only
    };
    struct Current
    {
        qint64 id = 0;
        Article article;
    };

    /// The part of openLibrary() after any upgrade: opens the file here and reads it in the background.
    bool finishOpening(const QString &path, bool isNew, bool seedSamples);
    void enqueue(Job job);
    void cancelRunning();
    void startSearchIndexJob();
    void startNextJob();
    void onJobFinished();
    void onArticlesAdded(const QList<qint64> &ids);
    void onImportFinished(const ImportSummary &summary);
    void loadInBackground();
    /// A daily backup of the open library (Database::backupIfDue), off the GUI thread.
    void backUpIfDue();
    void checkIdle();
    /// Another connection changed the library file: reads what changed, off this thread.
    void onChangedElsewhere();
    void onRestoredElsewhere();
    void refreshFromDisk();
    /// The sidebar from m_counts.
    void refreshEntities();
    /// Keeps counts read off this thread (and counts again when they were widened with a
    /// knowledge base the linker no longer has).
    void takeCounts(LoadedLibrary &&loaded);
    /// Reads the entity counts again off this thread, then updates the sidebar in place and calls
    /// `then` (unless another library was opened meanwhile). The controller is busy meanwhile.
    void recountEntities(std::function<void()> then = {});
    void runSearch();
    void reloadSavedSearches();
    void countSavedSearches();
    void applySearch(std::optional<Query::SearchResult> result, const QString &error, bool narrows,
        std::shared_ptr<const ArticleRows> rows);
    /// Reads the list's keys again off this thread (the search's articles, in the list's order)
    /// and swaps them into the list; then calls `then` (unless another library was opened).
    void relist(std::function<void()> then = {});
    /// Swaps rows read off this thread into the list, when they are in the order it shows.
    bool takeRows(std::shared_ptr<const ArticleRows> rows);
    void rebuildLinker();
    void updateSuggestions();
    void startReextract();
    void onReextractDone(int generation, const ReextractSummary &summary);
    /// Reads the annotations of the whole library for the panel, off this thread.
    void reloadAnnotationList();
    /// One article's annotations for the panel, read on this thread (a small page).
    QList<AnnotationEntry> annotationEntries(qint64 articleId) const;
    void readPalette();
    void afterKbChange(const KbEdit &edit, bool added);
    template <typename Work, typename Done> void inBackground(Work work, Done done);

    std::shared_ptr<const KnowledgeBase> m_baseKb; // as shipped; the library's edits go on top
    std::shared_ptr<const Linker> m_baseLinker; // for the shipped knowledge base
    std::shared_ptr<const Linker> m_linker;
    int m_linkerVersion = 1;
    int m_linkerWanted = 1; // the version being built, or m_linkerVersion
    std::unique_ptr<Library> m_library;
    bool m_loading = false;
    int m_generation = 0; // goes up with each library opened; late results of older ones are dropped

    ArticleListModel *m_articles;
    EntityModel *m_entities;
    AnnotationModel *m_annotationModel;
    AnnotationController *m_annotations;
    AnnotationListModel *m_annotationList;
    QList<AnnotationColor> m_palette;
    int m_annotationListTicket = 0;
    QSet<qint64> m_annotationsTouched; // articles whose annotations changed while the list was read
    EntityCounts m_counts; // the sidebar's counts, read from SQL (Library::entityCounts())
    QTimer *m_recount; // counts again after a burst of changes (import pages)
    int m_recountTicket = 0; // the latest count asked for
    int m_counting = 0; // counts being read
    QStringList m_filters;
    QStringList m_excludedFilters;
    Query::Search m_search; // the query as prepared, its facets apart
    Query::TextFacets m_textFacets;
    Query::SearchResult m_searchResult;
    int m_searchTicket = 0;
    bool m_searchApplied = false; // the list is narrowed to m_searchResult.ids
    std::optional<QList<qint64>> m_listIds; // what the list is narrowed to (the applied search's result)
    int m_listTicket = 0; // the latest keys asked for
    int m_listing = 0; // keys being read by relist()
    int m_searchesRunning = 0;
    QTimer *m_searchAgain; // after the library changed under an applied search
    QList<SavedSearch> m_saved;
    QHash<qint64, int> m_savedCounts;
    int m_savedTicket = 0;
    Current m_current;
    int m_suggestionTicket = 0;

    QThread *m_worker;
    QThreadPool m_pool;
    std::deque<Job> m_queue;
    QObject *m_running = nullptr; // the job on the worker thread
    Job m_runningJob;
    int m_runningVersion = 0; // the linker version the running job uses
    bool m_runningStale = false; // the running job belongs to a library no longer open
    bool m_runningSuperseded = false; // the running re-link was cancelled for a newer one
    bool m_relinkWhenBuilt = false;
    bool m_editSucceeded = false; // what the last teach or forget command did

    QThread *m_watchThread;
    LibraryWatcher *m_watcher; // lives on m_watchThread
    bool m_refreshPending = false; // a change seen elsewhere while this controller was busy
    bool m_refreshing = false;
    QString m_watchedPath; // the open library's path, for the busy notifier (under its mutex)
    QList<qint64> m_knownEdits; // the ids of the knowledge-base edits the linker was built with
};

} // namespace Lede

Q_DECLARE_METATYPE(Lede::AnnotationImportReport)
Q_DECLARE_METATYPE(Lede::ReextractSummary)
