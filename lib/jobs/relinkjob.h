// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace Lede {

class Linker;

/// What a re-link did.
struct RelinkSummary
{
    int done = 0; // articles re-linked and written
    int total = 0; // articles in the library
    int changed = 0; // articles whose mentions changed
    bool cancelled = false;
    QString error; // set when the library could not be read or written
};

/// Re-links every article of a library with a new linker, after the knowledge base changed (an
/// alias added, an entity merged…), and stores the mentions that changed.
///
/// run() does the work on the calling thread with its own connection to the library, so it belongs
/// on a worker thread in the GUI. Articles are written in batches, each batch in one transaction,
/// and only those whose mentions differ are rewritten. cancel() stops the job between batches:
/// every article then has either its old mentions or its new ones, never a mixture.
class RelinkJob : public QObject
{
    Q_OBJECT
public:
    RelinkJob(QString libraryPath, std::shared_ptr<const Linker> linker, QObject *parent = nullptr);

    /// Articles per transaction.
    static constexpr int batchSize = 500;

    RelinkSummary run();
    /// Thread-safe: the job stops after the batch it is on.
    void cancel() { m_cancel.store(true); }

Q_SIGNALS:
    void progress(int done, int total);
    /// When the job ends: finished, cancelled (error empty) or failed (error says why).
    void finished(int changedArticles, const QString &error);

private:
    QString m_libraryPath;
    std::shared_ptr<const Linker> m_linker;
    std::atomic_bool m_cancel = false;
};

} // namespace Lede
