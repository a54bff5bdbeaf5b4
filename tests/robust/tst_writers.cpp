// SPDX-License-Identifier: MIT
// Several writers on one library: a write that finds another writer waits and says "busy,
// retrying" rather than failing, and two writers bursting annotations beside a lede-cli import
// lose nothing.

#include "store/database.h"
#include "store/library.h"
#include "testpaths.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

QStringList g_busyMessages;

void noteBusy(const QString &message)
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
};

QTEST_GUILESS_MAIN(TestWriters)
#include "tst_writers.moc"
