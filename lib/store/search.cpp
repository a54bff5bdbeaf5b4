// SPDX-License-Identifier: MIT
#include "search.h"

#include "database.h"
#include "query/searchtext.h"
#include "query/sql.h"

#include <QObject>
#include <QSqlQuery>
#include <QtEndian>

namespace Lede {

using namespace Qt::StringLiterals;

bool SearchStore::add(qint64 articleId, const QString &title, const QString &body)
{
    QSqlQuery q(m_db.connection());
    const bool ready = q.prepare(u"INSERT INTO search_text (rowid, title, body) VALUES (?, ?, ?)"_s);
    q.addBindValue(articleId);
    q.addBindValue(Query::indexText(title));
    q.addBindValue(Query::indexText(body));
    return (ready && q.exec())
        || m_db.writeFailed(QObject::tr("cannot add article %1 to the search index").arg(articleId), q);
}

std::optional<qsizetype> SearchStore::pending() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(u"SELECT count(*) FROM search_pending"_s) || !q.next()) {
        m_db.readFailed(QObject::tr("the articles waiting for the search index"), q);
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

std::optional<qsizetype> SearchStore::catchUp(qsizetype limit)
{
    {
        QSqlQuery q(m_db.connection());
        if (!q.exec(u"SELECT 1 FROM search_pending LIMIT 1"_s)) {
            m_db.readFailed(QObject::tr("the articles waiting for the search index"), q);
            return std::nullopt;
        }
        if (!q.next())
            return 0;
    }
    Transaction tx(m_db);
    if (!tx.isActive())
        return std::nullopt;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.prepare(uR"(SELECT a.id, a.title, a.body FROM search_pending p JOIN articles a ON a.id = p.article_id
                       ORDER BY p.article_id LIMIT ?)"_s)) {
        m_db.readFailed(QObject::tr("the articles waiting for the search index"), q);
        return std::nullopt;
    }
    q.addBindValue(limit);
    if (!q.exec()) {
        m_db.readFailed(QObject::tr("the articles waiting for the search index"), q);
        return std::nullopt;
    }
    qsizetype done = 0;
    qint64 last = 0;
    while (q.next()) {
        last = q.value(0).toLongLong();
        if (!add(last, q.value(1).toString(), q.value(2).toString()))
            return std::nullopt;
        ++done;
    }
    QSqlQuery clear(m_db.connection());
    const bool cleared = clear.prepare(u"DELETE FROM search_pending WHERE article_id <= ?"_s);
    clear.addBindValue(last);
    if (!cleared || !clear.exec()) {
        m_db.writeFailed(QObject::tr("cannot build the search index"), clear);
        return std::nullopt;
    }
    if (!tx.commit(QObject::tr("cannot build the search index")))
        return std::nullopt;
    return done;
}

std::optional<Query::SearchResult> SearchStore::search(const Query::Search &search, int parts) const
{
    if (!search.ok()) {
        m_db.fail(QObject::tr("cannot search for \"%1\": %2").arg(search.text, search.errors.first().message));
        return std::nullopt;
    }
    const Query::SqliteDialect dialect;
    const Query::SqlStatement statement = Query::SqlTranslator(dialect).search(search, parts);
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    bool ok = q.prepare(statement.sql);
    for (const QVariant &v : statement.params)
        q.addBindValue(v);
    if (!ok || !q.exec()) {
        m_db.readFailed(QObject::tr("the articles that match \"%1\"").arg(search.text), q);
        return std::nullopt;
    }
    Query::SearchResult result;
    while (q.next()) {
        switch (q.value(0).toInt()) {
        case 0:
            if (q.value(1).isNull()) { // all the ids, packed (SqliteDialect::orderedIds())
                const QByteArray packed = q.value(2).toByteArray();
                result.ids.reserve(result.ids.size() + packed.size() / 8);
                for (qsizetype i = 0; i + 8 <= packed.size(); i += 8)
                    result.ids.append(qFromLittleEndian<qint64>(packed.constData() + i));
            } else {
                result.ids.append(q.value(1).toLongLong());
            }
            break;
        case 1:
            result.entityCounts.insert(q.value(1).toString(), q.value(2).toInt());
            break;
        default:
            if (q.value(1).isNull())
                result.undated += q.value(2).toInt();
            else
                result.weeks.append({QDate::fromString(q.value(1).toString(), Qt::ISODate), q.value(2).toInt()});
        }
    }
    std::sort(result.weeks.begin(), result.weeks.end(),
        [](const Query::WeekCount &a, const Query::WeekCount &b) { return a.monday < b.monday; });
    return result;
}

} // namespace Lede
