// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "annotationactions.h"
#include "annotationdialog.h"
#include "annotationpane.h"
#include "articlelistpane.h"
#include "controller/annotationcontroller.h"
#include "controller/controller.h"
#include "entitysidebar.h"
#include "filterbar.h"
#include "helpdialogs.h"
#include "jobstatus.h"
#include "kindstyle.h"
#include "models/annotationmodel.h"
#include "models/articlelistmodel.h"
#include "models/entitymodel.h"
#include "models/roles.h"
#include "query/querytext.h"
#include "readerview.h"
#include "restoredialog.h"
#include "savedsearchlist.h"
#include "searchfield.h"
#include "teachactions.h"

#include <QAction>
#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Lede {

using namespace Qt::StringLiterals;

MainWindow::MainWindow(std::shared_ptr<const Linker> linker, QWidget *parent)
    : QMainWindow(parent)
    , m_controller(new Controller(std::move(linker), this))
    , m_sidebar(new EntitySidebar(m_controller->entityModel(), this))
    , m_list(new ArticleListPane(m_controller, this))
    , m_articleView(m_list->view())
    , m_reader(new ReaderView(this))
    , m_notes(new AnnotationPane(m_controller, this))
    , m_mainSplitter(new QSplitter(Qt::Horizontal, this))
    , m_readerSplitter(new QSplitter(Qt::Horizontal, this))
    , m_jobStatus(new JobStatus(m_controller, this))
    , m_teach(new TeachActions(m_controller, m_reader, this))
    , m_annotate(new AnnotationActions(m_controller, m_reader, m_notes, this))
    , m_importDetails(new QToolButton(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(u"Lede"_s);
    setAcceptDrops(true);
    m_reader->setKnowledgeBase(m_controller->linker()->sharedKnowledgeBase());

    m_readerSplitter->setObjectName(u"readerSplitter"_s);
    m_readerSplitter->addWidget(m_reader);
    m_readerSplitter->addWidget(m_notes);
    m_readerSplitter->setStretchFactor(0, 1);
    m_readerSplitter->setStretchFactor(1, 0);

    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->addWidget(m_sidebar);
    m_mainSplitter->addWidget(m_list);
    m_mainSplitter->addWidget(m_readerSplitter);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setStretchFactor(2, 3);
    m_mainSplitter->setSizes({270, 440, 730});
    m_readerSplitter->setSizes({540, 200});
    setCentralWidget(m_mainSplitter);

    statusBar()->addPermanentWidget(m_jobStatus);
    m_importDetails->setObjectName(u"importDetails"_s);
    m_importDetails->setAutoRaise(true);
    m_importDetails->setVisible(false);
    connect(m_importDetails, &QToolButton::clicked, this, [this] {
        showError(tr("Some files were not imported"), m_importSummaryText, m_importDetailsText);
        m_importDetails->setVisible(false);
    });
    statusBar()->addPermanentWidget(m_importDetails);
    connect(m_jobStatus, &JobStatus::message, this, [this](const QString &text) { statusBar()->showMessage(text); });

    createActions();
    connectController();
    restoreLayout();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::connectController()
{
    Controller *c = m_controller;
    // Panes meet here, through the controller.
    connect(m_sidebar, &EntitySidebar::entityActivated, c, &Controller::toggleEntity);
    connect(m_sidebar, &EntitySidebar::entityExcluded, c, &Controller::excludeEntity);
    // The search's words in the article shown: marked, F3 and Shift+F3 step through them.
    connect(c, &Controller::searchFinished, this, [this] { m_reader->setSearchHits(m_controller->searchHits()); });
    connect(m_list, &ArticleListPane::articleActivated, this, [this](qint64 id) { showArticle(id); });
    connect(m_reader, &ReaderView::entityActivated, m_sidebar, &EntitySidebar::revealEntity);
    connect(m_reader, &ReaderView::selectionChanged, this, &MainWindow::updateActions);
    connect(m_annotate, &AnnotationActions::showArticleRequested, this, [this](qint64 id) { showArticle(id, true); });
    connect(m_annotate, &AnnotationActions::message, this,
        [this](const QString &text, int timeout) { statusBar()->showMessage(text, timeout); });
    connect(m_reader, &ReaderView::sourceRequested, c, [c](qint64 id) {
        if (id == c->currentArticleId())
            c->loadCurrentSource();
    });
    connect(c, &Controller::sourceLoaded, m_reader, &ReaderView::setSourceText);
    connect(m_reader, &ReaderView::linkActivated, this, &MainWindow::openLink);
    connect(m_reader, &ReaderView::linkHovered, this, [this](const QUrl &url) {
        if (url.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(url.toString(QUrl::FullyEncoded));
    });
    connect(c, &Controller::restoreFinished, this,
        [this](const QString &backup, const QString &error, const QString &keptAs) {
            if (error.isEmpty())
                statusBar()->showMessage(tr("Restored the backup %1. The library as it was is kept as %2.")
                                             .arg(QFileInfo(backup).fileName(), keptAs),
                    15000);
            else
                showError(tr("Backup not restored"), error);
        });
    connect(c, &Controller::busyRetrying, this, [this](const QString &message) {
        // Said while the write still waits, so painted now rather than when it is over.
        QString line = message; // "the library … is busy (…); retrying"
        if (!line.isEmpty())
            line[0] = line.at(0).toUpper();
        statusBar()->showMessage(line + u'…', 8000);
        statusBar()->repaint();
    });
    connect(m_sidebar, &EntitySidebar::suggestionActivated, m_teach, &TeachActions::addSuggestion);
    connect(m_sidebar, &EntitySidebar::mergeRequested, m_teach, &TeachActions::mergeEntity);
    connect(m_sidebar, &EntitySidebar::entityMenuRequested, m_teach, &TeachActions::addTaughtToMenu);

    connect(c, &Controller::filtersChanged, m_list, &ArticleListPane::updateFilterBar);
    connect(c, &Controller::libraryChanged, m_list, &ArticleListPane::updateCount);
    connect(c, &Controller::suggestionsChanged, m_sidebar, &EntitySidebar::restoreExpansion);
    connect(c, &Controller::currentArticleChanged, this, &MainWindow::onCurrentArticleChanged);
    connect(c, &Controller::linkerChanged, this, [this] {
        m_reader->setKnowledgeBase(m_controller->linker()->sharedKnowledgeBase());
        m_list->updateFilterBar();
    });
    connect(c->annotations(), &AnnotationController::annotationsChanged, this, [this](qint64 articleId) {
        if (articleId == m_reader->articleId())
            m_reader->setAnnotations(m_controller->annotationModel()->annotations());
    });
    connect(c, &Controller::libraryOpened, this, [this](const QString &path) {
        setWindowTitle(tr("%1 — Lede").arg(QFileInfo(path).completeBaseName()));
        QSettings().setValue(u"library/path"_s, path);
        m_list->updateFilterBar();
        Q_EMIT libraryOpened(path);
    });
    connect(c, &Controller::libraryLoaded, this, [this] {
        m_list->updateFilterBar();
        // The article shown when the window last closed, if this library has it.
        const qint64 pending = std::exchange(m_pendingArticle, 0);
        if (pending && m_controller->articleModel()->indexOfArticle(pending).isValid())
            showArticle(pending);
    });
    connect(c, &Controller::importFinished, this, &MainWindow::onImportFinished);
    connect(c, &Controller::relinkFinished, this, &MainWindow::relinkFinished);
    connect(c, &Controller::statusMessage, this,
        [this](const QString &message, int timeout) { statusBar()->showMessage(message, timeout); });
    connect(c, &Controller::errorOccurred, this,
        [this](const QString &title, const QString &message) { showError(title, message); });
    connect(c, &Controller::exportFinished, this, [this](const QString &path, const QString &error) {
        if (error.isEmpty())
            statusBar()->showMessage(tr("Annotations exported to %1").arg(path), 6000);
        else
            showError(tr("Export failed"), error);
    });
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
    QAction *exportNotes = m_annotate->exportAction();
    file->addAction(exportNotes);
    file->addAction(m_annotate->importAction());
    file->addSeparator();
    QAction *restoreBackup = file->addAction(tr("&Restore Backup…"), this, &MainWindow::chooseAndRestoreBackup);
    restoreBackup->setObjectName(u"restoreBackupAction"_s);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_controller->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_controller->undoStack()->createRedoAction(this, tr("&Redo"));
    QList<QKeySequence> redoKeys = {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)};
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Redo)) {
        if (!redoKeys.contains(key))
            redoKeys.append(key);
    }
    redo->setShortcuts(redoKeys);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *copy = edit->addAction(tr("&Copy"), m_reader->textView(), &QTextBrowser::copy);
    copy->setShortcut(QKeySequence::Copy);
    edit->addAction(m_annotate->copyCitationAction());

    QMenu *annotate = menuBar()->addMenu(tr("&Annotate"));
    m_annotate->fillMenu(annotate);
    m_highlightAction = m_annotate->highlightAction(0);
    m_noteAction = m_annotate->noteAction();

    QMenu *article = menuBar()->addMenu(tr("A&rticle"));
    m_openOriginalAction = article->addAction(tr("&Open the Original"), this, &MainWindow::openOriginal);
    m_openOriginalAction->setObjectName(u"openOriginalAction"_s);
    m_openOriginalAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_copyLinkAction = article->addAction(tr("&Copy Link to the Original"), this, &MainWindow::copyLink);
    m_copyLinkAction->setObjectName(u"copyLinkAction"_s);
    m_copyLinkAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_sourceAction = article->addAction(tr("View &Source"), this, [this](bool on) { m_reader->showSourceTab(on); });
    m_sourceAction->setObjectName(u"viewSourceAction"_s);
    m_sourceAction->setCheckable(true);
    m_sourceAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    connect(m_reader, &ReaderView::sourceTabShown, m_sourceAction, &QAction::setChecked);
    article->addSeparator();
    article->addAction(m_annotate->reextractAction());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *search = view->addAction(tr("&Search the Library"), m_list->searchField(), &SearchField::focusField);
    search->setObjectName(u"searchAction"_s);
    search->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::CTRL | Qt::Key_L)});
    auto *saved = new SavedSearchList(m_controller, m_sidebar);
    m_sidebar->addTopWidget(saved);
    QAction *save = view->addAction(tr("Sa&ve Search…"), saved, &SavedSearchList::saveCurrent);
    save->setObjectName(u"saveSearchAction"_s);
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    QAction *clear = view->addAction(tr("&Clear Filters"), m_controller, &Controller::clearFilters);
    clear->setShortcut(QKeySequence(Qt::Key_Escape));
    QAction *findEntity = view->addAction(tr("Find &Entity"), this, [this] {
        if (auto *field = m_sidebar->findChild<QWidget *>(u"entitySearch"_s))
            field->setFocus();
    });
    findEntity->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    view->addSeparator();
    QAction *find = view->addAction(tr("&Find in Article…"), m_reader, &ReaderView::startFind);
    find->setObjectName(u"findInArticleAction"_s);
    find->setShortcut(QKeySequence::Find);
    QAction *findNext = view->addAction(tr("Find &Next"), this, [this] { m_reader->findNext(false); });
    findNext->setShortcut(QKeySequence::FindNext);
    QAction *findPrevious = view->addAction(tr("Find Pre&vious"), this, [this] { m_reader->findNext(true); });
    findPrevious->setShortcut(QKeySequence::FindPrevious);
    view->addSeparator();
    QAction *zoomIn = view->addAction(tr("Zoom &In"), this, [this] { m_reader->zoomBy(1); });
    zoomIn->setObjectName(u"zoomInAction"_s);
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction *zoomOut = view->addAction(tr("Zoom &Out"), this, [this] { m_reader->zoomBy(-1); });
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *actualSize = view->addAction(tr("&Actual Size"), m_reader, &ReaderView::resetZoom);
    actualSize->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction *mentions = view->addAction(tr("Show &Mention Colours"));
    mentions->setObjectName(u"showMentionsAction"_s);
    mentions->setCheckable(true);
    mentions->setChecked(QSettings().value(u"reader/mentionColours"_s, true).toBool());
    mentions->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_reader->setMentionsShown(mentions->isChecked());
    connect(mentions, &QAction::toggled, this, [this](bool on) {
        m_reader->setMentionsShown(on);
        QSettings().setValue(u"reader/mentionColours"_s, on);
    });
    view->addSeparator();
    QAction *nextPane = view->addAction(tr("&Next Pane"), this, [this] { cyclePanes(1); });
    nextPane->setObjectName(u"nextPaneAction"_s);
    nextPane->setShortcut(QKeySequence(Qt::Key_F6));
    QAction *previousPane = view->addAction(tr("&Previous Pane"), this, [this] { cyclePanes(-1); });
    previousPane->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F6));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *usingLede = help->addAction(tr("&Using Lede"), this,
        [this] { showHelpWindow(this, u"usingLede"_s, tr("Using Lede"), usingLedeMarkdown(), true); });
    usingLede->setShortcut(QKeySequence::HelpContents);
    QAction *keys = help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        showHelpWindow(this, u"keyboardShortcuts"_s, tr("Keyboard Shortcuts"), shortcutsHtml(menuBar()), false);
    });
    keys->setObjectName(u"shortcutsAction"_s);
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));

    // A context menu on the reader's text with the annotation actions first.
    m_reader->textView()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_reader->textView(), &QWidget::customContextMenuRequested, this, &MainWindow::showReaderContextMenu);

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

QList<QWidget *> MainWindow::panes() const
{
    return {m_sidebar->view(), m_articleView, m_reader->textView(), m_notes->view()};
}

void MainWindow::cyclePanes(int step)
{
    // The panes in reading order; folded ones are skipped.
    QList<QWidget *> shown;
    for (QWidget *pane : panes()) {
        if (pane->isVisible() && pane->width() > 0)
            shown.append(pane);
    }
    if (shown.isEmpty())
        return;
    qsizetype at = -1;
    for (qsizetype i = 0; i < shown.size(); ++i) {
        if (shown.at(i) == focusWidget() || shown.at(i)->isAncestorOf(focusWidget()))
            at = i;
    }
    const qsizetype next = at < 0 ? 0 : (at + step + shown.size()) % shown.size();
    shown.at(next)->setFocus(Qt::TabFocusReason);
}

void MainWindow::openOriginal()
{
    const Article &a = m_controller->currentArticle();
    // The address an article gives is the article's word, not the journalist's: asked first.
    if (!a.url.isEmpty()) {
        openLink(QUrl(a.url));
        return;
    }
    QUrl target;
    if (QFileInfo::exists(a.sourcePath) && !a.sourcePath.startsWith(u':'))
        target = QUrl::fromLocalFile(a.sourcePath); // the file the journalist saved
    if (!target.isValid() || !QDesktopServices::openUrl(target))
        statusBar()->showMessage(tr("This article has no original to open."), 4000);
}

void MainWindow::chooseAndRestoreBackup()
{
    const QString path = m_controller->library().path();
    if (path.isEmpty()) {
        statusBar()->showMessage(tr("No library is open."), 4000);
        return;
    }
    RestoreDialog dialog(path, this);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedBackup().isEmpty())
        return;
    m_reader->clear();
    statusBar()->showMessage(tr("Restoring %1…").arg(QFileInfo(dialog.selectedBackup()).fileName()));
    m_controller->restoreBackup(dialog.selectedBackup());
}

bool MainWindow::isOpenableLink(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty() && (url.scheme() == u"https" || url.scheme() == u"http");
}

bool MainWindow::openLink(const QUrl &url)
{
    const QString address = url.toString(QUrl::FullyEncoded);
    if (!isOpenableLink(url)) {
        QMessageBox box(QMessageBox::Warning, tr("Link not opened"),
            tr("Lede opens only web addresses (http and https) from an article. This link was not opened:"),
            QMessageBox::Ok, this);
        box.setObjectName(u"refusedLinkBox"_s);
        box.setInformativeText(address.isEmpty() ? tr("(an empty address)") : address);
        box.exec();
        return false;
    }
    QMessageBox box(QMessageBox::Question, tr("Open Link"), tr("Open this address in your web browser?"),
        QMessageBox::Open | QMessageBox::Cancel, this);
    box.setObjectName(u"openLinkBox"_s);
    box.setInformativeText(address); // all of it: the host alone can hide where a link leads
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() != QMessageBox::Open)
        return false;
    if (!QDesktopServices::openUrl(url)) {
        statusBar()->showMessage(tr("No web browser could open %1").arg(address), 6000);
        return false;
    }
    return true;
}

void MainWindow::copyLink()
{
    const Article &a = m_controller->currentArticle();
    const QString link = !a.url.isEmpty() ? a.url : a.sourcePath.startsWith(u':') ? QString() : a.sourcePath;
    if (link.isEmpty()) {
        statusBar()->showMessage(tr("This article has no link to copy."), 4000);
        return;
    }
    QGuiApplication::clipboard()->setText(link);
    statusBar()->showMessage(tr("Copied %1").arg(link), 4000);
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    // After the layouts have given the panes their new sizes.
    if (!m_fitPending) {
        m_fitPending = true;
        QTimer::singleShot(0, this, [this] {
            m_fitPending = false;
            fitPanes();
        });
    }
}

void MainWindow::fitPanes()
{
    // About 60 characters of the reader's type, and a list that still shows titles: below that, the
    // panes around them give way.
    constexpr int readableWidth = 440;
    constexpr int listMinimum = 280;
    if (!isVisible())
        return;
    // Annotations folded while the window was narrow come back when the reader has room for both.
    constexpr int notesWidth = 240;
    const QList<int> shown = m_readerSplitter->sizes();
    if (m_notesFoldedToFit && shown.size() == 2 && shown.at(1) == 0 && shown.at(0) >= readableWidth + notesWidth) {
        m_readerSplitter->setSizes({shown.at(0) - notesWidth, notesWidth});
        m_notesFoldedToFit = false;
    }
    if (m_reader->width() >= readableWidth && m_articleView->width() >= listMinimum)
        return;
    // The annotations beside the reader fold first …
    const QList<int> inner = m_readerSplitter->sizes();
    if (m_reader->width() < readableWidth && inner.size() == 2 && inner.at(1) > 0) {
        m_readerSplitter->setSizes({inner.at(0) + inner.at(1), 0});
        m_notesFoldedToFit = true;
    }
    const QList<int> outer = m_mainSplitter->sizes();
    if (outer.size() != 3)
        return;
    // … then the sidebar narrows, or folds away when even its narrowest does not leave the list and
    // the reader their room (F6 and the splitter bring it back).
    const int total = outer.at(0) + outer.at(1) + outer.at(2);
    const int readerNeed = readableWidth + m_readerSplitter->handleWidth();
    int sidebar = outer.at(0);
    if (sidebar + listMinimum + readerNeed > total) {
        const int left = total - listMinimum - readerNeed;
        sidebar = left >= m_sidebar->minimumSizeHint().width() ? left : 0;
    }
    int reader = std::max(outer.at(2), readerNeed);
    int list = total - sidebar - reader;
    if (list < listMinimum) {
        reader = std::max(readerNeed, total - sidebar - listMinimum);
        list = total - sidebar - reader;
    }
    m_mainSplitter->setSizes({sidebar, list, reader});
}

void MainWindow::showReaderContextMenu(const QPoint &pos)
{
    std::unique_ptr<QMenu> menu(m_reader->textView()->createStandardContextMenu(pos));
    QAction *first = menu->actions().value(0);
    m_annotate->addToContextMenu(menu.get(), first, pos);
    m_teach->addToMenu(menu.get(), first, pos);
    const auto [start, end] = m_reader->selection();
    const QString phrase = Query::phraseTerm(m_controller->currentText(start, end));
    if (end > start && !phrase.isEmpty()) {
        QAction *findOthers = new QAction(tr("Find Other Articles with This Phrase"), menu.get());
        findOthers->setObjectName(u"findPhraseAction"_s);
        connect(findOthers, &QAction::triggered, this, [this, phrase] { m_controller->setQuery(phrase); });
        menu->insertAction(first, findOthers);
        menu->insertSeparator(first);
    }
    menu->exec(m_reader->textView()->mapToGlobal(pos));
    m_teach->forgetMenuRange();
}

namespace {

// Where file dialogs start the first time: the user's documents, else home.
QString documentsFolder()
{
    const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(docs).exists() ? docs : QDir::homePath();
}

} // namespace

// Shortcuts to the controller ------------------------------------------------------------------

bool MainWindow::openLibrary(const QString &path, bool seedSamples)
{
    m_reader->clear();
    return m_controller->openLibrary(path, seedSamples);
}

Library &MainWindow::library()
{
    return m_controller->library();
}

void MainWindow::importPaths(const QStringList &paths)
{
    if (paths.isEmpty()) {
        statusBar()->showMessage(tr("No articles to import there."), 4000);
        return;
    }
    m_controller->importPaths(paths);
}

bool MainWindow::isImporting() const
{
    return m_controller->isImporting();
}

void MainWindow::cancelImport()
{
    m_controller->cancelImport();
}

void MainWindow::addFilter(const QString &entityId)
{
    m_controller->addFilter(entityId);
}

void MainWindow::removeFilter(const QString &entityId)
{
    m_controller->removeFilter(entityId);
}

void MainWindow::clearFilters()
{
    m_controller->clearFilters();
}

QStringList MainWindow::filters() const
{
    return m_controller->filters();
}

bool MainWindow::teach(const KbEdit &edit)
{
    return m_controller->teach(edit);
}

bool MainWindow::isRelinking() const
{
    return m_controller->isRelinking();
}

const Linker &MainWindow::linker() const
{
    return *m_controller->linker();
}

FilterBar *MainWindow::filterBar() const
{
    return m_list->filterBar();
}

QListView *MainWindow::annotationView() const
{
    return m_notes->view();
}

AnnotationController *MainWindow::annotations() const
{
    return m_controller->annotations();
}

QAbstractItemModel *MainWindow::articleModel() const
{
    return m_controller->articleModel();
}

qint64 MainWindow::currentArticleId() const
{
    return m_controller->currentArticleId();
}

// The panes ------------------------------------------------------------------------------------

void MainWindow::showArticle(qint64 articleId, bool reload)
{
    const QModelIndex index = m_controller->articleModel()->indexOfArticle(articleId);
    if (index.isValid() && index != m_articleView->currentIndex()) {
        m_articleView->setCurrentIndex(index);
        m_articleView->scrollTo(index);
    }
    m_controller->setCurrentArticle(articleId, reload);
}

void MainWindow::onCurrentArticleChanged(qint64 articleId)
{
    if (!articleId) {
        m_reader->clear();
    } else {
        m_reader->showArticle(
            articleId, m_controller->currentArticle(), m_controller->annotationModel()->annotations());
        m_reader->setSearchHits(m_controller->searchHits());
        QSettings().setValue(u"library/lastArticle"_s, articleId);
    }
    updateActions();
    Q_EMIT currentArticleChanged(articleId);
}

bool MainWindow::annotateSelection(const QString &color, const QString &note)
{
    const auto [start, end] = m_reader->selection();
    return m_controller->annotate(start, end, color, note);
}

void MainWindow::updateActions()
{
    m_annotate->updateActions();
}

void MainWindow::onImportFinished(const ImportSummary &summary)
{
    // The first new article is shown, so the journalist sees what came in.
    if (!summary.addedIds.isEmpty())
        showArticle(summary.addedIds.first());
    else if (!currentArticleId() && m_controller->articleModel()->rowCount() > 0)
        m_articleView->setCurrentIndex(m_controller->articleModel()->index(0, 0));
    statusBar()->showMessage(summary.describe().section(u'\n', 0, 0), 10000);
    if (!summary.libraryError.isEmpty())
        showError(tr("The library could not be written"), summary.describe());
    // Files that could not be read: a line in the status bar that stays, with the reasons a click away.
    m_importDetails->setVisible(!summary.failures.isEmpty());
    if (!summary.failures.isEmpty()) {
        QStringList lines;
        for (const ImportFailure &f : summary.failures)
            lines.append(u"%1: %2"_s.arg(QFileInfo(f.path).fileName(), f.reason));
        m_importDetails->setText(summary.failures.size() == 1
                ? tr("1 file not imported: details…")
                : tr("%1 files not imported: details…").arg(summary.failures.size()));
        m_importDetails->setToolTip(lines.join(u'\n'));
        m_importDetailsText = lines.join(u'\n');
        m_importSummaryText = summary.describe();
    }
    Q_EMIT importFinished(summary);
}

// Files and dialogs ----------------------------------------------------------------------------

void MainWindow::chooseAndImportFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import Articles"),
        QSettings().value(u"import/lastFolder"_s, documentsFolder()).toString(),
        tr("Articles (*.txt *.md *.markdown *.html *.htm *.rss *.atom *.xml *.json);;All files (*)"));
    if (files.isEmpty())
        return;
    QSettings().setValue(u"import/lastFolder"_s, QFileInfo(files.first()).absolutePath());
    importPaths(files);
}

void MainWindow::chooseAndImportFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Import a Folder of Articles"),
        QSettings().value(u"import/lastFolder"_s, documentsFolder()).toString());
    if (dir.isEmpty())
        return;
    QSettings().setValue(u"import/lastFolder"_s, dir);
    importPaths({dir});
}

void MainWindow::chooseAndOpenLibrary()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Open or Create a Library"),
        QFileInfo(m_controller->library().path()).absolutePath(), tr("Lede libraries (*.lede);;All files (*)"), nullptr,
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

void MainWindow::showError(const QString &title, const QString &message, const QString &details)
{
    // Never modal: the status bar says it, and a box the journalist can leave open says more.
    statusBar()->showMessage(message.section(u'\n', 0, 0), 10000);
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    if (!details.isEmpty())
        box->setDetailedText(details);
    box->show();
}

} // namespace Lede
