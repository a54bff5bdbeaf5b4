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
    QList<std::pair<qint64, QString>> texts;
    if (m_only) {
        for (qint64 id : std::as_const(*m_only)) {
            if (const auto a = library.article(id))
                texts.append({id, a->text});
        }
    } else {
        texts = library.articleTexts();
        if (!library.lastError().isEmpty() && texts.isEmpty()) {
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
    summary.total = int(texts.size());
    Q_EMIT progress(0, summary.total);
    QList<std::pair<qint64, QList<EntityMention>>> batch;
    batch.reserve(batchSize);
    for (qsizetype first = 0; first < texts.size(); first += batchSize) {
        if (m_cancel.load()) {
            summary.cancelled = true;
            break;
        }
        const qsizetype last = std::min(texts.size(), first + batchSize);
        batch.clear();
        for (qsizetype i = first; i < last; ++i) {
            QList<EntityMention> mentions = m_linker->link(texts.at(i).second);
            dropRejected(mentions, texts.at(i).first, rejected); // what the journalist rejected stays out
            batch.append({texts.at(i).first, std::move(mentions)});
        }
        const std::optional<qsizetype> changed = library.replaceMentions(batch);
        if (!changed) {
            summary.error = library.lastError();
            break;
        }
        summary.changed += int(*changed);
        summary.done = int(last);
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
