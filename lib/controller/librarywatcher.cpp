// SPDX-License-Identifier: MIT
#include "librarywatcher.h"

#include "store/library.h"

#include <QSqlQuery>
#include <QTimer>

namespace Lede {

using namespace Qt::StringLiterals;

LibraryWatcher::LibraryWatcher(std::function<void(int generation, bool replaced)> changed)
    : m_changed(std::move(changed))
{ }

LibraryWatcher::~LibraryWatcher() = default;

void LibraryWatcher::watch(const QString &path, int generation)
{
    if (!m_timer) {
        m_timer = new QTimer(this); // on this thread
        connect(m_timer, &QTimer::timeout, this, &LibraryWatcher::poll);
    }
    m_timer->stop();
    m_library.reset();
    m_version = -1;
    m_generation = generation;
    if (path.isEmpty())
        return;
    m_library = std::make_unique<Library>();
    if (!m_library->open(path)) {
        m_library.reset(); // the controller reports why it cannot be opened
        return;
    }
    poll(); // the version the library has now
    m_timer->start(m_interval);
}

void LibraryWatcher::setInterval(std::chrono::milliseconds interval)
{
    m_interval = interval;
    if (m_timer && m_timer->isActive())
        m_timer->start(m_interval);
}

void LibraryWatcher::stop()
{
    if (m_timer)
        m_timer->stop();
    m_library.reset();
}

void LibraryWatcher::poll()
{
    if (!m_library)
        return;
    QSqlQuery q(m_library->database());
    if (!q.exec(u"PRAGMA data_version"_s) || !q.next())
        return; // a busy or vanished file: the next poll tries again
    const qint64 version = q.value(0).toLongLong();
    q.finish();
    const bool changed = m_version >= 0 && version != m_version;
    m_version = version;
    if (!changed)
        return;
    const bool replaced = m_library->replacedSinceOpen();
    if (replaced)
        m_timer->stop(); // until the controller watches the library as it is now
    m_changed(m_generation, replaced);
}

} // namespace Lede
