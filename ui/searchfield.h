// SPDX-License-Identifier: MIT
#pragma once

#include "query/ast.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTimer;

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

namespace Lede {

/// The search field above the article list: one line of the query language, coloured as it is
/// typed by the "Lede Query" syntax definition (resources/query/lede-query.xml) in a theme that
/// follows the palette. A mistake is underlined where it is, with a short line saying what is
/// wrong below the field. Typing asks for a search once the keys pause (queryEdited); Esc clears
/// the field, Return searches at once.
class SearchField : public QWidget
{
    Q_OBJECT
public:
    explicit SearchField(QWidget *parent = nullptr);

    QString text() const;
    /// Shows a query written elsewhere (a sidebar click, the histogram), keeping the cursor at
    /// the end; emits nothing.
    void setText(const QString &text);
    /// Marks the mistakes of the query shown (offsets into text()); empty clears the marks.
    void setErrors(const QList<Query::Error> &errors);
    /// Puts the keyboard focus in the field with its text selected.
    void focusField();

    QPlainTextEdit *editor() const { return m_edit; }
    QLabel *messageLabel() const { return m_message; }
    /// How long typing must pause before queryEdited() (ms).
    static constexpr int pauseMs = 180;

Q_SIGNALS:
    /// The journalist changed the query (after a pause in typing, or at once for Return and Esc).
    void queryEdited(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void fitHeight();
    void elidePlaceholder();
    void emitNow();
    QPlainTextEdit *m_edit;
    QLabel *m_message;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    QTimer *m_pause;
    bool m_settingText = false;
    QString m_placeholder; // in full; shown cut to the field's width
};

} // namespace Lede
