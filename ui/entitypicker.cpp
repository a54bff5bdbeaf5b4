// SPDX-License-Identifier: MIT
#include "entitypicker.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStringListModel>

namespace Lede {

using namespace Qt::StringLiterals;

EntityPickerDialog::EntityPickerDialog(const KnowledgeBase &kb, const QString &prompt, QWidget *parent)
    : QDialog(parent), m_field(new QLineEdit(this))
{
    setObjectName(u"entityPicker"_s);
    setWindowTitle(tr("Choose an Entity"));
    QStringList labels;
    for (const Entity &e : kb.entities()) {
        // Every name finds the entity; the label shows its display name.
        const QString label = u"%1 — %2"_s.arg(e.name, kindTitle(e.kind));
        m_idOf.insert(label, e.id);
        labels.append(label);
        for (const Alias &a : e.aliases) {
            if (a.role == Alias::Name || a.text == e.name)
                continue;
            const QString aliasLabel = u"%1 (%2) — %3"_s.arg(a.text, e.name, kindTitle(e.kind));
            m_idOf.insert(aliasLabel, e.id);
            labels.append(aliasLabel);
        }
    }
    labels.sort(Qt::CaseInsensitive);
    auto *completer = new QCompleter(new QStringListModel(labels, this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setMaxVisibleItems(12);
    m_field->setObjectName(u"entityField"_s);
    m_field->setCompleter(completer);
    m_field->setPlaceholderText(tr("Type a name: Nvidia, Ascend 910B, Malaysia…"));
    m_field->setMinimumWidth(360);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    ok->setDefault(true); // Return picks the entity typed
    connect(m_field, &QLineEdit::textChanged, this, [this, ok] { ok->setEnabled(!entityId().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    auto *label = new QLabel(prompt, this);
    label->setWordWrap(true);
    form->addRow(label);
    form->addRow(tr("&Entity:"), m_field);
    form->addRow(buttons);
}

QString EntityPickerDialog::entityId() const
{
    return m_idOf.value(m_field->text());
}

NewEntityDialog::NewEntityDialog(const QString &name, EntityKind kind, QWidget *parent)
    : QDialog(parent), m_name(new QLineEdit(name.simplified(), this)), m_kind(new QComboBox(this))
{
    setObjectName(u"newEntityDialog"_s);
    setWindowTitle(tr("New Entity"));
    for (EntityKind k : allEntityKinds)
        m_kind->addItem(kindTitle(k), int(k));
    m_kind->setCurrentIndex(int(kind));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(m_name, &QLineEdit::textChanged, this,
        [this, buttons] { buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_name->text().trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(new QLabel(tr("Lede will find this name in every article from now on."), this));
    form->addRow(buttons);
}

QString NewEntityDialog::name() const
{
    return m_name->text().simplified();
}

EntityKind NewEntityDialog::kind() const
{
    return EntityKind(m_kind->currentData().toInt());
}

} // namespace Lede
