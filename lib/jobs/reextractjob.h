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

/// What a re-extraction did, for the summary a person reads at the end.
struct ReextractSummary
{
    int done = 0; // articles looked at
    int total = 0; // articles in the library
    int changed = 0; // articles whose text changed
    int noSource = 0; // articles whose file the library does not have: re-linked only
    int unreadable = 0; // articles whose file no longer parses into an article: left as they were
    int duplicates = 0; // articles whose new text is another article's: left as they were
    int exact = 0; // annotations on the same words at the same place
    int moved = 0; // annotations found again elsewhere, or with their words changed a little
    int orphaned = 0; // annotations that could not be placed: kept and listed as orphans
    bool cancelled = false;
    QString error; // set when the library could not be read or written

    QString describe() const;
};

/// Parses every article of a library again from its stored original file, after the extractor or
/// the knowledge base changed: each article gets its new text and metadata, its mentions are
/// linked again (what the journalist rejected stays out, on its words) and each annotation is placed again by
/// reanchor(): on the same words, moved, or kept as an orphan.
///
/// run() does the work on the calling thread with its own connection to the library, so it belongs
/// on a worker thread in the GUI. Each article is written in its own transaction, so a job that is
/// cancelled, fails or is killed leaves every article either as it was or fully re-extracted.
/// cancel() stops the job between articles.
class ReextractJob : public QObject
{
    Q_OBJECT
public:
    ReextractJob(QString libraryPath, std::shared_ptr<const Linker> linker, QObject *parent = nullptr);
    /// Re-extracts only these articles; by default, all.
    void setArticles(QList<qint64> ids) { m_only = std::move(ids); }

    ReextractSummary run();
    /// Thread-safe: the job stops after the article it is on.
    void cancel() { m_cancel.store(true); }

    /// The encoding a file of this format is read in: the detection the parser and the Source view use.
    static QByteArray detectEncoding(const QByteArray &bytes, int format);

Q_SIGNALS:
    void progress(int done, int total);
    void finished(const QString &summary, const QString &error);

private:
    QString m_libraryPath;
    std::shared_ptr<const Linker> m_linker;
    std::optional<QList<qint64>> m_only;
    std::atomic_bool m_cancel = false;
};

} // namespace Lede
