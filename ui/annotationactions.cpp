// SPDX-License-Identifier: MIT
#include "annotationactions.h"

#include "annotationdialog.h"
#include "annotationpane.h"
#include "controller/annotationcontroller.h"
#include "models/annotationmodel.h"
#include "readerview.h"

#include <QAction>
#include <QButtonGroup>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <tuple>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

QString colourName(const QString &color)
{
    static const QHash<QString, QString> names
        = {{u"yellow"_s, QObject::tr("yellow")}, {u"green"_s, QObject::tr("green")}, {u"blue"_s, QObject::tr("blue")},
            {u"pink"_s, QObject::tr("pink")}, {u"orange"_s, QObject::tr("orange")}};
    return names.value(color, color);
}

QIcon swatch(const QString &color)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(AnnotationModel::colorFor(color));
    return QIcon(pixmap);
}

QString withShortcut(const QAction *action)
{
    const QString text = QString(action->text()).remove(u'&');
    const QKeySequence keys = action->shortcut();
    return keys.isEmpty() ? text : u"%1 (%2)"_s.arg(text, keys.toString(QKeySequence::NativeText));
}

QString documentsFolder()
{
    const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(docs).exists() ? docs : QDir::homePath();
}

} // namespace

AnnotationActions::AnnotationActions(Controller *controller, ReaderView *reader, AnnotationPane *pane, QWidget *window)
    : QObject(window)
    , m_controller(controller)
    , m_reader(reader)
    , m_pane(pane)
    , m_window(window)
    , m_note(new QAction(tr("Highlight with &Note…"), this))
    , m_tags(new QAction(tr("&Tags…"), this))
    , m_link(new QAction(tr("&Link Entity…"), this))
    , m_remove(new QAction(tr("Re&move Annotation"), this))
    , m_copyCitation(new QAction(tr("Copy with &Citation"), this))
    , m_meanings(new QAction(tr("Name the &Colours…"), this))
    , m_export(new QAction(tr("&Export Annotations…"), this))
    , m_import(new QAction(tr("Import &Annotations…"), this))
    , m_reextract(new QAction(tr("Re-extract &Library…"), this))
    , m_recolor(new QMenu(tr("Re&colour"), window))
    , m_bar(new QFrame(reader->textView()->viewport()))
    , m_barTimer(new QTimer(this))
{
    const QStringList colors = annotationColors();
    for (int i = 0; i < colors.size(); ++i) {
        auto *action = new QAction(this);
        action->setObjectName(i == 0 ? u"highlightAction"_s : u"highlightColor%1"_s.arg(i + 1));
        action->setIcon(swatch(colors.at(i)));
        action->setData(colors.at(i));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] { highlight(i); });
        m_colorActions.append(action);
        auto *recolor = m_recolor->addAction(swatch(colors.at(i)), QString());
        recolor->setData(colors.at(i));
    }
    m_note->setObjectName(u"noteAction"_s);
    m_note->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    connect(m_note, &QAction::triggered, this, [this] { annotateWithDialog(AnnotationDialog::FocusNote); });
    m_tags->setObjectName(u"tagsAction"_s);
    m_tags->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(m_tags, &QAction::triggered, this, [this] { annotateWithDialog(AnnotationDialog::FocusTags); });
    m_link->setObjectName(u"linkEntityAction"_s);
    m_link->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    connect(m_link, &QAction::triggered, this, [this] { annotateWithDialog(AnnotationDialog::FocusEntities); });
    m_remove->setObjectName(u"removeAnnotationAtCursorAction"_s);
    connect(m_remove, &QAction::triggered, this, [this] {
        const qint64 id = m_menuAnnotation ? m_menuAnnotation : annotationAtCursor();
        if (id)
            m_controller->annotations()->remove(id);
    });
    m_copyCitation->setObjectName(u"copyCitationAction"_s);
    m_copyCitation->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_copyCitation, &QAction::triggered, this, &AnnotationActions::copyWithCitation);
    m_meanings->setObjectName(u"colorMeaningsAction"_s);
    connect(m_meanings, &QAction::triggered, this, &AnnotationActions::nameColors);
    m_export->setObjectName(u"exportAnnotationsAction"_s);
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_export, &QAction::triggered, this, &AnnotationActions::chooseAndExport);
    m_import->setObjectName(u"importAnnotationsAction"_s);
    connect(m_import, &QAction::triggered, this, &AnnotationActions::chooseAndImport);
    m_reextract->setObjectName(u"reextractAction"_s);
    connect(m_reextract, &QAction::triggered, this, &AnnotationActions::confirmAndReextract);
    connect(m_recolor, &QMenu::triggered, this, [this](QAction *chosen) {
        const qint64 id = m_menuAnnotation ? m_menuAnnotation : annotationAtCursor();
        const auto a = id ? m_controller->annotations()->annotation(id) : std::nullopt;
        if (!a)
            return;
        Annotation after = *a;
        after.color = chosen->data().toString();
        m_controller->annotations()->change(after, tr("Recolour"));
    });

    // The bar beside a selection: the colours, a note, tags and the citation, a click away.
    m_bar->setObjectName(u"selectionBar"_s);
    m_bar->setFrameShape(QFrame::StyledPanel);
    m_bar->setAutoFillBackground(true);
    m_bar->setBackgroundRole(QPalette::Window);
    auto *barLayout = new QHBoxLayout(m_bar);
    barLayout->setContentsMargins(3, 2, 3, 2);
    barLayout->setSpacing(1);
    for (QAction *action : std::as_const(m_colorActions)) {
        auto *button = new QToolButton(m_bar);
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        barLayout->addWidget(button);
    }
    const QList<std::pair<QAction *, QString>> labelled
        = {{m_note, tr("Note…")}, {m_tags, tr("Tags…")}, {m_copyCitation, tr("Cite")}};
    for (const auto &[action, label] : labelled) {
        // A short label of its own, so the bar stays narrow beside the text.
        auto *button = new QToolButton(m_bar);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setText(label);
        connect(button, &QToolButton::clicked, action, &QAction::trigger);
        connect(action, &QAction::changed, button, [button, action] {
            button->setEnabled(action->isEnabled());
            button->setToolTip(action->toolTip());
        });
        barLayout->addWidget(button);
    }
    m_bar->hide();
    m_barTimer->setSingleShot(true);
    m_barTimer->setInterval(150);
    connect(m_barTimer, &QTimer::timeout, this, &AnnotationActions::placeBar);
    QTextBrowser *text = m_reader->textView();
    connect(text, &QTextBrowser::selectionChanged, this, [this] {
        const auto [start, end] = m_reader->selection();
        if (end <= start)
            m_bar->hide();
        m_barTimer->start();
        updateActions();
    });
    connect(text, &QTextBrowser::cursorPositionChanged, this, &AnnotationActions::updateActions);
    connect(text->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        if (m_bar->isVisible())
            placeBar();
    });

    connect(m_pane, &AnnotationPane::annotationActivated, this, &AnnotationActions::reveal);
    connect(m_controller, &Controller::currentArticleChanged, this, [this] {
        m_bar->hide();
        updateActions();
    });
    connect(m_controller->annotations(), &AnnotationController::annotationsChanged, this,
        &AnnotationActions::updateActions);
    connect(m_controller, &Controller::paletteChanged, this, &AnnotationActions::updateColorTexts);
    connect(m_controller, &Controller::jobStarted, this, &AnnotationActions::updateActions);
    connect(m_controller, &Controller::jobsIdle, this, &AnnotationActions::updateActions);
    connect(m_controller, &Controller::reextractFinished, this, [this](const ReextractSummary &s) {
        QStringList lines;
        lines.append(tr("%1 of %2 articles parsed again from the files the library keeps; %3 changed.")
                         .arg(s.done)
                         .arg(s.total)
                         .arg(s.changed));
        lines.append(tr("Annotations: %1 re-anchored exactly, %2 moved, %3 orphaned.")
                         .arg(s.exact)
                         .arg(s.moved)
                         .arg(s.orphaned));
        if (s.orphaned)
            lines.append(tr("Orphans are kept with their notes and listed in the annotations panel."));
        if (s.noSource)
            lines.append(tr("Articles without a kept file, linked again only: %1.").arg(s.noSource));
        if (s.unreadable)
            lines.append(tr("Articles whose file gives no article now, left as they were: %1.").arg(s.unreadable));
        if (s.duplicates)
            lines.append(tr("Articles that now read as another article, left as they were: %1.").arg(s.duplicates));
        if (s.cancelled)
            lines.append(tr("Cancelled: the articles not reached are as they were."));
        if (!s.error.isEmpty())
            lines.append(tr("The library could not be read or written: %1").arg(s.error));
        showResult(tr("Re-extraction finished"), lines.join(u'\n'), u"reextractSummary"_s);
        Q_EMIT showArticleRequested(m_controller->currentArticleId());
        updateActions();
    });
    connect(m_controller, &Controller::annotationsImported, this, [this](const AnnotationImportReport &report) {
        Q_EMIT message(report.describe().section(u'\n', 0, 0), 10000);
        showResult(report.errors.isEmpty() ? tr("Annotations imported") : tr("Annotations imported, with errors"),
            report.describe(), u"importAnnotationsResult"_s);
    });
    updateColorTexts();
    updateActions();
}

void AnnotationActions::updateColorTexts()
{
    const QList<AnnotationColor> palette = m_controller->annotationPalette();
    for (int i = 0; i < m_colorActions.size(); ++i) {
        QAction *action = m_colorActions.at(i);
        const QString color = action->data().toString();
        QString meaning;
        for (const AnnotationColor &c : palette) {
            if (c.color == color)
                meaning = c.meaning;
        }
        action->setText(meaning.isEmpty() ? tr("Highlight in %1").arg(colourName(color))
                                          : tr("Highlight as %1 (%2)").arg(meaning, colourName(color)));
        action->setToolTip(withShortcut(action));
        QAction *recolor = m_recolor->actions().value(i);
        if (recolor)
            recolor->setText(meaning.isEmpty() ? colourName(color) : u"%1 (%2)"_s.arg(meaning, colourName(color)));
    }
    for (QAction *action : {m_note, m_tags, m_copyCitation})
        action->setToolTip(withShortcut(action));
}

void AnnotationActions::fillMenu(QMenu *menu)
{
    for (QAction *action : std::as_const(m_colorActions))
        menu->addAction(action);
    menu->addSeparator();
    menu->addAction(m_note);
    menu->addAction(m_tags);
    menu->addAction(m_link);
    menu->addMenu(m_recolor);
    menu->addAction(m_remove);
    menu->addSeparator();
    menu->addAction(m_copyCitation);
    menu->addSeparator();
    menu->addAction(m_pane->editAction());
    menu->addAction(m_pane->removeAction());
    menu->addSeparator();
    menu->addAction(m_meanings);
}

void AnnotationActions::addToContextMenu(QMenu *menu, QAction *before, const QPoint &pos)
{
    QTextBrowser *text = m_reader->textView();
    const auto [start, end] = m_reader->selection();
    const qsizetype clicked = text->cursorForPosition(pos).position();
    const bool onSelection = end > start && clicked >= start && clicked <= end;
    m_menuAnnotation = onSelection ? annotationAtCursor() : annotationAt(clicked);
    if (onSelection) {
        for (QAction *action : std::as_const(m_colorActions))
            menu->insertAction(before, action);
        menu->insertAction(before, m_note);
        menu->insertAction(before, m_tags);
        menu->insertAction(before, m_link);
        menu->insertAction(before, m_copyCitation);
        menu->insertSeparator(before);
    }
    if (m_menuAnnotation && !onSelection) {
        const qint64 id = m_menuAnnotation;
        auto *edit = new QAction(tr("&Edit Annotation…"), menu);
        connect(edit, &QAction::triggered, this,
            [this, id] { AnnotationDialog::editAnnotation(m_controller, id, AnnotationDialog::FocusNote, m_window); });
        auto *tags = new QAction(tr("Edit &Tags…"), menu);
        connect(tags, &QAction::triggered, this,
            [this, id] { AnnotationDialog::editAnnotation(m_controller, id, AnnotationDialog::FocusTags, m_window); });
        auto *link = new QAction(tr("&Link Entity…"), menu);
        connect(link, &QAction::triggered, this, [this, id] {
            AnnotationDialog::editAnnotation(m_controller, id, AnnotationDialog::FocusEntities, m_window);
        });
        menu->insertAction(before, edit);
        menu->insertAction(before, tags);
        menu->insertAction(before, link);
        menu->insertMenu(before, m_recolor);
        menu->insertAction(before, m_remove);
        menu->insertSeparator(before);
    }
    // The menu's lambdas and the shared actions act on this annotation until it closes.
    connect(menu, &QMenu::aboutToHide, this, [this] { QTimer::singleShot(0, this, [this] { m_menuAnnotation = 0; }); });
}

qint64 AnnotationActions::annotationAt(qsizetype position) const
{
    // The innermost (shortest) annotation covering the position.
    qint64 best = 0;
    qsizetype length = 0;
    for (const Annotation &a : m_controller->annotationModel()->annotations()) {
        if (a.orphan || position < a.start || position >= a.end)
            continue;
        if (!best || a.end - a.start < length) {
            best = a.id;
            length = a.end - a.start;
        }
    }
    return best;
}

qint64 AnnotationActions::annotationAtCursor() const
{
    if (!m_controller->currentArticleId() || m_reader->articleId() != m_controller->currentArticleId())
        return 0;
    const auto [start, end] = m_reader->selection();
    if (end > start) {
        // A selection is a new passage, unless it is exactly an annotation's.
        for (const Annotation &a : m_controller->annotationModel()->annotations()) {
            if (!a.orphan && a.start == start && a.end == end)
                return a.id;
        }
        return 0;
    }
    return annotationAt(m_reader->textView()->textCursor().position());
}

bool AnnotationActions::highlight(int index)
{
    const QString color = annotationColors().value(index);
    if (color.isEmpty() || !m_controller->currentArticleId())
        return false;
    const auto [start, end] = m_reader->selection();
    if (const qint64 id = annotationAtCursor()) {
        const auto a = m_controller->annotations()->annotation(id);
        if (!a)
            return false;
        Annotation after = *a;
        after.color = color;
        m_controller->annotations()->change(after, tr("Recolour"));
        return true;
    }
    if (end <= start) {
        Q_EMIT message(tr("Select a passage to highlight it."), 4000);
        return false;
    }
    return m_controller->annotate(start, end, color, QString());
}

void AnnotationActions::annotateWithDialog(int focus)
{
    if (!m_controller->currentArticleId())
        return;
    if (const qint64 id = annotationAtCursor()) {
        AnnotationDialog::editAnnotation(m_controller, id, AnnotationDialog::Focus(focus), m_window);
        return;
    }
    const auto [start, end] = m_reader->selection();
    if (end <= start) {
        Q_EMIT message(tr("Select a passage to annotate it."), 4000);
        return;
    }
    Annotation values;
    values.articleId = m_controller->currentArticleId();
    values.start = start;
    values.end = end;
    values.quote = m_controller->currentText(start, end);
    values.color = annotationColors().constFirst();
    AnnotationDialog dialog(values, m_controller->annotationPalette(), m_controller->linker()->sharedKnowledgeBase(),
        m_controller->entitiesIn(start, end), m_window);
    dialog.setFocusOn(AnnotationDialog::Focus(focus));
    if (dialog.exec() == QDialog::Accepted)
        m_controller->annotate(start, end, dialog.color(), dialog.note(), dialog.tags(), dialog.entityIds());
}

bool AnnotationActions::copyWithCitation()
{
    const auto [start, end] = m_reader->selection();
    const QString plain = m_controller->citation(start, end, false);
    if (plain.isEmpty()) {
        Q_EMIT message(tr("Select a passage to copy it with its citation."), 4000);
        return false;
    }
    auto *data = new QMimeData;
    data->setText(plain);
    data->setHtml(m_controller->citation(start, end, true));
    QGuiApplication::clipboard()->setMimeData(data);
    Q_EMIT message(tr("Copied the passage with its citation."), 4000);
    return true;
}

void AnnotationActions::placeBar()
{
    const auto [start, end] = m_reader->selection();
    QTextBrowser *text = m_reader->textView();
    if (end <= start || !text->isVisible()) {
        m_bar->hide();
        return;
    }
    QTextCursor at(text->document());
    at.setPosition(int(end));
    const QRect endRect = text->cursorRect(at);
    at.setPosition(int(start));
    const QRect startRect = text->cursorRect(at);
    m_bar->adjustSize();
    const QSize size = m_bar->sizeHint();
    const QRect area = text->viewport()->rect();
    // Under the selection's last line; above its first when there is no room below.
    int y = endRect.bottom() + 6;
    if (y + size.height() > area.bottom())
        y = startRect.top() - size.height() - 6;
    if (y < area.top() || endRect.bottom() < area.top() || startRect.top() > area.bottom()) {
        m_bar->hide(); // the selection is scrolled out of sight
        return;
    }
    const int x = std::max(area.left(), std::min(endRect.left() - size.width() / 2, area.right() - size.width() - 4));
    m_bar->setGeometry(QRect(QPoint(x, y), size));
    m_bar->show();
    m_bar->raise();
}

void AnnotationActions::updateActions()
{
    const bool article = m_controller->currentArticleId() != 0;
    const auto [start, end] = m_reader->selection();
    const bool selection = article && end > start;
    const bool atCursor = article && annotationAtCursor() != 0;
    for (QAction *action : std::as_const(m_colorActions))
        action->setEnabled(selection || atCursor);
    m_note->setEnabled(selection || atCursor);
    m_note->setText(atCursor ? tr("Edit &Note…") : tr("Highlight with &Note…"));
    m_tags->setEnabled(selection || atCursor);
    m_link->setEnabled(selection || atCursor);
    m_recolor->setEnabled(atCursor || m_menuAnnotation);
    m_remove->setEnabled(atCursor || m_menuAnnotation);
    m_copyCitation->setEnabled(selection);
    m_reextract->setEnabled(!m_controller->isReextracting());
}

void AnnotationActions::reveal(qint64 articleId, qint64 annotationId, qsizetype start, qsizetype end, bool orphan)
{
    Q_UNUSED(annotationId);
    if (!articleId)
        return;
    if (articleId != m_controller->currentArticleId())
        Q_EMIT showArticleRequested(articleId);
    if (m_controller->currentArticleId() != articleId)
        return; // the article could not be read
    if (orphan) {
        Q_EMIT message(tr("This annotation is an orphan: the article’s text changed and its passage was not "
                          "found again. Its quote and note are kept in the list."),
            8000);
        return;
    }
    m_reader->selectRange(start, end);
}

void AnnotationActions::exportTo(const QString &path, AnnotationFormat format, Scope scope)
{
    QList<qint64> ids;
    switch (scope) {
    case Scope::CurrentArticle:
        if (!m_controller->currentArticleId()) {
            Q_EMIT message(tr("No article is open to export the annotations of."), 5000);
            return;
        }
        ids = {m_controller->currentArticleId()};
        break;
    case Scope::ListedArticles:
        ids = m_controller->listedArticleIds();
        if (ids.isEmpty()) {
            Q_EMIT message(tr("The list shows no article to export the annotations of."), 5000);
            return;
        }
        break;
    case Scope::WholeLibrary:
        break;
    }
    m_controller->exportAnnotations(path, format, ids);
}

void AnnotationActions::chooseAndExport()
{
    QDialog dialog(m_window);
    dialog.setObjectName(u"exportAnnotationsDialog"_s);
    dialog.setWindowTitle(tr("Export Annotations"));
    auto *format = new QComboBox(&dialog);
    format->addItem(
        tr("W3C Web Annotation (JSON-LD): for other tools, and to import back"), int(AnnotationFormat::JsonLd));
    format->addItem(
        tr("Markdown dossier: quotes with notes and citations, by article"), int(AnnotationFormat::Markdown));
    format->addItem(tr("CSV: a row per annotation, for a spreadsheet"), int(AnnotationFormat::Csv));
    format->setCurrentIndex(QSettings().value(u"export/format"_s, 1).toInt());
    auto *article = new QRadioButton(tr("The article in the reader"), &dialog);
    auto *listed
        = new QRadioButton(tr("The articles in the list (%1)").arg(m_controller->listedArticleIds().size()), &dialog);
    auto *everything = new QRadioButton(tr("The whole library"), &dialog);
    article->setEnabled(m_controller->currentArticleId() != 0);
    (m_controller->currentArticleId() ? article : everything)->setChecked(true);
    auto *scopes = new QVBoxLayout;
    scopes->addWidget(article);
    scopes->addWidget(listed);
    scopes->addWidget(everything);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export…"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("&Format:"), format);
    form->addRow(tr("Annotations of:"), scopes);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto chosen = AnnotationFormat(format->currentData().toInt());
    QSettings().setValue(u"export/format"_s, format->currentIndex());
    const Scope scope = article->isChecked() ? Scope::CurrentArticle
        : listed->isChecked()                ? Scope::ListedArticles
                                             : Scope::WholeLibrary;
    const QString suffix = chosen == AnnotationFormat::JsonLd ? u"jsonld"_s
        : chosen == AnnotationFormat::Csv                     ? u"csv"_s
                                                              : u"md"_s;
    const QString filter = chosen == AnnotationFormat::JsonLd ? tr("Web Annotation JSON-LD (*.jsonld *.json)")
        : chosen == AnnotationFormat::Csv                     ? tr("CSV (*.csv)")
                                                              : tr("Markdown (*.md)");
    const QString folder = QSettings().value(u"export/lastFolder"_s, documentsFolder()).toString();
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export Annotations"), QDir(folder).filePath(tr("annotations.%1").arg(suffix)), filter);
    if (path.isEmpty())
        return;
    QSettings().setValue(u"export/lastFolder"_s, QFileInfo(path).absolutePath());
    exportTo(path, chosen, scope);
}

void AnnotationActions::chooseAndImport()
{
    const QString folder = QSettings().value(u"export/lastFolder"_s, documentsFolder()).toString();
    const QStringList files = QFileDialog::getOpenFileNames(
        m_window, tr("Import Annotations"), folder, tr("Web Annotation JSON-LD (*.jsonld *.json);;All files (*)"));
    if (files.isEmpty())
        return;
    QSettings().setValue(u"export/lastFolder"_s, QFileInfo(files.first()).absolutePath());
    Q_EMIT message(tr("Importing annotations…"), 0);
    m_controller->importAnnotations(files);
}

void AnnotationActions::confirmAndReextract()
{
    const auto answer = QMessageBox::question(m_window, tr("Re-extract the Library"),
        tr("Parse every article again from the original file the library keeps, with this version's extractor "
           "and knowledge base?\n\nEach annotation is placed again on its words; one that cannot be found is kept "
           "with its note and listed as an orphan, never dropped. It runs in the background; Cancel in the status "
           "bar stops it, and what is done stays."),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) {
        m_controller->reextractLibrary();
        updateActions();
    }
}

void AnnotationActions::nameColors()
{
    QDialog dialog(m_window);
    dialog.setObjectName(u"colorMeaningsDialog"_s);
    dialog.setWindowTitle(tr("Name the Colours"));
    auto *form = new QFormLayout(&dialog);
    auto *intro = new QLabel(tr("What each highlight colour means to you: the menus, the bar beside a selection "
                                "and the annotations panel show it."),
        &dialog);
    intro->setWordWrap(true);
    form->addRow(intro);
    QList<std::tuple<QString, QString, QLineEdit *>> fields;
    for (const AnnotationColor &c : m_controller->annotationPalette()) {
        auto *field = new QLineEdit(c.meaning, &dialog);
        field->setObjectName(u"meaning-"_s + c.color);
        field->setPlaceholderText(tr("e.g. claim, quote, figure, follow up"));
        auto *label = new QLabel(&dialog);
        label->setPixmap(swatch(c.color).pixmap(14, 14));
        auto *name = new QWidget(&dialog);
        auto *row = new QHBoxLayout(name);
        row->setContentsMargins(0, 0, 0, 0);
        row->addWidget(label);
        row->addWidget(new QLabel(colourName(c.color), name));
        form->addRow(name, field);
        fields.append({c.color, c.meaning, field});
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    for (const auto &[color, meaning, field] : std::as_const(fields)) {
        if (field->text().simplified() != meaning)
            m_controller->setColorMeaning(color, field->text());
    }
}

void AnnotationActions::showResult(const QString &title, const QString &text, const QString &objectName)
{
    // Not modal: the journalist reads it while working on.
    if (auto *old = m_window->findChild<QMessageBox *>(objectName))
        old->close();
    auto *box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, m_window);
    box->setObjectName(objectName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    box->show();
}

} // namespace Lede
