// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace Lede {

/// Asks for a highlight's colour and note, showing the passage being annotated.
class AnnotationDialog : public QDialog
{
    Q_OBJECT
public:
    AnnotationDialog(const QString &passage, const QString &color, const QString &note, QWidget *parent = nullptr);

    QString color() const;
    QString note() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QComboBox *m_color;
    QPlainTextEdit *m_note;
};

} // namespace Lede
