// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlDatabase>
#include <QString>

class QSqlQuery;

namespace Lede {

/// The library file: one SQLite connection of its own, its schema brought up to date by ordered
/// migrations when it opens, and the latest error as text a person can act on.
///
/// The other parts of the store read and write through it; they report their failures here, so
/// lastError() is the one place to look after any of them returned nothing.
class Database
{
public:
    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens (creating it if needed) the file at `path`, upgrading its schema.
    bool open(const QString &path);
    bool isOpen() const;
    void close();
    QString path() const { return m_path; }
    QSqlDatabase connection() const;

    /// The schema version written in the file; 0 when none is (or it cannot be read: see lastError()).
    int schemaVersion() const;
    static int currentSchemaVersion();

    QString lastError() const { return m_error; }
    /// Keeps `message` as the latest error, logs it, and returns false.
    bool fail(const QString &message) const;
    /// Reports that reading `what` ("the article list", …) failed, with the reason from `query`.
    bool readFailed(const QString &what, const QSqlQuery &query) const;
    /// Reports that `action` ("cannot save the annotation", …) failed, with the reason from `query`.
    bool writeFailed(const QString &action, const QSqlQuery &query) const;

private:
    bool migrate();
    QString m_connection;
    QString m_path;
    mutable QString m_error;
};

/// Rolls back unless committed: every write to the library goes through one of these.
class Transaction
{
public:
    explicit Transaction(const Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    /// False when the transaction could not begin (then the database has reported why).
    bool isActive() const { return m_active; }
    /// Commits; on failure reports `action` with the reason and returns false.
    bool commit(const QString &action);

private:
    const Database &m_db;
    QSqlDatabase m_connection;
    bool m_active;
};

/// Ids in chunks small enough to bind as one `IN (?, …)` list, sorted and without duplicates.
QList<QList<qint64>> idChunks(const QList<qint64> &ids);
/// "?, ?, …" for `count` values.
QString placeholders(qsizetype count);

} // namespace Lede
