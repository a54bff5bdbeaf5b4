// SPDX-License-Identifier: MIT
#include "controller.h"

#include "annotationcontroller.h"
#include "export/annotationexport.h"
#include "html/encoding.h"
#include "jobs/relinkjob.h"
#include "link/suggest.h"
#include "models/annotationmodel.h"
#include "models/articlefilterproxy.h"
#include "models/articlelistmodel.h"
#include "models/entitymodel.h"
#include "query/hits.h"
#include "text/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QThread>
#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

// The source tab is for reference: very large files are cut so the view stays quick.
constexpr qint64 sourceViewLimitBytes = 2 * 1024 * 1024;

QString readSource(const QString &path, SourceFormat format)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QObject::tr("The source file %1 is no longer there.").arg(path);
    const QByteArray bytes = file.read(sourceViewLimitBytes);
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

} // namespace

Controller::Controller(std::shared_ptr<const Linker> linker, QObject *parent)
    : QObject(parent)
    , m_baseKb(linker->sharedKnowledgeBase())
    , m_linker(std::move(linker))
    , m_library(std::make_unique<Library>())
    , m_articles(new ArticleListModel(this))
    , m_filter(new ArticleFilterProxy(this))
    , m_entities(new EntityModel(this))
    , m_annotationModel(new AnnotationModel(this))
    , m_annotations(new AnnotationController(m_library.get(), m_annotationModel, this))
    , m_searchAgain(new QTimer(this))
    , m_worker(new QThread(this))
{
    qRegisterMetaType<Lede::ImportSummary>();
    m_baseLinker = m_linker;
    m_filter->setSourceModel(m_articles);
    m_worker->setObjectName(u"lede-jobs"_s);
    m_worker->start();
    m_pool.setMaxThreadCount(2);
    connect(m_annotations, &AnnotationController::failed, this,
        [this](const QString &message) { Q_EMIT errorOccurred(tr("Annotation not saved"), message); });
    // While Lede runs, the open library is backed up once a day (the hourly check is cheap).
    auto *backups = new QTimer(this);
    backups->setInterval(std::chrono::hours(1));
    connect(backups, &QTimer::timeout, this, &Controller::backUpIfDue);
    backups->start();
    // Rows an import adds, or mentions a re-link changes, are searched again in one go.
    m_searchAgain->setSingleShot(true);
    m_searchAgain->setInterval(300);
    connect(m_searchAgain, &QTimer::timeout, this, [this] {
        runSearch();
        countSavedSearches();
    });
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
    m_queue.clear();
    if (auto *import = qobject_cast<ImportJob *>(m_running))
        import->cancel();
    if (auto *relink = qobject_cast<RelinkJob *>(m_running))
        relink->cancel();
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
    m_queue.clear();
    m_relinkWhenBuilt = false;
    if (m_running) {
        m_runningStale = true;
        if (auto *import = qobject_cast<ImportJob *>(m_running))
            import->cancel();
        if (auto *relink = qobject_cast<RelinkJob *>(m_running))
            relink->cancel();
    }
    m_annotations->undoStack()->clear();
    m_annotations->setArticle(0);
    m_current = {};
    Q_EMIT currentArticleChanged(0);

    const bool isNew = !QFileInfo::exists(path);
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
    m_filter->setMatchingArticles(std::nullopt);
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
    const bool hasEdits = !m_library->kbEdits().isEmpty();
    if (hasEdits)
        rebuildLinker();
    m_articles->setArticles({});
    m_direct.clear();
    refreshEntities();
    loadInBackground();
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

namespace {

struct LoadedLibrary
{
    QList<ArticleSummary> articles;
    QHash<QString, QSet<qint64>> entityArticles;
    QString error;
};

// Reads a library's list and entity counts with a connection of this thread's own.
LoadedLibrary readLibrary(const QString &path, bool withArticles)
{
    LoadedLibrary out;
    Library library;
    if (!library.open(path)) {
        out.error = library.lastError();
        return out;
    }
    if (withArticles)
        out.articles = library.articles();
    out.entityArticles = library.entityArticles();
    out.error = library.lastError();
    return out;
}

} // namespace

void Controller::loadInBackground()
{
    // The list is read off this thread; jobs wait for it, so rows they add are not lost under it.
    m_loading = true;
    inBackground([path = m_library->path()] { return readLibrary(path, true); },
        [this](LoadedLibrary loaded) {
            m_loading = false;
            if (!loaded.error.isEmpty())
                Q_EMIT errorOccurred(tr("Cannot read the library"), loaded.error);
            m_articles->setArticles(loaded.articles);
            m_direct = std::move(loaded.entityArticles);
            refreshEntities();
            Q_EMIT libraryLoaded();
            startNextJob();
            checkIdle();
        });
}

void Controller::checkIdle()
{
    if (!isBusy() && !m_relinkWhenBuilt)
        Q_EMIT idle();
}

void Controller::refreshEntities()
{
    m_expanded = expandEntityArticles(knowledgeBase(), m_direct);
    m_entities->setEntities(m_linker->sharedKnowledgeBase(), m_direct, m_expanded);
    m_filter->setEntityArticles(m_expanded);
    m_entities->setChoices(m_textFacets.allChosen(), m_textFacets.excluded);
    // The counts and the list follow the search: the library changed under it.
    m_searchAgain->start();
    Q_EMIT libraryChanged();
}

// The linker ----------------------------------------------------------------------------------

void Controller::rebuildLinker()
{
    const QList<KbEdit> edits = m_library->kbEdits();
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
            refreshEntities(); // names of entities the journalist added
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
        // Only this one mention changes, and the library removed it: no need to re-link.
        const QHash<QString, QSet<qint64>> now = m_library->entityArticles({edit.articleId});
        for (auto it = m_direct.begin(); it != m_direct.end();) {
            it->remove(edit.articleId);
            if (now.value(it.key()).contains(edit.articleId))
                it->insert(edit.articleId);
            it = it->isEmpty() ? m_direct.erase(it) : std::next(it);
        }
        refreshEntities();
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
    return m_loading || (m_running && !m_runningStale) || !m_queue.empty() || m_linkerWanted != m_linkerVersion;
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
    cancelImport();
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
    if (m_runningJob.kind == Job::Import) {
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
                inBackground([path = m_library->path()] { return readLibrary(path, false); },
                    [this, changed](LoadedLibrary loaded) {
                        m_loading = false;
                        if (!loaded.error.isEmpty())
                            Q_EMIT errorOccurred(tr("Cannot read the library"), loaded.error);
                        m_direct = std::move(loaded.entityArticles);
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
    // A small page of rows: what the import committed since its last report.
    const QList<ArticleSummary> added = m_library->articles(ids);
    const QHash<QString, QSet<qint64>> mentioned = m_library->entityArticles(ids);
    for (auto it = mentioned.cbegin(); it != mentioned.cend(); ++it)
        m_direct[it.key()].unite(it.value());
    m_expanded = expandEntityArticles(knowledgeBase(), m_direct);
    m_entities->updateEntities(m_linker->sharedKnowledgeBase(), m_direct, m_expanded);
    m_filter->setEntityArticles(m_expanded); // before the rows arrive, so they are filtered as they come
    m_articles->addArticles(added);
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
    Q_EMIT importFinished(summary);
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
    return m_filter->isSearchApplied();
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
    inBackground(
        [path = m_library->path(), search = m_search, parts] {
            QString error;
            Library *library = searchConnection(path, &error);
            if (!library)
                return std::make_pair(std::optional<Query::SearchResult>(), error);
            std::optional<Query::SearchResult> result = library->search(search, parts);
            return std::make_pair(result, result ? QString() : library->lastError());
        },
        [this, ticket, everything](std::pair<std::optional<Query::SearchResult>, QString> done) {
            --m_searchesRunning;
            if (ticket != m_searchTicket)
                return; // the journalist typed on
            applySearch(std::move(done.first), done.second, !everything);
        });
}

void Controller::applySearch(std::optional<Query::SearchResult> result, const QString &error, bool narrows)
{
    if (!result) {
        Q_EMIT errorOccurred(tr("The search failed"), error);
        return;
    }
    if (narrows) {
        m_filter->setMatchingArticles(QSet<qint64>(result->ids.cbegin(), result->ids.cend()));
        m_entities->setResultCounts(result->entityCounts);
    } else {
        m_filter->setMatchingArticles(std::nullopt);
        m_entities->setResultCounts(std::nullopt);
    }
    m_searchResult = std::move(*result);
    m_entities->setChoices(m_textFacets.allChosen(), m_textFacets.excluded);
    m_filters = m_textFacets.allChosen();
    m_excludedFilters = m_textFacets.excluded;
    Q_EMIT filtersChanged(m_filters);
    Q_EMIT libraryChanged();
    Q_EMIT searchFinished();
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
    if (!m_current.id || !isSearchApplied())
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
        m_entities->setSuggestions({});
        Q_EMIT currentArticleChanged(0);
        return;
    }
    m_current = Current{articleId, std::move(*article)};
    m_annotations->setArticle(articleId);
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

bool Controller::annotate(qsizetype start, qsizetype end, const QString &color, const QString &note)
{
    if (!m_current.id || start < 0 || end <= start || end > m_current.article.text.size())
        return false;
    m_annotations->add(m_current.id, start, end, currentText(start, end), color, note);
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
    if (!id || m_current.article.sourcePath.isEmpty()) {
        Q_EMIT sourceLoaded(id, QString());
        return;
    }
    inBackground(
        [path = m_current.article.sourcePath, format = m_current.article.format] { return readSource(path, format); },
        [this, id](QString text) { Q_EMIT sourceLoaded(id, text); });
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
