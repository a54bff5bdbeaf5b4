// SPDX-License-Identifier: MIT
#include "importjob.h"

#include "parse/documentparser.h"
#include "reextractjob.h"
#include "store/library.h"
#include "text/logging.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QThread>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace Lede {

using namespace Qt::StringLiterals;

QString ImportSummary::describe() const
{
    if (!libraryError.isEmpty() && files == 0 && added == 0)
        return QObject::tr("nothing imported: %1").arg(libraryError);
    auto count
        = [](int n, const QString &one, const QString &many) { return u"%1 %2"_s.arg(n).arg(n == 1 ? one : many); };
    QString s = count(files, QObject::tr("file read"), QObject::tr("files read")) + u": "_s
        + count(added, QObject::tr("article added"), QObject::tr("articles added")) + u", "_s
        + count(duplicates, QObject::tr("duplicate"), QObject::tr("duplicates")) + u", "_s
        + count(grouped, QObject::tr("grouped with a story"), QObject::tr("grouped with a story")) + u", "_s
        + count(failed, QObject::tr("failed"), QObject::tr("failed"));
    if (cancelled)
        s += u" "_s + QObject::tr("(cancelled)");
    if (!libraryError.isEmpty())
        s += u"\n"_s + QObject::tr("library error: %1").arg(libraryError);
    return s;
}

ImportJob::ImportJob(QString libraryPath, QStringList paths, std::shared_ptr<const Linker> linker, QObject *parent)
    : QObject(parent), m_libraryPath(std::move(libraryPath)), m_paths(std::move(paths)), m_linker(std::move(linker))
{
    qRegisterMetaType<Lede::ImportSummary>();
    qRegisterMetaType<QList<qint64>>();
}

QStringList ImportJob::collectFiles(const QStringList &paths)
{
    static const QStringList patterns = {u"*.txt"_s, u"*.text"_s, u"*.md"_s, u"*.markdown"_s, u"*.html"_s, u"*.htm"_s,
        u"*.xhtml"_s, u"*.xml"_s, u"*.rss"_s, u"*.atom"_s, u"*.json"_s};
    QStringList out;
    QSet<QString> seen;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QStringList inDir;
            QDirIterator it(path, patterns, QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
            while (it.hasNext())
                inDir.append(it.next());
            inDir.sort();
            for (const QString &f : std::as_const(inDir)) {
                if (f.contains(u"/."))
                    continue; // hidden files and folders
                const QString abs = QFileInfo(f).absoluteFilePath();
                if (!seen.contains(abs)) {
                    seen.insert(abs);
                    out.append(abs);
                }
            }
        } else {
            const QString abs = info.absoluteFilePath();
            if (!seen.contains(abs)) {
                seen.insert(abs);
                out.append(abs);
            }
        }
    }
    return out;
}

ParseResult ImportJob::parseAndLink(const QString &path, const Linker &linker)
{
    ParseResult result = parseFile(path);
    for (Article &a : result.articles)
        a.entities = linker.link(a.text);
    return result;
}

namespace {

// Reads a file (with parseFile()'s checks) and parses it, keeping the bytes for the library.
ParseResult readAndParse(const QString &path, QByteArray *bytes)
{
    const QFileInfo info(path);
    if (!info.isFile() || info.size() > MaxSourceBytes)
        return parseFile(path); // says why
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return parseFile(path);
    *bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return parseFile(path);
    return parseDocument(*bytes, info.absoluteFilePath());
}

// A file parsed and linked, with its bytes and their encoding for the library to keep.
struct ParsedFile
{
    ParseResult result;
    ArticleSource source;
};

// Files parsed and linked ahead of the one being written, at most.
constexpr int kParseLookAhead = 8;
// Threads that parse and link; the job's own thread writes.
constexpr int kMaxParseThreads = 2;

/// Parses and links files on a few threads, ahead of the writer but never more than kParseLookAhead files
/// beyond the one it waits for; take() hands the results back in file order. When destroyed (the import done,
/// cancelled or stopped by the library) it finishes the files its threads are on and joins them.
class ParseAhead
{
public:
    ParseAhead(const QStringList &files, const Linker &linker)
        : m_files(files), m_linker(linker), m_results(size_t(files.size()))
    {
        const int threads = std::clamp(QThread::idealThreadCount(), 1, kMaxParseThreads);
        for (int t = 0; t < threads && t < files.size(); ++t)
            m_threads.emplace_back([this] { work(); });
    }
    ~ParseAhead()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        for (std::thread &t : m_threads)
            t.join();
    }
    ParseAhead(const ParseAhead &) = delete;
    ParseAhead &operator=(const ParseAhead &) = delete;

    /// The result for file i (waiting for it); files must be taken in order.
    ParsedFile take(int i)
    {
        std::unique_lock lock(m_mutex);
        m_taken = i;
        m_changed.notify_all();
        m_changed.wait(lock, [&] { return m_results[size_t(i)].has_value(); });
        ParsedFile r = std::move(*m_results[size_t(i)]);
        m_results[size_t(i)].reset();
        return r;
    }

private:
    void work()
    {
        for (;;) {
            int i;
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(
                    lock, [&] { return m_stop || m_next >= m_files.size() || m_next <= m_taken + kParseLookAhead; });
                if (m_stop || m_next >= m_files.size())
                    return;
                i = int(m_next++);
            }
            ParsedFile r;
            r.result = readAndParse(m_files.at(i), &r.source.data);
            for (Article &a : r.result.articles)
                a.entities = m_linker.link(a.text);
            if (!r.source.data.isNull())
                r.source.encoding = ReextractJob::detectEncoding(r.source.data, int(r.result.format));
            {
                std::lock_guard lock(m_mutex);
                m_results[size_t(i)] = std::move(r);
            }
            m_changed.notify_all();
        }
    }

    const QStringList &m_files;
    const Linker &m_linker;
    std::vector<std::optional<ParsedFile>> m_results;
    std::vector<std::thread> m_threads;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    qsizetype m_next = 0; // the next file a thread takes up
    int m_taken = 0; // the file the writer waits for
    bool m_stop = false;
};

} // namespace

ImportSummary ImportJob::run()
{
    ImportSummary summary;
    Library library;
    if (!library.open(m_libraryPath)) {
        summary.libraryError = library.lastError();
        Q_EMIT finished(summary);
        return summary;
    }
    const QStringList files = collectFiles(m_paths);
    const int total = int(files.size());
    QList<qint64> unreported;
    QElapsedTimer sinceReport;
    sinceReport.start();
    const auto report = [&](bool force) {
        if (unreported.isEmpty() || (!force && sinceReport.elapsed() < addedReportIntervalMs))
            return;
        Q_EMIT articlesAdded(unreported);
        unreported.clear();
        sinceReport.restart();
    };
    ParseAhead ahead(files, *m_linker);
    for (int i = 0; i < total; ++i) {
        if (m_cancel.load()) {
            summary.cancelled = true;
            break;
        }
        const QString &path = files.at(i);
        Q_EMIT progress(i, total, path);
        ++summary.files;
        const ParsedFile file = ahead.take(i);
        const ParseResult &parsed = file.result;
        if (!parsed.ok()) {
            ++summary.failed;
            summary.failures.append({path, parsed.error});
            qCDebug(lcIngest).noquote() << path << ":" << parsed.error;
            Q_EMIT fileFailed(path, parsed.error);
            continue;
        }
        for (qsizetype item = 0; item < parsed.articles.size(); ++item) {
            const Article &a = parsed.articles.at(item);
            ArticleSource source = file.source;
            source.item = int(item);
            const auto added = library.addArticle(a, source);
            if (!added) {
                // The library refused a write: stop rather than report half an import as done.
                summary.libraryError = library.lastError();
                summary.failures.append({path, library.lastError()});
                ++summary.failed;
                Q_EMIT fileFailed(path, library.lastError());
                report(true);
                Q_EMIT finished(summary);
                return summary;
            }
            if (added->duplicate) {
                ++summary.duplicates;
            } else {
                ++summary.added;
                summary.grouped += added->grouped ? 1 : 0;
                summary.addedIds.append(added->id);
                unreported.append(added->id);
            }
        }
        report(false);
    }
    report(true);
    Q_EMIT progress(summary.files, total, QString());
    Q_EMIT finished(summary);
    return summary;
}

} // namespace Lede
