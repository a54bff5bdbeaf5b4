// SPDX-License-Identifier: MIT
#pragma once
// Where bench_search keeps the library it generates, so that bench_open opens the same one.

#include "store/generator.h"
#include "store/library.h"

#include <QDir>
#include <QString>

namespace LedeBench {

inline constexpr quint64 searchSeed = 1;

inline QString defaultSearchCache()
{
    return QDir::tempPath() + QStringLiteral("/lede-bench-search");
}

/// The generated library of `articles` articles in `cacheDir`, keyed on the generator's version,
/// the seed and the schema version.
inline QString searchLibraryPath(const QString &cacheDir, qsizetype articles)
{
    return cacheDir
        + QStringLiteral("/library-%1-g%2-s%3-v%4.lede")
              .arg(articles)
              .arg(Lede::LibraryGenerator::version)
              .arg(searchSeed)
              .arg(Lede::Library::currentSchemaVersion());
}

} // namespace LedeBench
