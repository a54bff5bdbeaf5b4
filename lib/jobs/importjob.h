// SPDX-License-Identifier: MIT
#pragma once

#include "link/linker.h"
#include "parse/documentparser.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace Lede {

struct ImportFailure
{
    QString path;
    QString reason;
};

/// What an import did, for the summary a person reads at the end.
struct ImportSummary
{
    int files = 0; // files read
    int added = 0; // new articles
    int duplicates = 0; // articles already in the library
    int grouped = 0; // new articles that are copies of a story already there (counted in added too)
    int failed = 0; // files that gave no article
    bool cancelled = false;
    QList<ImportFailure> failures;
    QList<qint64> addedIds;
    QString libraryError; // set when the library itself could not be written; nothing was half-written

    QString describe() const;
};

/// Parses, links and stores files into a library: the one import path for the GUI and the CLI.
///
/// run() does the work on the calling thread, opening its own connection to the library, so it
/// belongs on a worker thread in the GUI. A file that cannot be read or parsed is reported by name
/// and the import goes on with the rest; each article is written in its own transaction, so a
/// cancelled or failed import leaves every article either fully there or not there at all.
class ImportJob : public QObject
{
    Q_OBJECT
public:
    /// `paths` are files and folders; folders are walked by run(), on the job's thread.
    ImportJob(QString libraryPath, QStringList paths, std::shared_ptr<const Linker> linker, QObject *parent = nullptr);

    /// How often, at most, articlesAdded() reports what was committed, so a view can show new rows
    /// as they arrive without being flooded.
    static constexpr int addedReportIntervalMs = 100;

    /// Expands folders (recursively, files with known extensions, hidden files skipped) and keeps
    /// named files as they are; the result is sorted and without repeats.
    static QStringList collectFiles(const QStringList &paths);
    /// Parses one file and links its articles.
    static ParseResult parseAndLink(const QString &path, const Linker &linker);

    ImportSummary run();
    /// Thread-safe: the job stops after the file it is on.
    void cancel() { m_cancel.store(true); }

Q_SIGNALS:
    void progress(int done, int total, const QString &file);
    /// Articles committed to the library since the last report (new ones only, not duplicates).
    void articlesAdded(const QList<qint64> &ids);
    void fileFailed(const QString &path, const QString &reason);
    void finished(const Lede::ImportSummary &summary);

private:
    QString m_libraryPath;
    QStringList m_paths;
    std::shared_ptr<const Linker> m_linker;
    std::atomic_bool m_cancel = false;
};

} // namespace Lede

Q_DECLARE_METATYPE(Lede::ImportSummary)
