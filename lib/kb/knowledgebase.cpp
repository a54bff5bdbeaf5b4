// SPDX-License-Identifier: MIT
#include "knowledgebase.h"

#include "text/logging.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>

namespace Lede {

using namespace Qt::StringLiterals;

QString kindKey(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Company:
        return u"company"_s;
    case EntityKind::Chip:
        return u"chip"_s;
    case EntityKind::Region:
        return u"region"_s;
    case EntityKind::Organisation:
        return u"organisation"_s;
    }
    return {};
}

QString kindTitle(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Company:
        return QObject::tr("Companies");
    case EntityKind::Chip:
        return QObject::tr("Chips");
    case EntityKind::Region:
        return QObject::tr("Regions");
    case EntityKind::Organisation:
        return QObject::tr("Organisations");
    }
    return {};
}

QString kindNoun(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Company:
        return QObject::tr("Company");
    case EntityKind::Chip:
        return QObject::tr("Chip");
    case EntityKind::Region:
        return QObject::tr("Region");
    case EntityKind::Organisation:
        return QObject::tr("Organisation");
    }
    return {};
}

std::optional<EntityKind> kindFromKey(QStringView key)
{
    if (key == u"company")
        return EntityKind::Company;
    if (key == u"chip")
        return EntityKind::Chip;
    if (key == u"region")
        return EntityKind::Region;
    if (key == u"organisation")
        return EntityKind::Organisation;
    return std::nullopt;
}

std::optional<EntityKind> kindOfId(QStringView entityId)
{
    const qsizetype slash = entityId.indexOf(u'/');
    if (slash <= 0)
        return std::nullopt;
    return kindFromKey(entityId.left(slash));
}

QStringList Entity::values(QStringView key) const
{
    QStringList out;
    for (const auto &[k, v] : facts) {
        if (k == key)
            out.append(v);
    }
    return out;
}

QString Entity::value(QStringView key) const
{
    for (const auto &[k, v] : facts) {
        if (k == key)
            return v;
    }
    return {};
}

namespace {

const QStringList relationKeys = {u"part_of"_s, u"hq"_s, u"parent"_s, u"maker"_s, u"family"_s};

// Capitals and digits only, at most five characters: "US", "PRC", "TSMC", "H20", "U.S.".
bool isShortCapitals(QStringView alias)
{
    int letters = 0;
    for (QChar c : alias) {
        if (c.isLower())
            return false;
        if (c.isLetterOrNumber())
            ++letters;
        else if (c != u'.' && c != u'-' && c != u'&')
            return false;
    }
    return letters > 0 && letters <= 5 && alias.size() <= 8;
}

bool isValidSlug(QStringView slug)
{
    if (slug.isEmpty())
        return false;
    for (QChar c : slug) {
        if (!(c.isDigit() || (c >= u'a' && c <= u'z') || c == u'-'))
            return false;
    }
    return true;
}

Alias makeAlias(QStringView raw, Alias::Role role)
{
    Alias alias;
    alias.role = role;
    QStringView text = raw.trimmed();
    if (text.startsWith(u'=')) {
        alias.exactCase = true;
        text = text.mid(1).trimmed();
    }
    alias.text = text.toString();
    alias.exactCase = alias.exactCase || isShortCapitals(alias.text);
    return alias;
}

} // namespace

std::shared_ptr<const KnowledgeBase> KnowledgeBase::loadBuiltin(QStringList *errors)
{
    QStringList paths;
    QDirIterator it(u":/kb"_s, {u"*.kb"_s}, QDir::Files);
    while (it.hasNext())
        paths.append(it.next());
    paths.sort();
    return loadFiles(paths, errors);
}

std::shared_ptr<KnowledgeBase> KnowledgeBase::loadFiles(const QStringList &paths, QStringList *errors)
{
    auto kb = std::make_shared<KnowledgeBase>();
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            if (errors)
                errors->append(QObject::tr("%1: cannot read: %2").arg(path, file.errorString()));
            continue;
        }
        kb->parse(QString::fromUtf8(file.readAll()), path, errors);
    }
    kb->finish(errors);
    return kb;
}

bool KnowledgeBase::parse(QStringView text, const QString &origin, QStringList *errors)
{
    QCryptographicHash digest(QCryptographicHash::Sha256);
    digest.addData(m_fingerprint);
    digest.addData(text.toUtf8());
    m_fingerprint = digest.result();
    bool ok = true;
    auto fail = [&](qsizetype line, const QString &message) {
        ok = false;
        if (errors)
            errors->append(u"%1:%2: %3"_s.arg(origin).arg(line).arg(message));
    };
    Entity *current = nullptr;
    qsizetype lineNo = 0;
    for (QStringView line : text.tokenize(u'\n')) {
        ++lineNo;
        // A '#' starts a comment unless it is part of a value such as "C#"; require a space before.
        qsizetype hash = line.startsWith(u'#') ? 0 : line.indexOf(u" #");
        if (hash >= 0)
            line = line.left(hash);
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        if (line.startsWith(u'[')) {
            current = nullptr;
            if (!line.endsWith(u']')) {
                fail(lineNo, QObject::tr("a record header must look like [kind/id]"));
                continue;
            }
            const QStringView id = line.mid(1, line.size() - 2).trimmed();
            const qsizetype slash = id.indexOf(u'/');
            const auto kind = slash > 0 ? kindFromKey(id.left(slash)) : std::nullopt;
            if (!kind || !isValidSlug(id.mid(slash + 1))) {
                fail(lineNo, QObject::tr("unknown kind or malformed id \"%1\"").arg(id));
                continue;
            }
            qsizetype idx = indexOf(id);
            if (idx < 0) {
                Entity e;
                e.id = id.toString();
                e.kind = *kind;
                idx = m_entities.size();
                m_entities.append(e);
                m_index.insert(e.id, idx);
            }
            current = &m_entities[idx];
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0) {
            fail(lineNo, QObject::tr("expected \"key = value\""));
            continue;
        }
        if (!current) {
            fail(lineNo, QObject::tr("a fact outside any [kind/id] record"));
            continue;
        }
        const QString key = line.left(eq).trimmed().toString();
        const QStringView rest = line.mid(eq + 1).trimmed();
        for (QStringView item : rest.tokenize(u" | ")) {
            item = item.trimmed();
            if (item.isEmpty())
                continue;
            if (key == u"name") {
                current->name = makeAlias(item, Alias::Name).text;
                current->aliases.prepend(makeAlias(item, Alias::Name));
            } else if (key == u"alias") {
                current->aliases.append(makeAlias(item, Alias::Other));
            } else if (key == u"legal") {
                current->aliases.append(makeAlias(item, Alias::Legal));
                current->facts.append({key, item.toString()});
            } else if (key == u"demonym") {
                current->aliases.append(makeAlias(item, Alias::Demonym));
            } else if (key == u"metonym") {
                current->aliases.append(makeAlias(item, Alias::Metonym));
            } else {
                current->facts.append({key, item.toString()});
            }
        }
    }
    return ok;
}

void KnowledgeBase::finish(QStringList *errors)
{
    for (Entity &e : m_entities) {
        if (e.name.isEmpty()) {
            if (errors)
                errors->append(QObject::tr("%1 has no name").arg(e.id));
            e.name = e.id.mid(e.id.indexOf(u'/') + 1);
        }
        // "alias = =Arm" makes every spelling of that name exact for this entity, the name included.
        QSet<QString> exact;
        for (const Alias &a : std::as_const(e.aliases)) {
            if (a.exactCase)
                exact.insert(a.text.toCaseFolded());
        }
        for (Alias &a : e.aliases) {
            if (!a.exactCase && exact.contains(a.text.toCaseFolded()))
                a.exactCase = true;
        }
        for (auto it = e.facts.begin(); it != e.facts.end();) {
            if (relationKeys.contains(it->first) && !m_index.contains(it->second)) {
                if (errors)
                    errors->append(QObject::tr("%1: %2 refers to unknown %3").arg(e.id, it->first, it->second));
                it = e.facts.erase(it);
            } else {
                ++it;
            }
        }
    }
    rebuildChildren();
}

void KnowledgeBase::rebuildChildren()
{
    m_children.clear();
    m_formerly.clear();
    for (const Entity &e : std::as_const(m_entities)) {
        for (const auto &[k, v] : e.facts) {
            if (k == u"part_of" || k == u"parent")
                m_children[v].append(e.id);
            else if (k == u"formerly")
                m_formerly.insert(v, e.id);
        }
    }
}

QString KnowledgeBase::currentId(QStringView id) const
{
    const QString key = id.toString();
    if (m_index.contains(key))
        return key;
    return m_formerly.value(key, key);
}

const Entity *KnowledgeBase::entity(QStringView id) const
{
    const qsizetype idx = indexOf(id);
    return idx < 0 ? nullptr : &m_entities.at(idx);
}

qsizetype KnowledgeBase::indexOf(QStringView id) const
{
    return m_index.value(id.toString(), -1);
}

QStringList KnowledgeBase::related(QStringView id, QStringView key) const
{
    const Entity *e = entity(id);
    return e ? e->values(key) : QStringList{};
}

QSet<QString> KnowledgeBase::descendantsAndSelf(QStringView id) const
{
    QSet<QString> seen{id.toString()};
    QStringList queue{id.toString()};
    while (!queue.isEmpty()) {
        const QString next = queue.takeLast();
        for (const QString &child : m_children.value(next)) {
            if (!seen.contains(child)) {
                seen.insert(child);
                queue.append(child);
            }
        }
    }
    return seen;
}

void KnowledgeBase::upsert(const Entity &entity)
{
    const qsizetype idx = indexOf(entity.id);
    if (idx >= 0) {
        m_entities[idx] = entity;
    } else {
        m_index.insert(entity.id, m_entities.size());
        m_entities.append(entity);
    }
    rebuildChildren();
}

bool KnowledgeBase::addAlias(QStringView id, const Alias &alias)
{
    const qsizetype idx = indexOf(id);
    if (idx < 0)
        return false;
    m_entities[idx].aliases.append(alias);
    return true;
}

bool KnowledgeBase::mergeInto(QStringView from, QStringView into)
{
    const qsizetype src = indexOf(from);
    const qsizetype dst = indexOf(into);
    if (src < 0 || dst < 0 || src == dst)
        return false;
    for (Alias a : std::as_const(m_entities.at(src).aliases)) {
        if (a.role == Alias::Name)
            a.role = Alias::Other;
        m_entities[dst].aliases.append(a);
    }
    const QString fromId = from.toString();
    const QString intoId = into.toString();
    for (Entity &e : m_entities) {
        for (auto &[k, v] : e.facts) {
            if (v == fromId && relationKeys.contains(k))
                v = intoId;
        }
    }
    m_entities.removeAt(src);
    m_index.clear();
    for (qsizetype i = 0; i < m_entities.size(); ++i)
        m_index.insert(m_entities.at(i).id, i);
    rebuildChildren();
    return true;
}

} // namespace Lede
