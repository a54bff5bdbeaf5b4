// SPDX-License-Identifier: MIT
#include "mentions.h"

#include "codecs.h"
#include "database.h"
#include "kb/knowledgebase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>

#include <algorithm>

namespace Lede {

using namespace Qt::StringLiterals;

bool MentionStore::prepare(Statement &statement, const QString &sql)
{
    if (!statement.query) {
        statement.query.emplace(m_db.connection());
        statement.query->setForwardOnly(true);
        statement.ready = statement.query->prepare(sql);
    }
    return statement.ready;
}

bool MentionStore::insert(qint64 articleId, const QList<EntityMention> &mentions)
{
    if (mentions.isEmpty())
        return true;
    const bool ready = prepare(m_insert,
        u"INSERT INTO mentions (article_id, entity_id, start_pos, end_pos, surface) VALUES (?, ?, ?, ?, ?)"_s);
    QSqlQuery &q = *m_insert.query;
    if (!ready)
        return m_db.writeFailed(QObject::tr("cannot save the mentions of article %1").arg(articleId), q);
    for (const EntityMention &e : mentions) {
        q.bindValue(0, articleId);
        q.bindValue(1, e.entityId);
        q.bindValue(2, e.start);
        q.bindValue(3, e.end);
        q.bindValue(4, Codec::text(e.surface));
        if (!q.exec())
            return m_db.writeFailed(QObject::tr("cannot save the mention of %1 at %2–%3 in article %4")
                                        .arg(e.entityId)
                                        .arg(e.start)
                                        .arg(e.end)
                                        .arg(articleId),
                q);
    }
    return true;
}

bool MentionStore::removeAll(qint64 articleId)
{
    const bool ready = prepare(m_remove, u"DELETE FROM mentions WHERE article_id = ?"_s);
    QSqlQuery &q = *m_remove.query;
    q.bindValue(0, articleId);
    return (ready && q.exec())
        || m_db.writeFailed(QObject::tr("cannot update the mentions of article %1").arg(articleId), q);
}

bool MentionStore::removeOne(qint64 articleId, const QString &entityId, qsizetype start, qsizetype end)
{
    QSqlQuery q(m_db.connection());
    const bool ready
        = q.prepare(u"DELETE FROM mentions WHERE article_id = ? AND entity_id = ? AND start_pos = ? AND end_pos = ?"_s);
    q.addBindValue(articleId);
    q.addBindValue(entityId);
    q.addBindValue(start);
    q.addBindValue(end);
    return (ready && q.exec()) || m_db.writeFailed(QObject::tr("cannot remove the mention"), q);
}

bool MentionStore::replace(qint64 articleId, const QList<EntityMention> &mentions)
{
    return removeAll(articleId) && insert(articleId, mentions);
}

std::optional<bool> MentionStore::same(qint64 articleId, const QList<EntityMention> &sorted)
{
    const bool ready = prepare(m_read,
        u"SELECT entity_id, start_pos, end_pos FROM mentions WHERE article_id = ? ORDER BY start_pos, end_pos"_s);
    QSqlQuery &q = *m_read.query;
    q.bindValue(0, articleId);
    if (!ready || !q.exec()) {
        m_db.readFailed(QObject::tr("the mentions of article %1").arg(articleId), q);
        return std::nullopt;
    }
    bool same = true;
    qsizetype i = 0;
    while (q.next()) {
        if (i >= sorted.size() || q.value(0).toString() != sorted.at(i).entityId
            || q.value(1).toLongLong() != sorted.at(i).start || q.value(2).toLongLong() != sorted.at(i).end) {
            same = false;
            break;
        }
        ++i;
    }
    q.finish();
    return same && i == sorted.size();
}

std::optional<qsizetype> MentionStore::replaceChanged(const QList<std::pair<qint64, QList<EntityMention>>> &articles)
{
    qsizetype changed = 0;
    for (const auto &[articleId, mentions] : articles) {
        QList<EntityMention> sorted = mentions;
        std::sort(sorted.begin(), sorted.end(), [](const EntityMention &x, const EntityMention &y) {
            return x.start != y.start ? x.start < y.start : x.end < y.end;
        });
        const auto unchanged = same(articleId, sorted);
        if (!unchanged)
            return std::nullopt;
        if (*unchanged)
            continue;
        ++changed;
        if (!replace(articleId, sorted))
            return std::nullopt;
    }
    return changed;
}

std::optional<QList<EntityMention>> MentionStore::forArticle(qint64 articleId) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    const bool ready = q.prepare(
        u"SELECT entity_id, start_pos, end_pos, surface FROM mentions WHERE article_id = ? ORDER BY start_pos"_s);
    q.addBindValue(articleId);
    if (!ready || !q.exec()) {
        m_db.readFailed(QObject::tr("the mentions of article %1").arg(articleId), q);
        return std::nullopt;
    }
    QList<EntityMention> out;
    while (q.next())
        out.append(EntityMention{
            q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toString()});
    return out;
}

std::optional<QHash<QString, QSet<qint64>>> MentionStore::entityArticles() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT DISTINCT entity_id, article_id FROM mentions"_s)) {
        m_db.readFailed(QObject::tr("which articles mention which entities"), q);
        return std::nullopt;
    }
    QHash<QString, QSet<qint64>> out;
    while (q.next())
        out[q.value(0).toString()].insert(q.value(1).toLongLong());
    return out;
}

std::optional<QHash<QString, QSet<qint64>>> MentionStore::entityArticles(const QList<qint64> &ids) const
{
    QHash<QString, QSet<qint64>> out;
    for (const QList<qint64> &chunk : idChunks(ids)) {
        QSqlQuery q(m_db.connection());
        q.setForwardOnly(true);
        const bool ready = q.prepare(u"SELECT DISTINCT entity_id, article_id FROM mentions WHERE article_id IN ("_s
            + placeholders(chunk.size()) + u")"_s);
        for (qint64 id : chunk)
            q.addBindValue(id);
        if (!ready || !q.exec()) {
            m_db.readFailed(QObject::tr("which articles mention which entities"), q);
            return std::nullopt;
        }
        while (q.next())
            out[q.value(0).toString()].insert(q.value(1).toLongLong());
    }
    return out;
}

std::optional<EntityCounts> MentionStore::entityCounts(const KnowledgeBase &kb) const
{
    EntityCounts out;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT k.entity_id, t.articles FROM entity_totals t JOIN entity_keys k ON k.id = t.entity "
                "WHERE t.articles > 0"_s)) {
        m_db.readFailed(QObject::tr("how many articles name each entity"), q);
        return std::nullopt;
    }
    while (q.next())
        out.direct.insert(q.value(0).toString(), q.value(1).toInt());
    // An entity with others named inside it counts each article once, however many it names.
    QSqlQuery widened(m_db.connection());
    widened.setForwardOnly(true);
    const bool ready = widened.prepare(
        u"SELECT count(DISTINCT m.article_id) FROM article_entities m WHERE m.entity IN (SELECT k.id FROM entity_keys "
        "k WHERE k.entity_id IN (SELECT value FROM json_each(?)))"_s);
    for (auto it = out.direct.cbegin(); it != out.direct.cend(); ++it) {
        QStringList inside;
        for (const QString &id : kb.descendantsAndSelf(it.key())) {
            if (out.direct.contains(id))
                inside.append(id);
        }
        if (inside.size() <= 1) {
            out.widened.insert(it.key(), it.value());
            continue;
        }
        widened.addBindValue(
            QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(inside)).toJson(QJsonDocument::Compact)));
        if (!ready || !widened.exec() || !widened.next()) {
            m_db.readFailed(QObject::tr("how many articles name each entity"), widened);
            return std::nullopt;
        }
        out.widened.insert(it.key(), widened.value(0).toInt());
        widened.finish();
    }
    return out;
}

} // namespace Lede
