// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
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

/// Keeps a GUI test away from the user's settings and data: Qt's test locations, an organisation
/// of its own, and the settings in an INI file under `folder` (a temporary folder of the test).
inline void isolateSettings(const QString &folder)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LedeTest"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, QDir(folder).filePath(QStringLiteral("settings")));
}

} // namespace LedeTest

/// Skips the current test when a file from ../shared is missing, saying which.
#define LEDE_REQUIRE_SHARED(path)                                                                                      \
    do {                                                                                                               \
        if (!QFileInfo::exists(path))                                                                                  \
            QSKIP(                                                                                                     \
                qPrintable(QStringLiteral("needs %1 (the shared corpus beside the checkout); not found").arg(path)));  \
    } while (false)
