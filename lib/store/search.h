// SPDX-License-Identifier: MIT
#pragma once

#include "query/search.h"
#include "query/sql.h"

#include <optional>

namespace Lede {

class Database;

/// The full-text index and searching: the FTS5 table search_text (headline and body as
/// Query::indexText() writes them, rowid = article id) and the statements SqlTranslator makes.
///
/// The index holds no text of its own (contentless), so the library file grows by the index
/// alone. Articles added by a migration wait in search_pending until catchUp() indexes them.
class SearchStore
{
public:
    explicit SearchStore(const Database &db) : m_db(db) { }

    /// Indexes a newly inserted article; expects the caller's transaction.
    bool add(qint64 articleId, const QString &title, const QString &body);
    /// Indexes up to `limit` (all when negative) of the articles waiting in search_pending (after
    /// the migration that made the index), lowest ids first, in one transaction. Returns how many
    /// were indexed, nothing when it failed.
    std::optional<qsizetype> catchUp(qsizetype limit = -1);
    /// How many articles wait for the index; nothing when the read failed.
    std::optional<qsizetype> pending() const;

    /// Runs a prepared search as one statement (Query::SqlTranslator::search); the parts not
    /// asked for (Query::SqlTranslator::Part) stay empty.
    std::optional<Query::SearchResult> search(
        const Query::Search &search, int parts = Query::SqlTranslator::Everything) const;

private:
    const Database &m_db;
};

} // namespace Lede
