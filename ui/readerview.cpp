// SPDX-License-Identifier: MIT
#include "readerview.h"

#include "kindstyle.h"
#include "models/annotationmodel.h"
#include "syntaxrepository.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSettings>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextFrame>
#include <QTextList>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {
const QString entityScheme = u"lede-entity"_s;
}

ReaderView::ReaderView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_text(new QTextBrowser(this))
    , m_source(new QPlainTextEdit(this))
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(m_source->document()))
    , m_findBar(new QWidget(this))
    , m_findField(new QLineEdit(m_findBar))
    , m_findCount(new QLabel(m_findBar))
{
    setObjectName(u"reader"_s);
    m_title->setObjectName(u"readerTitle"_s);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_meta->setObjectName(u"readerMeta"_s);
    m_meta->setWordWrap(true);
    m_meta->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_meta->setOpenExternalLinks(false); // a click asks first (linkActivated)
    connect(m_meta, &QLabel::linkActivated, this, [this](const QString &link) { Q_EMIT linkActivated(QUrl(link)); });
    connect(m_meta, &QLabel::linkHovered, this, [this](const QString &link) { Q_EMIT linkHovered(QUrl(link)); });
    QPalette metaPalette = m_meta->palette();
    metaPalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_meta->setPalette(metaPalette);

    m_text->setObjectName(u"readerText"_s);
    m_text->setOpenLinks(false);
    m_text->setOpenExternalLinks(false);
    m_text->setFrameShape(QFrame::NoFrame);
    m_text->document()->setDocumentMargin(12);
    m_basePointSize = m_text->font().pointSizeF() * 1.15;
    m_zoomSteps = QSettings().value(u"reader/zoom"_s, 0).toInt();
    m_text->viewport()->installEventFilter(this);
    m_text->setPlaceholderText(tr("Select an article in the list to read it here."));
    // Read-only, but a passage can be selected from the keyboard (Shift+arrows) to annotate it;
    // Tab moves on to the next pane instead of stepping through every mention.
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard
        | Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_text->setTabChangesFocus(true);

    m_source->setObjectName(u"readerSource"_s);
    m_source->setReadOnly(true);
    m_source->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_source->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_highlighter->setTheme(themeFor(palette()));

    // Find in the article: a bar under the text, Esc closes it.
    m_findBar->setObjectName(u"findBar"_s);
    m_findField->setObjectName(u"findField"_s);
    m_findField->setPlaceholderText(tr("Find in the article"));
    m_findField->setClearButtonEnabled(true);
    m_findField->installEventFilter(this);
    m_findCount->setObjectName(u"findCount"_s);
    auto *previous = new QToolButton(m_findBar);
    previous->setText(u"▲"_s);
    previous->setToolTip(tr("Previous (Shift+Return)"));
    auto *next = new QToolButton(m_findBar);
    next->setText(u"▼"_s);
    next->setToolTip(tr("Next (Return)"));
    auto *close = new QToolButton(m_findBar);
    close->setText(u"✕"_s);
    close->setToolTip(tr("Close (Esc)"));
    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(0, 2, 0, 2);
    findLayout->addWidget(m_findField, 1);
    findLayout->addWidget(m_findCount);
    findLayout->addWidget(previous);
    findLayout->addWidget(next);
    findLayout->addWidget(close);
    m_findBar->setVisible(false);
    connect(m_findField, &QLineEdit::textChanged, this, [this] {
        updateFindHits();
        findNext();
    });
    connect(previous, &QToolButton::clicked, this, [this] { findNext(true); });
    connect(next, &QToolButton::clicked, this, [this] { findNext(false); });
    connect(close, &QToolButton::clicked, this, [this] {
        m_findBar->setVisible(false);
        updateFindHits(); // the search's hits again
        m_text->setFocus();
    });

    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_text, tr("Article"));
    m_tabs->addTab(m_source, tr("Source"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1)
            requestSource();
        Q_EMIT sourceTabShown(index == 1);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 6, 0);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_meta);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_findBar);

    connect(m_text, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == entityScheme)
            Q_EMIT entityActivated(url.path());
        else
            Q_EMIT linkActivated(url);
    });
    connect(m_text, &QTextBrowser::copyAvailable, this, &ReaderView::selectionChanged);
    applyZoom();
    clear();
}

ReaderView::~ReaderView() = default;

void ReaderView::clear()
{
    m_articleId = 0;
    m_article = {};
    m_annotations.clear();
    m_searchHits.clear();
    m_hits.clear();
    m_title->clear();
    m_meta->clear();
    setDocumentText(QString());
    m_source->clear();
    m_sourceOf = 0;
    m_title->setVisible(false);
    m_meta->setVisible(false);
}

void ReaderView::showArticle(qint64 id, const Article &article, const QList<Annotation> &annotations)
{
    m_articleId = id;
    m_article = article;
    m_annotations = annotations;
    m_title->setText(article.title.isEmpty() ? QFileInfo(article.sourcePath).fileName() : article.title);
    m_title->setVisible(true);

    QStringList meta;
    if (!article.byline.isEmpty())
        meta.append(tr("By %1").arg(article.byline.toHtmlEscaped()));
    if (article.published.isValid()) {
        const QLocale locale;
        QString when = locale.toString(article.published.date(), QLocale::LongFormat);
        if (article.publishedHasTime) {
            when += u", "_s + locale.toString(article.published.time(), QLocale::ShortFormat);
            if (article.published.timeRepresentation().timeSpec() != Qt::LocalTime)
                when += u" "_s + article.published.timeZoneAbbreviation();
        }
        meta.append(when);
    }
    if (!article.outlet.isEmpty())
        meta.append(article.outlet.toHtmlEscaped());
    if (!article.url.isEmpty())
        meta.append(
            u"<a href=\"%1\">%2</a>"_s.arg(article.url.toHtmlEscaped(), QUrl(article.url).host().toHtmlEscaped()));
    m_meta->setText(meta.join(u"  ·  "_s));
    m_meta->setVisible(!meta.isEmpty());

    // Plain text in, formats on top: the document's text stays the canonical text.
    setDocumentText(article.text);
    applyFormats();
    m_searchHits.clear(); // the search's hits in this article come with setSearchHits()
    updateFindHits();
    m_text->verticalScrollBar()->setValue(0);
    m_source->clear();
    m_sourceOf = 0;
    if (m_tabs->currentIndex() == 1)
        requestSource();
}

void ReaderView::setAnnotations(const QList<Annotation> &annotations)
{
    m_annotations = annotations;
    const int scroll = m_text->verticalScrollBar()->value();
    const int anchor = m_text->textCursor().anchor();
    const int position = m_text->textCursor().position();
    setDocumentText(m_article.text);
    applyFormats();
    QTextCursor keep(m_text->document());
    keep.setPosition(anchor);
    keep.setPosition(position, QTextCursor::KeepAnchor);
    m_text->setTextCursor(keep);
    m_text->verticalScrollBar()->setValue(scroll);
}

void ReaderView::setDocumentText(const QString &text)
{
    // Straight into the document, with a plain cursor: QTextEdit::setPlainText() would give the new
    // text the character format under the old cursor (a mention's colour and tooltip, a highlight)
    // and flood every article shown afterwards with it.
    m_text->setTextCursor(QTextCursor(m_text->document()));
    m_text->document()->setPlainText(text);
    m_text->setCurrentCharFormat(QTextCharFormat());
    fitLineLength();
}

void ReaderView::applyFormats()
{
    QTextDocument *doc = m_text->document();
    QTextCursor cursor(doc);
    cursor.beginEditBlock();
    // Paragraph kinds: headings larger and bold, quotes indented and italic, list items bulleted.
    const auto ranges = Article::paragraphRanges(m_article.text);
    for (qsizetype i = 0; i < ranges.size() && i < m_article.blocks.size(); ++i) {
        const TextBlock kind = m_article.blocks.at(i);
        if (kind.kind == TextBlock::Paragraph)
            continue;
        QTextBlock block = doc->findBlock(int(ranges.at(i).first));
        QTextCursor c(block);
        QTextBlockFormat bf = block.blockFormat();
        QTextCharFormat cf;
        switch (kind.kind) {
        case TextBlock::Heading:
            cf.setFontWeight(QFont::Bold);
            cf.setFontPointSize(m_text->font().pointSizeF() * (kind.level <= 1 ? 1.3 : 1.15));
            break;
        case TextBlock::Quote:
            bf.setLeftMargin(24);
            cf.setFontItalic(true);
            break;
        case TextBlock::ListItem: {
            // A list format draws the bullet outside the text, so the document's text is unchanged.
            QTextListFormat lf;
            lf.setStyle(kind.level % 2 ? QTextListFormat::ListCircle : QTextListFormat::ListDisc);
            lf.setIndent(1 + kind.level);
            c.createList(lf);
            bf = c.blockFormat();
            break;
        }
        case TextBlock::Preformatted:
            cf.setFontFixedPitch(true);
            cf.setFontFamilies({QFontDatabase::systemFont(QFontDatabase::FixedFont).family()});
            break;
        case TextBlock::Paragraph:
            break;
        }
        c.setBlockFormat(bf);
        c.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        c.mergeCharFormat(cf);
    }
    const int length = doc->characterCount() - 1;
    for (const EntityMention &m : std::as_const(m_article.entities)) {
        if (m.end > length)
            continue;
        const auto kind = kindOfId(m.entityId).value_or(EntityKind::Company);
        const KindStyle style = kindStyle(kind, palette());
        QTextCharFormat f;
        f.setAnchor(true);
        f.setAnchorHref(entityScheme + u':' + m.entityId);
        if (m_mentionsShown) {
            f.setForeground(style.text);
            f.setBackground(style.background);
        }
        f.setToolTip(mentionTip(m));
        QTextCursor c(doc);
        c.setPosition(int(m.start));
        c.setPosition(int(m.end), QTextCursor::KeepAnchor);
        c.mergeCharFormat(f);
    }
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    for (const Annotation &a : std::as_const(m_annotations)) {
        if (a.orphan || a.end > length)
            continue;
        QTextCharFormat f;
        const QColor colour = AnnotationModel::colorFor(a.color);
        if (dark) {
            // On a dark page a pale highlight under light text is unreadable: the colour is laid
            // over the page thinly, and the underline carries it in full.
            QColor thin = colour;
            thin.setAlphaF(0.35);
            f.setBackground(thin);
            f.setUnderlineColor(colour);
        } else {
            f.setBackground(colour);
            f.setUnderlineColor(colour.darker(160));
        }
        f.setUnderlineStyle(QTextCharFormat::SingleUnderline);
        if (!a.note.isEmpty())
            f.setToolTip(a.note);
        QTextCursor c(doc);
        c.setPosition(int(a.start));
        c.setPosition(int(a.end), QTextCursor::KeepAnchor);
        c.mergeCharFormat(f);
    }
    cursor.endEditBlock();
}

QString ReaderView::mentionTip(const EntityMention &m) const
{
    const Entity *e = m_kb ? m_kb->entity(m.entityId) : nullptr;
    if (!e)
        return m.entityId;
    // Kind, canonical name and one line that places it: who makes it, where it is, what it is part of.
    QString line;
    const auto nameOf = [this](const QString &id) {
        const Entity *other = m_kb->entity(id);
        return other ? other->name : id;
    };
    const QList<std::pair<QString, QString>> placing = {{u"maker"_s, tr("made by %1")}, {u"parent"_s, tr("part of %1")},
        {u"part_of"_s, tr("in %1")}, {u"hq"_s, tr("based in %1")}};
    for (const auto &[key, label] : placing) {
        const QString value = e->value(key);
        if (!value.isEmpty()) {
            line = label.arg(nameOf(value));
            break;
        }
    }
    const QString head = u"<b>%1</b> · %2"_s.arg(e->name.toHtmlEscaped(), kindTitle(e->kind).toHtmlEscaped());
    return line.isEmpty() ? head : head + u"<br>"_s + line.toHtmlEscaped();
}

void ReaderView::zoomBy(int steps)
{
    m_zoomSteps = std::clamp(m_zoomSteps + steps, -5, 10);
    QSettings().setValue(u"reader/zoom"_s, m_zoomSteps);
    applyZoom();
}

void ReaderView::resetZoom()
{
    m_zoomSteps = 0;
    QSettings().setValue(u"reader/zoom"_s, 0);
    applyZoom();
}

void ReaderView::applyZoom()
{
    QFont body = m_text->font();
    body.setPointSizeF(m_basePointSize * (1.0 + 0.1 * m_zoomSteps));
    m_text->setFont(body);
    m_text->document()->setDefaultFont(body);
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    fixed.setPointSizeF(fixed.pointSizeF() * (1.0 + 0.1 * m_zoomSteps));
    m_source->setFont(fixed);
    if (m_articleId)
        setAnnotations(m_annotations); // formats again: headings scale with the body
    fitLineLength();
}

void ReaderView::fitLineLength()
{
    // About 75 characters a line, centred: long lines are hard to follow.
    constexpr int charactersPerLine = 75;
    constexpr int margin = 12;
    const int widest = QFontMetrics(m_text->font()).averageCharWidth() * charactersPerLine;
    const int side = std::max(margin, (m_text->viewport()->width() - widest) / 2);
    QTextFrameFormat root = m_text->document()->rootFrame()->frameFormat();
    if (int(root.leftMargin()) == side && int(root.rightMargin()) == side)
        return;
    root.setLeftMargin(side);
    root.setRightMargin(side);
    m_text->document()->rootFrame()->setFrameFormat(root);
}

void ReaderView::setMentionsShown(bool shown)
{
    if (shown == m_mentionsShown)
        return;
    m_mentionsShown = shown;
    if (m_articleId)
        setAnnotations(m_annotations); // redraws with the same cursor and scroll
}

QList<std::pair<qsizetype, qsizetype>> ReaderView::findAll(const QString &text) const
{
    QList<std::pair<qsizetype, qsizetype>> out;
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return out;
    const QString &hay = m_article.text;
    for (qsizetype at = hay.indexOf(needle, 0, Qt::CaseInsensitive); at >= 0;
         at = hay.indexOf(needle, at + needle.size(), Qt::CaseInsensitive))
        out.append({at, at + needle.size()});
    return out;
}

void ReaderView::startFind()
{
    m_tabs->setCurrentIndex(0);
    const auto [start, end] = selection();
    if (end > start && end - start <= 80)
        m_findField->setText(m_article.text.mid(start, end - start));
    m_findBar->setVisible(true);
    m_findField->setFocus();
    m_findField->selectAll();
    updateFindHits();
}

void ReaderView::updateFindHits()
{
    const bool finding = m_findBar->isVisible() && !m_findField->text().trimmed().isEmpty();
    m_hits = finding ? findAll(m_findField->text()) : m_searchHits;
    QList<QTextEdit::ExtraSelection> marks;
    for (const auto &[start, end] : std::as_const(m_hits)) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(m_text->document());
        mark.cursor.setPosition(int(start));
        mark.cursor.setPosition(int(end), QTextCursor::KeepAnchor);
        if (finding) {
            mark.format.setBackground(palette().color(QPalette::Highlight).lighter(160));
        } else {
            // The search's words: a translucent amber that reads on light and dark pages, with an
            // underline so they stay visible over an annotation's colour.
            mark.format.setBackground(QColor(255, 176, 0, isDarkPalette(palette()) ? 110 : 90));
            mark.format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
            mark.format.setUnderlineColor(QColor(230, 140, 0));
        }
        marks.append(mark);
    }
    m_text->setExtraSelections(marks); // drawn over the text; the document is left as it is
    if (m_findField->text().trimmed().isEmpty())
        m_findCount->clear();
    else if (m_hits.isEmpty())
        m_findCount->setText(tr("no match"));
}

void ReaderView::setSearchHits(const QList<std::pair<qsizetype, qsizetype>> &hits)
{
    const qsizetype size = m_article.text.size();
    m_searchHits.clear();
    for (const auto &[start, end] : hits) {
        if (start >= 0 && end > start && end <= size)
            m_searchHits.append({start, end});
    }
    updateFindHits();
}

bool ReaderView::findNext(bool backwards)
{
    if (m_hits.isEmpty())
        return false;
    const qsizetype from = m_text->textCursor().selectionStart();
    qsizetype index = -1;
    if (!backwards) {
        const auto [selStart, selEnd] = selection();
        for (qsizetype i = 0; i < m_hits.size() && index < 0; ++i) {
            if (m_hits.at(i).first > from || (m_hits.at(i).first == from && selEnd <= selStart))
                index = i;
        }
        if (index < 0)
            index = 0; // wrap to the first
    } else {
        for (qsizetype i = m_hits.size() - 1; i >= 0 && index < 0; --i) {
            if (m_hits.at(i).first < from)
                index = i;
        }
        if (index < 0)
            index = m_hits.size() - 1;
    }
    selectRange(m_hits.at(index).first, m_hits.at(index).second);
    m_findCount->setText(tr("%1 of %2").arg(index + 1).arg(m_hits.size()));
    return true;
}

bool ReaderView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_text->viewport() && event->type() == QEvent::Resize)
        fitLineLength();
    if (watched == m_findField && event->type() == QEvent::ShortcutOverride) {
        // Esc and Return belong to the find field while it has the focus, not to window shortcuts.
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Escape || key == Qt::Key_Return || key == Qt::Key_Enter) {
            event->accept();
            return true;
        }
    }
    if (watched == m_findField && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            findNext(key->modifiers() & Qt::ShiftModifier);
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            m_findBar->setVisible(false);
            updateFindHits(); // the search's hits again
            m_text->setFocus();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ReaderView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        // Light or dark, as the system says: mention tints and the source theme follow.
        m_highlighter->setTheme(themeFor(palette()));
        m_highlighter->rehighlight();
        if (m_articleId)
            setAnnotations(m_annotations);
    }
}

void ReaderView::showSourceTab(bool source)
{
    m_tabs->setCurrentIndex(source ? 1 : 0);
}

void ReaderView::requestSource()
{
    if (!m_articleId || m_sourceOf == m_articleId)
        return;
    m_source->setPlainText(tr("Reading the saved file…"));
    Q_EMIT sourceRequested(m_articleId);
}

void ReaderView::setSourceText(qint64 articleId, const QString &text)
{
    if (articleId != m_articleId)
        return; // another article is shown by now
    m_sourceOf = articleId;
    m_highlighter->setDefinition(syntaxRepository().definitionForFileName(m_article.sourcePath));
    if (!m_highlighter->definition().isValid()) {
        const QString name = m_article.format == SourceFormat::Markdown                         ? u"Markdown"_s
            : m_article.format == SourceFormat::Html                                            ? u"HTML"_s
            : m_article.format == SourceFormat::JsonFeed                                        ? u"JSON"_s
            : (m_article.format == SourceFormat::Rss || m_article.format == SourceFormat::Atom) ? u"XML"_s
                                                                                                : QString();
        m_highlighter->setDefinition(syntaxRepository().definitionForName(name));
    }
    m_source->setPlainText(text);
}

std::pair<qsizetype, qsizetype> ReaderView::selection() const
{
    const QTextCursor c = m_text->textCursor();
    if (!c.hasSelection())
        return {0, 0};
    return {c.selectionStart(), c.selectionEnd()};
}

void ReaderView::selectRange(qsizetype start, qsizetype end)
{
    m_tabs->setCurrentIndex(0);
    QTextCursor c(m_text->document());
    c.setPosition(int(start));
    c.setPosition(int(end), QTextCursor::KeepAnchor);
    m_text->setTextCursor(c);
    m_text->ensureCursorVisible();
}

} // namespace Lede
