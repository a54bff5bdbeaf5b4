// SPDX-License-Identifier: MIT
#include "readerview.h"

#include "kindstyle.h"
#include "models/annotationmodel.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextList>
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
    , m_repository(std::make_unique<KSyntaxHighlighting::Repository>())
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(m_source->document()))
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
    m_meta->setOpenExternalLinks(true);
    QPalette metaPalette = m_meta->palette();
    metaPalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_meta->setPalette(metaPalette);

    m_text->setObjectName(u"readerText"_s);
    m_text->setOpenLinks(false);
    m_text->setOpenExternalLinks(false);
    m_text->setFrameShape(QFrame::NoFrame);
    m_text->document()->setDocumentMargin(12);
    QFont body = m_text->font();
    body.setPointSizeF(body.pointSizeF() * 1.15);
    m_text->setFont(body);
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
    m_highlighter->setTheme(m_repository->defaultTheme(KSyntaxHighlighting::Repository::LightTheme));

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

    connect(m_text, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == entityScheme)
            Q_EMIT entityActivated(url.path());
    });
    connect(m_text, &QTextBrowser::copyAvailable, this, &ReaderView::selectionChanged);
    clear();
}

ReaderView::~ReaderView() = default;

void ReaderView::clear()
{
    m_articleId = 0;
    m_article = {};
    m_annotations.clear();
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
        const KindStyle style = kindStyle(kind);
        QTextCharFormat f;
        f.setAnchor(true);
        f.setAnchorHref(entityScheme + u':' + m.entityId);
        f.setForeground(style.text);
        f.setBackground(style.background);
        const Entity *e = m_kb ? m_kb->entity(m.entityId) : nullptr;
        f.setToolTip(e ? u"%1 (%2)"_s.arg(e->name, kindTitle(e->kind)) : m.entityId);
        QTextCursor c(doc);
        c.setPosition(int(m.start));
        c.setPosition(int(m.end), QTextCursor::KeepAnchor);
        c.mergeCharFormat(f);
    }
    for (const Annotation &a : std::as_const(m_annotations)) {
        if (a.end > length)
            continue;
        QTextCharFormat f;
        f.setBackground(AnnotationModel::colorFor(a.color));
        f.setUnderlineStyle(QTextCharFormat::SingleUnderline);
        f.setUnderlineColor(AnnotationModel::colorFor(a.color).darker(160));
        if (!a.note.isEmpty())
            f.setToolTip(a.note);
        QTextCursor c(doc);
        c.setPosition(int(a.start));
        c.setPosition(int(a.end), QTextCursor::KeepAnchor);
        c.mergeCharFormat(f);
    }
    cursor.endEditBlock();
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
    m_highlighter->setDefinition(m_repository->definitionForFileName(m_article.sourcePath));
    if (!m_highlighter->definition().isValid()) {
        const QString name = m_article.format == SourceFormat::Markdown                         ? u"Markdown"_s
            : m_article.format == SourceFormat::Html                                            ? u"HTML"_s
            : m_article.format == SourceFormat::JsonFeed                                        ? u"JSON"_s
            : (m_article.format == SourceFormat::Rss || m_article.format == SourceFormat::Atom) ? u"XML"_s
                                                                                                : QString();
        m_highlighter->setDefinition(m_repository->definitionForName(name));
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
