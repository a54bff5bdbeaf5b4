// SPDX-License-Identifier: MIT
#include "annotationdialog.h"

#include "models/annotationmodel.h"
#include "store/library.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

namespace Lede {

using namespace Qt::StringLiterals;

AnnotationDialog::AnnotationDialog(const QString &passage, const QString &color, const QString &note, QWidget *parent)
    : QDialog(parent), m_color(new QComboBox(this)), m_note(new QPlainTextEdit(this))
{
    setObjectName(u"annotationDialog"_s);
    setWindowTitle(tr("Annotate Passage"));
    auto *quote = new QLabel(this);
    QString shown = passage.simplified();
    if (shown.size() > 400)
        shown = shown.left(397) + u"…"_s;
    quote->setText(u"“%1”"_s.arg(shown));
    quote->setWordWrap(true);
    quote->setStyleSheet(u"font-style: italic;"_s);

    const QStringList names = {tr("Yellow"), tr("Green"), tr("Blue"), tr("Pink"), tr("Orange")};
    const QStringList colors = annotationColors();
    for (int i = 0; i < colors.size(); ++i) {
        QPixmap swatch(14, 14);
        swatch.fill(AnnotationModel::colorFor(colors.at(i)));
        m_color->addItem(QIcon(swatch), names.value(i, colors.at(i)), colors.at(i));
    }
    m_color->setObjectName(u"annotationColor"_s);
    m_color->setCurrentIndex(std::max<qsizetype>(0, colors.indexOf(color)));
    m_note->setObjectName(u"annotationNote"_s);
    m_note->setPlaceholderText(
        tr("Why this passage matters, what to check, whom to call… (Return saves, Shift+Return starts a new line)"));
    m_note->installEventFilter(this);
    m_note->setPlainText(note);
    m_note->setTabChangesFocus(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout(this);
    form->addRow(quote);
    form->addRow(tr("&Colour:"), m_color);
    form->addRow(tr("&Note:"), m_note);
    form->addRow(buttons);
    m_note->setFocus();
    resize(460, 300);
}

bool AnnotationDialog::eventFilter(QObject *watched, QEvent *event)
{
    // In the note, Return presses Save as anywhere else in the dialog; Shift+Return is a new line.
    if (watched == m_note && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && !(key->modifiers() & Qt::ShiftModifier)) {
            accept();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

QString AnnotationDialog::color() const
{
    return m_color->currentData().toString();
}

QString AnnotationDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

} // namespace Lede
