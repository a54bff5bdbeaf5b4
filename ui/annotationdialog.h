// SPDX-License-Identifier: MIT
#pragma once

#include "kb/knowledgebase.h"
#include "store/annotation.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace Lede {

class Controller;

/// Asks for a highlight's colour (with the meaning the journalist gave it), its note (Markdown),
/// its tags and the entities it is linked to, showing the passage being annotated. The entities
/// mentioned inside the passage are linked by themselves and listed; others can be added.
class AnnotationDialog : public QDialog
{
    Q_OBJECT
public:
    /// Which field has the focus when the dialog opens.
    enum Focus { FocusNote, FocusTags, FocusEntities };

    AnnotationDialog(const QString &passage, const QString &color, const QString &note, QWidget *parent = nullptr);
    /// For an annotation (new or saved): its colour, note, tags and linked entities as the fields'
    /// values; `mentioned` are the entities inside the passage.
    AnnotationDialog(const Annotation &values, const QList<AnnotationColor> &palette,
        std::shared_ptr<const KnowledgeBase> kb, const QStringList &mentioned, QWidget *parent = nullptr);

    void setFocusOn(Focus focus);
    QString color() const;
    QString note() const;
    QStringList tags() const;
    QStringList entityIds() const;

    /// Opens the dialog for a saved annotation and saves what changed, undoably; false when
    /// cancelled or not found.
    static bool editAnnotation(Controller *controller, qint64 annotationId, Focus focus, QWidget *parent);

    /// Tags typed as "a, b; c" → ["a", "b", "c"], trimmed, without repeats.
    static QStringList parseTags(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void build(
        const QString &passage, const QList<AnnotationColor> &palette, const QString &color, const QString &note);
    void addEntity(const QString &id);
    QString entityLabel(const QString &id) const;

    std::shared_ptr<const KnowledgeBase> m_kb;
    QComboBox *m_color = nullptr;
    QPlainTextEdit *m_note = nullptr;
    QLineEdit *m_tags = nullptr;
    QLabel *m_mentioned = nullptr;
    QListWidget *m_entities = nullptr;
};

} // namespace Lede
