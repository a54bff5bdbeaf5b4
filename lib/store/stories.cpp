// SPDX-License-Identifier: MIT
#include "stories.h"

#include "database.h"
#include "text/minhash.h"

#include <QObject>
#include <QSqlQuery>

namespace Lede {

using namespace Qt::StringLiterals;

std::optional<qint64> StoryGrouping::assign(qint64 id, const QString &text)
{
    const QString action = QObject::tr("cannot group article %1 with its copies").arg(id);
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    qint64 story = id;
    if (const auto sig = MinHash::signature(text)) {
        const auto keys = MinHash::bandKeys(*sig);
        // Candidates share at least one band. They and their signatures come in one statement,
        // each once and oldest first (a candidate is compared in memory, not by a query of its
        // own: a text of common phrases shares bands with more articles as the library grows).
        QByteArray keyList = "[";
        for (int b = 0; b < MinHash::Bands; ++b)
            keyList += (b ? "," : "") + QByteArray::number(keys[b]);
        keyList += ']';
        // json_each numbers the keys from 0, as the bands are numbered.
        if (!q.prepare(uR"(SELECT article_id, signature FROM story_signatures WHERE article_id IN
                           (SELECT b.article_id FROM json_each(?) j
                            JOIN story_bands b ON b.band = j.key AND b.band_key = j.value)
                           ORDER BY article_id)"_s)) {
            m_db.writeFailed(action, q);
            return std::nullopt;
        }
        q.bindValue(0, QString::fromLatin1(keyList));
        if (!q.exec()) {
            m_db.writeFailed(action, q);
            return std::nullopt;
        }
        // The most similar candidate above the threshold gives its story; of equals, the oldest.
        double best = 0.0;
        qint64 closest = 0;
        while (q.next()) {
            const auto other = MinHash::fromBytes(q.value(1).toByteArray());
            const double similarity = other ? MinHash::similarity(*sig, *other) : 0.0;
            if (similarity >= MinHash::SameStoryThreshold && similarity > best) {
                best = similarity;
                closest = q.value(0).toLongLong();
            }
        }
        if (closest != 0) {
            if (!q.prepare(u"SELECT story_id FROM articles WHERE id = ?"_s)) {
                m_db.writeFailed(action, q);
                return std::nullopt;
            }
            q.bindValue(0, closest);
            if (!q.exec() || !q.next()) {
                m_db.writeFailed(action, q);
                return std::nullopt;
            }
            story = q.value(0).toLongLong();
        }
        const bool signatureReady = q.prepare(u"INSERT INTO story_signatures (article_id, signature) VALUES (?, ?)"_s);
        q.addBindValue(id);
        q.addBindValue(MinHash::toBytes(*sig));
        if (!signatureReady || !q.exec()) {
            m_db.writeFailed(action, q);
            return std::nullopt;
        }
        if (!q.prepare(u"INSERT INTO story_bands (band, band_key, article_id) VALUES (?, ?, ?)"_s)) {
            m_db.writeFailed(action, q);
            return std::nullopt;
        }
        for (int b = 0; b < MinHash::Bands; ++b) {
            q.bindValue(0, b);
            q.bindValue(1, keys[b]);
            q.bindValue(2, id);
            if (!q.exec()) {
                m_db.writeFailed(action, q);
                return std::nullopt;
            }
        }
    }
    const bool storyReady = q.prepare(u"UPDATE articles SET story_id = ? WHERE id = ?"_s);
    q.addBindValue(story);
    q.addBindValue(id);
    if (!storyReady || !q.exec()) {
        m_db.writeFailed(action, q);
        return std::nullopt;
    }
    return story;
}

} // namespace Lede
