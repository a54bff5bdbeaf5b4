// SPDX-License-Identifier: MIT
#include "importjob.h"

#include "parse/documentparser.h"
#include "store/library.h"
#include "text/logging.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>

namespace Lede {

using namespace Qt::StringLiterals;

QString ImportSummary::describe() const
{
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
    for (int i = 0; i < total; ++i) {
        if (m_cancel.load()) {
            summary.cancelled = true;
            break;
        }
        const QString &path = files.at(i);
        Q_EMIT progress(i, total, path);
        ++summary.files;
        const ParseResult parsed = parseAndLink(path, *m_linker);
        if (!parsed.ok()) {
            ++summary.failed;
            summary.failures.append({path, parsed.error});
            qCDebug(lcIngest).noquote() << path << ":" << parsed.error;
            Q_EMIT fileFailed(path, parsed.error);
            continue;
        }
        for (const Article &a : parsed.articles) {
            const auto added = library.addArticle(a);
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
