// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>

class QTimer;

namespace Lede {

class Library;

/// Watches a library file for changes committed by other connections (other windows, lede-cli,
/// this process's own jobs): on its own thread it keeps a connection of its own and polls
/// `PRAGMA data_version`, which changes when any other connection commits. Each change calls
/// `changed` on the watcher's thread with the generation it was watching for, and whether the
/// change was a restore that put a backup in place of the library (Database::replacedSinceOpen()).
class LibraryWatcher : public QObject
{
public:
    explicit LibraryWatcher(std::function<void(int generation, bool replaced)> changed);
    ~LibraryWatcher() override;

    // Call these on the watcher's thread (QMetaObject::invokeMethod).
    /// Starts watching `path` (an empty path stops); `generation` comes back with each change.
    void watch(const QString &path, int generation);
    void setInterval(std::chrono::milliseconds interval);
    /// Stops and closes the connection; before the thread ends.
    void stop();

private:
    void poll();
    std::function<void(int, bool)> m_changed;
    std::unique_ptr<Library> m_library;
    QTimer *m_timer = nullptr;
    std::chrono::milliseconds m_interval{1000};
    qint64 m_version = -1;
    int m_generation = 0;
};

} // namespace Lede
