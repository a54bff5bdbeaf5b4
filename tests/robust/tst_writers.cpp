// SPDX-License-Identifier: MIT
// Several writers on one library: a write that finds another writer waits and says "busy,
// retrying" rather than failing, two writers bursting annotations beside a lede-cli import lose
// nothing, and two controllers (the desks of two windows) with a lede-cli import each see what the
// others wrote.

#include "controller/controller.h"
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "models/annotationmodel.h"
#include "models/articlelistmodel.h"
#include "store/database.h"
#include "store/library.h"
#include "testpaths.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

QStringList g_busyMessages;

void noteBusy(const QString &, const QString &message)
{
    g_busyMessages.append(message);
}

} // namespace

class TestWriters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void waitsForAnotherWriter()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.lede"_s);
        Lede::Library library;
        QVERIFY(library.open(path));
        Lede::Article a;
        a.sourcePath = u"/tmp/a.txt"_s;
        a.format = Lede::SourceFormat::PlainText;
        a.title = u"A"_s;
        a.text = u"Nvidia sold H20 chips."_s;
        const auto added = library.addArticle(a);
        QVERIFY(added);

        // Another process holds the write lock for longer than one busy wait (5 s).
        QProcess holder;
        holder.start(QStringLiteral(LEDE_CRASH_CHILD), {u"--hold"_s, path, u"7000"_s});
        QVERIFY(holder.waitForReadyRead(30000));
        QCOMPARE(holder.readLine().trimmed(), QByteArray("holding"));

        g_busyMessages.clear();
        Lede::Database::setBusyNotifier(noteBusy);
        Lede::Annotation note;
        note.articleId = added->id;
        note.start = 0;
        note.end = 6;
        note.color = u"yellow"_s;
        note.quote = u"Nvidia"_s;
        note.note = u"written while another writer held the library"_s;
        const auto saved = library.addAnnotation(note);
        Lede::Database::setBusyNotifier(nullptr);
        QVERIFY2(saved, qPrintable(library.lastError()));
        QVERIFY(holder.waitForFinished(30000));
        QCOMPARE(holder.exitCode(), 0);
        QVERIFY(!g_busyMessages.isEmpty());
        qInfo().noquote() << "said:" << g_busyMessages.first();
        QVERIFY(g_busyMessages.first().contains(u"busy"_s) && g_busyMessages.first().contains(u"retrying"_s)
            && g_busyMessages.first().contains(path));
        QCOMPARE(library.allAnnotations().size(), 1);
    }

    void twoWritersAndAnImport()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.lede"_s);
        const QDir samples(LedeTest::sourceFile(u"resources/samples"_s));
        QStringList files;
        for (const QString &name : samples.entryList({u"*.txt"_s, u"*.md"_s, u"*.html"_s}, QDir::Files, QDir::Name)) {
            if (name != u"README.md"_s)
                files.append(samples.filePath(name));
        }
        // A first article, so the writers have something to annotate from the start.
        {
            bool ok = false;
            QProcess first;
            first.start(QStringLiteral(LEDE_CLI), {u"import"_s, u"--library"_s, path, files.first()});
            ok = first.waitForFinished(120000) && first.exitCode() == 0;
            QVERIFY2(ok, first.readAllStandardError().constData());
        }
        constexpr int perWriter = 200;
        QList<QProcess *> writers;
        for (const QString &tag : {u"window-a"_s, u"window-b"_s}) {
            auto *p = new QProcess(this);
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"LEDE_CHILD_TAG"_s, tag);
            p->setProcessEnvironment(env);
            p->start(QStringLiteral(LEDE_CRASH_CHILD), {path, QString::number(perWriter), files.first()});
            writers.append(p);
        }
        QProcess import;
        import.start(QStringLiteral(LEDE_CLI), QStringList{u"import"_s, u"--library"_s, path} + files);
        QVERIFY(import.waitForFinished(300000));
        const QString importSaid = QString::fromUtf8(import.readAllStandardError());
        QVERIFY2(import.exitCode() == 0, qPrintable(importSaid));
        int written = 0;
        for (QProcess *p : std::as_const(writers)) {
            QVERIFY(p->waitForFinished(300000));
            QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
            written += int(QString::fromUtf8(p->readAllStandardOutput()).count(u"saved "_s));
        }
        Lede::Library library;
        QVERIFY(library.open(path));
        QSqlQuery q(library.database());
        QVERIFY(q.exec(u"PRAGMA integrity_check"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"ok"_s);
        QSet<QString> notes;
        for (const Lede::Annotation &a : library.allAnnotations())
            notes.insert(a.note);
        for (const QString &tag : {u"window-a"_s, u"window-b"_s}) {
            for (int i = 0; i < perWriter; ++i)
                QVERIFY2(notes.contains(u"%1 %2"_s.arg(tag).arg(i)), qPrintable(u"lost %1 %2"_s.arg(tag).arg(i)));
        }
        QCOMPARE(written, 2 * perWriter);
        QCOMPARE(library.articleCount(), files.size());
        qInfo("writers.writes_checked: %d, articles: %lld", written, qlonglong(library.articleCount()));
    }

    // Two windows' controllers and a lede-cli import on one library: each sees what the others
    // wrote (articles, annotations, what was taught), and a write that waits for another says so.
    void controllersSeeEachOther()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.lede"_s);
        const QDir samples(LedeTest::sourceFile(u"resources/samples"_s));
        QStringList files;
        for (const QString &name : samples.entryList({u"*.txt"_s, u"*.md"_s, u"*.html"_s}, QDir::Files, QDir::Name)) {
            if (name != u"README.md"_s)
                files.append(samples.filePath(name));
        }
        QVERIFY(files.size() >= 4);
        const auto linker = std::make_shared<const Lede::Linker>(Lede::KnowledgeBase::loadBuiltin());
        Lede::Controller a(linker), b(linker);
        for (Lede::Controller *c : {&a, &b}) {
            c->setWatchInterval(std::chrono::milliseconds(100));
            QSignalSpy loaded(c, &Lede::Controller::libraryLoaded);
            QVERIFY(c->openLibrary(path));
            QVERIFY(loaded.wait(60000));
        }
        QSignalSpy seenByA(&a, &Lede::Controller::libraryChangedElsewhere);
        QSignalSpy seenByB(&b, &Lede::Controller::libraryChangedElsewhere);
        int changesSeen = 0;

        // An import in window A reaches window B's list.
        a.importPaths({files.at(0)});
        QTRY_COMPARE_WITH_TIMEOUT(a.articleCount(), 1, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(b.articleCount(), 1, 60000);
        ++changesSeen;

        // lede-cli imports beside them: both windows list what it added.
        QProcess import;
        import.start(QStringLiteral(LEDE_CLI), QStringList{u"import"_s, u"--library"_s, path} + files.mid(1, 3));
        QVERIFY(import.waitForFinished(300000));
        QVERIFY2(import.exitCode() == 0, import.readAllStandardError().constData());
        Lede::Library direct;
        QVERIFY(direct.open(path));
        const qsizetype total = direct.articleCount();
        QVERIFY(total >= 3);
        QTRY_COMPARE_WITH_TIMEOUT(a.articleCount(), total, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(b.articleCount(), total, 60000);
        changesSeen += 2;

        // A highlight made in A appears in B's annotations of the same article.
        const qint64 id = direct.articles().first().id;
        a.setCurrentArticle(id);
        b.setCurrentArticle(id);
        QVERIFY(a.annotate(0, 6, u"yellow"_s, u"from window A"_s));
        QTRY_COMPARE_WITH_TIMEOUT(b.annotationModel()->annotations().size(), 1, 30000);
        QCOMPARE(b.annotationModel()->annotations().first().note, u"from window A"_s);
        ++changesSeen;

        // What B teaches the linker, A's linker learns too.
        const int versionA = a.linkerVersion();
        Lede::KbEdit edit;
        edit.action = Lede::KbEdit::AddAlias;
        edit.entityId = u"company/nvidia"_s;
        edit.value = u"Team Green"_s;
        QVERIFY(b.teach(edit));
        QTRY_VERIFY_WITH_TIMEOUT(a.linkerVersion() > versionA, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!a.isBusy() && !b.isBusy(), 60000);
        ++changesSeen;
        QVERIFY(seenByA.count() >= 2); // lede-cli's articles, what B taught
        QVERIFY(seenByB.count() >= 3); // A's article, lede-cli's, A's highlight

        // A write in B while another process holds the library waits, says "busy, retrying" at
        // once, and is saved when the other lets go; A sees it.
        QProcess holder;
        holder.start(QStringLiteral(LEDE_CRASH_CHILD), {u"--hold"_s, path, u"1500"_s});
        QVERIFY(holder.waitForReadyRead(30000));
        QCOMPARE(holder.readLine().trimmed(), QByteArray("holding"));
        QSignalSpy busy(&b, &Lede::Controller::busyRetrying);
        QVERIFY(b.annotate(7, 12, u"red"_s, u"from window B, after a wait"_s));
        QVERIFY(holder.waitForFinished(30000));
        QVERIFY(!busy.isEmpty());
        const QString said = busy.first().first().toString();
        qInfo().noquote() << "said:" << said;
        QVERIFY(said.contains(u"busy"_s) && said.contains(u"retrying"_s));
        QCOMPARE(b.annotationModel()->annotations().size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(a.annotationModel()->annotations().size(), 2, 30000);
        ++changesSeen;

        // Nothing was lost: the file holds every write of both windows and of lede-cli.
        QSet<QString> notes;
        for (const Lede::Annotation &n : direct.allAnnotations())
            notes.insert(n.note);
        QCOMPARE(notes, (QSet<QString>{u"from window A"_s, u"from window B, after a wait"_s}));
        QCOMPARE(direct.kbEdits().size(), 1);
        QCOMPARE(direct.articleCount(), total);
        qInfo("writers.controller_changes_seen: %d (signals: A %lld, B %lld), busy messages: %lld", changesSeen,
            qlonglong(seenByA.count()), qlonglong(seenByB.count()), qlonglong(busy.count()));
    }

    // A restore while another window and a plain connection have the library open: the backup's
    // pages go into the file they hold (not a new file beside it), the window reads the library
    // again, and a write begun on the library as it was is refused with a message, never saved
    // where nobody would see it.
    void restoreWhileOthersHaveItOpen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"library.lede"_s);
        const QDir samples(LedeTest::sourceFile(u"resources/samples"_s));
        QStringList files;
        for (const QString &name : samples.entryList({u"*.txt"_s, u"*.md"_s}, QDir::Files, QDir::Name)) {
            if (name != u"README.md"_s)
                files.append(samples.filePath(name));
        }
        QVERIFY(files.size() >= 3);
        const auto linker = std::make_shared<const Lede::Linker>(Lede::KnowledgeBase::loadBuiltin());
        Lede::Controller window(linker);
        window.setWatchInterval(std::chrono::milliseconds(100));
        {
            QSignalSpy loaded(&window, &Lede::Controller::libraryLoaded);
            QVERIFY(window.openLibrary(path));
            QVERIFY(loaded.wait(60000));
        }
        window.importPaths({files.at(0)});
        QTRY_COMPARE_WITH_TIMEOUT(window.articleCount(), 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 60000);

        Lede::Library other; // another writer, open before the restore and kept open through it
        QVERIFY(other.open(path));
        const QString backup = other.backup(u"daily"_s);
        QVERIFY2(!backup.isEmpty(), qPrintable(other.lastError()));
        const qint64 first = other.articles().first().id;

        // After the backup: two more articles, and a highlight.
        window.importPaths(files.mid(1, 2));
        QTRY_COMPARE_WITH_TIMEOUT(window.articleCount(), 3, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 60000);
        Lede::Annotation note;
        note.articleId = first;
        note.start = 0;
        note.end = 5;
        note.color = u"yellow"_s;
        note.note = u"made after the backup"_s;
        QVERIFY2(other.addAnnotation(note).has_value(), qPrintable(other.lastError()));
        QCOMPARE(other.articleCount(), 3);

        QSignalSpy restoredSeen(&window, &Lede::Controller::libraryChangedElsewhere);
        QProcess cli;
        cli.start(QStringLiteral(LEDE_CLI), {u"restore"_s, u"--library"_s, path, backup});
        QVERIFY(cli.waitForFinished(120000));
        const QString said = QString::fromUtf8(cli.readAllStandardError());
        qInfo().noquote() << "lede-cli restore says:" << said.trimmed();
        QCOMPARE(cli.exitCode(), 0);
        // The library was restored in its own file: nothing was moved aside.
        QVERIFY(QDir(dir.path()).entryList({u"library.lede.replaced-*"_s}, QDir::Files).isEmpty());
        const QStringList before = QDir(Lede::Database::backupFolder(path)).entryList({u"*-before-restore.lede"_s});
        QCOMPARE(before.size(), 1);
        QCOMPARE(Lede::Database::articleCountOf(Lede::Database::backupFolder(path) + u'/' + before.first()),
            std::optional<qint64>(3));

        // The connection open through it reads the restored library, and knows it was replaced: a
        // write it begins is refused, with a message, and leaves nothing behind.
        QVERIFY(other.replacedSinceOpen());
        QCOMPARE(other.articleCount(), 1);
        note.note = u"begun on the library as it was"_s;
        QVERIFY(!other.addAnnotation(note).has_value());
        QVERIFY2(other.lastError().contains(u"restored from a backup"_s), qPrintable(other.lastError()));

        // The window reads the library again and shows what the backup holds.
        QVERIFY(restoredSeen.wait(30000) || !restoredSeen.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(window.articleCount(), 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 60000);
        // …and writes to it as it is now.
        window.setCurrentArticle(first);
        QTRY_COMPARE_WITH_TIMEOUT(window.currentArticleId(), first, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.currentArticle().text.isEmpty(), 30000);
        QVERIFY(window.annotate(0, 4, u"red"_s, u"after the restore"_s));

        Lede::Library fresh;
        QVERIFY(fresh.open(path));
        QVERIFY(!fresh.replacedSinceOpen());
        QCOMPARE(fresh.articleCount(), 1);
        QSqlQuery q(fresh.database());
        QVERIFY(q.exec(u"PRAGMA integrity_check"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"ok"_s);
        QStringList notes;
        for (const Lede::Annotation &a : fresh.allAnnotations())
            notes.append(a.note);
        QCOMPARE(notes, QStringList{u"after the restore"_s});
        qInfo("writers.restore_in_place: window reread after %lld signal(s), stale write refused",
            qlonglong(restoredSeen.count()));
    }
};

QTEST_MAIN(TestWriters)
#include "tst_writers.moc"
