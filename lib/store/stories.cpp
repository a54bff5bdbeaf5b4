// SPDX-License-Identifier: MIT
#include "stories.h"

#include "database.h"
#include "text/minhash.h"

#include <QObject>
#include <QSet>
#include <QSqlQuery>

namespace Lede {

using namespace Qt::StringLiterals;

std::optional<qint64> StoryGrouping::assign(qint64 id, const QString &text)
{
    const QString action = QObject::tr("cannot group article %1 with its copies").arg(id);
    QSqlQuery q(m_db.connection());
    qint64 story = id;
    if (const auto sig = MinHash::signature(text)) {
        const auto keys = MinHash::bandKeys(*sig);
        // Candidates share at least one band; the best one similar enough gives its story.
        QSet<qint64> candidates;
        if (!q.prepare(u"SELECT article_id FROM story_bands WHERE band = ? AND band_key = ?"_s)) {
            m_db.writeFailed(action, q);
            return std::nullopt;
        }
        for (int b = 0; b < MinHash::Bands; ++b) {
            q.bindValue(0, b);
            q.bindValue(1, keys[b]);
            if (!q.exec()) {
                m_db.writeFailed(action, q);
                return std::nullopt;
            }
            while (q.next())
                candidates.insert(q.value(0).toLongLong());
        }
        double best = MinHash::SameStoryThreshold;
        QSqlQuery c(m_db.connection());
        if (!c.prepare(uR"(SELECT s.signature, a.story_id FROM story_signatures s JOIN articles a ON a.id = s.article_id
                           WHERE s.article_id = ?)"_s)) {
            m_db.writeFailed(action, c);
            return std::nullopt;
        }
        for (qint64 candidate : std::as_const(candidates)) {
            c.bindValue(0, candidate);
            if (!c.exec()) {
                m_db.writeFailed(action, c);
                return std::nullopt;
            }
            if (!c.next())
                continue;
            const auto other = MinHash::fromBytes(c.value(0).toByteArray());
            const double similarity = other ? MinHash::similarity(*sig, *other) : 0.0;
            if (similarity >= best) {
                best = similarity;
                story = c.value(1).toLongLong();
            }
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
