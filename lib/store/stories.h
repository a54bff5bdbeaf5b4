// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>

namespace Lede {

class Database;

/// The grouping policy: near-duplicate copies of one story (reprints, the same wire story
/// elsewhere) share a story id, the id of the story's first copy. Each article keeps a MinHash
/// signature and its LSH band keys, so candidate copies are found by index lookup.
class StoryGrouping
{
public:
    explicit StoryGrouping(const Database &db) : m_db(db) { }

    /// Puts a newly inserted article in the story of its closest copy, or in a story of its own;
    /// returns the story id. Expects the caller's transaction.
    std::optional<qint64> assign(qint64 articleId, const QString &text);

private:
    const Database &m_db;
};

} // namespace Lede
