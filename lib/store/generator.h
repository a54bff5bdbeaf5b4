// SPDX-License-Identifier: MIT
#pragma once

#include "text/article.h"

#include <functional>
#include <optional>

namespace Lede {

class KnowledgeBase;
class Library;

/// Builds libraries of made-up but realistic articles from the knowledge base, for tests and
/// benchmarks: news about the companies, chips and regions it knows, in English with some Chinese
/// and Japanese, dated over three years, from a set of outlets, with tags, reprints of one story
/// and a few annotations. The same seed gives the same library.
///
/// Mentions are recorded where the generator wrote the names, so no linker is needed.
class LibraryGenerator
{
public:
    /// Goes up whenever the same seed would give other articles (caches of generated libraries
    /// are keyed on it).
    static constexpr int version = 1;

    LibraryGenerator(const KnowledgeBase &kb, quint64 seed);
    ~LibraryGenerator();
    LibraryGenerator(const LibraryGenerator &) = delete;
    LibraryGenerator &operator=(const LibraryGenerator &) = delete;

    /// The next article.
    Article next();
    /// Adds `count` articles to `library` in batches, then annotates about one in seventy;
    /// `progress` hears how many are in. Returns how many were added, nothing when it failed.
    std::optional<qsizetype> generate(
        Library &library, qsizetype count, const std::function<void(qsizetype)> &progress = {});

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Lede
