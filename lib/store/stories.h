// SPDX-License-Identifier: MIT
#pragma once

#include "text/minhash.h"

#include <QHash>
#include <QString>

#include <optional>

namespace Lede {

class Database;

/// Signatures of candidate copies that one connection has read, so that an article that many new
/// ones share a band with (a text of common phrases, such as a wire service's stock sentences, lands
/// in buckets that grow with the library) is read from the library once rather than once for
/// every new article. A signature never changes once stored; the cache is dropped whenever another
/// connection has written to the library (PRAGMA data_version), since it may have deleted an
/// article whose id then comes back, and it is emptied when it reaches `limit` signatures.
class StorySignatureCache
{
public:
    static constexpr qsizetype limit = 100000; // about 30 MB
    QHash<qint64, MinHash::Signature> signatures;
    qint64 dataVersion = -1;
};

/// The grouping policy: near-duplicate copies of one story (reprints, the same wire story
/// elsewhere) share a story id, the id of the story's first copy. Each article keeps a MinHash
/// signature and its LSH band keys, so candidate copies are found by index lookup.
class StoryGrouping
{
public:
    explicit StoryGrouping(const Database &db, StorySignatureCache *cache = nullptr) : m_db(db), m_cache(cache) { }

    /// Puts a newly inserted article in the story of its closest copy, or in a story of its own;
    /// returns the story id. Expects the caller's transaction.
    std::optional<qint64> assign(qint64 articleId, const QString &text);

private:
    // The signatures of `ids`, from the cache where it has them; false when the library failed.
    bool signatures(const QList<qint64> &ids, QHash<qint64, MinHash::Signature> &out, const QString &action);

    const Database &m_db;
    StorySignatureCache *m_cache;
};

} // namespace Lede
