// SPDX-License-Identifier: MIT
#include "database.h"

#include "schema.h"
#include "sqlfunctions.h"
#include "text/logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

// How long a statement waits for another connection's write lock before SQLite says "busy".
constexpr std::chrono::milliseconds busyWait{5000};
// The page cache of a connection that adds articles, in KiB (SQLite's default is 2 MiB). An import
// writes at places spread over the indexes (content hashes, dates, LSH band keys, entity pairs);
// once those outgrew the default, every insert read its page back from the file and a
// transaction's changed pages were spilled to the WAL and written again. The cache fills only as
// pages are read, so a small library uses little.
constexpr int importCacheKib = 64 * 1024;
// How many pages the WAL of such a connection grows to before they are copied into the file
// (SQLite's default is 1,000). A batch of articles changes thousands of pages spread over the LSH
// band index; copied after every batch, each went to the file once per batch, where most are
// changed again by the next.
constexpr int importCheckpointPages = 16 * 1024;

// SQLite's primary result codes, as QSqlError::nativeErrorCode() gives them.
constexpr int sqliteBusy = 5, sqliteLocked = 6, sqliteReadOnly = 8, sqliteIoErr = 10, sqliteCorrupt = 11,
              sqliteFull = 13, sqliteCantOpen = 14, sqliteNotADb = 26;

int sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : 0;
}

QString restoreSentence()
{
    return QObject::tr("Restore a backup with lede-cli restore (Lede keeps them in the .backups folder beside the "
                       "library)");
}

QString restoreHint()
{
    return QObject::tr("restore a backup with lede-cli restore (Lede keeps them in the .backups folder beside the "
                       "library)");
}

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

// A file name as an SQL string literal.
QString sqlString(const QString &text)
{
    QString out = text;
    return u'\'' + out.replace(u'\'', u"''"_s) + u'\'';
}

} // namespace

std::optional<int> Database::restoreMarkOf(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
        return std::nullopt;
    return q.value(0).toInt();
}

bool Database::replacedSinceOpen() const
{
    if (!isOpen())
        return false;
    const auto mark = restoreMarkOf(connection());
    return mark && *mark != m_restoreMark;
}

namespace {

// One number read from a library through a read-only connection of its own, opened and closed
// here (the file's schema version, its article count); nothing when it cannot be read.
std::optional<qint64> peekNumber(const QString &path, const QString &sql, const QString &extraOptions = {})
{
    std::optional<qint64> value;
    const QString name = u"lede-peek-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s + extraOptions);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0).toLongLong();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

} // namespace

Database::Database() : m_connection(u"lede-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

Database::~Database()
{
    close();
}

int Database::storedSchemaVersion(const QString &path)
{
    if (!QFileInfo(path).isFile())
        return 0;
    return int(peekNumber(path, u"SELECT version FROM schema_version"_s, u";QSQLITE_BUSY_TIMEOUT=5000"_s).value_or(0));
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
    const QString hint = advice(query.lastError(), m_path);
    if (!hint.isEmpty())
        return fail(QObject::tr("cannot read %1 from the library %2: %3. %4")
                        .arg(what, m_path, query.lastError().text(), hint));
    return fail(QObject::tr("cannot read %1 from the library %2: %3 (the file may be damaged, or not readable "
                            "by this user)")
                    .arg(what, m_path, query.lastError().text()));
}

bool Database::writeFailed(const QString &action, const QSqlQuery &query) const
{
    if (!isOpen())
        return fail(QObject::tr("%1: no library is open").arg(action));
    const QString hint = advice(query.lastError(), m_path);
    return fail(u"%1: %2"_s.arg(action, query.lastError().text()) + (hint.isEmpty() ? QString() : u". "_s + hint));
}

QString Database::advice(const QSqlError &error, const QString &path)
{
    switch (sqliteCode(error)) {
    case sqliteFull:
        return QObject::tr("The disk that holds %1 is full: free some space and try again; nothing was half-written")
            .arg(path);
    case sqliteReadOnly:
        return QObject::tr("%1 cannot be written (a read-only file, folder or disk): make it writable, or copy the "
                           "library to a folder you can write to")
            .arg(path);
    case sqliteCorrupt:
        return QObject::tr("The library %1 is damaged: %2").arg(path, restoreHint());
    case sqliteNotADb:
        return QObject::tr("%1 is not a Lede library (not an SQLite database): choose another file, or %2")
            .arg(path, restoreHint());
    case sqliteBusy:
    case sqliteLocked:
        return QObject::tr("Another program is writing to %1 and did not finish in time: try again").arg(path);
    case sqliteIoErr:
    case sqliteCantOpen:
        return QObject::tr("The disk that holds %1 could not be read or written: check that it is still there and "
                           "not full")
            .arg(path);
    default:
        return {};
    }
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
        return fail(QObject::tr("cannot create the folder %1 for the library: choose a folder you can write to")
                        .arg(info.absolutePath()));
    if (!checkFile(path))
        return false;
    if (!info.exists() && !m_creating) {
        // A new library is made whole under another name and then renamed into place, so a
        // process killed while making it never leaves an empty or half-made file at `path` (which
        // the next open would rightly refuse as damaged).
        const QString partial = u"%1.creating-%2"_s.arg(path).arg(QCoreApplication::applicationPid());
        for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s})
            QFile::remove(partial + suffix);
        const auto removePartial = [&partial] {
            for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s})
                QFile::remove(partial + suffix);
        };
        {
            Database fresh;
            fresh.m_creating = true;
            if (!fresh.open(partial)) {
                const QString error = fresh.lastError();
                fresh.close();
                removePartial();
                return fail(QString(error).replace(partial, path));
            }
            QSqlQuery checkpoint(fresh.connection());
            if (!checkpoint.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s) || !checkpoint.next()
                || checkpoint.value(0).toInt() != 0) {
                // SQLITE_BUSY in the first column, or an I/O error such as a full disk.
                const QString hint = advice(checkpoint.lastError(), path);
                const QString reason = checkpoint.lastError().text().trimmed();
                checkpoint.finish();
                fresh.close();
                removePartial();
                return fail(QObject::tr("cannot create the library %1: %2")
                                .arg(path,
                                    (reason.isEmpty() ? QObject::tr("its first contents could not be written") : reason)
                                        + (hint.isEmpty() ? QString() : u". "_s + hint)));
            }
        }
        for (const QString &suffix : {u"-wal"_s, u"-shm"_s})
            QFile::remove(partial + suffix); // empty after the checkpoint
        // Another process may have made it meanwhile: then that one is opened.
        if (!QFile::rename(partial, path))
            QFile::remove(partial);
    }
    bool ready = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
        db.setDatabaseName(path);
        if (!db.open())
            return fail(QObject::tr("cannot open the library %1: %2").arg(path, db.lastError().text()));
        // The search's statements use Lede's own functions (tally() for facet counts).
        // Nothing is written before the file is known to be a library this Lede can use.
        ready = addSqlFunctions(sqliteHandle(db))
            ? checkContents()
            : fail(QObject::tr("cannot open the library %1: its search functions could not be set up").arg(path));
        QSqlQuery q(db);
        for (const QString &pragma : {u"PRAGMA foreign_keys = ON"_s, u"PRAGMA journal_mode = WAL"_s,
                 u"PRAGMA synchronous = NORMAL"_s, u"PRAGMA busy_timeout = %1"_s.arg(busyWait.count())}) {
            if (!ready)
                break;
            if (!q.exec(pragma)) {
                const QString hint = advice(q.lastError(), path);
                ready = fail(QObject::tr("cannot set up the library %1: %2").arg(path, q.lastError().text())
                    + (hint.isEmpty() ? QString() : u". "_s + hint));
            }
        }
        if (ready)
            m_restoreMark = restoreMarkOf(db).value_or(0);
    }
    if (!ready || !migrate()) {
        const QString error = m_error;
        close();
        m_error = error;
        return false;
    }
    return true;
}

bool Database::checkFile(const QString &path)
{
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    const QString unchanged = QObject::tr("The file was not changed.");
    if (!info.exists()) {
        if (!QFileInfo(folder).isWritable())
            return fail(QObject::tr("cannot create the library %1: the folder %2 is read-only. Choose a folder you "
                                    "can write to.")
                            .arg(path, folder));
        return true;
    }
    if (info.isDir())
        return fail(
            QObject::tr("%1 is a folder, not a Lede library: choose a library file (such as library.lede).").arg(path));
    // Only stat() and access() here: opening the file would give this process a descriptor of its
    // own, and closing it drops every POSIX lock the process holds on the file, including those of
    // SQLite connections already open on it in other threads. SQLite itself says below whether the
    // content is a database.
    if (!info.isReadable())
        return fail(
            QObject::tr("cannot read the library %1: this user may not read it. Check its permissions.").arg(path));
    if (info.size() == 0)
        return fail(QObject::tr("the library %1 is empty (0 bytes): it was cut short, perhaps by a full disk or a "
                                "copy that did not finish. %2, or remove the file to start a new library there. %3")
                        .arg(path, restoreSentence(), unchanged));
    if (!info.isWritable())
        return fail(QObject::tr("the library %1 is read-only, and Lede writes to its library: make the file writable, "
                                "or copy it to a folder you can write to and open the copy. %2")
                        .arg(path, unchanged));
    if (!QFileInfo(folder).isWritable())
        return fail(QObject::tr("the library %1 is in a read-only folder (%2), and Lede keeps its journal beside the "
                                "library: make the folder writable, or copy the library to a folder you can write "
                                "to and open the copy. %3")
                        .arg(path, folder, unchanged));
    return true;
}

bool Database::checkContents()
{
    const QString unchanged = QObject::tr("The file was not changed.");
    QSqlQuery q(connection());
    if (!q.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s)) {
        if (sqliteCode(q.lastError()) == sqliteNotADb)
            return fail(QObject::tr("%1 is not a Lede library: it is not an SQLite database. Choose another file, or "
                                    "%2. %3")
                            .arg(m_path, restoreHint(), unchanged));
        const QString hint = advice(q.lastError(), m_path);
        return fail(
            QObject::tr("cannot read the library %1: %2. %3 %4")
                .arg(m_path, q.lastError().text(),
                    hint.isEmpty() ? QObject::tr("The file may be damaged: %1.").arg(restoreHint()) : hint + u'.',
                    unchanged));
    }
    QStringList tables;
    while (q.next())
        tables.append(q.value(0).toString());
    if (tables.isEmpty())
        return true; // a new library
    if (!tables.contains(u"schema_version"_s))
        return fail(QObject::tr("%1 is not a Lede library: it is a database of another program (its tables: %2). "
                                "Choose another file. %3")
                        .arg(m_path, tables.mid(0, 5).join(u", "_s), unchanged));
    const int version = schemaVersion();
    if (version == 0 && !m_error.isEmpty())
        return fail(m_error + u' ' + unchanged);
    if (version > currentSchemaVersion())
        return fail(QObject::tr("the library %1 was written by a newer Lede (schema %2; this one knows up to %3): "
                                "open it with that Lede, or update this one. %4")
                        .arg(m_path)
                        .arg(version)
                        .arg(currentSchemaVersion())
                        .arg(unchanged));
    // A file cut short still shows its first pages. With no journal waiting to be written into it
    // (an empty or absent -wal file), the file must hold every page its header counts.
    const QFileInfo wal(m_path + u"-wal"_s);
    if ((!wal.exists() || wal.size() == 0) && q.exec(u"PRAGMA page_count"_s) && q.next()) {
        const qint64 pages = q.value(0).toLongLong();
        if (q.exec(u"PRAGMA page_size"_s) && q.next() && QFileInfo(m_path).size() < pages * q.value(0).toLongLong())
            return fail(QObject::tr("the library %1 is damaged: it was cut short (%2 of %3 bytes). %4. %5")
                            .arg(m_path)
                            .arg(QFileInfo(m_path).size())
                            .arg(pages * q.value(0).toLongLong())
                            .arg(restoreSentence(), unchanged));
    }
    return true;
}

void Database::prepareForImport()
{
    if (m_importCache || !isOpen())
        return;
    // Only a tuning: an import goes on (more slowly) where it could not be set.
    QSqlQuery q(connection());
    m_importCache = q.exec(u"PRAGMA cache_size = -%1"_s.arg(importCacheKib))
        && q.exec(u"PRAGMA wal_autocheckpoint = %1"_s.arg(importCheckpointPages));
}

void Database::close()
{
    m_importCache = false;
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
        return writeFailed(QObject::tr("cannot set up the library %1").arg(m_path), q);
    int version = schemaVersion();
    if (version > currentSchemaVersion())
        return fail(QObject::tr("the library %1 was written by a newer Lede (schema %2; this one knows up to %3)")
                        .arg(m_path)
                        .arg(version)
                        .arg(currentSchemaVersion()));
    // An older library is copied before it changes, so a failed or regretted upgrade loses nothing.
    if (version > 0 && version < currentSchemaVersion()
        && backup(u"before-v%1"_s.arg(currentSchemaVersion())).isEmpty())
        return fail(QObject::tr("the library %1 was not upgraded, because it could not be backed up first: %2")
                        .arg(m_path, m_error));
    while (version < currentSchemaVersion()) {
        const QString action = QObject::tr("upgrading the library to version %1 failed").arg(version + 1);
        Transaction tx(*this);
        if (!tx.isActive())
            return false;
        for (const QString &statement : Schema::migrations().at(version)) {
            if (!q.exec(statement))
                return writeFailed(action, q);
        }
        if (!Schema::runStepCode(version, *this))
            return false;
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

namespace {
std::atomic<Database::BusyNotifier> g_busyNotifier = nullptr;
}

void Database::setBusyNotifier(BusyNotifier notifier)
{
    g_busyNotifier.store(notifier);
}

Database::BusyNotifier Database::busyNotifier()
{
    return g_busyNotifier.load();
}

QString Database::backupFolder(const QString &libraryPath)
{
    return libraryPath + u".backups"_s;
}

QStringList Database::backups(const QString &libraryPath)
{
    const QString base = QFileInfo(libraryPath).fileName();
    QStringList out;
    const QDir dir(backupFolder(libraryPath));
    for (const QFileInfo &file : dir.entryInfoList({base + u"-*.lede"_s}, QDir::Files, QDir::Name | QDir::Reversed))
        out.append(file.absoluteFilePath());
    return out;
}

std::optional<qint64> Database::articleCountOf(const QString &path)
{
    return peekNumber(path, u"SELECT count(*) FROM articles"_s);
}

QString Database::backup(const QString &kind)
{
    QString error;
    const QString target = backupOf(connection(), m_path, kind, &error);
    if (target.isEmpty())
        fail(error);
    return target;
}

QString Database::backupOf(const QSqlDatabase &db, const QString &libraryPath, const QString &kind, QString *error)
{
    const QString folder = backupFolder(libraryPath);
    if (!QDir().mkpath(folder)) {
        *error = QObject::tr("cannot back up the library %1: cannot create the folder %2").arg(libraryPath, folder);
        return {};
    }
    // The name sorts by time: library.lede-20261201-172200123-daily.lede
    const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmsszzz"_s);
    const QString target
        = QDir(folder).filePath(u"%1-%2-%3.lede"_s.arg(QFileInfo(libraryPath).fileName(), stamp, kind));
    const QString partial = target + u".partial"_s;
    QFile::remove(partial);
    QSqlQuery q(db);
    if (!q.exec(u"VACUUM INTO "_s + sqlString(partial))) {
        QFile::remove(partial);
        const QString hint = advice(q.lastError(), libraryPath);
        *error = QObject::tr("cannot back up the library %1 into %2: %3")
                     .arg(libraryPath, folder, q.lastError().text().trimmed())
            + (hint.isEmpty() ? QString() : u". "_s + hint);
        return {};
    }
    if (!QFile::rename(partial, target)) {
        QFile::remove(partial);
        *error = QObject::tr("cannot back up the library %1: cannot write %2").arg(libraryPath, target);
        return {};
    }
    const QString suffix = u"-"_s + kind + u".lede"_s;
    int kept = 0;
    for (const QString &older : backups(libraryPath)) {
        if (older.endsWith(suffix) && ++kept > backupsKept)
            QFile::remove(older);
    }
    qCDebug(lcStore) << "library" << libraryPath << "backed up to" << target;
    return target;
}

bool Database::backupIfDue(std::chrono::seconds interval)
{
    for (const QString &existing : backups(m_path)) {
        if (!existing.endsWith(u"-daily.lede"_s))
            continue;
        if (QFileInfo(existing).lastModified().secsTo(QDateTime::currentDateTime()) < interval.count())
            return true;
        break;
    }
    return !backup(u"daily"_s).isEmpty();
}

Database::InPlace Database::restoreInPlace(
    const QString &backupPath, const QString &libraryPath, QString *keptAs, QString *error)
{
    if (!QFileInfo(libraryPath).isFile())
        return InPlace::Unusable;
    const QString name = u"lede-restore-live-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    InPlace result = InPlace::Unusable;
    {
        QSqlDatabase live = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        live.setDatabaseName(libraryPath);
        result = [&] {
            {
                QSqlQuery q(live);
                if (!live.open() || !q.exec(u"PRAGMA quick_check"_s) || !q.next() || q.value(0).toString() != u"ok"_s)
                    return InPlace::Unusable;
                q.finish();
                q.exec(u"PRAGMA busy_timeout = %1"_s.arg(busyWait.count()));
            }
            // The library as it is now is kept first, as a backup of its own.
            QString why;
            *keptAs = backupOf(live, libraryPath, u"before-restore"_s, &why);
            if (keptAs->isEmpty()) {
                *error = QObject::tr("cannot restore %1: Lede could not first keep a copy of the library (%2). The "
                                     "library %3 was not changed.")
                             .arg(backupPath, why, libraryPath);
                return InPlace::Failed;
            }
            // The backup, with a new restore mark, in a copy of this process's own…
            const int old = restoreMarkOf(live).value_or(0);
            int mark = old;
            while (mark == old)
                mark = int(QRandomGenerator::global()->bounded(1u, 0x7fffffffu));
            const QString incoming = libraryPath + u".restoring"_s;
            const auto removeIncoming = [&incoming] {
                for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s})
                    QFile::remove(incoming + suffix);
            };
            removeIncoming();
            if (!QFile::copy(backupPath, incoming)) {
                removeIncoming();
                *error = QObject::tr("cannot restore %1: cannot write %2 (is the disk full or read-only?). The "
                                     "library was not changed.")
                             .arg(backupPath, incoming);
                return InPlace::Failed;
            }
            sqlite3 *source = nullptr;
            const auto closeSource = qScopeGuard([&] {
                sqlite3_close(source);
                removeIncoming();
            });
            sqlite3 *destination = sqliteHandle(live);
            const QByteArray setMark = "PRAGMA user_version = " + QByteArray::number(mark);
            if (!destination
                || sqlite3_open_v2(QFile::encodeName(incoming).constData(), &source, SQLITE_OPEN_READWRITE, nullptr)
                    != SQLITE_OK
                || sqlite3_exec(source, setMark.constData(), nullptr, nullptr, nullptr) != SQLITE_OK) {
                *error = QObject::tr("cannot restore %1: cannot prepare its copy %2 (%3). The library was not changed.")
                             .arg(backupPath, incoming,
                                 QString::fromUtf8(source ? sqlite3_errmsg(source) : "no connection"));
                return InPlace::Failed;
            }
            // …whose pages then take the place of the library's in one transaction, with SQLite's
            // online backup API: every connection open on the library goes on with a whole file.
            sqlite3_backup *copy = sqlite3_backup_init(destination, "main", source, "main");
            if (!copy) {
                *error = QObject::tr("cannot restore %1: %2. The library was not changed.")
                             .arg(backupPath, QString::fromUtf8(sqlite3_errmsg(destination)));
                return InPlace::Failed;
            }
            int rc = SQLITE_OK;
            for (int attempt = 0;; ++attempt) {
                rc = sqlite3_backup_step(copy, -1);
                if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || attempt >= busyRetries)
                    break;
                const QString message = QObject::tr("the library %1 is busy (another window or lede-cli is "
                                                    "writing to it); retrying")
                                            .arg(libraryPath);
                qCInfo(lcStore).noquote() << message;
                if (busyNotifier())
                    busyNotifier()(libraryPath, message);
                QThread::msleep(firstBusyWait.count());
            }
            sqlite3_backup_finish(copy);
            if (rc != SQLITE_DONE) {
                *error = QObject::tr("cannot restore %1 into %2: %3. The library was not changed.")
                             .arg(backupPath, libraryPath, QString::fromUtf8(sqlite3_errstr(rc)));
                return InPlace::Failed;
            }
            return InPlace::Restored;
        }();
        live.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

bool Database::restore(const QString &backupPath, const QString &libraryPath, QString *error, QString *keptAs)
{
    const auto failWith = [error](const QString &message) {
        if (error)
            *error = message;
        qCWarning(lcStore).noquote() << message;
        return false;
    };
    if (!QFileInfo(backupPath).isFile())
        return failWith(QObject::tr("there is no backup %1").arg(backupPath));
    // The backup is checked read-only: it must be a whole library this Lede can open.
    QString problem;
    {
        const QString name = u"lede-restore-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(backupPath);
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            QSqlQuery q(db);
            if (!db.open())
                problem = db.lastError().text();
            else if (!q.exec(u"PRAGMA integrity_check"_s) || !q.next() || q.value(0).toString() != u"ok"_s)
                problem = q.lastError().isValid() ? q.lastError().text() : q.value(0).toString();
            else if (!q.exec(u"SELECT version FROM schema_version"_s) || !q.next())
                problem = QObject::tr("it is not a Lede library");
            else if (q.value(0).toInt() > currentSchemaVersion())
                problem = QObject::tr("it was written by a newer Lede (schema %1)").arg(q.value(0).toInt());
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    if (!problem.isEmpty())
        return failWith(QObject::tr("cannot restore %1: %2. The library %3 was not changed.")
                            .arg(backupPath, problem, libraryPath));

    // A library that opens and passes a quick check is restored in place, where windows and
    // lede-cli may have it open; one that is broken is moved aside.
    QString kept, inPlaceError;
    switch (restoreInPlace(backupPath, libraryPath, &kept, &inPlaceError)) {
    case InPlace::Restored:
        if (keptAs)
            *keptAs = kept;
        qCDebug(lcStore).noquote() << "restored" << libraryPath << "in place from" << backupPath << "keeping" << kept;
        return true;
    case InPlace::Failed:
        return failWith(inPlaceError);
    case InPlace::Unusable:
        break;
    }
    const QString incoming = libraryPath + u".restoring"_s;
    QFile::remove(incoming);
    if (!QFile::copy(backupPath, incoming)) {
        QFile::remove(incoming);
        return failWith(QObject::tr("cannot restore %1: cannot write %2 (is the disk full or read-only?). The library "
                                    "was not changed.")
                            .arg(backupPath, incoming));
    }
    // The library it replaces, with its journal, is moved aside rather than deleted.
    QString aside;
    if (QFileInfo::exists(libraryPath)) {
        aside = libraryPath + u".replaced-"_s + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmsszzz"_s);
        if (!QFile::rename(libraryPath, aside)) {
            QFile::remove(incoming);
            return failWith(QObject::tr("cannot restore %1: cannot move %2 aside. The library was not changed.")
                                .arg(backupPath, libraryPath));
        }
        for (const QString &journal : {u"-wal"_s, u"-shm"_s}) {
            if (QFileInfo::exists(libraryPath + journal))
                QFile::rename(libraryPath + journal, aside + journal);
        }
    }
    if (!QFile::rename(incoming, libraryPath)) {
        QFile::remove(incoming);
        if (!aside.isEmpty()) {
            QFile::rename(aside, libraryPath);
            for (const QString &journal : {u"-wal"_s, u"-shm"_s})
                QFile::rename(aside + journal, libraryPath + journal);
        }
        return failWith(
            QObject::tr("cannot restore %1 to %2. The library was not changed.").arg(backupPath, libraryPath));
    }
    if (keptAs)
        *keptAs = aside;
    qCInfo(lcStore).noquote() << "restored" << libraryPath << "from" << backupPath;
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

Transaction::Transaction(const Database &db) : m_db(db), m_connection(db.connection()), m_active(false)
{
    if (!db.isOpen()) {
        m_db.fail(QObject::tr("cannot change the library: no library is open"));
        return;
    }
    // IMMEDIATE takes the write lock now, waiting (busy_timeout) while another window or lede-cli
    // writes. A deferred transaction that read first could instead fail at its first write when
    // another writer had committed in between, and that change would be lost.
    // The first attempt waits only briefly, so the wait can be told (the notifier) while it lasts.
    QSqlQuery q(m_connection);
    const auto setWait
        = [&q](std::chrono::milliseconds wait) { q.exec(u"PRAGMA busy_timeout = %1"_s.arg(wait.count())); };
    setWait(Database::firstBusyWait);
    for (int attempt = 0;; ++attempt) {
        if (q.exec(u"BEGIN IMMEDIATE"_s)) {
            if (attempt == 0)
                setWait(busyWait);
            // Holding the lock, the library is known to be the one this connection read: a restore
            // elsewhere may have put a backup in its place since.
            // (A mark that cannot be read is left to the statements that follow to report.)
            if (const auto mark = Database::restoreMarkOf(m_connection); mark && *mark != db.m_restoreMark) {
                q.exec(u"ROLLBACK"_s);
                m_db.fail(QObject::tr("the library %1 was restored from a backup (in another window or by lede-cli) "
                                      "after this window read it, so this change was not saved: Lede reads the "
                                      "library again; then make the change again")
                              .arg(db.path()));
                return;
            }
            m_active = true;
            return;
        }
        const int code = sqliteCode(q.lastError());
        if (attempt == 0)
            setWait(busyWait);
        if ((code == sqliteBusy || code == sqliteLocked) && attempt < Database::busyRetries) {
            const QString message = QObject::tr("the library %1 is busy (another window or lede-cli is writing to it); "
                                                "retrying")
                                        .arg(db.path());
            qCInfo(lcStore).noquote() << message;
            if (Database::busyNotifier())
                Database::busyNotifier()(db.path(), message);
            continue;
        }
        const QString hint = Database::advice(q.lastError(), db.path());
        m_db.fail(QObject::tr("cannot begin a change to the library %1: %2").arg(db.path(), q.lastError().text())
            + (hint.isEmpty() ? QString() : u". "_s + hint));
        return;
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
    // COMMIT as a statement of its own, so its error keeps SQLite's code (a full disk, …).
    QSqlQuery q(m_connection);
    if (q.exec(u"COMMIT"_s))
        return true;
    const QSqlError error = q.lastError();
    m_connection.rollback();
    const QString hint = Database::advice(error, m_db.path());
    return m_db.fail(u"%1: %2"_s.arg(action, error.text()) + (hint.isEmpty() ? QString() : u". "_s + hint));
}

} // namespace Lede
