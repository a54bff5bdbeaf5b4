// SPDX-License-Identifier: MIT
#include "kbedit.h"

namespace Lede {

using namespace Qt::StringLiterals;

QString KbEdit::actionName(Action action)
{
    switch (action) {
    case AddAlias:
        return u"alias"_s;
    case AddEntity:
        return u"entity"_s;
    case Merge:
        return u"merge"_s;
    case RejectMention:
        return u"reject"_s;
    }
    return {};
}

std::optional<KbEdit::Action> KbEdit::actionFromName(QStringView name)
{
    for (Action a : {AddAlias, AddEntity, Merge, RejectMention}) {
        if (name == actionName(a))
            return a;
    }
    return std::nullopt;
}

std::shared_ptr<KnowledgeBase> applyEdits(const KnowledgeBase &base, const QList<KbEdit> &edits, QStringList *skipped)
{
    auto kb = std::make_shared<KnowledgeBase>(base);
    auto skip = [&](const KbEdit &e, const QString &why) {
        if (skipped)
            skipped->append(u"%1 %2: %3"_s.arg(KbEdit::actionName(e.action), e.entityId, why));
    };
    for (KbEdit e : edits) {
        // An edit saved under an id the knowledge base has since renamed (company/bis is now
        // organisation/bis: the record says `formerly = company/bis`) applies to the entity's new id.
        e.entityId = kb->currentId(e.entityId);
        if (e.action == KbEdit::Merge)
            e.value = kb->currentId(e.value);
        switch (e.action) {
        case KbEdit::AddAlias: {
            Alias alias;
            alias.text = e.value;
            alias.role = Alias::Other;
            // What the journalist selected is what they meant: short capitals stay exact, as in the files.
            alias.exactCase = e.value.size() <= 5 && e.value == e.value.toUpper();
            if (!kb->addAlias(e.entityId, alias))
                skip(e, QObject::tr("no such entity"));
            break;
        }
        case KbEdit::AddEntity: {
            const auto kind = kindOfId(e.entityId);
            if (!kind || e.value.isEmpty()) {
                skip(e, QObject::tr("malformed entity"));
                break;
            }
            Entity entity;
            entity.id = e.entityId;
            entity.kind = *kind;
            entity.name = e.value;
            entity.aliases.append(Alias{e.value, Alias::Name, false});
            entity.facts.append({u"note"_s, QObject::tr("added by a journalist")});
            kb->upsert(entity);
            break;
        }
        case KbEdit::Merge:
            if (!kb->mergeInto(e.entityId, e.value))
                skip(e, QObject::tr("cannot merge into %1").arg(e.value));
            break;
        case KbEdit::RejectMention:
            break; // applied to mentions, not to names
        }
    }
    return kb;
}

RejectedMentions rejectedMentions(const QList<KbEdit> &edits, const KnowledgeBase *kb)
{
    RejectedMentions out;
    for (const KbEdit &e : edits) {
        if (e.action == KbEdit::RejectMention)
            out[e.articleId].append({kb ? kb->currentId(e.entityId) : e.entityId, e.start, e.end});
    }
    return out;
}

void dropRejected(QList<EntityMention> &mentions, qint64 articleId, const RejectedMentions &rejected)
{
    const auto it = rejected.constFind(articleId);
    if (it == rejected.cend())
        return;
    mentions.removeIf([&](const EntityMention &m) { return it->contains(std::tuple{m.entityId, m.start, m.end}); });
}

QString newEntityId(const KnowledgeBase &kb, EntityKind kind, const QString &name)
{
    QString slug;
    for (QChar c : name.toLower()) {
        if ((c >= u'a' && c <= u'z') || c.isDigit())
            slug += c;
        else if (!slug.isEmpty() && !slug.endsWith(u'-'))
            slug += u'-';
    }
    while (slug.endsWith(u'-'))
        slug.chop(1);
    if (slug.isEmpty())
        slug = u"entity"_s;
    const QString base = kindKey(kind) + u"/user-"_s + slug;
    QString id = base;
    for (int n = 2; kb.entity(id); ++n)
        id = base + u'-' + QString::number(n);
    return id;
}

} // namespace Lede
