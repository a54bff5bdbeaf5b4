// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "annotationdialog.h"
#include "controller/annotationcontroller.h"
#include "entitypicker.h"
#include "entitysidebar.h"
#include "export/annotationexport.h"
#include "filterbar.h"
#include "jobs/relinkjob.h"
#include "kindstyle.h"
#include "link/suggest.h"
#include "models/annotationmodel.h"
#include "models/articlefilterproxy.h"
#include "models/articlelistmodel.h"
#include "models/entitymodel.h"
#include "models/roles.h"
#include "readerview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTextBrowser>
#include <QThread>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Lede {

using namespace Qt::StringLiterals;

MainWindow::MainWindow(std::shared_ptr<const Linker> linker, QWidget *parent)
    : QMainWindow(parent)
    , m_baseKb(linker->sharedKnowledgeBase())
    , m_linker(std::move(linker))
    , m_library(std::make_unique<Library>())
    , m_articles(new ArticleListModel(this))
    , m_filter(new ArticleFilterProxy(this))
    , m_entities(new EntityModel(this))
    , m_annotationModel(new AnnotationModel(this))
    , m_sidebar(new EntitySidebar(m_entities, this))
    , m_filterBar(new FilterBar(this))
    , m_articleView(new QTreeView(this))
    , m_reader(new ReaderView(this))
    , m_annotationView(new QListView(this))
    , m_mainSplitter(new QSplitter(Qt::Horizontal, this))
    , m_readerSplitter(new QSplitter(Qt::Horizontal, this))
    , m_countLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancelButton(new QToolButton(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(u"Lede"_s);
    setAcceptDrops(true);
    m_reader->setKnowledgeBase(m_linker->sharedKnowledgeBase());
    m_annotationController = new AnnotationController(m_library.get(), m_annotationModel, this);

    // Article list: title, outlet, date; newest first.
    m_filter->setSourceModel(m_articles);
    m_articleView->setObjectName(u"articleView"_s);
    m_articleView->setModel(m_filter);
    m_articleView->setRootIsDecorated(true); // copies of a story sit under its first copy
    m_articleView->setIndentation(14);
    m_articleView->setUniformRowHeights(true);
    m_articleView->setAlternatingRowColors(true);
    m_articleView->setSortingEnabled(true);
    m_articleView->sortByColumn(ArticleListModel::DateColumn, Qt::DescendingOrder);
    m_articleView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_articleView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_articleView->header()->setStretchLastSection(false);
    m_articleView->header()->setSectionResizeMode(ArticleListModel::TitleColumn, QHeaderView::Stretch);
    m_articleView->header()->setSectionResizeMode(ArticleListModel::OutletColumn, QHeaderView::Interactive);
    m_articleView->header()->setSectionResizeMode(ArticleListModel::DateColumn, QHeaderView::ResizeToContents);
    m_articleView->header()->resizeSection(ArticleListModel::OutletColumn, 120);
    connect(m_articleView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &MainWindow::onCurrentArticleChanged);

    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(0);
    listLayout->addWidget(m_filterBar);
    listLayout->addWidget(m_articleView, 1);
    m_countLabel->setObjectName(u"articleCount"_s);
    m_countLabel->setContentsMargins(6, 2, 6, 2);
    listLayout->addWidget(m_countLabel);

    // Annotations beside the reader.
    auto *notesPane = new QWidget(this);
    auto *notesLayout = new QVBoxLayout(notesPane);
    notesLayout->setContentsMargins(0, 6, 6, 0);
    auto *notesTitle = new QLabel(tr("<b>Annotations</b>"), notesPane);
    notesLayout->addWidget(notesTitle);
    m_annotationView->setObjectName(u"annotationView"_s);
    m_annotationView->setModel(m_annotationModel);
    m_annotationView->setWordWrap(true);
    m_annotationView->setSpacing(3);
    m_annotationView->setIconSize(QSize(12, 12));
    m_annotationView->setContextMenuPolicy(Qt::ActionsContextMenu);
    notesLayout->addWidget(m_annotationView, 1);
    auto *hint = new QLabel(tr("Select a passage and press Ctrl+H to highlight it, Ctrl+M to add a note."), notesPane);
    hint->setWordWrap(true);
    hint->setObjectName(u"annotationHint"_s);
    QPalette hintPalette = hint->palette();
    hintPalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    hint->setPalette(hintPalette);
    notesLayout->addWidget(hint);
    connect(m_annotationView, &QListView::activated, this, [this](const QModelIndex &index) {
        m_reader->selectRange(index.data(AnnotationStartRole).toLongLong(), index.data(AnnotationEndRole).toLongLong());
    });
    connect(m_annotationView, &QListView::doubleClicked, this, &MainWindow::editSelectedAnnotation);

    m_readerSplitter->setObjectName(u"readerSplitter"_s);
    m_readerSplitter->addWidget(m_reader);
    m_readerSplitter->addWidget(notesPane);
    m_readerSplitter->setStretchFactor(0, 1);
    m_readerSplitter->setStretchFactor(1, 0);

    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->addWidget(m_sidebar);
    m_mainSplitter->addWidget(listPane);
    m_mainSplitter->addWidget(m_readerSplitter);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setStretchFactor(2, 3);
    m_mainSplitter->setSizes({270, 440, 730});
    m_readerSplitter->setSizes({540, 200});
    setCentralWidget(m_mainSplitter);

    // Panes meet here.
    connect(m_sidebar, &EntitySidebar::entityActivated, this, &MainWindow::addFilter);
    connect(m_filterBar, &FilterBar::removeRequested, this, &MainWindow::removeFilter);
    connect(m_filterBar, &FilterBar::clearRequested, this, &MainWindow::clearFilters);
    connect(m_reader, &ReaderView::entityActivated, m_sidebar, &EntitySidebar::revealEntity);
    connect(m_sidebar, &EntitySidebar::suggestionActivated, this, &MainWindow::addSuggestion);
    connect(m_sidebar, &EntitySidebar::mergeRequested, this, &MainWindow::mergeEntity);
    connect(m_reader, &ReaderView::selectionChanged, this, &MainWindow::updateActions);
    connect(m_annotationController, &AnnotationController::annotationsChanged, this, [this](qint64 articleId) {
        if (articleId == m_reader->articleId())
            m_reader->setAnnotations(m_annotationModel->annotations());
    });
    connect(m_annotationController, &AnnotationController::failed, this,
        [this](const QString &message) { showError(tr("Annotation not saved"), message); });
    connect(m_annotationView->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::updateActions);

    // Import progress lives in the status bar.
    m_progress->setObjectName(u"importProgress"_s);
    m_progress->setMaximumWidth(240);
    m_progress->setVisible(false);
    m_cancelButton->setObjectName(u"cancelImport"_s);
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setVisible(false);
    connect(m_cancelButton, &QToolButton::clicked, this, &MainWindow::cancelImport);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);

    createActions();
    restoreLayout();
    updateActions();
}

MainWindow::~MainWindow()
{
    cancelImport();
    if (m_importThread) {
        m_importThread->quit();
        m_importThread->wait();
    }
    if (m_relinkJob)
        m_relinkJob->cancel();
    if (m_relinkThread) {
        m_relinkThread->quit();
        m_relinkThread->wait();
    }
}

QAbstractItemModel *MainWindow::articleModel() const
{
    return m_filter;
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Library…"), this, &MainWindow::chooseAndOpenLibrary);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *importFiles = file->addAction(tr("&Import Files…"), this, &MainWindow::chooseAndImportFiles);
    importFiles->setObjectName(u"importFilesAction"_s);
    importFiles->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    QAction *importFolder = file->addAction(tr("Import &Folder…"), this, &MainWindow::chooseAndImportFolder);
    importFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    file->addSeparator();
    QAction *exportNotes = file->addAction(tr("&Export Annotations…"), this, &MainWindow::exportAnnotations);
    exportNotes->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_annotationController->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_annotationController->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *copy = edit->addAction(tr("&Copy"), m_reader->textView(), &QTextBrowser::copy);
    copy->setShortcut(QKeySequence::Copy);

    QMenu *annotate = menuBar()->addMenu(tr("&Annotate"));
    m_highlightAction
        = annotate->addAction(tr("&Highlight Selection"), this, [this] { annotateSelection(u"yellow"_s, QString()); });
    m_highlightAction->setObjectName(u"highlightAction"_s);
    m_highlightAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_noteAction = annotate->addAction(tr("Highlight with &Note…"), this, &MainWindow::annotateWithDialog);
    m_noteAction->setObjectName(u"noteAction"_s);
    m_noteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    annotate->addSeparator();
    m_editNoteAction = annotate->addAction(tr("&Edit Annotation…"), this, &MainWindow::editSelectedAnnotation);
    m_removeNoteAction = annotate->addAction(tr("&Remove Annotation"), this, &MainWindow::removeSelectedAnnotation);
    m_removeNoteAction->setShortcut(QKeySequence::Delete);
    m_removeNoteAction->setShortcutContext(Qt::WidgetShortcut);
    m_annotationView->addAction(m_editNoteAction);
    m_annotationView->addAction(m_removeNoteAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *clear = view->addAction(tr("&Clear Filters"), this, &MainWindow::clearFilters);
    clear->setShortcut(QKeySequence(Qt::Key_Escape));
    QAction *find = view->addAction(tr("&Find Entity"), this, [this] {
        if (auto *field = m_sidebar->findChild<QWidget *>(u"entitySearch"_s))
            field->setFocus();
    });
    find->setShortcut(QKeySequence::Find);

    // A context menu on the reader's text with the annotation actions first.
    m_reader->textView()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_reader->textView(), &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        std::unique_ptr<QMenu> menu(m_reader->textView()->createStandardContextMenu(pos));
        QAction *first = menu->actions().value(0);
        menu->insertAction(first, m_highlightAction);
        menu->insertAction(first, m_noteAction);
        menu->insertSeparator(first);
        // Teaching the linker from what is on screen.
        const auto [start, end] = m_reader->selection();
        if (end > start && end - start <= 80) {
            const QString selected = m_reader->article().text.mid(start, end - start).simplified();
            QAction *alias = new QAction(tr("Add “%1” as a Name of…").arg(selected), menu.get());
            connect(alias, &QAction::triggered, this, &MainWindow::addSelectionAsAlias);
            QAction *entity = new QAction(tr("New Entity “%1”…").arg(selected), menu.get());
            connect(entity, &QAction::triggered, this, &MainWindow::newEntityFromSelection);
            menu->insertAction(first, alias);
            menu->insertAction(first, entity);
            menu->insertSeparator(first);
        }
        const qsizetype at = m_reader->textView()->cursorForPosition(pos).position();
        for (const EntityMention &m : m_reader->article().entities) {
            if (at < m.start || at > m.end)
                continue;
            const Entity *e = m_linker->knowledgeBase().entity(m.entityId);
            QAction *reject
                = new QAction(tr("“%1” Is Not %2 Here").arg(m.surface, e ? e->name : m.entityId), menu.get());
            connect(reject, &QAction::triggered, this, [this, m] {
                KbEdit rejection;
                rejection.action = KbEdit::RejectMention;
                rejection.entityId = m.entityId;
                rejection.value = m.surface;
                rejection.articleId = m_reader->articleId();
                rejection.start = m.start;
                rejection.end = m.end;
                teach(rejection);
            });
            menu->insertAction(first, reject);
            menu->insertSeparator(first);
            break;
        }
        menu->exec(m_reader->textView()->mapToGlobal(pos));
    });

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(u"mainToolBar"_s);
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(importFiles);
    toolbar->addAction(importFolder);
    toolbar->addSeparator();
    toolbar->addAction(m_highlightAction);
    toolbar->addAction(m_noteAction);
    toolbar->addSeparator();
    toolbar->addAction(exportNotes);
}

bool MainWindow::openLibrary(const QString &path, bool seedSamples)
{
    cancelImport();
    const bool isNew = !QFileInfo::exists(path);
    m_annotationController->undoStack()->clear();
    m_reader->clear();
    m_annotationController->setArticle(0);
    if (!m_library->open(path)) {
        showError(tr("Cannot open the library"), m_library->lastError());
        return false;
    }
    setWindowTitle(tr("%1 — Lede").arg(QFileInfo(path).completeBaseName()));
    m_filters.clear();
    rebuildLinker();
    reloadLibrary();
    QSettings().setValue(u"library/path"_s, path);
    Q_EMIT libraryOpened(path);
    if (isNew && seedSamples) {
        QStringList samples;
        for (const QString &name : QDir(u":/samples"_s).entryList(QDir::Files, QDir::Name))
            samples.append(u":/samples/"_s + name);
        importPaths(samples);
    }
    return true;
}

void MainWindow::reloadLibrary()
{
    const qint64 keep = currentArticleId();
    m_articles->setArticles(m_library->articles());
    const auto direct = m_library->entityArticles();
    m_entityArticles = expandEntityArticles(m_linker->knowledgeBase(), direct);
    m_entities->setEntities(m_linker->sharedKnowledgeBase(), direct, m_entityArticles);
    m_filter->setEntityArticles(m_entityArticles);
    // Filters on entities the library no longer mentions would hide everything.
    m_filters.removeIf([this](const QString &id) { return !m_entityArticles.contains(id); });
    m_filter->setRequiredEntities(m_filters);
    updateFilterBar();
    if (keep)
        showArticle(keep);
    else if (m_pendingArticle)
        showArticle(m_pendingArticle);
}

void MainWindow::updateFilterBar()
{
    QList<std::tuple<QString, QString, QColor>> chips;
    for (const QString &id : std::as_const(m_filters)) {
        const Entity *e = m_linker->knowledgeBase().entity(id);
        chips.append({id, e ? e->name : id, kindStyle(e ? e->kind : EntityKind::Company).text});
    }
    m_filterBar->setFilters(chips);
    const int shown = m_filter->rowCount();
    const int stories = m_articles->rowCount();
    const int articles = int(m_articles->articleCount());
    // English plurals without a translator installed: pick the form here.
    const QString storyWord = stories == 1 ? tr("story") : tr("stories");
    QString text = m_filters.isEmpty() ? u"%1 %2"_s.arg(stories).arg(storyWord)
                                       : tr("%1 of %2 %3").arg(shown).arg(stories).arg(storyWord);
    if (articles != stories)
        text += u" "_s + tr("(%1 articles in all)").arg(articles);
    m_countLabel->setText(text);
}

void MainWindow::addFilter(const QString &entityId)
{
    if (entityId.isEmpty() || m_filters.contains(entityId))
        return;
    m_filters.append(entityId);
    m_filter->setRequiredEntities(m_filters);
    updateFilterBar();
}

void MainWindow::removeFilter(const QString &entityId)
{
    if (!m_filters.removeOne(entityId))
        return;
    m_filter->setRequiredEntities(m_filters);
    updateFilterBar();
}

void MainWindow::clearFilters()
{
    m_filters.clear();
    m_filter->setRequiredEntities(m_filters);
    updateFilterBar();
}

QStringList MainWindow::filters() const
{
    return m_filters;
}

qint64 MainWindow::currentArticleId() const
{
    return m_reader->articleId();
}

void MainWindow::showArticle(qint64 articleId, bool reload)
{
    const QModelIndex source = m_articles->indexOfArticle(articleId);
    const QModelIndex index = m_filter->mapFromSource(source);
    if (index.isValid()) {
        m_articleView->setCurrentIndex(index);
        m_articleView->scrollTo(index);
    }
    if (m_reader->articleId() == articleId && !reload)
        return;
    const auto article = m_library->article(articleId);
    if (!article) {
        m_reader->clear();
        m_annotationController->setArticle(0);
        return;
    }
    m_annotationController->setArticle(articleId);
    m_reader->showArticle(articleId, *article, m_annotationModel->annotations());
    m_pendingArticle = 0;
    updateSuggestions();
    QSettings().setValue(u"library/lastArticle"_s, articleId);
    updateActions();
    Q_EMIT currentArticleChanged(articleId);
}

void MainWindow::onCurrentArticleChanged()
{
    const QModelIndex current = m_articleView->currentIndex();
    if (!current.isValid())
        return;
    showArticle(current.data(ArticleIdRole).toLongLong());
}

bool MainWindow::annotateSelection(const QString &color, const QString &note)
{
    const auto [start, end] = m_reader->selection();
    if (end <= start || !m_reader->articleId())
        return false;
    const QString quote = m_reader->article().text.mid(start, end - start);
    m_annotationController->add(m_reader->articleId(), start, end, quote, color, note);
    return true;
}

void MainWindow::annotateWithDialog()
{
    const auto [start, end] = m_reader->selection();
    if (end <= start)
        return;
    AnnotationDialog dialog(m_reader->article().text.mid(start, end - start), u"yellow"_s, QString(), this);
    if (dialog.exec() == QDialog::Accepted)
        annotateSelection(dialog.color(), dialog.note());
}

void MainWindow::editSelectedAnnotation()
{
    const QModelIndex index = m_annotationView->currentIndex();
    if (!index.isValid())
        return;
    const auto a = m_annotationController->annotation(index.data(AnnotationIdRole).toLongLong());
    if (!a)
        return;
    AnnotationDialog dialog(a->quote, a->color, a->note, this);
    if (dialog.exec() == QDialog::Accepted)
        m_annotationController->edit(a->id, dialog.color(), dialog.note());
}

void MainWindow::removeSelectedAnnotation()
{
    const QModelIndex index = m_annotationView->currentIndex();
    if (index.isValid())
        m_annotationController->remove(index.data(AnnotationIdRole).toLongLong());
}

void MainWindow::updateActions()
{
    const auto [start, end] = m_reader->selection();
    const bool hasSelection = end > start && m_reader->articleId();
    m_highlightAction->setEnabled(hasSelection);
    m_noteAction->setEnabled(hasSelection);
    const bool hasAnnotation = m_annotationView->currentIndex().isValid();
    m_editNoteAction->setEnabled(hasAnnotation);
    m_removeNoteAction->setEnabled(hasAnnotation);
}

void MainWindow::importPaths(const QStringList &paths)
{
    if (m_importThread) {
        statusBar()->showMessage(tr("An import is already running."), 4000);
        return;
    }
    const QStringList files = ImportJob::collectFiles(paths);
    if (files.isEmpty()) {
        statusBar()->showMessage(tr("No articles to import there."), 4000);
        ImportSummary empty;
        Q_EMIT importFinished(empty);
        return;
    }
    m_importThread = new QThread(this);
    m_importJob = new ImportJob(m_library->path(), files, m_linker);
    m_importJob->moveToThread(m_importThread);
    connect(m_importThread, &QThread::started, m_importJob, &ImportJob::run);
    connect(m_importJob, &ImportJob::progress, this, [this](int done, int total, const QString &file) {
        m_progress->setMaximum(total);
        m_progress->setValue(done);
        if (!file.isEmpty())
            statusBar()->showMessage(tr("Importing %1…").arg(QFileInfo(file).fileName()));
    });
    connect(m_importJob, &ImportJob::finished, this, &MainWindow::onImportFinished);
    connect(m_importThread, &QThread::finished, m_importJob, &QObject::deleteLater);
    m_progress->setRange(0, int(files.size()));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_cancelButton->setVisible(true);
    m_importThread->start();
}

void MainWindow::cancelImport()
{
    if (m_importJob)
        m_importJob->cancel();
}

void MainWindow::onImportFinished(const ImportSummary &summary)
{
    m_importThread->quit();
    m_importThread->wait();
    m_importThread->deleteLater();
    m_importThread = nullptr;
    m_importJob = nullptr;
    m_progress->setVisible(false);
    m_cancelButton->setVisible(false);
    reloadLibrary();
    if (!currentArticleId() && m_filter->rowCount() > 0)
        m_articleView->setCurrentIndex(m_filter->index(0, 0));
    statusBar()->showMessage(summary.describe().section(u'\n', 0, 0), 10000);
    if (!summary.failures.isEmpty() || !summary.libraryError.isEmpty()) {
        QStringList lines;
        for (const ImportFailure &f : summary.failures)
            lines.append(u"%1: %2"_s.arg(QFileInfo(f.path).fileName(), f.reason));
        QMessageBox box(
            QMessageBox::Warning, tr("Some files were not imported"), summary.describe(), QMessageBox::Ok, this);
        box.setDetailedText(lines.join(u'\n'));
        if (!qApp->property("lede.noModal").toBool())
            box.exec();
    }
    Q_EMIT importFinished(summary);
}

void MainWindow::exportAnnotations()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Annotations"),
        QDir::home().filePath(tr("annotations.md")), tr("Markdown (*.md);;Text (*.txt)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(exportAnnotationsMarkdown(*m_library).toUtf8()) < 0
        || !file.commit()) {
        showError(tr("Export failed"), tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    statusBar()->showMessage(tr("Annotations exported to %1").arg(path), 6000);
}

void MainWindow::chooseAndImportFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import Articles"),
        QSettings().value(u"import/lastFolder"_s, QDir::homePath()).toString(),
        tr("Articles (*.txt *.md *.markdown *.html *.htm *.rss *.atom *.xml *.json);;All files (*)"));
    if (files.isEmpty())
        return;
    QSettings().setValue(u"import/lastFolder"_s, QFileInfo(files.first()).absolutePath());
    importPaths(files);
}

void MainWindow::chooseAndImportFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Import a Folder of Articles"),
        QSettings().value(u"import/lastFolder"_s, QDir::homePath()).toString());
    if (dir.isEmpty())
        return;
    QSettings().setValue(u"import/lastFolder"_s, dir);
    importPaths({dir});
}

void MainWindow::chooseAndOpenLibrary()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Open or Create a Library"),
        QFileInfo(m_library->path()).absolutePath(), tr("Lede libraries (*.lede);;All files (*)"), nullptr,
        QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        openLibrary(path);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        importPaths(paths);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/mainSplitter"_s, m_mainSplitter->saveState());
    settings.setValue(u"window/readerSplitter"_s, m_readerSplitter->saveState());
    settings.setValue(u"window/articleHeader"_s, m_articleView->header()->saveState());
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(u"window/geometry"_s).toByteArray()))
        resize(1400, 860);
    restoreState(settings.value(u"window/state"_s).toByteArray());
    m_mainSplitter->restoreState(settings.value(u"window/mainSplitter"_s).toByteArray());
    m_readerSplitter->restoreState(settings.value(u"window/readerSplitter"_s).toByteArray());
    m_articleView->header()->restoreState(settings.value(u"window/articleHeader"_s).toByteArray());
    m_pendingArticle = settings.value(u"library/lastArticle"_s).toLongLong();
}

void MainWindow::rebuildLinker()
{
    const QList<KbEdit> edits = m_library->isOpen() ? m_library->kbEdits() : QList<KbEdit>{};
    QStringList skipped;
    std::shared_ptr<const KnowledgeBase> kb = edits.isEmpty() ? m_baseKb : applyEdits(*m_baseKb, edits, &skipped);
    for (const QString &s : std::as_const(skipped))
        statusBar()->showMessage(tr("A knowledge-base change no longer applies: %1").arg(s), 8000);
    if (kb != m_linker->sharedKnowledgeBase())
        m_linker = std::make_shared<const Linker>(kb);
    m_reader->setKnowledgeBase(m_linker->sharedKnowledgeBase());
}

bool MainWindow::teach(const KbEdit &edit)
{
    if (!m_library->addKbEdit(edit)) {
        showError(tr("Change not saved"), m_library->lastError());
        return false;
    }
    rebuildLinker();
    if (edit.action == KbEdit::RejectMention) {
        // Only this one mention changes: no need to re-link everything.
        reloadLibrary();
        showArticle(m_reader->articleId(), true);
        return true;
    }
    startRelink();
    return true;
}

void MainWindow::startRelink()
{
    if (m_relinkThread) {
        // One re-link at a time; the latest knowledge base wins.
        m_relinkAgain = true;
        m_relinkJob->cancel();
        return;
    }
    m_relinkThread = new QThread(this);
    m_relinkJob = new RelinkJob(m_library->path(), m_linker);
    m_relinkJob->moveToThread(m_relinkThread);
    connect(m_relinkThread, &QThread::started, m_relinkJob, &RelinkJob::run);
    connect(m_relinkJob, &RelinkJob::progress, this, [this](int done, int total) {
        m_progress->setMaximum(total);
        m_progress->setValue(done);
        statusBar()->showMessage(tr("Finding names again in the library’s %1 articles…").arg(total));
    });
    connect(m_relinkJob, &RelinkJob::finished, this, [this](int changed, const QString &error) {
        m_relinkThread->quit();
        m_relinkThread->wait();
        m_relinkThread->deleteLater();
        m_relinkThread = nullptr;
        m_relinkJob = nullptr;
        m_progress->setVisible(false);
        if (!error.isEmpty())
            showError(tr("Re-linking failed"), error);
        if (m_relinkAgain) {
            m_relinkAgain = false;
            startRelink();
            return;
        }
        reloadLibrary();
        if (m_reader->articleId())
            showArticle(m_reader->articleId(), true);
        statusBar()->showMessage(
            (changed == 1 ? tr("Names updated in 1 article") : tr("Names updated in %1 articles").arg(changed)), 6000);
        Q_EMIT relinkFinished(changed);
    });
    connect(m_relinkThread, &QThread::finished, m_relinkJob, &QObject::deleteLater);
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_relinkThread->start();
}

void MainWindow::updateSuggestions()
{
    QList<std::pair<QString, EntityKind>> names;
    QSet<QString> seen;
    if (m_reader->articleId()) {
        const Article &a = m_reader->article();
        for (const EntitySuggestion &s : suggestEntities(a.text, a.entities, m_linker->knowledgeBase())) {
            if (!seen.contains(s.name)) {
                seen.insert(s.name);
                names.append({s.name, s.kind});
            }
        }
    }
    m_entities->setSuggestions(names);
    m_sidebar->restoreExpansion();
}

void MainWindow::addSelectionAsAlias()
{
    const auto [start, end] = m_reader->selection();
    const QString name = m_reader->article().text.mid(start, end - start).simplified();
    if (name.isEmpty())
        return;
    EntityPickerDialog dialog(
        m_linker->knowledgeBase(), tr("Lede will read “%1” as this entity everywhere:").arg(name), this);
    if (dialog.exec() != QDialog::Accepted || dialog.entityId().isEmpty())
        return;
    KbEdit edit;
    edit.action = KbEdit::AddAlias;
    edit.entityId = dialog.entityId();
    edit.value = name;
    teach(edit);
}

void MainWindow::newEntityFromSelection()
{
    const auto [start, end] = m_reader->selection();
    const QString name = m_reader->article().text.mid(start, end - start).simplified();
    NewEntityDialog dialog(name, EntityKind::Company, this);
    if (dialog.exec() == QDialog::Accepted && !dialog.name().isEmpty())
        addSuggestion(dialog.name(), int(dialog.kind()));
}

void MainWindow::addSuggestion(const QString &name, int kind)
{
    KbEdit edit;
    edit.action = KbEdit::AddEntity;
    edit.entityId = newEntityId(m_linker->knowledgeBase(), EntityKind(kind), name);
    edit.value = name;
    if (teach(edit))
        statusBar()->showMessage(tr("Added “%1” to the knowledge base").arg(name), 6000);
}

void MainWindow::mergeEntity(const QString &entityId)
{
    const Entity *from = m_linker->knowledgeBase().entity(entityId);
    if (!from)
        return;
    EntityPickerDialog dialog(m_linker->knowledgeBase(), tr("“%1” is the same as:").arg(from->name), this);
    if (dialog.exec() != QDialog::Accepted || dialog.entityId().isEmpty() || dialog.entityId() == entityId)
        return;
    KbEdit edit;
    edit.action = KbEdit::Merge;
    edit.entityId = entityId;
    edit.value = dialog.entityId();
    teach(edit);
}

void MainWindow::showError(const QString &title, const QString &message)
{
    statusBar()->showMessage(message, 10000);
    if (!qApp->property("lede.noModal").toBool())
        QMessageBox::warning(this, title, message);
}

} // namespace Lede
