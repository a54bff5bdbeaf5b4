// SPDX-License-Identifier: MIT
#pragma once

#include "store/articlesummary.h"
#include "text/article.h"

#include <QList>

#include <optional>

namespace Lede {

class Database;

/// The articles table: one row per canonical text, with its metadata. Mentions and stories have
/// parts of their own (MentionStore, StoryGrouping). Writes expect the caller's transaction;
/// failures are reported to the Database and come back as nothing.
class ArticleStore
{
public:
    explicit ArticleStore(const Database &db) : m_db(db) { }

    /// The key that makes the same text one article.
    static QString contentHash(const QString &text);
    /// The id of the article with this content hash; 0 when there is none, nothing when the read failed.
    std::optional<qint64> find(const QString &contentHash) const;
    /// Inserts the article's row (not its mentions) and returns its id.
    std::optional<qint64> insert(const Article &article, const QString &contentHash);

    /// Replaces the parsed part of an article (text, blocks, metadata) after it was parsed again,
    /// and takes it out of the search index (SearchStore::add() indexes it again).
    bool updateParsed(qint64 id, const Article &article, const QString &contentHash);
    /// The id of the first article with this URL; 0 when there is none.
    std::optional<qint64> findByUrl(const QString &url) const;

    /// The article without its mentions.
    std::optional<Article> article(qint64 id) const;
    /// Every article, in id order.
    std::optional<QList<ArticleSummary>> summaries() const;
    /// The articles with these ids, in id order; ids not in the library are left out.
    std::optional<QList<ArticleSummary>> summaries(const QList<qint64> &ids) const;
    std::optional<qsizetype> count() const;
    /// The article list's keys in `order`: every story, or (given `only`) the stories with an
    /// article in `only`, each led by its best copy whether or not that copy is in `only`, with
    /// the copies that are in `only` (all of them without it) beneath it.
    std::optional<ArticleKeys> keys(const ArticleOrder &order, const QList<qint64> *only = nullptr) const;
    /// The id and canonical text of the articles after `afterId`, in id order, at most `limit` of them
    /// (all when it is negative).
    std::optional<QList<std::pair<qint64, QString>>> texts(qint64 afterId = 0, int limit = -1) const;

private:
    const Database &m_db;
};

} // namespace Lede
