// SPDX-License-Identifier: MIT
#include "stories.h"

#include "database.h"

#include <QObject>
#include <QSqlQuery>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

QString jsonList(const QList<qint64> &ids)
{
    QByteArray out = "[";
    for (qsizetype i = 0; i < ids.size(); ++i)
        out += (i ? "," : "") + QByteArray::number(ids.at(i));
    return QString::fromLatin1(out + ']');
}

} // namespace

bool StoryGrouping::signatures(const QList<qint64> &ids, QHash<qint64, MinHash::Signature> &out, const QString &action)
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    QList<qint64> missing;
    if (m_cache) {
        // Another connection's commit may have deleted articles whose ids come back.
        if (!q.exec(u"PRAGMA data_version"_s) || !q.next())
            return m_db.writeFailed(action, q);
        const qint64 version = q.value(0).toLongLong();
        if (version != m_cache->dataVersion || m_cache->signatures.size() >= StorySignatureCache::limit) {
            m_cache->signatures.clear();
            m_cache->dataVersion = version;
        }
        for (const qint64 id : ids) {
            const auto cached = m_cache->signatures.constFind(id);
            if (cached != m_cache->signatures.constEnd())
                out.insert(id, *cached);
            else
                missing.append(id);
        }
    } else {
        missing = ids;
    }
    if (missing.isEmpty())
        return true;
    if (!q.prepare(uR"(SELECT article_id, signature FROM story_signatures
                       WHERE article_id IN (SELECT value FROM json_each(?)))"_s))
        return m_db.writeFailed(action, q);
    q.bindValue(0, jsonList(missing));
    if (!q.exec())
        return m_db.writeFailed(action, q);
    while (q.next()) {
        const auto signature = MinHash::fromBytes(q.value(1).toByteArray());
        if (!signature)
            continue; // unreadable: compares as no copy, as an absent one does
        const qint64 id = q.value(0).toLongLong();
        out.insert(id, *signature);
        if (m_cache)
            m_cache->signatures.insert(id, *signature);
    }
    return true;
}

std::optional<qint64> StoryGrouping::assign(qint64 id, const QString &text)
{
    const QString action = QObject::tr("cannot group article %1 with its copies").arg(id);
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    qint64 story = id;
    if (m_cache) // an id this connection freed and took again has the new text's signature
        m_cache->signatures.remove(id);
    if (const auto sig = MinHash::signature(text)) {
        const auto keys = MinHash::bandKeys(*sig);
        // Candidates share at least one band: each once, oldest first. Their signatures come from
        // the cache or in one statement, and each is compared in memory: a text of common phrases
        // shares bands with more articles as the library grows.
        QByteArray keyList = "[";
        for (int b = 0; b < MinHash::Bands; ++b)
            keyList += (b ? "," : "") + QByteArray::number(keys[b]);
        keyList += ']';
        // json_each numbers the keys from 0, as the bands are numbered.
        if (!q.prepare(uR"(SELECT DISTINCT b.article_id FROM json_each(?) j
                           JOIN story_bands b ON b.band = j.key AND b.band_key = j.value
                           ORDER BY b.article_id)"_s)) {
            m_db.writeFailed(action, q);
            return std::nullopt;
        }
        q.bindValue(0, QString::fromLatin1(keyList));
        if (!q.exec()) {
            m_db.writeFailed(action, q);
            return std::nullopt;
        }
        QList<qint64> candidates;
        while (q.next())
            candidates.append(q.value(0).toLongLong());
        QHash<qint64, MinHash::Signature> known;
        if (!signatures(candidates, known, action))
            return std::nullopt;
        // The most similar candidate above the threshold gives its story; of equals, the oldest.
        double best = 0.0;
        qint64 closest = 0;
        for (const qint64 candidate : std::as_const(candidates)) {
            const auto other = known.constFind(candidate);
            const double similarity = other != known.constEnd() ? MinHash::similarity(*sig, *other) : 0.0;
            if (similarity >= MinHash::SameStoryThreshold && similarity > best) {
                best = similarity;
                closest = candidate;
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
