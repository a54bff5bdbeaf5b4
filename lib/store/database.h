// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

class QSqlError;
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

    /// Opens (creating it if needed) the file at `path`, upgrading its schema after backing it up.
    /// A file that is not a Lede library (not SQLite, another program's database, empty or
    /// truncated), one from a newer Lede, a read-only file or folder, or a full disk gives a message
    /// that names the file and what to do, and the file is left exactly as it was.
    bool open(const QString &path);
    bool isOpen() const;
    void close();
    QString path() const { return m_path; }
    QSqlDatabase connection() const;
    /// Gives this connection the larger page cache that adding many articles needs; a connection
    /// that only reads keeps SQLite's default, so the desk's memory does not grow with what it read.
    void prepareForImport();

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
    /// What a person can do about an SQLite error on the library at `path` (a damaged file, a full
    /// disk, a read-only file…), or an empty string when there is nothing to add.
    static QString advice(const QSqlError &error, const QString &path);

    /// Copies the open library, consistently while others may be writing to it (VACUUM INTO), to a
    /// new file in backupFolder(); `kind` ("daily", "before-v3") names it. The newest backups of
    /// each kind are kept (backupsKept), older ones removed. Returns the new file, or an empty
    /// string when it failed (see lastError()).
    QString backup(const QString &kind);
    /// Makes a "daily" backup when the newest one is older than `interval` (or there is none).
    /// Returns false only when a backup was due and failed.
    bool backupIfDue(std::chrono::seconds interval = std::chrono::hours(24));
    static constexpr int backupsKept = 5;

    /// A write that finds another connection writing waits for it and then tries again, up to
    /// busyRetries times, saying each time "busy, retrying" (logged to lede.store, and passed to
    /// the notifier when one is set) rather than failing. The first wait is short (firstBusyWait),
    /// so the notifier hears of it while the write still waits; the next ones are 5 s each.
    static constexpr int busyRetries = 11;
    static constexpr std::chrono::milliseconds firstBusyWait{250};
    /// Told the library's path and a sentence for a person ("the library … is busy …; retrying").
    using BusyNotifier = void (*)(const QString &libraryPath, const QString &message);
    /// Sets the function told of each retry (from whichever thread writes); nullptr for none.
    static void setBusyNotifier(BusyNotifier notifier);
    static BusyNotifier busyNotifier();
    /// The schema version written in the file at `path`, read without changing anything; 0 when the
    /// file has none or cannot be read.
    static int storedSchemaVersion(const QString &path);
    /// The folder of a library's backups: "library.lede.backups" beside "library.lede".
    static QString backupFolder(const QString &libraryPath);
    /// A library's backups, newest first.
    static QStringList backups(const QString &libraryPath);
    /// How many articles a backup (or any library file) holds, read without changing it; nothing
    /// when it cannot be read.
    static std::optional<qint64> articleCountOf(const QString &path);
    /// Puts a backup in place of the library at `libraryPath`. The backup is checked first (a Lede
    /// library that passes integrity_check). A library that opens and passes a quick check is
    /// restored in place: it is backed up first ("before-restore"), then the backup's pages replace
    /// its own in one transaction (SQLite's online backup API), with a new restore mark, so windows
    /// and lede-cli that have it open go on with a whole file and know (replacedSinceOpen()). A
    /// broken library is moved aside instead, with its -wal and -shm files, to a name that says so
    /// ("library.lede.replaced-<time>"). `keptAs` gets the before-restore backup or the file moved
    /// aside. On failure `error` says why and nothing has changed.
    static bool restore(
        const QString &backupPath, const QString &libraryPath, QString *error, QString *keptAs = nullptr);

    /// Whether a restore (restore(), here or in another process) has put a backup in place of the
    /// library since this connection opened it. Every write checks it once it holds the lock, and
    /// is refused when it did: it would change the library as it was, not as it is now.
    bool replacedSinceOpen() const;
    /// The mark a restore writes into the library with the restored pages (PRAGMA user_version, a
    /// number no other part of Lede uses); nothing when it cannot be read.
    static std::optional<int> restoreMarkOf(const QSqlDatabase &db);

private:
    friend class Transaction;
    enum class InPlace { Restored, Failed, Unusable };
    static InPlace restoreInPlace(
        const QString &backupPath, const QString &libraryPath, QString *keptAs, QString *error);
    /// backup() of any connection to the library at `libraryPath`.
    static QString backupOf(const QSqlDatabase &db, const QString &libraryPath, const QString &kind, QString *error);
    bool checkFile(const QString &path);
    bool checkContents();
    bool migrate();
    QString m_connection;
    QString m_path;
    bool m_creating = false; // making a new library under a temporary name
    int m_restoreMark = 0; // restoreMarkOf() when the library was opened
    bool m_importCache = false; // prepareForImport() has set this connection's cache
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
