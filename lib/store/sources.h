// SPDX-License-Identifier: MIT
#pragma once

#include "store/annotation.h"

#include <optional>

namespace Lede {

class Database;

/// The original files of the articles: each file's bytes once (compressed, keyed by their hash, so
/// a feed's items share one copy) with the encoding detected when it was read, and which file and
/// item each article came from. Writes expect the caller's transaction; failures are reported to
/// the Database and come back as false or nothing.
class SourceStore
{
public:
    explicit SourceStore(const Database &db) : m_db(db) { }

    /// Keeps `source` as the original file of the article.
    bool attach(qint64 articleId, const ArticleSource &source);
    /// The article's original file; a null ArticleSource when the library has none.
    std::optional<ArticleSource> forArticle(qint64 articleId) const;
    /// Records the encoding of the article's file when none was known.
    bool setEncoding(qint64 articleId, const QByteArray &encoding);

private:
    const Database &m_db;
};

} // namespace Lede
