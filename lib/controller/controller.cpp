// SPDX-License-Identifier: MIT
#include "controller.h"

#include "annotationcontroller.h"
#include "export/annotationexport.h"
#include "export/webannotation.h"
#include "html/encoding.h"
#include "jobs/relinkjob.h"
#include "jobs/searchindexjob.h"
#include "librarywatcher.h"
#include "link/suggest.h"
#include "models/annotationlistmodel.h"
#include "models/annotationmodel.h"
#include "models/articlelistmodel.h"
#include "models/entitymodel.h"
#include "models/roles.h"
#include "query/hits.h"
#include "text/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSaveFile>
#include <QStringDecoder>
#include <QThread>
#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

// The source tab is for reference: very large files are cut so the view stays quick.
constexpr qint64 sourceViewLimitBytes = 2 * 1024 * 1024;

QString decodeDetected(const QByteArray &bytes, SourceFormat format)
{
    switch (format) {
    case SourceFormat::Html:
        return decodeHtml(bytes).text;
    case SourceFormat::Rss:
    case SourceFormat::Atom:
        return decodeXml(bytes).text;
    case SourceFormat::JsonFeed:
        return QString::fromUtf8(bytes); // JSON is UTF-8 by definition
    default:
        return decodeText(bytes).text;
    }
}

// The controllers of this process, told when a write to their library waits for another writer.
QMutex g_controllersMutex;
QList<Controller *> g_controllers;
// The article's original file as the library keeps it, decoded with the encoding detected at
// import (detected again when none was recorded); the file on disk only when the library has no
// copy of it (a library upgraded while the file was already gone has none).
QString readSource(const QString &libraryPath, qint64 articleId, const QString &path, SourceFormat format)
{
    Library library; // its own connection, on this thread
    if (!library.open(libraryPath))
        return QObject::tr("Cannot read the library: %1").arg(library.lastError());
    const std::optional<ArticleSource> source = library.articleSource(articleId);
    if (!source)
        return QObject::tr("Cannot read the kept original: %1").arg(library.lastError());
    QByteArray bytes;
    QByteArray encoding;
    bool cut = false;
    if (!source->isNull()) {
        cut = source->data.size() > sourceViewLimitBytes;
        bytes = source->data.left(sourceViewLimitBytes);
        encoding = source->encoding;
    } else {
        QFile file(path);
        if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
            return QObject::tr("The library keeps no copy of this article’s original file, and %1 is no longer there.")
                .arg(path.isEmpty() ? QObject::tr("the file") : path);
        bytes = file.read(sourceViewLimitBytes);
        cut = !file.atEnd();
    }
    QString text;
    if (!encoding.isEmpty()) {
        QStringDecoder decoder(encoding.constData());
        if (decoder.isValid())
            text = decoder.decode(bytes);
        else
            text = decodeDetected(bytes, format);
    } else {
        text = decodeDetected(bytes, format);
    }
    if (cut)
        text += u"\n\n"_s
            + QObject::tr("[The file is longer: its first %1 MB are shown.]").arg(sourceViewLimitBytes >> 20);
    return text;
}

// The panel's entries for these annotations: each with its article's headline and its entities,
// the mentions of each article read once.
QList<AnnotationEntry> entriesOf(const Library &library, const QList<Annotation> &annotations,
    const QHash<qint64, QString> &titles, const QHash<qint64, QList<EntityMention>> &knownMentions = {})
{
    QHash<qint64, QList<EntityMention>> mentions = knownMentions;
    QList<AnnotationEntry> out;
    out.reserve(annotations.size());
    for (const Annotation &a : annotations) {
        if (!mentions.contains(a.articleId))
            mentions.insert(a.articleId, library.mentions(a.articleId));
        AnnotationEntry e;
        e.annotation = a;
        e.articleTitle = titles.value(a.articleId);
        if (!a.orphan) {
            for (const EntityMention &m : mentions.value(a.articleId)) {
                if (m.start >= a.start && m.end <= a.end && !e.entityIds.contains(m.entityId))
                    e.entityIds.append(m.entityId);
            }
        }
        for (const QString &id : a.entityIds) {
            if (!e.entityIds.contains(id))
                e.entityIds.append(id);
        }
        out.append(e);
    }
    return out;
}

} // namespace

Controller::Controller(std::shared_ptr<const Linker> linker, QObject *parent)
    : QObject(parent)
    , m_baseKb(linker->sharedKnowledgeBase())
    , m_linker(std::move(linker))
    , m_library(std::make_unique<Library>())
    , m_articles(new ArticleListModel(this))
    , m_entities(new EntityModel(this))
    , m_annotationModel(new AnnotationModel(this))
    , m_annotations(new AnnotationController(m_library.get(), m_annotationModel, this))
    , m_annotationList(new AnnotationListModel(this))
    , m_recount(new QTimer(this))
    , m_searchAgain(new QTimer(this))
    , m_worker(new QThread(this))
    , m_watchThread(new QThread(this))
    , m_watcher(new LibraryWatcher([this](int generation, bool replaced) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, replaced] {
                if (generation != m_generation)
                    return;
                if (replaced)
                    onRestoredElsewhere();
                else
                    onChangedElsewhere();
            },
            Qt::QueuedConnection);
    }))
{
    qRegisterMetaType<Lede::ImportSummary>();
    m_baseLinker = m_linker;
    // The list's rows are read a page at a time through this thread's connection as they are
    // shown; its keys, in the order asked for, off this thread.
    m_articles->setLibrary(m_library.get());
    connect(m_articles, &ArticleListModel::orderChanged, this, [this] { relist(); });
    m_worker->setObjectName(u"lede-jobs"_s);
    m_worker->start();
    m_pool.setMaxThreadCount(2);
    connect(m_annotations, &AnnotationController::failed, this,
        [this](const QString &message) { Q_EMIT errorOccurred(tr("Annotation not saved"), message); });
    // The panel's list follows every change (an edit, undo, redo) at once: one article's rows.
    m_annotationList->setKnowledgeBase(m_linker->sharedKnowledgeBase());
    connect(m_annotations, &AnnotationController::annotationsChanged, this, [this](qint64 articleId) {
        m_annotationsTouched.insert(articleId);
        m_annotationList->replaceArticle(articleId, annotationEntries(articleId));
    });
    // While Lede runs, the open library is backed up once a day (the hourly check is cheap).
    auto *backups = new QTimer(this);
    backups->setInterval(std::chrono::hours(1));
    connect(backups, &QTimer::timeout, this, &Controller::backUpIfDue);
    backups->start();
    m_recount->setSingleShot(true);
    m_recount->setInterval(400);
    connect(m_recount, &QTimer::timeout, this, [this] { recountEntities(); });
    // Rows an import adds, or mentions a re-link changes, are searched again in one go.
    m_searchAgain->setSingleShot(true);
    m_searchAgain->setInterval(300);
    connect(m_searchAgain, &QTimer::timeout, this, [this] {
        runSearch();
        countSavedSearches();
    });

    // Other windows and lede-cli may write to the same library: a watcher on a thread of its own
    // notices their commits.
    m_watchThread->setObjectName(u"lede-watch"_s);
    m_watcher->moveToThread(m_watchThread);
    connect(m_watchThread, &QThread::finished, m_watcher, &QObject::deleteLater);
    m_watchThread->start();
    {
        const QMutexLocker lock(&g_controllersMutex);
        g_controllers.append(this);
    }
    Database::setBusyNotifier([](const QString &libraryPath, const QString &message) {
        QList<Controller *> here; // controllers of the waiting thread: told now, not after the wait
        {
            const QMutexLocker lock(&g_controllersMutex);
            for (Controller *c : std::as_const(g_controllers)) {
                if (c->m_watchedPath != libraryPath)
                    continue;
                if (QThread::currentThread() == c->thread())
                    here.append(c);
                else
                    QMetaObject::invokeMethod(
                        c, [c, message] { Q_EMIT c->busyRetrying(message); }, Qt::QueuedConnection);
            }
        }
        for (Controller *c : std::as_const(here))
            Q_EMIT c->busyRetrying(message);
    });
}

void Controller::restoreBackup(const QString &backupPath)
{
    const QString path = m_library->path();
    if (!m_library->isOpen() || isBusy()) {
        Q_EMIT restoreFinished(backupPath,
            tr("Lede is still working on the library %1: wait until the import or re-linking has ended (or "
               "cancel it), then restore again.")
                .arg(path),
            QString());
        return;
    }
    // Nothing of this window may hold the file while it is replaced: the reader, the watcher and
    // the list let go of it, and late results of the library as it was are dropped.
    ++m_generation;
    m_annotations->undoStack()->clear();
    m_annotations->setArticle(0);
    m_current = {};
    Q_EMIT currentArticleChanged(0);
    QMetaObject::invokeMethod(
        m_watcher, [watcher = m_watcher] { watcher->stop(); }, Qt::BlockingQueuedConnection);
    m_library->close();
    m_loading = true; // nothing reads or runs until it is open again
    struct Restored
    {
        QString error;
        QString keptAs;
    };
    inBackground(
        [path, backupPath] {
            // The library as it was is kept first (a "before-restore" backup, or moved aside when
            // it is broken); other windows on it see the restore and read the library again.
            Restored out;
            Database::restore(backupPath, path, &out.error, &out.keptAs);
            return out;
        },
        [this, path, backupPath](Restored restored) {
            m_loading = false;
            openLibrary(path);
            Q_EMIT restoreFinished(backupPath, restored.error, restored.keptAs);
        });
}

void Controller::setWatchInterval(std::chrono::milliseconds interval)
{
    QMetaObject::invokeMethod(m_watcher, [watcher = m_watcher, interval] { watcher->setInterval(interval); });
}

void Controller::backUpIfDue()
{
    if (!m_library->isOpen())
        return;
    inBackground(
        [path = m_library->path()] {
            Library library;
            return library.open(path) && library.backupIfDue() ? QString() : library.lastError();
        },
        [](const QString &error) {
            if (!error.isEmpty())
                qCWarning(lcStore).noquote() << "no daily backup:" << error;
        });
}

Controller::~Controller()
{
    {
        const QMutexLocker lock(&g_controllersMutex);
        g_controllers.removeOne(this);
    }
    QMetaObject::invokeMethod(
        m_watcher, [watcher = m_watcher] { watcher->stop(); }, Qt::BlockingQueuedConnection);
    m_watchThread->quit();
    m_watchThread->wait();
    m_queue.clear();
    cancelRunning();
    m_worker->quit();
    m_worker->wait();
    delete m_running; // its thread has ended
    m_pool.waitForDone();
}

template <typename Work, typename Done> void Controller::inBackground(Work work, Done done)
{
    const int generation = m_generation;
    m_pool.start([this, generation, work = std::move(work), done = std::move(done)]() mutable {
        auto result = work();
        QMetaObject::invokeMethod(
            this,
            [this, generation, result = std::move(result), done = std::move(done)]() mutable {
                if (generation == m_generation)
                    done(std::move(result));
            },
            Qt::QueuedConnection);
    });
}

// The library ---------------------------------------------------------------------------------

bool Controller::openLibrary(const QString &path, bool seedSamples)
{
    // What ran for the library open before is cancelled; its late results are dropped.
    ++m_generation;
    m_counting = 0;
    m_listing = 0;
    m_recount->stop();
    m_queue.clear();
    m_relinkWhenBuilt = false;
    if (m_running) {
        m_runningStale = true;
        cancelRunning();
    }
    m_annotations->undoStack()->clear();
    m_annotations->setArticle(0);
    m_annotationList->clear();
    m_annotationList->setCurrentArticle(0);
    m_current = {};
    Q_EMIT currentArticleChanged(0);

    const bool isNew = !QFileInfo::exists(path);
    // (A file that cannot be written is refused at once by the ordinary path.)
    if (QFileInfo(path).isWritable() && Library::needsUpgrade(path)) {
        // Upgrading a library from an older Lede can take a while when it is large (new tables and
        // indexes over every article): it runs off this thread, and the library opens here after.
        m_library->close();
        if (!m_filters.isEmpty()) {
            m_filters.clear();
            Q_EMIT filtersChanged(m_filters);
        }
        m_searchApplied = false;
        m_listIds.reset();
        ++m_listTicket;
        m_articles->clear();
        m_counts = {};
        refreshEntities();
        m_loading = true; // no job starts on the library until it is open
        Q_EMIT jobProgress(
            0, 0, tr("Upgrading the library %1 for this version of Lede…").arg(QFileInfo(path).fileName()));
        inBackground(
            [path] {
                Library library;
                return library.open(path) ? QString() : library.lastError();
            },
            [this, path, seedSamples](const QString &error) {
                m_loading = false;
                if (!error.isEmpty()) {
                    Q_EMIT errorOccurred(tr("Cannot open the library"), error);
                    checkIdle();
                    return;
                }
                finishOpening(path, false, seedSamples);
            });
        return true;
    }
    return finishOpening(path, isNew, seedSamples);
}

bool Controller::finishOpening(const QString &path, bool isNew, bool seedSamples)
{
    if (!m_library->open(path)) {
        Q_EMIT errorOccurred(tr("Cannot open the library"), m_library->lastError());
        return false;
    }
    // Another library, another search: the query starts empty. Searches of the library before
    // never land (their generation is gone).
    m_searchesRunning = 0;
    m_search = {};
    m_textFacets = {};
    m_searchResult = {};
    m_searchApplied = false;
    m_listIds.reset();
    ++m_listTicket;
    m_entities->setResultCounts(std::nullopt);
    m_entities->setChoices({}, {});
    Q_EMIT queryChanged(QString());
    m_savedCounts.clear();
    reloadSavedSearches();
    if (!m_filters.isEmpty() || !m_excludedFilters.isEmpty()) {
        m_filters.clear();
        m_excludedFilters.clear();
        Q_EMIT filtersChanged(m_filters);
    }
    // Start from the shipped knowledge base; the library's own edits are applied off this thread.
    if (m_linker != m_baseLinker) {
        m_linker = m_baseLinker;
        m_linkerVersion = ++m_linkerWanted;
        Q_EMIT linkerChanged(m_linkerVersion);
    }
    m_knownEdits.clear();
    const bool hasEdits = !m_library->kbEdits().isEmpty();
    if (hasEdits)
        rebuildLinker();
    readPalette();
    m_articles->clear();
    m_counts = {};
    refreshEntities();
    m_refreshPending = false;
    {
        const QMutexLocker lock(&g_controllersMutex);
        m_watchedPath = m_library->path();
    }
    QMetaObject::invokeMethod(m_watcher, [watcher = m_watcher, path = m_library->path(), generation = m_generation] {
        watcher->watch(path, generation);
    });
    loadInBackground();
    // Articles an upgrade left out of the search index are indexed as a job, after the list is read.
    if (m_library->searchIndexPending().value_or(0) > 0)
        enqueue(Job{Job::IndexSearch, {}, std::nullopt});
    // Mentions found with another shipped knowledge base or linker are found again in the
    // background, with the journalist's edits applied; the library records the new fingerprint
    // when that re-link has finished, so one that was stopped is done again next time.
    const QString fingerprint = Linker::fingerprint(*m_baseKb);
    if (m_library->linkFingerprint() != fingerprint) {
        if (m_library->articleCount() == 0)
            m_library->setLinkFingerprint(fingerprint);
        else if (hasEdits)
            m_relinkWhenBuilt = true; // once the linker with the edits is built
        else
            enqueue(Job{Job::Relink, {}, std::nullopt});
    }
    backUpIfDue();
    Q_EMIT libraryOpened(path);
    if (isNew && seedSamples) {
        QStringList samples;
        for (const QString &name : QDir(u":/samples"_s).entryList(QDir::Files, QDir::Name))
            samples.append(u":/samples/"_s + name);
        importPaths(samples);
    }
    return true;
}

qsizetype Controller::articleCount() const
{
    return m_articles->articleCount();
}

struct LoadedLibrary
{
    std::shared_ptr<const ArticleRows> rows; // the list's keys
    EntityCounts counts; // widened with the knowledge base countedWith
    std::shared_ptr<const KnowledgeBase> countedWith;
    QString error;
};

namespace {

// The list's keys: the stories of `only` (a search's result) or of the whole library, in `order`
// (one SQL query), arranged for the list; null when the read failed.
std::shared_ptr<const ArticleRows> readRows(
    const Library &library, const ArticleOrder &order, const std::optional<QList<qint64>> &only)
{
    std::optional<ArticleKeys> keys = library.articleKeys(order, only);
    return keys ? ArticleListModel::arrange(std::move(*keys), order) : nullptr;
}

// Reads a library's list keys (when `withArticles`: the stories of `only`, or all, in `order`) and
// entity counts (when given the knowledge base that widens them) with a connection of this
// thread's own. The counts come from SQL (Library::entityCounts()); no mention is held in memory,
// and of the list only its keys: rows are read as they are shown.
LoadedLibrary readLibrary(const QString &path, bool withArticles, std::shared_ptr<const KnowledgeBase> kb,
    const ArticleOrder &order = {}, const std::optional<QList<qint64>> &only = {})
{
    LoadedLibrary out;
    Library library;
    if (!library.open(path)) {
        out.error = library.lastError();
        return out;
    }
    if (withArticles)
        out.rows = readRows(library, order, only);
    if (kb) {
        out.counts = library.entityCounts(*kb);
        out.countedWith = std::move(kb);
    }
    out.error = library.lastError();
    return out;
}

} // namespace

void Controller::loadInBackground()
{
    // The list and the counts are read off this thread, side by side; jobs wait for both, so rows
    // they add are not lost under them.
    m_loading = true;
    auto loaded = std::make_shared<LoadedLibrary>();
    auto waiting = std::make_shared<int>(2);
    const auto arrived = [this, loaded, waiting](const QString &error) {
        if (loaded->error.isEmpty())
            loaded->error = error;
        if (--*waiting > 0)
            return;
        m_loading = false;
        if (!loaded->error.isEmpty())
            Q_EMIT errorOccurred(tr("Cannot read the library"), loaded->error);
        takeRows(loaded->rows);
        takeCounts(std::move(*loaded));
        refreshEntities();
        reloadAnnotationList();
        Q_EMIT libraryLoaded();
        startNextJob();
        checkIdle();
    };
    ++m_listTicket;
    inBackground([path = m_library->path(), order = m_articles->order()] { return readLibrary(path, true, {}, order); },
        [loaded, arrived](LoadedLibrary list) {
            loaded->rows = std::move(list.rows);
            arrived(list.error);
        });
    inBackground(
        [path = m_library->path(), kb = m_linker->sharedKnowledgeBase()] { return readLibrary(path, false, kb); },
        [loaded, arrived](LoadedLibrary counts) {
            loaded->counts = std::move(counts.counts);
            loaded->countedWith = std::move(counts.countedWith);
            arrived(counts.error);
        });
}

void Controller::checkIdle()
{
    if (!isBusy() && !m_relinkWhenBuilt && m_refreshPending) {
        m_refreshPending = false;
        refreshFromDisk();
    }
    if (!isBusy() && !m_relinkWhenBuilt)
        Q_EMIT idle();
}

void Controller::onRestoredElsewhere()
{
    const bool wasWorking = isBusy();
    const QString path = m_library->path();
    openLibrary(path);
    Q_EMIT statusMessage(wasWorking ? tr("The library was restored from a backup in another window or by lede-cli: "
                                         "Lede read it again, and stopped the work it was doing on the library as it "
                                         "was")
                                    : tr("The library was restored from a backup in another window or by lede-cli: "
                                         "Lede read it again"),
        0);
    Q_EMIT libraryChangedElsewhere();
}

void Controller::onChangedElsewhere()
{
    // While this controller's own work runs, its results bring most changes; what others did is
    // read when it ends.
    if (isBusy() || m_relinkWhenBuilt || m_refreshing) {
        m_refreshPending = true;
        return;
    }
    refreshFromDisk();
}

namespace {

struct DiskState
{
    LoadedLibrary library;
    qsizetype articles = -1; // in the library; -1 when the read failed
    QList<qint64> edits; // the knowledge-base edits' ids
    std::optional<Article> current; // the current article, as stored now
    QList<Annotation> annotations; // its annotations
};

QString annotationsKey(const QList<Annotation> &annotations)
{
    QStringList parts;
    for (const Annotation &a : annotations)
        parts.append(u"%1:%2-%3:%4:%5:%6:%7:%8"_s.arg(a.id)
                         .arg(a.start)
                         .arg(a.end)
                         .arg(a.color, a.note, a.tags.join(u','), a.entityIds.join(u','))
                         .arg(a.orphan));
    parts.sort();
    return parts.join(u'|');
}

QString mentionsKey(const QList<EntityMention> &mentions)
{
    QStringList parts;
    for (const EntityMention &m : mentions)
        parts.append(u"%1@%2-%3"_s.arg(m.entityId).arg(m.start).arg(m.end));
    parts.sort();
    return parts.join(u',');
}

} // namespace

void Controller::refreshFromDisk()
{
    m_refreshing = true;
    inBackground(
        [path = m_library->path(), current = m_current.id, kb = m_linker->sharedKnowledgeBase()] {
            DiskState out;
            out.library = readLibrary(path, false, kb);
            Library library;
            if (!library.open(path))
                return out;
            out.articles = library.articleCount();
            for (const KbEdit &e : library.kbEdits())
                out.edits.append(e.id);
            if (current) {
                out.current = library.article(current);
                out.annotations = library.annotations(current);
            }
            return out;
        },
        [this, current = m_current.id](DiskState state) {
            m_refreshing = false;
            if (!state.library.error.isEmpty())
                return; // a file being replaced or busy: the next change reads it again
            // New rows are listed by the search that follows (its keys, in the list's order).
            const qsizetype added
                = state.articles < 0 ? 0 : std::max<qsizetype>(0, state.articles - m_articles->articleCount());
            const bool countsChanged = state.library.counts != m_counts;
            if (countsChanged) {
                takeCounts(std::move(state.library));
                m_entities->updateEntities(m_linker->sharedKnowledgeBase(), m_counts);
            }
            if (added || countsChanged) {
                m_searchAgain->start(); // the result and the saved searches' counts follow
                Q_EMIT libraryChanged();
            }
            // What another window taught: this window's linker follows (that window re-links).
            const bool editsChanged = state.edits != m_knownEdits;
            if (editsChanged)
                rebuildLinker();
            bool currentChanged = false;
            if (current && current == m_current.id && state.current) {
                const bool textChanged = state.current->text != m_current.article.text
                    || mentionsKey(state.current->entities) != mentionsKey(m_current.article.entities);
                const bool notesChanged
                    = annotationsKey(state.annotations) != annotationsKey(m_annotationModel->annotations());
                if (textChanged)
                    setCurrentArticle(current, true);
                else if (notesChanged)
                    m_annotations->reload();
                currentChanged = textChanged || notesChanged;
            }
            if (added || countsChanged || currentChanged || editsChanged) {
                if (added)
                    Q_EMIT statusMessage(added == 1
                            ? tr("1 article added in another window or by lede-cli")
                            : tr("%1 articles added in another window or by lede-cli").arg(added),
                        6000);
                Q_EMIT libraryChangedElsewhere();
            }
            if (m_refreshPending && !isBusy()) {
                m_refreshPending = false;
                refreshFromDisk();
            }
        });
}

void Controller::takeCounts(LoadedLibrary &&loaded)
{
    ++m_recountTicket; // a recount already running counted the library as it was
    m_counts = std::move(loaded.counts);
    // Widened with another knowledge base (the journalist taught the linker meanwhile): again.
    if (loaded.countedWith != m_linker->sharedKnowledgeBase())
        m_recount->start();
}

void Controller::recountEntities(std::function<void()> then)
{
    m_recount->stop(); // this count covers what the timer waited for
    if (!m_library->isOpen()) {
        if (then)
            then();
        return;
    }
    const int ticket = ++m_recountTicket;
    ++m_counting;
    inBackground(
        [path = m_library->path(), kb = m_linker->sharedKnowledgeBase()] { return readLibrary(path, false, kb); },
        [this, ticket, then = std::move(then)](LoadedLibrary loaded) {
            --m_counting;
            // A newer count is on its way when the ticket moved on; a failed read counts again with
            // the next change.
            if (ticket == m_recountTicket && loaded.error.isEmpty()
                && (loaded.counts != m_counts || loaded.countedWith != m_linker->sharedKnowledgeBase())) {
                takeCounts(std::move(loaded));
                m_entities->updateEntities(m_linker->sharedKnowledgeBase(), m_counts);
            }
            if (then)
                then();
            checkIdle();
        });
}

void Controller::refreshEntities()
{
    m_entities->setEntities(m_linker->sharedKnowledgeBase(), m_counts);
    m_entities->setChoices(m_textFacets.allChosen(), m_textFacets.excluded);
    // The counts and the list follow the search: the library changed under it.
    m_searchAgain->start();
    Q_EMIT libraryChanged();
}

// The linker ----------------------------------------------------------------------------------

void Controller::rebuildLinker()
{
    const QList<KbEdit> edits = m_library->kbEdits();
    m_knownEdits.clear();
    for (const KbEdit &e : edits)
        m_knownEdits.append(e.id);
    const int version = ++m_linkerWanted;
    inBackground(
        [base = m_baseKb, edits] {
            QStringList skipped;
            std::shared_ptr<const KnowledgeBase> kb = edits.isEmpty() ? base : applyEdits(*base, edits, &skipped);
            return std::make_pair(std::make_shared<const Linker>(kb), skipped);
        },
        [this, version](std::pair<std::shared_ptr<const Linker>, QStringList> built) {
            if (version != m_linkerWanted)
                return; // a newer knowledge base is on its way
            for (const QString &s : std::as_const(built.second))
                Q_EMIT statusMessage(tr("A knowledge-base change no longer applies: %1").arg(s), 8000);
            m_linker = std::move(built.first);
            m_linkerVersion = version;
            m_annotationList->setKnowledgeBase(m_linker->sharedKnowledgeBase());
            refreshEntities(); // names of entities the journalist added
            m_recount->start(); // and what lies inside what
            Q_EMIT linkerChanged(version);
            if (m_relinkWhenBuilt) {
                m_relinkWhenBuilt = false;
                enqueue(Job{Job::Relink, {}, std::nullopt});
            }
            startNextJob();
            checkIdle();
        });
}

namespace {

// Saves (or removes) one thing taught; the inverse takes it back. The edit keeps the id the
// library gave it, so taking it back removes exactly that row.
class KbEditCommand : public QUndoCommand
{
public:
    KbEditCommand(Controller *controller, KbEdit edit, bool add)
        : QUndoCommand(add ? controller->describe(edit) : QObject::tr("Forget: %1").arg(controller->describe(edit)))
        , m_controller(controller)
        , m_edit(std::move(edit))
        , m_add(add)
    { }
    void redo() override { apply(m_add); }
    void undo() override { apply(!m_add); }

private:
    void apply(bool add)
    {
        const bool done = add ? m_controller->saveEdit(m_edit) : m_controller->removeEdit(m_edit);
        if (!done)
            setObsolete(true);
    }
    Controller *m_controller;
    KbEdit m_edit;
    bool m_add;
};

} // namespace

QUndoStack *Controller::undoStack() const
{
    return m_annotations->undoStack();
}

bool Controller::teach(const KbEdit &edit)
{
    m_editSucceeded = false;
    undoStack()->push(new KbEditCommand(this, edit, true)); // runs it; a command that failed is dropped
    return m_editSucceeded;
}

bool Controller::forget(const KbEdit &edit)
{
    m_editSucceeded = false;
    undoStack()->push(new KbEditCommand(this, edit, false));
    return m_editSucceeded;
}

QList<KbEdit> Controller::taughtAbout(const QString &entityId) const
{
    QList<KbEdit> out;
    for (const KbEdit &e : m_library->kbEdits()) {
        if (e.entityId == entityId || (e.action == KbEdit::Merge && e.value == entityId))
            out.append(e);
    }
    return out;
}

QString Controller::describe(const KbEdit &edit) const
{
    const auto nameOf = [this](const QString &id) {
        const Entity *e = knowledgeBase().entity(id);
        return e ? e->name : id;
    };
    switch (edit.action) {
    case KbEdit::AddAlias:
        return tr("Read “%1” as %2").arg(edit.value, nameOf(edit.entityId));
    case KbEdit::AddEntity:
        return tr("Add “%1” as a %2").arg(edit.value, kindNoun(kindOfId(edit.entityId).value_or(EntityKind::Company)));
    case KbEdit::Merge:
        return tr("Merge %1 into %2").arg(nameOf(edit.entityId), nameOf(edit.value));
    case KbEdit::RejectMention:
        return tr("Don’t link “%1” to %2 here").arg(edit.value, nameOf(edit.entityId));
    }
    return QString();
}

bool Controller::saveEdit(KbEdit &edit)
{
    const std::optional<KbEdit> saved = m_library->addKbEdit(edit);
    if (!saved) {
        Q_EMIT errorOccurred(tr("Change not saved"), m_library->lastError());
        return false;
    }
    edit.id = saved->id;
    m_editSucceeded = true;
    afterKbChange(edit, true);
    return true;
}

bool Controller::removeEdit(const KbEdit &edit)
{
    if (!m_library->removeKbEdit(edit.id)) {
        Q_EMIT errorOccurred(tr("Change not taken back"), m_library->lastError());
        return false;
    }
    m_editSucceeded = true;
    afterKbChange(edit, false);
    return true;
}

void Controller::afterKbChange(const KbEdit &edit, bool added)
{
    if (edit.action == KbEdit::RejectMention) {
        if (!added) {
            // The mention comes back when its article is linked again without the rejection.
            enqueue(Job{Job::Relink, {}, QList<qint64>{edit.articleId}});
            return;
        }
        // Only this one mention changes, and the library removed it: no need to re-link; the
        // counts are read again off this thread.
        recountEntities();
        if (edit.articleId == m_current.id)
            setCurrentArticle(m_current.id, true);
        return;
    }
    // A re-link waiting in the queue, or running, would use the old linker: the one after the
    // rebuild replaces it.
    std::erase_if(m_queue, [](const Job &job) { return job.kind == Job::Relink; });
    if (auto *relink = qobject_cast<RelinkJob *>(m_running)) {
        m_runningSuperseded = true;
        relink->cancel();
    }
    m_relinkWhenBuilt = true;
    rebuildLinker();
}

// Jobs ----------------------------------------------------------------------------------------

bool Controller::isImporting() const
{
    const bool running = m_running && !m_runningStale && m_runningJob.kind == Job::Import;
    return running || std::any_of(m_queue.cbegin(), m_queue.cend(), [](const Job &j) { return j.kind == Job::Import; });
}

bool Controller::isRelinking() const
{
    const bool running = m_running && !m_runningStale && m_runningJob.kind == Job::Relink;
    return running || m_relinkWhenBuilt
        || std::any_of(m_queue.cbegin(), m_queue.cend(), [](const Job &j) { return j.kind == Job::Relink; });
}

bool Controller::isBusy() const
{
    return m_loading || m_counting > 0 || m_listing > 0 || (m_running && !m_runningStale) || !m_queue.empty()
        || m_linkerWanted != m_linkerVersion;
}

void Controller::importPaths(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    enqueue(Job{Job::Import, paths, std::nullopt});
}

void Controller::cancelImport()
{
    std::erase_if(m_queue, [](const Job &job) { return job.kind == Job::Import; });
    if (auto *import = qobject_cast<ImportJob *>(m_running))
        import->cancel();
}

bool Controller::isReextracting() const
{
    const bool running = m_running && !m_runningStale && m_runningJob.kind == Job::Reextract;
    return running
        || std::any_of(m_queue.cbegin(), m_queue.cend(), [](const Job &j) { return j.kind == Job::Reextract; });
}

bool Controller::isCancellable() const
{
    return m_running && !m_runningStale;
}

void Controller::reextractLibrary()
{
    if (isReextracting())
        return;
    enqueue(Job{Job::Reextract, {}, std::nullopt});
}

void Controller::cancelJob()
{
    std::erase_if(m_queue, [](const Job &job) {
        return job.kind == Job::Import || job.kind == Job::Reextract || job.kind == Job::IndexSearch;
    });
    if (auto *import = qobject_cast<ImportJob *>(m_running))
        import->cancel();
    if (auto *reextract = qobject_cast<ReextractJob *>(m_running))
        reextract->cancel();
    if (auto *index = qobject_cast<SearchIndexJob *>(m_running))
        index->cancel(); // the articles left wait for the next opening
}

void Controller::cancelRunning()
{
    if (auto *import = qobject_cast<ImportJob *>(m_running))
        import->cancel();
    if (auto *relink = qobject_cast<RelinkJob *>(m_running))
        relink->cancel();
    if (auto *reextract = qobject_cast<ReextractJob *>(m_running))
        reextract->cancel();
    if (auto *index = qobject_cast<SearchIndexJob *>(m_running))
        index->cancel();
}

void Controller::startReextract()
{
    const int generation = m_generation;
    auto *job = new ReextractJob(m_library->path(), m_linker);
    job->moveToThread(m_worker);
    connect(job, &ReextractJob::progress, this, [this, generation](int done, int total) {
        if (generation == m_generation)
            Q_EMIT jobProgress(done, total, tr("Re-extracting the library: article %1 of %2…").arg(done).arg(total));
    });
    m_running = job;
    // run() returns the summary on the worker thread; it comes back here by a queued call.
    QMetaObject::invokeMethod(
        job,
        [this, job, generation] {
            const ReextractSummary summary = job->run();
            QMetaObject::invokeMethod(
                this, [this, generation, summary] { onReextractDone(generation, summary); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void Controller::onReextractDone(int generation, const ReextractSummary &summary)
{
    const bool current = generation == m_generation;
    onJobFinished();
    if (!current) {
        startNextJob();
        checkIdle();
        return;
    }
    // Texts, metadata, mentions and annotations changed under every pane: the list, the counts and
    // the annotations are read again off this thread, the article on screen here.
    m_loading = true;
    inBackground([path = m_library->path(), kb = m_linker->sharedKnowledgeBase(), order = m_articles->order(),
                     only = m_listIds] { return readLibrary(path, true, kb, order, only); },
        [this, summary, ticket = ++m_listTicket](LoadedLibrary loaded) {
            m_loading = false;
            if (!loaded.error.isEmpty())
                Q_EMIT errorOccurred(tr("Cannot read the library"), loaded.error);
            // Titles, outlets and dates changed: the rows are read again as they are shown.
            if (ticket == m_listTicket)
                takeRows(loaded.rows);
            m_articles->dataChangedInLibrary();
            takeCounts(std::move(loaded));
            refreshEntities();
            if (m_current.id)
                setCurrentArticle(m_current.id, true);
            reloadAnnotationList();
            Q_EMIT statusMessage(summary.describe().section(u'\n', 0, 0), 10000);
            Q_EMIT reextractFinished(summary);
            startNextJob();
            checkIdle();
        });
}

void Controller::cancelRelink()
{
    // The library keeps the mentions each finished batch wrote; without its fingerprint it is
    // re-linked again when next opened.
    std::erase_if(m_queue, [](const Job &job) { return job.kind == Job::Relink; });
    m_relinkWhenBuilt = false;
    if (auto *relink = qobject_cast<RelinkJob *>(m_running))
        relink->cancel();
    checkIdle();
}

void Controller::cancelJobs()
{
    cancelJob();
    cancelRelink();
}

void Controller::enqueue(Job job)
{
    m_queue.push_back(std::move(job));
    startNextJob();
}

void Controller::startNextJob()
{
    // One job at a time, and none while a newer linker is being built: every job starts with the
    // newest knowledge base.
    if (m_running || m_queue.empty() || m_linkerWanted != m_linkerVersion || m_loading)
        return;
    m_runningJob = std::move(m_queue.front());
    m_queue.pop_front();
    m_runningVersion = m_linkerVersion;
    m_runningStale = false;
    m_runningSuperseded = false;
    const int generation = m_generation;
    if (m_runningJob.kind == Job::Reextract) {
        startReextract();
    } else if (m_runningJob.kind == Job::Import) {
        auto *job = new ImportJob(m_library->path(), m_runningJob.paths, m_linker);
        job->moveToThread(m_worker);
        connect(job, &ImportJob::progress, this, [this, generation](int done, int total, const QString &file) {
            if (generation == m_generation)
                Q_EMIT jobProgress(
                    done, total, file.isEmpty() ? QString() : tr("Importing %1…").arg(QFileInfo(file).fileName()));
        });
        connect(job, &ImportJob::articlesAdded, this, [this, generation](const QList<qint64> &ids) {
            if (generation == m_generation)
                onArticlesAdded(ids);
        });
        connect(job, &ImportJob::finished, this, [this, generation](const ImportSummary &summary) {
            const bool current = generation == m_generation;
            onJobFinished();
            if (current)
                onImportFinished(summary);
            startNextJob();
            checkIdle();
        });
        m_running = job;
        QMetaObject::invokeMethod(job, &ImportJob::run, Qt::QueuedConnection);
    } else if (m_runningJob.kind == Job::IndexSearch) {
        startSearchIndexJob();
    } else {
        auto *job = new RelinkJob(m_library->path(), m_linker);
        if (m_runningJob.ids)
            job->setArticles(*m_runningJob.ids);
        else
            job->setFingerprint(Linker::fingerprint(*m_baseKb));
        job->moveToThread(m_worker);
        connect(job, &RelinkJob::progress, this, [this, generation](int done, int total) {
            if (generation == m_generation)
                Q_EMIT jobProgress(done, total, tr("Finding names again in the library’s %1 articles…").arg(total));
        });
        connect(job, &RelinkJob::finished, this, [this, generation](int changed, const QString &error) {
            const bool current = generation == m_generation && !m_runningSuperseded;
            onJobFinished();
            if (current) {
                if (!error.isEmpty())
                    Q_EMIT errorOccurred(tr("Re-linking failed"), error);
                // The mentions changed under the reader and the entity counts: read them again, the
                // counts off this thread.
                if (m_current.id)
                    setCurrentArticle(m_current.id, true);
                m_loading = true;
                inBackground([path = m_library->path(),
                                 kb = m_linker->sharedKnowledgeBase()] { return readLibrary(path, false, kb); },
                    [this, changed](LoadedLibrary loaded) {
                        m_loading = false;
                        if (!loaded.error.isEmpty())
                            Q_EMIT errorOccurred(tr("Cannot read the library"), loaded.error);
                        takeCounts(std::move(loaded));
                        refreshEntities();
                        Q_EMIT statusMessage(changed == 1 ? tr("Names updated in 1 article")
                                                          : tr("Names updated in %1 articles").arg(changed),
                            6000);
                        Q_EMIT relinkFinished(changed);
                        startNextJob();
                        checkIdle();
                    });
            }
            startNextJob();
            checkIdle();
        });
        m_running = job;
        QMetaObject::invokeMethod(job, &RelinkJob::run, Qt::QueuedConnection);
    }
    Q_EMIT jobStarted();
}

void Controller::startSearchIndexJob()
{
    const int generation = m_generation;
    auto *job = new SearchIndexJob(m_library->path());
    job->moveToThread(m_worker);
    connect(job, &SearchIndexJob::progress, this, [this, generation](int done, int total) {
        if (generation == m_generation)
            Q_EMIT jobProgress(done, total, tr("Indexing the library’s %1 older articles for search…").arg(total));
    });
    connect(job, &SearchIndexJob::finished, this, [this, generation](int indexed, const QString &error) {
        const bool current = generation == m_generation;
        onJobFinished();
        if (current) {
            if (!error.isEmpty())
                Q_EMIT errorOccurred(tr("Indexing for search failed"), error);
            Q_EMIT searchIndexUpdated(indexed);
        }
        startNextJob();
        checkIdle();
    });
    m_running = job;
    QMetaObject::invokeMethod(job, &SearchIndexJob::run, Qt::QueuedConnection);
}

void Controller::onJobFinished()
{
    m_running->deleteLater();
    m_running = nullptr;
    m_runningStale = false;
    if (m_queue.empty() && m_linkerWanted == m_linkerVersion && !m_relinkWhenBuilt)
        Q_EMIT jobsIdle();
}

void Controller::onArticlesAdded(const QList<qint64> &ids)
{
    Q_UNUSED(ids);
    // The list takes the new rows from the search that follows (its keys, read off this thread);
    // the counts follow from SQL, off this thread, once a burst of pages has come.
    m_recount->start();
    m_searchAgain->start();
    Q_EMIT libraryChanged();
}

void Controller::onImportFinished(const ImportSummary &summary)
{
    // The journalist taught the linker while this import ran: link what it added again, unless a
    // re-link of the whole library is coming anyway.
    const bool fullRelinkComing = m_relinkWhenBuilt
        || std::any_of(m_queue.cbegin(), m_queue.cend(), [](const Job &j) { return j.kind == Job::Relink && !j.ids; });
    if (m_runningVersion != m_linkerVersion && !fullRelinkComing && !summary.addedIds.isEmpty())
        m_queue.push_back(Job{Job::Relink, {}, summary.addedIds});
    // The sidebar counts what the import added before the import is said to have finished.
    // So does the list: the first article added can be selected then.
    recountEntities([this, summary] { relist([this, summary] { Q_EMIT importFinished(summary); }); });
}

namespace {

// A connection of the calling pool thread's own to the library at `path`, kept between searches
// (opening one reads and checks the schema). Nothing, with the reason, when it cannot be opened.
Library *searchConnection(const QString &path, QString *error)
{
    thread_local std::unique_ptr<Library> library;
    if (!library || library->path() != path) {
        library = std::make_unique<Library>();
        if (!library->open(path)) {
            *error = library->lastError();
            library.reset();
        }
    }
    return library.get();
}

} // namespace

// Filters and the search ------------------------------------------------------------------------

void Controller::addFilter(const QString &entityId)
{
    if (entityId.isEmpty() || m_textFacets.allChosen().contains(entityId))
        return;
    setQuery(
        Query::toggleEntity(Query::removeEntity(m_search.text, entityId, knowledgeBase()), entityId, knowledgeBase()));
}

void Controller::removeFilter(const QString &entityId)
{
    setQuery(Query::removeEntity(m_search.text, entityId, knowledgeBase()));
}

void Controller::clearFilters()
{
    setQuery(Query::removeAllEntities(m_search.text, knowledgeBase()));
}

void Controller::toggleEntity(const QString &entityId)
{
    setQuery(Query::toggleEntity(m_search.text, entityId, knowledgeBase()));
}

void Controller::excludeEntity(const QString &entityId)
{
    setQuery(Query::excludeEntity(m_search.text, entityId, knowledgeBase()));
}

void Controller::setDateRange(QDate since, QDate until)
{
    setQuery(Query::withDates(m_search.text, since, until));
}

bool Controller::isSearchApplied() const
{
    return m_searchApplied;
}

void Controller::setQuery(const QString &text)
{
    const bool changed = text != m_search.text;
    // Preparing is quick (the parser, the knowledge base's names); the search runs elsewhere.
    m_search = Query::prepareText(text, knowledgeBase(), &m_textFacets);
    if (changed)
        Q_EMIT queryChanged(text);
    runSearch();
}

void Controller::runSearch()
{
    const int ticket = ++m_searchTicket;
    if (!m_search.ok() || !m_library->isOpen())
        return; // the field shows the mistakes; the list stays as it was
    m_searchAgain->stop();
    const bool everything = m_search.query.isEmpty() && m_search.chosen.isEmpty() && m_search.excluded.isEmpty();
    // An empty query narrows nothing: only the library's weeks are asked for.
    const int parts = everything ? Library::SearchWeeks : Library::SearchEverything;
    ++m_searchesRunning;
    struct Searched
    {
        std::optional<Query::SearchResult> result;
        QString error;
        std::shared_ptr<const ArticleRows> rows; // the list: the result's stories in order
    };
    inBackground(
        [path = m_library->path(), search = m_search, parts, everything, order = m_articles->order()] {
            Searched out;
            Library *library = searchConnection(path, &out.error);
            if (!library)
                return out;
            out.result = library->search(search, parts);
            if (!out.result) {
                out.error = library->lastError();
                return out;
            }
            // The list's keys in its order, here too: the GUI thread only swaps them in.
            out.rows
                = readRows(*library, order, everything ? std::nullopt : std::optional<QList<qint64>>(out.result->ids));
            if (!out.rows)
                out.error = library->lastError();
            return out;
        },
        [this, ticket, everything](Searched done) {
            --m_searchesRunning;
            if (ticket != m_searchTicket)
                return; // the journalist typed on
            applySearch(std::move(done.result), done.error, !everything, std::move(done.rows));
        });
}

void Controller::applySearch(std::optional<Query::SearchResult> result, const QString &error, bool narrows,
    std::shared_ptr<const ArticleRows> rows)
{
    if (!result || !rows) {
        Q_EMIT errorOccurred(tr("The search failed"), error);
        return;
    }
    m_searchApplied = narrows;
    m_listIds = narrows ? std::optional<QList<qint64>>(result->ids) : std::nullopt;
    // A list read in the order shown replaces any read before; one read in an order the
    // journalist has since changed is read again.
    if (!takeRows(std::move(rows)))
        relist();
    m_entities->setResultCounts(narrows ? std::optional(result->entityCounts) : std::nullopt);
    m_searchResult = std::move(*result);
    m_entities->setChoices(m_textFacets.allChosen(), m_textFacets.excluded);
    m_filters = m_textFacets.allChosen();
    m_excludedFilters = m_textFacets.excluded;
    Q_EMIT filtersChanged(m_filters);
    Q_EMIT libraryChanged();
    Q_EMIT searchFinished();
}

bool Controller::takeRows(std::shared_ptr<const ArticleRows> rows)
{
    if (!rows || rows->order != m_articles->order())
        return false;
    ++m_listTicket; // keys read before these are older
    m_articles->setRows(std::move(rows));
    return true;
}

void Controller::relist(std::function<void()> then)
{
    if (!m_library->isOpen()) {
        if (then)
            then();
        return;
    }
    const int ticket = ++m_listTicket;
    ++m_listing;
    inBackground(
        [path = m_library->path(), order = m_articles->order(), only = m_listIds] {
            QString error;
            Library *library = searchConnection(path, &error);
            return library ? readRows(*library, order, only) : nullptr;
        },
        [this, ticket, then = std::move(then)](std::shared_ptr<const ArticleRows> rows) {
            --m_listing;
            // Keys asked for later (another order, a search) are on their way or in place.
            if (ticket == m_listTicket && rows && rows->order == m_articles->order()) {
                m_articles->setRows(std::move(rows));
                Q_EMIT libraryChanged();
            }
            if (then)
                then();
            checkIdle();
        });
}

// Saved searches ------------------------------------------------------------------------------

bool Controller::saveSearch(const QString &name)
{
    if (!m_library->saveSearch(name, m_search.text)) {
        Q_EMIT errorOccurred(tr("Search not saved"), m_library->lastError());
        return false;
    }
    reloadSavedSearches();
    return true;
}

bool Controller::renameSavedSearch(qint64 id, const QString &name)
{
    if (!m_library->renameSavedSearch(id, name)) {
        Q_EMIT errorOccurred(tr("Saved search not renamed"), m_library->lastError());
        return false;
    }
    reloadSavedSearches();
    return true;
}

bool Controller::removeSavedSearch(qint64 id)
{
    if (!m_library->removeSavedSearch(id)) {
        Q_EMIT errorOccurred(tr("Saved search not deleted"), m_library->lastError());
        return false;
    }
    reloadSavedSearches();
    return true;
}

void Controller::reloadSavedSearches()
{
    // A handful of rows, read here; their counts are searched elsewhere.
    m_saved = m_library->isOpen() ? m_library->savedSearches() : QList<SavedSearch>{};
    Q_EMIT savedSearchesChanged();
    countSavedSearches();
}

void Controller::countSavedSearches()
{
    const int ticket = ++m_savedTicket;
    if (m_saved.isEmpty() || !m_library->isOpen())
        return;
    inBackground(
        [path = m_library->path(), saved = m_saved, linker = m_linker] {
            QHash<qint64, int> counts;
            QString error;
            Library *library = searchConnection(path, &error);
            for (const SavedSearch &s : saved) {
                const Query::Search search = Query::prepareText(s.query, linker->knowledgeBase());
                const std::optional<Query::SearchResult> result
                    = library && search.ok() ? library->search(search, Library::SearchIds) : std::nullopt;
                counts.insert(s.id, result ? int(result->ids.size()) : -1);
            }
            return counts;
        },
        [this, ticket](QHash<qint64, int> counts) {
            if (ticket != m_savedTicket)
                return;
            m_savedCounts = std::move(counts);
            Q_EMIT savedSearchesChanged();
        });
}

QList<std::pair<qsizetype, qsizetype>> Controller::searchHits() const
{
    // An article the search did not find (opened from the annotations panel, or left in the reader
    // by a narrower query) has no hits: its words would say it matched.
    if (!m_current.id || !isSearchApplied() || !m_searchResult.ids.contains(m_current.id))
        return {};
    return Query::hitRanges(m_search.query, m_current.article.text);
}

// The current article -------------------------------------------------------------------------

void Controller::setCurrentArticle(qint64 articleId, bool reload)
{
    if (articleId == m_current.id && !reload)
        return;
    std::optional<Article> article = articleId ? m_library->article(articleId) : std::nullopt;
    if (!article) {
        m_current = {};
        m_annotations->setArticle(0);
        m_annotationList->setCurrentArticle(0);
        m_entities->setSuggestions({});
        Q_EMIT currentArticleChanged(0);
        return;
    }
    m_current = Current{articleId, std::move(*article)};
    m_annotations->setArticle(articleId);
    m_annotationList->replaceArticle(articleId, annotationEntries(articleId));
    m_annotationList->setCurrentArticle(articleId);
    Q_EMIT currentArticleChanged(articleId);
    updateSuggestions();
}

QString Controller::currentText(qsizetype start, qsizetype end) const
{
    const QString &text = m_current.article.text;
    start = std::clamp<qsizetype>(start, 0, text.size());
    end = std::clamp<qsizetype>(end, start, text.size());
    return text.mid(start, end - start);
}

bool Controller::annotate(qsizetype start, qsizetype end, const QString &color, const QString &note,
    const QStringList &tags, const QStringList &entityIds)
{
    if (!m_current.id || start < 0 || end <= start || end > m_current.article.text.size())
        return false;
    m_annotations->add(m_current.id, start, end, currentText(start, end), color, note, tags, entityIds);
    return true;
}

void Controller::updateSuggestions()
{
    const int ticket = ++m_suggestionTicket;
    inBackground(
        [linker = m_linker, text = m_current.article.text, mentions = m_current.article.entities] {
            QList<std::pair<QString, EntityKind>> names;
            QSet<QString> seen;
            for (const EntitySuggestion &s : suggestEntities(text, mentions, linker->knowledgeBase())) {
                if (!seen.contains(s.name)) {
                    seen.insert(s.name);
                    names.append({s.name, s.kind});
                }
            }
            return names;
        },
        [this, ticket](QList<std::pair<QString, EntityKind>> names) {
            if (ticket != m_suggestionTicket)
                return; // another article is shown by now
            m_entities->setSuggestions(names);
            Q_EMIT suggestionsChanged();
        });
}

void Controller::loadCurrentSource()
{
    const qint64 id = m_current.id;
    if (!id) {
        Q_EMIT sourceLoaded(id, QString());
        return;
    }
    inBackground([libraryPath = m_library->path(), id, path = m_current.article.sourcePath,
                     format = m_current.article.format] { return readSource(libraryPath, id, path, format); },
        [this, id](QString text) { Q_EMIT sourceLoaded(id, text); });
}

QStringList Controller::entitiesIn(qsizetype start, qsizetype end) const
{
    QStringList out;
    for (const EntityMention &m : m_current.article.entities) {
        if (m.start >= start && m.end <= end && !out.contains(m.entityId))
            out.append(m.entityId);
    }
    return out;
}

QString Controller::citation(qsizetype start, qsizetype end, bool html) const
{
    if (!m_current.id || end <= start)
        return QString();
    return html ? quoteWithCitationHtml(m_current.article, start, end)
                : quoteWithCitation(m_current.article, start, end);
}

QList<AnnotationEntry> Controller::annotationEntries(qint64 articleId) const
{
    if (!articleId || !m_library->isOpen())
        return {};
    if (articleId == m_current.id && articleId == m_annotations->articleId())
        return entriesOf(*m_library, m_annotationModel->annotations(), {{articleId, m_current.article.title}},
            {{articleId, m_current.article.entities}});
    const QList<ArticleSummary> summary = m_library->articles({articleId});
    return entriesOf(*m_library, m_library->annotations(articleId),
        {{articleId, summary.isEmpty() ? QString() : summary.first().title}});
}

void Controller::reloadAnnotationList()
{
    const int ticket = ++m_annotationListTicket;
    m_annotationsTouched.clear();
    inBackground(
        [path = m_library->path()] {
            Library library;
            if (!library.open(path))
                return QList<AnnotationEntry>{};
            QHash<qint64, QString> titles;
            for (const ArticleSummary &s : library.articles())
                titles.insert(s.id, s.title);
            return entriesOf(library, library.allAnnotations(), titles);
        },
        [this, ticket](QList<AnnotationEntry> entries) {
            if (ticket != m_annotationListTicket)
                return; // a newer read is on its way
            // Articles changed while it was read are taken from the library as they are now.
            const QSet<qint64> touched = std::exchange(m_annotationsTouched, {});
            entries.removeIf([&touched](const AnnotationEntry &e) { return touched.contains(e.annotation.articleId); });
            for (qint64 id : touched)
                entries.append(annotationEntries(id));
            m_annotationList->setEntries(std::move(entries));
            Q_EMIT annotationListLoaded();
        });
}

void Controller::readPalette()
{
    m_palette = m_library->annotationPalette();
    if (m_palette.isEmpty()) {
        for (const QString &c : annotationColors())
            m_palette.append(AnnotationColor{c, QString()});
    }
    QHash<QString, QString> meanings;
    for (const AnnotationColor &c : std::as_const(m_palette))
        meanings.insert(c.color, c.meaning);
    m_annotationList->setColorMeanings(meanings);
    Q_EMIT paletteChanged();
}

QString Controller::colorLabel(const QString &color) const
{
    for (const AnnotationColor &c : m_palette) {
        if (c.color == color && !c.meaning.isEmpty())
            return c.meaning;
    }
    return color;
}

bool Controller::setColorMeaning(const QString &color, const QString &meaning)
{
    if (!m_library->setColorMeaning(color, meaning)) {
        Q_EMIT errorOccurred(tr("Colour meaning not saved"), m_library->lastError());
        return false;
    }
    readPalette();
    return true;
}

QList<qint64> Controller::listedArticleIds() const
{
    return m_articles->listedStories();
}

void Controller::exportAnnotations(const QString &path, AnnotationFormat format, const QList<qint64> &articleIds)
{
    inBackground(
        [libraryPath = m_library->path(), path, format, articleIds] {
            Library library; // its own connection, on this thread
            if (!library.open(libraryPath))
                return library.lastError();
            const QList<Annotation> annotations = annotationsOf(library, articleIds);
            QByteArray out;
            switch (format) {
            case AnnotationFormat::JsonLd:
                out = exportAnnotationsJsonLd(library, annotations);
                break;
            case AnnotationFormat::Markdown:
                out = exportAnnotationsMarkdown(library, annotations).toUtf8();
                break;
            case AnnotationFormat::Csv:
                out = exportAnnotationsCsv(library, annotations).toUtf8();
                break;
            }
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(out) < 0 || !file.commit())
                return tr("Cannot write %1: %2").arg(path, file.errorString());
            return QString();
        },
        [this, path](QString error) { Q_EMIT exportFinished(path, error); });
}

QString AnnotationImportReport::describe() const
{
    QString s = added == 1 ? QObject::tr("1 annotation imported") : QObject::tr("%1 annotations imported").arg(added);
    QStringList more;
    if (orphaned)
        more.append(
            QObject::tr("%1 orphaned (their passage is not in the article’s text; kept and listed)").arg(orphaned));
    if (present)
        more.append(QObject::tr("%1 already in the library").arg(present));
    if (noArticle)
        more.append(QObject::tr("%1 whose article is not in the library").arg(noArticle));
    if (!more.isEmpty())
        s += u"; "_s + more.join(u"; "_s);
    s += u" "_s + (files == 1 ? QObject::tr("(from 1 file)") : QObject::tr("(from %1 files)").arg(files));
    if (!errors.isEmpty())
        s += u"\n"_s + QObject::tr("Errors:") + u"\n"_s + errors.join(u'\n');
    return s;
}

void Controller::importAnnotations(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    inBackground(
        [libraryPath = m_library->path(), paths] {
            AnnotationImportReport report;
            Library library; // its own connection, on this thread
            if (!library.open(libraryPath)) {
                report.errors.append(library.lastError());
                return report;
            }
            for (const QString &path : paths) {
                const QString name = QFileInfo(path).fileName();
                QFile file(path);
                if (!file.open(QIODevice::ReadOnly)) {
                    report.errors.append(u"%1: %2"_s.arg(name, file.errorString()));
                    continue;
                }
                ++report.files;
                QString error;
                const auto summary = importAnnotationsJsonLd(library, file.readAll(), &error);
                if (!summary) {
                    report.errors.append(u"%1: %2"_s.arg(name, error));
                    continue;
                }
                report.added += summary->added;
                report.orphaned += summary->orphaned;
                report.present += summary->present;
                report.noArticle += summary->noArticle;
                for (const QString &problem : summary->problems)
                    report.errors.append(u"%1: %2"_s.arg(name, problem));
            }
            return report;
        },
        [this](AnnotationImportReport report) {
            m_annotations->reload();
            reloadAnnotationList();
            Q_EMIT annotationsImported(report);
        });
}

void Controller::exportAnnotations(const QString &path)
{
    inBackground(
        [libraryPath = m_library->path(), path] {
            Library library; // its own connection, on this thread
            if (!library.open(libraryPath))
                return library.lastError();
            const QString markdown = exportAnnotationsMarkdown(library);
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(markdown.toUtf8()) < 0 || !file.commit())
                return tr("Cannot write %1: %2").arg(path, file.errorString());
            return QString();
        },
        [this, path](QString error) { Q_EMIT exportFinished(path, error); });
}

} // namespace Lede
