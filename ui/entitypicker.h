// SPDX-License-Identifier: MIT
#pragma once

#include "kb/knowledgebase.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace Lede {

/// Asks which known entity a name belongs to (for "Add as a name of…" and "Merge into…"): type a
/// few letters of any of its names and pick it from the list.
class EntityPickerDialog : public QDialog
{
    Q_OBJECT
public:
    EntityPickerDialog(const KnowledgeBase &kb, const QString &prompt, QWidget *parent = nullptr);
    /// The chosen entity's id, or empty.
    QString entityId() const;
    QLineEdit *field() const { return m_field; }

private:
    QLineEdit *m_field;
    QHash<QString, QString> m_idOf; // "Nvidia — Companies" → "company/nvidia"
};

/// Asks for a new entity's name and kind.
class NewEntityDialog : public QDialog
{
    Q_OBJECT
public:
    NewEntityDialog(const QString &name, EntityKind kind, QWidget *parent = nullptr);
    QString name() const;
    EntityKind kind() const;

private:
    QLineEdit *m_name;
    QComboBox *m_kind;
};

} // namespace Lede
