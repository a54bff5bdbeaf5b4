// SPDX-License-Identifier: MIT
#include "relinkjob.h"

#include "kb/kbedit.h"

#include "link/linker.h"
#include "store/library.h"
#include "text/logging.h"

#include <QElapsedTimer>

namespace Lede {

RelinkJob::RelinkJob(QString libraryPath, std::shared_ptr<const Linker> linker, QObject *parent)
    : QObject(parent), m_libraryPath(std::move(libraryPath)), m_linker(std::move(linker))
{ }

RelinkSummary RelinkJob::run()
{
    RelinkSummary summary;
    const auto finish = [this, &summary] {
        Q_EMIT finished(summary.changed, summary.error);
        return summary;
    };
    QElapsedTimer timer;
    timer.start();
    Library library;
    if (!library.open(m_libraryPath)) {
        summary.error = library.lastError();
        return finish();
    }
    // The texts of the articles named, or of the whole library a batch at a time: a library of
    // 100,000 articles holds hundreds of megabytes of text, more than the window itself needs.
    QList<std::pair<qint64, QString>> named;
    if (m_only) {
        for (qint64 id : std::as_const(*m_only)) {
            if (const auto a = library.article(id))
                named.append({id, a->text});
        }
        summary.total = int(named.size());
    } else {
        summary.total = int(library.articleCount());
        if (!library.lastError().isEmpty()) {
            summary.error = library.lastError();
            return finish();
        }
    }
    // Until every article is linked again the library is marked as linked with no known base, so a
    // re-link that is stopped or killed is done again the next time it is opened.
    if (!m_only && !m_fingerprint.isEmpty() && !library.linkFingerprint().isEmpty()
        && !library.setLinkFingerprint(QString())) {
        summary.error = library.lastError();
        return finish();
    }
    const RejectedMentions rejected = rejectedMentions(library.kbEdits(), &m_linker->knowledgeBase());
    Q_EMIT progress(0, summary.total);
    QList<std::pair<qint64, QList<EntityMention>>> batch;
    batch.reserve(batchSize);
    qsizetype nextNamed = 0;
    qint64 lastId = 0;
    while (true) {
        if (m_cancel.load()) {
            summary.cancelled = true;
            break;
        }
        QList<std::pair<qint64, QString>> texts;
        if (m_only) {
            texts = named.mid(nextNamed, batchSize);
            nextNamed += texts.size();
        } else {
            texts = library.articleTexts(lastId, batchSize);
            if (texts.isEmpty() && !library.lastError().isEmpty()) {
                summary.error = library.lastError();
                break;
            }
        }
        if (texts.isEmpty())
            break;
        lastId = texts.constLast().first;
        batch.clear();
        for (const auto &[id, text] : std::as_const(texts)) {
            QList<EntityMention> mentions = m_linker->link(text);
            dropRejected(mentions, id, rejected); // what the journalist rejected stays out
            batch.append({id, std::move(mentions)});
        }
        const std::optional<qsizetype> changed = library.replaceMentions(batch);
        if (!changed) {
            summary.error = library.lastError();
            break;
        }
        summary.changed += int(*changed);
        summary.done += int(texts.size());
        // Articles imported while the job runs are re-linked too, and counted.
        summary.total = std::max(summary.total, summary.done);
        Q_EMIT progress(summary.done, summary.total);
    }
    if (!m_only && !m_fingerprint.isEmpty() && !summary.cancelled && summary.error.isEmpty()
        && !library.setLinkFingerprint(m_fingerprint))
        summary.error = library.lastError();
    qCInfo(lcLink) << "re-linked" << summary.done << "of" << summary.total << "articles," << summary.changed
                   << "changed, in" << timer.elapsed() << "ms" << (summary.cancelled ? "(cancelled)" : "");
    return finish();
}

} // namespace Lede
