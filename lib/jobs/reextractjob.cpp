// SPDX-License-Identifier: MIT
#include "reextractjob.h"

#include "html/encoding.h"
#include "link/linker.h"
#include "parse/documentparser.h"
#include "store/library.h"
#include "text/logging.h"

#include <QElapsedTimer>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

// Which of the file's articles is this one: the same URL, else the same title, else the item it was.
const Article *matching(const QList<Article> &parsed, const Article &old, int item)
{
    if (parsed.size() == 1)
        return &parsed.first();
    for (const Article &a : parsed) {
        if (!old.url.isEmpty() && a.url == old.url)
            return &a;
    }
    for (const Article &a : parsed) {
        if (!old.title.isEmpty() && a.title == old.title)
            return &a;
    }
    return item >= 0 && item < parsed.size() ? &parsed.at(item) : nullptr;
}

} // namespace

QString ReextractSummary::describe() const
{
    QString s = QObject::tr("%1 of %2 articles re-extracted, %3 changed; annotations: %4 re-anchored exactly, "
                            "%5 moved, %6 orphaned")
                    .arg(done)
                    .arg(total)
                    .arg(changed)
                    .arg(exact)
                    .arg(moved)
                    .arg(orphaned);
    if (noSource)
        s += u"; "_s + QObject::tr("%1 without their file (re-linked only)").arg(noSource);
    if (unreadable)
        s += u"; "_s + QObject::tr("%1 whose file gives no article now (left as they were)").arg(unreadable);
    if (duplicates)
        s += u"; "_s + QObject::tr("%1 that now read as another article (left as they were)").arg(duplicates);
    if (cancelled)
        s += u" "_s + QObject::tr("(cancelled)");
    if (!error.isEmpty())
        s += u"\n"_s + QObject::tr("library error: %1").arg(error);
    return s;
}

ReextractJob::ReextractJob(QString libraryPath, std::shared_ptr<const Linker> linker, QObject *parent)
    : QObject(parent), m_libraryPath(std::move(libraryPath)), m_linker(std::move(linker))
{ }

QByteArray ReextractJob::detectEncoding(const QByteArray &bytes, int format)
{
    switch (SourceFormat(format)) {
    case SourceFormat::Html:
        return decodeHtml(bytes).encoding;
    case SourceFormat::Rss:
    case SourceFormat::Atom:
        return decodeXml(bytes).encoding;
    case SourceFormat::JsonFeed:
        return "UTF-8";
    default:
        return decodeText(bytes).encoding;
    }
}

ReextractSummary ReextractJob::run()
{
    ReextractSummary summary;
    const auto finish = [this, &summary] {
        Q_EMIT finished(summary.describe(), summary.error);
        return summary;
    };
    QElapsedTimer timer;
    timer.start();
    Library library;
    if (!library.open(m_libraryPath)) {
        summary.error = library.lastError();
        return finish();
    }
    QList<qint64> ids;
    if (m_only) {
        ids = *m_only;
    } else {
        const QList<ArticleSummary> all = library.articles();
        if (!library.lastError().isEmpty() && all.isEmpty()) {
            summary.error = library.lastError();
            return finish();
        }
        for (const ArticleSummary &s : all)
            ids.append(s.id);
    }
    summary.total = int(ids.size());
    Q_EMIT progress(0, summary.total);
    for (qint64 id : std::as_const(ids)) {
        if (m_cancel.load()) {
            summary.cancelled = true;
            break;
        }
        const auto old = library.article(id);
        const auto source = library.articleSource(id);
        if (!old || !source) {
            summary.error = library.lastError();
            break;
        }
        Article next = *old;
        if (source->isNull()) {
            ++summary.noSource;
        } else {
            const ParseResult parsed = parseDocument(source->data, old->sourcePath);
            const Article *match = parsed.ok() ? matching(parsed.articles, *old, source->item) : nullptr;
            if (!match || match->text.isEmpty()) {
                ++summary.unreadable;
                qCDebug(lcIngest).noquote()
                    << "re-extracting article" << id << "from" << old->sourcePath << "gave no article:" << parsed.error;
            } else {
                next = *match;
                next.sourcePath = old->sourcePath;
            }
            if (source->encoding.isEmpty()
                && !library.setSourceEncoding(id, detectEncoding(source->data, int(parsed.format)))) {
                summary.error = library.lastError();
                break;
            }
        }
        next.entities = m_linker->link(next.text); // the library keeps rejected mentions out
        const auto result = library.reextractArticle(id, next);
        if (!result) {
            summary.error = library.lastError();
            break;
        }
        if (result->duplicateOf) {
            ++summary.duplicates;
        } else {
            summary.changed += result->textChanged ? 1 : 0;
            summary.exact += result->exact;
            summary.moved += result->moved;
            summary.orphaned += result->orphaned;
        }
        ++summary.done;
        Q_EMIT progress(summary.done, summary.total);
    }
    qCInfo(lcIngest).noquote() << "re-extracted" << summary.done << "of" << summary.total << "articles in"
                               << timer.elapsed() << "ms:" << summary.describe();
    return finish();
}

} // namespace Lede
