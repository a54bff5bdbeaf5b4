// SPDX-License-Identifier: MIT
#pragma once

#include <QDir>
#include <QString>
#include <QtTest>

namespace LedeTest {

/// The shared corpus folder: $LEDE_SHARED, else ../shared beside the checkout.
inline QString sharedDir()
{
    const QString env = qEnvironmentVariable("LEDE_SHARED");
    return env.isEmpty() ? QDir::cleanPath(QStringLiteral(LEDE_SHARED_DIR)) : env;
}

inline QString sharedFile(const QString &relative)
{
    return QDir(sharedDir()).filePath(relative);
}

inline QString dataFile(const QString &relative)
{
    return QDir(QStringLiteral(LEDE_TEST_DATA)).filePath(relative);
}

inline QString sourceFile(const QString &relative)
{
    return QDir(QStringLiteral(LEDE_SOURCE_DIR)).filePath(relative);
}

} // namespace LedeTest

/// Skips the current test when a file from ../shared is missing, saying which.
#define LEDE_REQUIRE_SHARED(path)                                                                                      \
    do {                                                                                                               \
        if (!QFileInfo::exists(path))                                                                                  \
            QSKIP(                                                                                                     \
                qPrintable(QStringLiteral("needs %1 (the shared corpus beside the checkout); not found").arg(path)));  \
    } while (false)
