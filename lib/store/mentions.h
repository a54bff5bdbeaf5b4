// SPDX-License-Identifier: MIT
#pragma once

#include "text/article.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlQuery>

#include <optional>

namespace Lede {

class Database;
class KnowledgeBase;

/// How many articles name each entity: directly, and widened to what lies inside it (the
/// articles about Southeast Asia include those that only name Malaysia), as the sidebar shows.
struct EntityCounts
{
    QHash<QString, int> direct; // entity id → articles that name it; only entities named at all
    QHash<QString, int> widened; // the same entities → articles that name it or anything inside it
    bool operator==(const EntityCounts &) const = default;
};

/// The mentions table: where each article names an entity. insert() is the one place mentions are
/// written. Writes expect the caller's transaction; failures are reported to the Database and come
/// back as false or nothing. One MentionStore prepares each statement once, so use one for a batch.
class MentionStore
{
public:
    explicit MentionStore(const Database &db) : m_db(db) { }

    bool insert(qint64 articleId, const QList<EntityMention> &mentions);
    bool removeAll(qint64 articleId);
    /// Removes one mention (a rejected one); nothing to remove is not an error.
    bool removeOne(qint64 articleId, const QString &entityId, qsizetype start, qsizetype end);
    /// Replaces an article's mentions with `mentions`.
    bool replace(qint64 articleId, const QList<EntityMention> &mentions);
    /// Replaces the mentions of each article whose stored mentions differ; returns how many did.
    std::optional<qsizetype> replaceChanged(const QList<std::pair<qint64, QList<EntityMention>>> &articles);

    /// An article's mentions in text order.
    std::optional<QList<EntityMention>> forArticle(qint64 articleId) const;
    /// For each entity, the articles that mention it: all of them, or only those in `ids`.
    std::optional<QHash<QString, QSet<qint64>>> entityArticles() const;
    std::optional<QHash<QString, QSet<qint64>>> entityArticles(const QList<qint64> &ids) const;
    /// The counts, from the tables the triggers keep (entity_totals, article_entities), with
    /// `kb` saying what lies inside what; no mention is read into memory.
    std::optional<EntityCounts> entityCounts(const KnowledgeBase &kb) const;

private:
    // A statement prepared on first use and kept for the next.
    struct Statement
    {
        std::optional<QSqlQuery> query;
        bool ready = false;
    };
    bool prepare(Statement &statement, const QString &sql);
    std::optional<bool> same(qint64 articleId, const QList<EntityMention> &sorted);
    const Database &m_db;
    Statement m_insert, m_remove, m_read;
};

} // namespace Lede
