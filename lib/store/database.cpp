// SPDX-License-Identifier: MIT
#include "database.h"

#include "schema.h"
#include "text/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>

namespace Lede {

using namespace Qt::StringLiterals;

Database::Database() : m_connection(u"lede-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

Database::~Database()
{
    close();
}

int Database::currentSchemaVersion()
{
    return int(Schema::migrations().size());
}

bool Database::fail(const QString &message) const
{
    m_error = message;
    qCWarning(lcStore).noquote() << message;
    return false;
}

bool Database::readFailed(const QString &what, const QSqlQuery &query) const
{
    if (!isOpen())
        return fail(QObject::tr("cannot read %1: no library is open").arg(what));
    return fail(QObject::tr("cannot read %1 from the library %2: %3 (the file may be damaged, or not readable "
                            "by this user)")
                    .arg(what, m_path, query.lastError().text()));
}

bool Database::writeFailed(const QString &action, const QSqlQuery &query) const
{
    if (!isOpen())
        return fail(QObject::tr("%1: no library is open").arg(action));
    return fail(u"%1: %2"_s.arg(action, query.lastError().text()));
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && connection().isOpen();
}

bool Database::open(const QString &path)
{
    close();
    m_path = path;
    m_error.clear();
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(QObject::tr("cannot create the folder %1").arg(info.absolutePath()));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
        db.setDatabaseName(path);
        if (!db.open())
            return fail(QObject::tr("cannot open the library %1: %2").arg(path, db.lastError().text()));
        QSqlQuery q(db);
        for (const QString &pragma : {u"PRAGMA foreign_keys = ON"_s, u"PRAGMA journal_mode = WAL"_s,
                 u"PRAGMA synchronous = NORMAL"_s, u"PRAGMA busy_timeout = 5000"_s}) {
            if (!q.exec(pragma))
                return fail(QObject::tr("cannot set up the library %1: %2").arg(path, q.lastError().text()));
        }
        // A file that is not SQLite fails here rather than at the first write.
        if (!q.exec(u"SELECT count(*) FROM sqlite_master"_s))
            return fail(QObject::tr("%1 is not a Lede library: %2").arg(path, q.lastError().text()));
    }
    if (!migrate()) {
        const QString error = m_error;
        close();
        m_error = error;
        return false;
    }
    return true;
}

void Database::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

int Database::schemaVersion() const
{
    QSqlQuery q(connection());
    if (!q.exec(u"SELECT version FROM schema_version"_s)) {
        readFailed(QObject::tr("the library's version"), q);
        return 0;
    }
    return q.next() ? q.value(0).toInt() : 0;
}

bool Database::migrate()
{
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    if (!q.exec(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"_s))
        return fail(QObject::tr("cannot read the library's version: %1").arg(q.lastError().text()));
    int version = schemaVersion();
    if (version > currentSchemaVersion())
        return fail(QObject::tr("the library %1 was written by a newer Lede (schema %2; this one knows up to %3)")
                        .arg(m_path)
                        .arg(version)
                        .arg(currentSchemaVersion()));
    while (version < currentSchemaVersion()) {
        const QString action = QObject::tr("upgrading the library to version %1 failed").arg(version + 1);
        Transaction tx(*this);
        if (!tx.isActive())
            return false;
        for (const QString &statement : Schema::migrations().at(version)) {
            if (!q.exec(statement))
                return writeFailed(action, q);
        }
        if (!q.exec(u"DELETE FROM schema_version"_s))
            return writeFailed(action, q);
        const bool ready = q.prepare(u"INSERT INTO schema_version (version) VALUES (?)"_s);
        q.addBindValue(version + 1);
        if (!ready || !q.exec())
            return writeFailed(action, q);
        if (!tx.commit(action))
            return false;
        ++version;
        qCDebug(lcStore) << "library" << m_path << "upgraded to schema" << version;
    }
    return true;
}

QList<QList<qint64>> idChunks(const QList<qint64> &ids)
{
    // SQLite binds up to 32766 values a statement (999 before 3.32); stay well below.
    constexpr qsizetype chunkSize = 500;
    QList<qint64> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    QList<QList<qint64>> out;
    for (qsizetype i = 0; i < sorted.size(); i += chunkSize)
        out.append(sorted.mid(i, chunkSize));
    return out;
}

QString placeholders(qsizetype count)
{
    QString out;
    out.reserve(count * 3);
    for (qsizetype i = 0; i < count; ++i)
        out += i ? u", ?"_s : u"?"_s;
    return out;
}

Transaction::Transaction(const Database &db)
    : m_db(db), m_connection(db.connection()), m_active(m_connection.transaction())
{
    if (!m_active) {
        m_db.fail(db.isOpen() ? QObject::tr("cannot begin a change to the library %1: %2")
                                    .arg(db.path(), m_connection.lastError().text())
                              : QObject::tr("cannot change the library: no library is open"));
    }
}

Transaction::~Transaction()
{
    if (m_active)
        m_connection.rollback();
}

bool Transaction::commit(const QString &action)
{
    if (!m_active)
        return false;
    m_active = false;
    if (m_connection.commit())
        return true;
    const QString reason = m_connection.lastError().text();
    m_connection.rollback();
    return m_db.fail(u"%1: %2"_s.arg(action, reason));
}

} // namespace Lede
