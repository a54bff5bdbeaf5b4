// SPDX-License-Identifier: MIT
// Broken or foreign libraries: an empty, truncated or corrupted file, one from a newer Lede, a file
// that is not SQLite, another program's database, a read-only file or folder, a full disk. Each
// gives a message that names the file and says what to do, never a crash or an empty library, and
// the user's file is left byte for byte as it was. And backups: made before a migration, rotated,
// restored (also with lede-cli restore) after the library broke.

#include "store/database.h"
#include "store/library.h"
#include "testpaths.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(data);
}

Lede::Article article(int i)
{
    Lede::Article a;
    a.sourcePath = u"/tmp/article-%1.txt"_s.arg(i);
    a.format = Lede::SourceFormat::PlainText;
    a.title = u"Article %1"_s.arg(i);
    // Different enough from each other not to be grouped as one story, long enough to fill pages.
    QString text;
    for (int k = 0; k < 40; ++k)
        text += u"Paragraph %1 of article %2 says Nvidia shipped %3 chips to region %4.\n\n"_s.arg(k)
                    .arg(i)
                    .arg(i * 1000 + k * 37)
                    .arg((i * 7919 + k) % 101);
    a.text = text.trimmed();
    a.entities = {{u"company/nvidia"_s, 0, 9, a.text.left(9)}};
    return a;
}

/// A library of `count` articles at `path`, closed and checkpointed (no -wal file left).
bool makeLibrary(const QString &path, int count)
{
    Lede::Library library;
    if (!library.open(path))
        return false;
    for (int i = 0; i < count; ++i) {
        if (!library.addArticle(article(i)))
            return false;
    }
    QSqlQuery q(library.database());
    return q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
}

bool isRoot()
{
    return ::geteuid() == 0;
}

/// Runs a shell script with `dir` on a small tmpfs (`kilobytes`) or mounted read-only (0), in a
/// mount namespace of its own; false when this system does not allow it.
bool inMountNamespace(const QString &dir, int kilobytes, const QString &script, QString *output, int *exitCode)
{
    QProcess p;
    QStringList args{kilobytes ? u"--in-tmpfs"_s : u"--in-read-only"_s, dir};
    if (kilobytes)
        args.append(QString::number(kilobytes));
    args.append(script);
    p.start(QStringLiteral(LEDE_CRASH_CHILD), args);
    p.waitForFinished(120000);
    *output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    *exitCode = p.exitCode();
    return !output->contains(u"LEDE-NO-MOUNT"_s);
}

QString shellQuote(const QString &s)
{
    QString out = s;
    return u'\'' + out.replace(u'\'', u"'\\''"_s) + u'\'';
}

} // namespace

class TestBrokenLibrary : public QObject
{
    Q_OBJECT

private:
    /// Opening `path` fails with a message naming it and containing `expected`, and leaves the
    /// file as it was.
    void expectRefused(const QString &path, const QString &expected)
    {
        const QByteArray before = fileHash(path);
        const qint64 size = QFileInfo(path).size();
        Lede::Library library;
        QVERIFY2(!library.open(path), qPrintable(u"opened "_s + path));
        const QString message = library.lastError();
        qInfo().noquote() << "message:" << message;
        QVERIFY2(message.contains(path), qPrintable(message));
        QVERIFY2(message.contains(expected, Qt::CaseInsensitive), qPrintable(message));
        QCOMPARE(QFileInfo(path).size(), size);
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFileInfo::exists(path + u"-wal"_s) || QFileInfo(path + u"-wal"_s).size() == 0);
    }

private Q_SLOTS:
    void emptyFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.lede"_s);
        writeFile(path, {});
        expectRefused(path, u"empty (0 bytes)"_s);
    }

    void notSqlite_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("text") << QByteArray("Nvidia sold H20 chips to China.\n");
        QTest::newRow("binary") << QByteArray("\x7f"
                                              "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
            16)
                                       .repeated(300);
        QTest::newRow("html") << QByteArray("<!doctype html><title>x</title>");
        QTest::newRow("short") << QByteArray("SQL");
    }

    void notSqlite()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.lede"_s);
        writeFile(path, content);
        expectRefused(path, u"not an SQLite database"_s);
    }

    void anotherProgramsDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"places.sqlite"_s);
        {
            const QString name = u"foreign"_s;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
                db.setDatabaseName(path);
                QVERIFY(db.open());
                QSqlQuery q(db);
                QVERIFY(q.exec(u"CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)"_s));
                QVERIFY(q.exec(u"INSERT INTO moz_places (url) VALUES ('https://example.com')"_s));
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
        expectRefused(path, u"database of another program"_s);
    }

    void newerLede()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.lede"_s);
        QVERIFY(makeLibrary(path, 3));
        {
            Lede::Library library;
            QVERIFY(library.open(path));
            QSqlQuery q(library.database());
            QVERIFY(q.exec(u"UPDATE schema_version SET version = %1"_s.arg(Lede::Library::currentSchemaVersion() + 1)));
            QVERIFY(q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
        }
        expectRefused(path, u"newer Lede"_s);
        QVERIFY(Lede::Database::backups(path).isEmpty()); // nothing was written, not even a backup
    }

    void truncated_data()
    {
        QTest::addColumn<double>("keep");
        QTest::newRow("half") << 0.5;
        QTest::newRow("most") << 0.9;
        QTest::newRow("header only") << 0.0;
    }

    void truncated()
    {
        QFETCH(double, keep);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.lede"_s);
        QVERIFY(makeLibrary(path, 60));
        QFile file(path);
        const qint64 size = file.size();
        QVERIFY(size > 64 * 1024);
        QVERIFY(file.resize(std::max<qint64>(100, qint64(double(size) * keep) / 4096 * 4096)));
        file.close();
        expectRefused(path, u"damaged"_s);
    }

    void corrupted()
    {
        // Garbage over pages in the middle: opening may succeed (the first pages are whole), but
        // then reading says the file is damaged, by name; nothing crashes and nothing is written.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.lede"_s);
        QVERIFY(makeLibrary(path, 60));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QRandomGenerator random(7);
            for (qint64 at = 4096; at < file.size(); at += 4096 * 3) {
                QByteArray garbage(512, Qt::Uninitialized);
                for (char &c : garbage)
                    c = char(random.bounded(256));
                file.seek(at + 100);
                file.write(garbage);
            }
        }
        const QByteArray before = fileHash(path);
        Lede::Library library;
        if (!library.open(path)) {
            QVERIFY2(library.lastError().contains(path), qPrintable(library.lastError()));
        } else {
            bool reported = false;
            const QList<Lede::ArticleSummary> list = library.articles();
            reported = reported || !library.lastError().isEmpty();
            for (const Lede::ArticleSummary &s : list) {
                if (!library.article(s.id))
                    reported = true;
            }
            library.mentions(1);
            reported = reported || !library.lastError().isEmpty();
            QVERIFY2(reported, "a damaged library read as if it were whole");
            qInfo().noquote() << "message:" << library.lastError();
            QVERIFY2(library.lastError().contains(path), qPrintable(library.lastError()));
            QVERIFY2(library.lastError().contains(u"damaged"_s), qPrintable(library.lastError()));
        }
        library.close();
        QCOMPARE(fileHash(path), before);
    }

    void readOnlyFile()
    {
        if (isRoot())
            QSKIP("root may write to a file without write permission; readOnlyDisk covers this as root");
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.lede"_s);
        QVERIFY(makeLibrary(path, 3));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadUser);
        expectRefused(path, u"read-only"_s);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
    }

    void readOnlyFolder()
    {
        if (isRoot())
            QSKIP("root may write to a folder without write permission; readOnlyDisk covers this as root");
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"sub"_s);
        const QString path = folder + u"/library.lede"_s;
        QVERIFY(makeLibrary(path, 3));
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner);
        expectRefused(path, u"read-only folder"_s);
        Lede::Library library;
        QVERIFY(!library.open(folder + u"/new.lede"_s));
        QVERIFY2(library.lastError().contains(u"read-only"_s), qPrintable(library.lastError()));
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void readOnlyDisk()
    {
        // A library on a disk mounted read-only: lede-cli import names the file and says why.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.lede"_s);
        QVERIFY(makeLibrary(path, 3));
        const QByteArray before = fileHash(path);
        const QString script
            = u"%1 import --library %2 %3"_s.arg(shellQuote(QStringLiteral(LEDE_CLI)), shellQuote(path),
                shellQuote(LedeTest::sourceFile(u"resources/samples/01-washington-chip-rules-2022-2023.txt"_s)));
        QString output;
        int exitCode = 0;
        if (!inMountNamespace(dir.path(), 0, script, &output, &exitCode))
            QSKIP(qPrintable(u"this system does not allow a read-only mount here: "_s + output.left(200)));
        qInfo().noquote() << "lede-cli says:" << output.trimmed().right(400);
        QCOMPARE(exitCode, 1);
        QVERIFY2(output.contains(path), qPrintable(output));
        QVERIFY2(output.contains(u"read-only"_s), qPrintable(output));
        QCOMPARE(fileHash(path), before);
    }

    void fullDisk()
    {
        // A library on a small tmpfs that fills up during an import: a clear message, no crash,
        // and the library still opens with every article that was committed.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.lede"_s);
        const QString samples = LedeTest::sourceFile(u"resources/samples"_s);
        const QString script = u"%1 import --library %2 %3; status=$?; %4 --check %2; exit $status"_s.arg(
            shellQuote(QStringLiteral(LEDE_CLI)), shellQuote(path), shellQuote(samples),
            shellQuote(QStringLiteral(LEDE_CRASH_CHILD)));
        QString output;
        int exitCode = 0;
        if (!inMountNamespace(dir.path(), 600, script, &output, &exitCode))
            QSKIP(qPrintable(u"this system does not allow a tmpfs mount here: "_s + output.left(200)));
        qInfo().noquote() << "lede-cli says:" << output.trimmed().right(600);
        QCOMPARE(exitCode, 1);
        QVERIFY2(output.contains(u"full"_s), qPrintable(output));
        QVERIFY2(output.contains(path), qPrintable(output));
        QVERIFY2(output.contains(u"integrity: ok"_s), qPrintable(output));
    }

    void backupBeforeMigrationAndRestore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.lede"_s);
        QVERIFY(QFile::copy(LedeTest::dataFile(u"libraries/schema-v1.lede"_s), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        qsizetype articles = 0;
        {
            Lede::Library library;
            QVERIFY2(library.open(path), qPrintable(library.lastError()));
            QCOMPARE(library.schemaVersion(), Lede::Library::currentSchemaVersion());
            articles = library.articleCount();
            QVERIFY(articles > 0);
        }
        const QStringList backups = Lede::Database::backups(path);
        QCOMPARE(backups.size(), 1);
        QVERIFY2(backups.first().endsWith(u"-before-v%1.lede"_s.arg(Lede::Library::currentSchemaVersion())),
            qPrintable(backups.first()));
        {
            // The backup is the library as it was: schema 1.
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
            db.setDatabaseName(backups.first());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SELECT version FROM schema_version"_s) && q.next());
            QCOMPARE(q.value(0).toInt(), 1);
            q = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(u"check"_s);

        // The library breaks: half of it is lost.
        {
            QFile file(path);
            QVERIFY(file.resize(file.size() / 2));
        }
        QFile::remove(path + u"-wal"_s);
        QFile::remove(path + u"-shm"_s);
        {
            Lede::Library library;
            QVERIFY(!library.open(path));
        }
        const QByteArray broken = fileHash(path);

        // lede-cli lists the backups, then restores the newest.
        QProcess cli;
        cli.start(QStringLiteral(LEDE_CLI), {u"restore"_s, u"--library"_s, path});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(cli.readAllStandardOutput()).trimmed(), backups.first());
        cli.start(QStringLiteral(LEDE_CLI), {u"restore"_s, u"--library"_s, path, u"latest"_s});
        QVERIFY(cli.waitForFinished(60000));
        const QString said = QString::fromUtf8(cli.readAllStandardError());
        qInfo().noquote() << "lede-cli restore says:" << said.trimmed();
        QCOMPARE(cli.exitCode(), 0);
        {
            Lede::Library library;
            QVERIFY2(library.open(path), qPrintable(library.lastError()));
            QCOMPARE(library.articleCount(), articles);
            QSqlQuery q(library.database());
            QVERIFY(q.exec(u"PRAGMA integrity_check"_s) && q.next());
            QCOMPARE(q.value(0).toString(), u"ok"_s);
        }
        // The broken library was moved aside, not deleted.
        const QStringList aside = QDir(dir.path()).entryList({u"library.lede.replaced-*"_s}, QDir::Files);
        QCOMPARE(aside.size(), 1);
        QCOMPARE(fileHash(dir.filePath(aside.first())), broken);
    }

    void restoreRefusesABrokenBackup()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.lede"_s);
        QVERIFY(makeLibrary(path, 3));
        const QByteArray before = fileHash(path);
        const QString bad = dir.filePath(u"bad.lede"_s);
        writeFile(bad, "not a library");
        QString error;
        QVERIFY(!Lede::Database::restore(bad, path, &error));
        QVERIFY2(error.contains(bad) && error.contains(u"was not changed"_s), qPrintable(error));
        QCOMPARE(fileHash(path), before);
    }

    void dailyBackupsRotate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.lede"_s);
        QVERIFY(makeLibrary(path, 3));
        Lede::Library library;
        QVERIFY(library.open(path));
        QVERIFY(library.backupIfDue());
        QCOMPARE(Lede::Database::backups(path).size(), 1);
        QVERIFY(library.backupIfDue()); // not due again for a day
        QCOMPARE(Lede::Database::backups(path).size(), 1);
        for (int i = 0; i < Lede::Database::backupsKept + 2; ++i) {
            QVERIFY(!library.backup(u"daily"_s).isEmpty());
            QTest::qWait(2);
        }
        const QStringList backups = Lede::Database::backups(path);
        QCOMPARE(backups.size(), Lede::Database::backupsKept);
        // Each backup is a whole library, written while the library was open.
        Lede::Library copy;
        QVERIFY2(copy.open(backups.first()), qPrintable(copy.lastError()));
        QCOMPARE(copy.articleCount(), 3);
    }
};

QTEST_GUILESS_MAIN(TestBrokenLibrary)
#include "tst_brokenlibrary.moc"
