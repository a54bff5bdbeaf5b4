// SPDX-License-Identifier: MIT
#pragma once
// Where bench_search keeps the library it generates, so that bench_open opens the same one, and the
// memory figure both print.

#include "store/generator.h"
#include "store/library.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
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

/// This process's resident memory in MB (VmRSS), or 0 where /proc cannot be read.
inline double rssMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

} // namespace LedeBench
