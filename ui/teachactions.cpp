// SPDX-License-Identifier: MIT
#include "teachactions.h"

#include "controller/controller.h"
#include "entitypicker.h"
#include "readerview.h"

#include <QAction>
#include <QMenu>
#include <QTextBrowser>
#include <QTextCursor>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {
// Longer selections are passages, not names: no teach actions for them.
constexpr qsizetype longestName = 80;
} // namespace

TeachActions::TeachActions(Controller *controller, ReaderView *reader, QWidget *dialogParent)
    : QObject(dialogParent), m_controller(controller), m_reader(reader), m_dialogParent(dialogParent)
{ }

std::pair<qsizetype, qsizetype> TeachActions::nameRange() const
{
    if (m_nameRange.second > m_nameRange.first)
        return m_nameRange;
    return m_reader->selection();
}

QString TeachActions::selectedName() const
{
    const auto [start, end] = nameRange();
    return m_controller->currentText(start, end).simplified();
}

void TeachActions::addToMenu(QMenu *menu, QAction *before, const QPoint &pos)
{
    // The selection, or else the word under the pointer: no need to select a name first.
    auto [start, end] = m_reader->selection();
    if (end <= start) {
        QTextCursor word = m_reader->textView()->cursorForPosition(pos);
        word.select(QTextCursor::WordUnderCursor);
        start = word.selectionStart();
        end = word.selectionEnd();
    }
    m_nameRange = {start, end};
    if (end > start && end - start <= longestName) {
        const QString name = selectedName();
        auto *alias = new QAction(tr("Read “%1” as Another Name of…").arg(name), menu);
        alias->setObjectName(u"teachAlias"_s);
        connect(alias, &QAction::triggered, this, &TeachActions::addSelectionAsAlias);
        menu->insertAction(before, alias);
        for (const EntityKind kind : allEntityKinds) {
            auto *add = new QAction(tr("Add “%1” as a %2").arg(name, Lede::kindNoun(kind)), menu);
            add->setObjectName(u"teachAdd:"_s + kindKey(kind));
            connect(add, &QAction::triggered, this, [this, name, kind] { addSuggestion(name, int(kind)); });
            menu->insertAction(before, add);
        }
        menu->insertSeparator(before);
    }
    const qsizetype at = m_reader->textView()->cursorForPosition(pos).position();
    for (const EntityMention &m : m_controller->currentArticle().entities) {
        if (at < m.start || at > m.end)
            continue;
        const Entity *e = m_controller->knowledgeBase().entity(m.entityId);
        auto *reject = new QAction(tr("Don’t Link “%1” to %2 Here").arg(m.surface, e ? e->name : m.entityId), menu);
        reject->setObjectName(u"teachReject"_s);
        connect(reject, &QAction::triggered, this, [this, m] {
            KbEdit rejection;
            rejection.action = KbEdit::RejectMention;
            rejection.entityId = m.entityId;
            rejection.value = m.surface;
            rejection.articleId = m_controller->currentArticleId();
            rejection.start = m.start;
            rejection.end = m.end;
            m_controller->teach(rejection);
        });
        menu->insertAction(before, reject);
        menu->insertSeparator(before);
        break;
    }
}

void TeachActions::addTaughtToMenu(const QString &entityId, QMenu *menu)
{
    const QList<KbEdit> taught = m_controller->taughtAbout(entityId);
    if (taught.isEmpty())
        return;
    menu->addSeparator();
    QMenu *sub = menu->addMenu(tr("What You Taught Lede"));
    sub->setObjectName(u"taughtMenu"_s);
    for (const KbEdit &edit : taught) {
        QAction *forget = sub->addAction(tr("Take Back: %1").arg(m_controller->describe(edit)));
        connect(forget, &QAction::triggered, this, [this, edit] { m_controller->forget(edit); });
    }
}

void TeachActions::addSelectionAsAlias()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    EntityPickerDialog dialog(
        m_controller->knowledgeBase(), tr("Lede will read “%1” as this entity everywhere:").arg(name), m_dialogParent);
    if (dialog.exec() != QDialog::Accepted || dialog.entityId().isEmpty())
        return;
    KbEdit edit;
    edit.action = KbEdit::AddAlias;
    edit.entityId = dialog.entityId();
    edit.value = name;
    m_controller->teach(edit);
}

void TeachActions::newEntityFromSelection()
{
    NewEntityDialog dialog(selectedName(), EntityKind::Company, m_dialogParent);
    if (dialog.exec() == QDialog::Accepted && !dialog.name().isEmpty())
        addSuggestion(dialog.name(), int(dialog.kind()));
}

void TeachActions::addSuggestion(const QString &name, int kind)
{
    KbEdit edit;
    edit.action = KbEdit::AddEntity;
    edit.entityId = newEntityId(m_controller->knowledgeBase(), EntityKind(kind), name);
    edit.value = name;
    if (m_controller->teach(edit))
        Q_EMIT m_controller->statusMessage(tr("Added “%1” to the knowledge base").arg(name), 6000);
}

void TeachActions::mergeEntity(const QString &entityId)
{
    const Entity *from = m_controller->knowledgeBase().entity(entityId);
    if (!from)
        return;
    EntityPickerDialog dialog(
        m_controller->knowledgeBase(), tr("“%1” is the same as:").arg(from->name), m_dialogParent);
    if (dialog.exec() != QDialog::Accepted || dialog.entityId().isEmpty() || dialog.entityId() == entityId)
        return;
    KbEdit edit;
    edit.action = KbEdit::Merge;
    edit.entityId = entityId;
    edit.value = dialog.entityId();
    m_controller->teach(edit);
}

} // namespace Lede
