// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

#include <atomic>

namespace Lede {

/// Indexes for search the articles a library upgrade left waiting (Library::searchIndexPending()),
/// so opening a large library from before the index does not keep the window waiting.
///
/// run() works on the calling thread with its own connection, in batches of one transaction each;
/// cancel() stops it between batches, and what is still waiting is indexed the next time.
class SearchIndexJob : public QObject
{
    Q_OBJECT
public:
    explicit SearchIndexJob(QString libraryPath, QObject *parent = nullptr);

    /// Articles per transaction.
    static constexpr int batchSize = 1000;

    /// Returns how many articles were indexed.
    int run();
    /// Thread-safe: the job stops after the batch it is on.
    void cancel() { m_cancel.store(true); }

Q_SIGNALS:
    void progress(int done, int total);
    /// When the job ends: finished, cancelled (error empty) or failed (error says why).
    void finished(int indexed, const QString &error);

private:
    QString m_libraryPath;
    std::atomic_bool m_cancel = false;
};

} // namespace Lede
