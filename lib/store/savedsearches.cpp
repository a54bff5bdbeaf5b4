// SPDX-License-Identifier: MIT
#include "savedsearches.h"

#include "codecs.h"
#include "database.h"

#include <QObject>
#include <QSqlQuery>

namespace Lede {

using namespace Qt::StringLiterals;

std::optional<SavedSearch> SavedSearchStore::save(const QString &name, const QString &query)
{
    const QString trimmed = name.simplified();
    if (trimmed.isEmpty()) {
        m_db.fail(QObject::tr("a saved search needs a name"));
        return std::nullopt;
    }
    SavedSearch s{0, trimmed, query.trimmed(), QDateTime::currentDateTimeUtc()};
    QSqlQuery q(m_db.connection());
    const bool ready = q.prepare(uR"(INSERT INTO saved_searches (name, query, created_at) VALUES (?, ?, ?)
                                      ON CONFLICT (name) DO UPDATE SET query = excluded.query
                                      RETURNING id, name, created_at)"_s);
    q.addBindValue(s.name);
    q.addBindValue(s.query);
    q.addBindValue(Codec::timestamp(s.created));
    if (!ready || !q.exec() || !q.next()) {
        m_db.writeFailed(QObject::tr("cannot save the search \"%1\"").arg(s.name), q);
        return std::nullopt;
    }
    s.id = q.value(0).toLongLong();
    s.name = q.value(1).toString();
    s.created = Codec::timestampFromText(q.value(2).toString());
    return s;
}

bool SavedSearchStore::rename(qint64 id, const QString &name)
{
    const QString trimmed = name.simplified();
    if (trimmed.isEmpty())
        return m_db.fail(QObject::tr("a saved search needs a name"));
    QSqlQuery q(m_db.connection());
    const bool ready = q.prepare(uR"(UPDATE saved_searches SET name = ? WHERE id = ?
                                     AND NOT EXISTS (SELECT 1 FROM saved_searches WHERE name = ? AND id <> ?))"_s);
    q.addBindValue(trimmed);
    q.addBindValue(id);
    q.addBindValue(trimmed);
    q.addBindValue(id);
    if (!ready || !q.exec())
        return m_db.writeFailed(QObject::tr("cannot rename the saved search"), q);
    if (q.numRowsAffected() != 1)
        return m_db.fail(QObject::tr("another saved search is called \"%1\"").arg(trimmed));
    return true;
}

bool SavedSearchStore::remove(qint64 id)
{
    QSqlQuery q(m_db.connection());
    const bool ready = q.prepare(u"DELETE FROM saved_searches WHERE id = ?"_s);
    q.addBindValue(id);
    return (ready && q.exec()) || m_db.writeFailed(QObject::tr("cannot delete the saved search"), q);
}

std::optional<QList<SavedSearch>> SavedSearchStore::all() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT id, name, query, created_at FROM saved_searches ORDER BY name COLLATE NOCASE, id"_s)) {
        m_db.readFailed(QObject::tr("the saved searches"), q);
        return std::nullopt;
    }
    QList<SavedSearch> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
            Codec::timestampFromText(q.value(3).toString())});
    return out;
}

} // namespace Lede
