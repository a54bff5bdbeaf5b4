// SPDX-License-Identifier: MIT
#include "searchindexjob.h"

#include "store/library.h"
#include "text/logging.h"

#include <QElapsedTimer>

namespace Lede {

SearchIndexJob::SearchIndexJob(QString libraryPath, QObject *parent)
    : QObject(parent), m_libraryPath(std::move(libraryPath))
{ }

int SearchIndexJob::run()
{
    QElapsedTimer timer;
    timer.start();
    int done = 0;
    QString error;
    Library library;
    std::optional<qsizetype> total;
    if (!library.open(m_libraryPath) || !(total = library.searchIndexPending())) {
        error = library.lastError();
        Q_EMIT finished(done, error);
        return done;
    }
    Q_EMIT progress(0, int(*total));
    while (done < *total && !m_cancel.load()) {
        const std::optional<qsizetype> indexed = library.catchUpSearchIndex(batchSize);
        if (!indexed) {
            error = library.lastError();
            break;
        }
        if (*indexed == 0)
            break; // another connection indexed the rest
        done += int(*indexed);
        Q_EMIT progress(done, int(*total));
    }
    qCInfo(lcStore) << "indexed" << done << "of" << *total << "articles for search in" << timer.elapsed() << "ms"
                    << (m_cancel.load() ? "(cancelled)" : "");
    Q_EMIT finished(done, error);
    return done;
}

} // namespace Lede
