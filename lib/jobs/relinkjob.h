// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

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
    /// Re-links only these articles (those an import added with an older linker); by default, all.
    void setArticles(QList<qint64> ids) { m_only = std::move(ids); }
    /// Records `fingerprint` (Linker::fingerprint()) in the library once every article has been
    /// re-linked; a job that was cancelled, failed or re-linked only some articles records nothing,
    /// so the library is re-linked again the next time it is opened.
    void setFingerprint(QString fingerprint) { m_fingerprint = std::move(fingerprint); }

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
    std::optional<QList<qint64>> m_only;
    QString m_fingerprint;
    std::atomic_bool m_cancel = false;
};

} // namespace Lede
