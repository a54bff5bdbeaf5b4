// SPDX-License-Identifier: MIT
#include "searchfield.h"

#include "syntaxrepository.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

QColor errorColor(const QPalette &palette)
{
    return isDarkPalette(palette) ? QColor(255, 128, 120) : QColor(190, 30, 30);
}

} // namespace

SearchField::SearchField(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QPlainTextEdit(this))
    , m_message(new QLabel(this))
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(m_edit->document()))
    , m_pause(new QTimer(this))
{
    setObjectName(u"searchField"_s);
    m_edit->setObjectName(u"searchEditor"_s);
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_edit->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_edit->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_edit->setTabChangesFocus(true);
    // QPlainTextEdit wraps its placeholder, and the field is one line high: it is cut to the width
    // instead (elidePlaceholder()), so no second line peeks out half-drawn.
    m_placeholder = tr("Search: words, \"a phrase\", licen*, company:nvidia, -region:china, since:2025-04");
    m_edit->setPlaceholderText(m_placeholder);
    m_edit->setToolTip(tr("<p>Words and \"phrases\" in the headline and text; AND, OR, NOT (or -word) and "
                          "brackets; <code>company:</code>, <code>chip:</code>, <code>region:</code>, "
                          "<code>organisation:</code>, <code>outlet:</code>, <code>since:</code>, "
                          "<code>until:</code>, <code>has:annotation</code>, <code>tag:</code>, "
                          "<code>color:</code>, <code>title:</code>.</p><p>Ctrl+K to come here, Esc to "
                          "clear.</p>"));
    m_edit->installEventFilter(this);
    m_edit->viewport()->installEventFilter(this);
    m_highlighter->setDefinition(syntaxRepository().definitionForName(u"Lede Query"_s));
    m_highlighter->setTheme(themeFor(palette()));

    m_message->setObjectName(u"searchMessage"_s);
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    m_message->setContentsMargins(2, 0, 2, 2);

    m_pause->setSingleShot(true);
    m_pause->setInterval(pauseMs);
    connect(m_pause, &QTimer::timeout, this, &SearchField::emitNow);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        if (m_settingText)
            return;
        // One line: a pasted line break becomes a space.
        const QString text = m_edit->toPlainText();
        if (text.contains(u'\n')) {
            QString flat = text;
            flat.replace(u'\n', u' ');
            setText(flat);
        }
        m_edit->setExtraSelections({}); // the marks were for the text before
        m_pause->start();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit);
    layout->addWidget(m_message);
    fitHeight();
}

QString SearchField::text() const
{
    return m_edit->toPlainText();
}

void SearchField::setText(const QString &text)
{
    if (text == m_edit->toPlainText())
        return;
    m_settingText = true;
    m_edit->setPlainText(text);
    m_edit->moveCursor(QTextCursor::End);
    m_settingText = false;
    m_pause->stop();
}

void SearchField::focusField()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void SearchField::emitNow()
{
    m_pause->stop();
    Q_EMIT queryEdited(text());
}

void SearchField::setErrors(const QList<Query::Error> &errors)
{
    QList<QTextEdit::ExtraSelection> marks;
    const qsizetype size = text().size();
    for (const Query::Error &e : errors) {
        qsizetype start = std::clamp<qsizetype>(e.range.start, 0, size);
        qsizetype end = std::clamp<qsizetype>(e.range.end, start, size);
        if (end == start) { // a place, not a stretch: mark the character before it
            if (start == 0 && size == 0)
                continue;
            start = start > 0 ? start - 1 : 0;
            end = start + 1;
        }
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(m_edit->document());
        mark.cursor.setPosition(int(start));
        mark.cursor.setPosition(int(end), QTextCursor::KeepAnchor);
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(errorColor(palette()));
        QColor tint = errorColor(palette());
        tint.setAlpha(40);
        mark.format.setBackground(tint);
        mark.format.setToolTip(e.message);
        marks.append(mark);
    }
    m_edit->setExtraSelections(marks);
    if (errors.isEmpty()) {
        m_message->clear();
        m_message->setVisible(false);
        return;
    }
    QPalette p = m_message->palette();
    p.setColor(QPalette::WindowText, errorColor(palette()));
    m_message->setPalette(p);
    // The first mistake, in words; the others are underlined too.
    const Query::Error &first = errors.first();
    QString message = first.message;
    if (!message.isEmpty())
        message[0] = message[0].toUpper();
    m_message->setText(errors.size() == 1 ? message : tr("%1 (and %2 more)").arg(message).arg(errors.size() - 1));
    m_message->setVisible(true);
}

void SearchField::fitHeight()
{
    const int line = m_edit->fontMetrics().lineSpacing();
    const int margin = int(m_edit->document()->documentMargin());
    m_edit->setFixedHeight(line + 2 * margin + 2 * m_edit->frameWidth());
}

bool SearchField::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::ShortcutOverride) {
        // Esc clears the field (and only then the window's filters); Return is the field's.
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Escape && !text().isEmpty()) || key == Qt::Key_Return || key == Qt::Key_Enter) {
            event->accept();
            return true;
        }
    }
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            emitNow();
            return true;
        }
        if (key == Qt::Key_Escape && !text().isEmpty()) {
            m_settingText = true;
            m_edit->clear();
            m_settingText = false;
            setErrors({});
            emitNow();
            return true;
        }
    }
    if (watched == m_edit->viewport() && event->type() == QEvent::Resize)
        QTimer::singleShot(0, this, &SearchField::elidePlaceholder); // once the viewport has its new size
    return QWidget::eventFilter(watched, event);
}

void SearchField::elidePlaceholder()
{
    const int margin = int(m_edit->document()->documentMargin());
    const int width = m_edit->viewport()->width() - 2 * margin - 2;
    m_edit->setPlaceholderText(m_edit->fontMetrics().elidedText(m_placeholder, Qt::ElideRight, std::max(0, width)));
}

void SearchField::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setTheme(themeFor(palette()));
        m_highlighter->rehighlight();
    } else if (event->type() == QEvent::FontChange) {
        fitHeight();
        elidePlaceholder();
    }
}

} // namespace Lede
