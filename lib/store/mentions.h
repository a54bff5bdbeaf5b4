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
