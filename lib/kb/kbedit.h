// SPDX-License-Identifier: MIT
#pragma once

#include "kb/knowledgebase.h"
#include "text/article.h"

#include <QDateTime>

namespace Lede {

/// One thing a journalist taught the linker. Edits live in the library, layered over the shipped
/// knowledge base, so a new release of the knowledge base never loses them. An edit naming an id the
/// knowledge base has renamed (`formerly`) applies to the renamed entity.
struct KbEdit
{
    enum Action : quint8 {
        AddAlias, // entityId gains the alias `value`
        AddEntity, // a new entity: entityId ("company/user-acme"), name `value`
        Merge, // entityId is the same as `value`: its names go there and it disappears
        RejectMention // the mention of entityId at [start, end) of article `articleId` is wrong
    };
    qint64 id = 0;
    Action action = AddAlias;
    QString entityId;
    QString value;
    qint64 articleId = 0;
    qsizetype start = 0;
    qsizetype end = 0;
    QDateTime created;

    static QString actionName(Action action);
    static std::optional<Action> actionFromName(QStringView name);
};

/// The shipped knowledge base with the library's edits applied in order. Edits that no longer
/// apply (an alias for an entity a newer knowledge base dropped) are skipped and reported.
std::shared_ptr<KnowledgeBase> applyEdits(
    const KnowledgeBase &base, const QList<KbEdit> &edits, QStringList *skipped = nullptr);

/// The mentions a journalist rejected, by article: (entity id, start, end). With `kb`, ids it has
/// renamed since the edit was saved are taken to their current id (KnowledgeBase::currentId()).
using RejectedMentions = QHash<qint64, QList<std::tuple<QString, qsizetype, qsizetype>>>;
RejectedMentions rejectedMentions(const QList<KbEdit> &edits, const KnowledgeBase *kb = nullptr);
/// Removes the rejected ones from an article's freshly linked mentions.
void dropRejected(QList<EntityMention> &mentions, qint64 articleId, const RejectedMentions &rejected);

/// An id for a journalist's new entity: "company/user-acme-semiconductor", unique in `kb`.
QString newEntityId(const KnowledgeBase &kb, EntityKind kind, const QString &name);

} // namespace Lede
