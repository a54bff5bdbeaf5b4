// SPDX-License-Identifier: MIT
#pragma once

#include "entity.h"

#include <QHash>
#include <QSet>

#include <memory>

namespace Lede {

/// Companies, chips, regions and organisations with the names they go by and how they relate.
///
/// Loaded from the human-editable `.kb` files described in resources/kb/README.md, once per
/// process, and shared read-only between threads. Relations are `part_of` (regions), `hq`,
/// `parent` (companies), `maker` and `family` (chips).
class KnowledgeBase
{
public:
    /// Reads every `.kb` file shipped in the application's resources.
    static std::shared_ptr<const KnowledgeBase> loadBuiltin(QStringList *errors = nullptr);
    /// Reads the given files in order; a later record with an id seen before adds to it.
    static std::shared_ptr<KnowledgeBase> loadFiles(const QStringList &paths, QStringList *errors);
    /// Parses one file's text; `origin` names it in error messages.
    bool parse(QStringView text, const QString &origin, QStringList *errors);
    /// Resolves relations after the last parse(): drops references to unknown ids (with an error).
    void finish(QStringList *errors);

    const QList<Entity> &entities() const { return m_entities; }
    const Entity *entity(QStringView id) const;
    qsizetype indexOf(QStringView id) const;
    qsizetype size() const { return m_entities.size(); }
    /// A hash of the text of every file parsed, in order (hex SHA-256): two bases read from the
    /// same files have the same fingerprint, and any change to a file changes it. Edits applied on
    /// top (upsert, addAlias, mergeInto) leave it as it was.
    QString fingerprint() const { return QString::fromLatin1(m_fingerprint.toHex()); }

    /// Ids related to `id` by one of the relation keys (part_of, hq, parent, maker, family).
    QStringList related(QStringView id, QStringView key) const;
    /// The id an entity has now: `id` itself, or the id of the record that lists it as `formerly`
    /// (company/bis became organisation/bis), so what a library saved under an old id still applies.
    QString currentId(QStringView id) const;
    /// `id` and every entity that lies inside it through part_of (Southeast Asia → Malaysia →
    /// Johor) or parent (Alibaba → T-Head), transitively.
    QSet<QString> descendantsAndSelf(QStringView id) const;
    /// The ids of the entities directly inside `id` through part_of or parent, in the base's order
    /// (an entity with two such facts naming `id` is listed twice).
    QStringList childrenOf(QStringView id) const { return m_children.value(id.toString()); }

    /// Adds an entity (a journalist's own); replaces one with the same id.
    void upsert(const Entity &entity);
    /// Adds an alias to an existing entity. Returns false when the id is unknown.
    bool addAlias(QStringView id, const Alias &alias);
    /// Folds entity `from` into `into`: its names become aliases of `into`, things that lay inside
    /// it now lie inside `into`, and `from` is gone. Returns false when either id is unknown.
    bool mergeInto(QStringView from, QStringView into);

private:
    void rebuildChildren();
    QList<Entity> m_entities;
    QHash<QString, qsizetype> m_index;
    QHash<QString, QStringList> m_children; // parent id → ids directly inside it
    QHash<QString, QString> m_formerly; // former id → current id
    QByteArray m_fingerprint;
};

} // namespace Lede
