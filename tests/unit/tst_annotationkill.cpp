// SPDX-License-Identifier: MIT
// Nothing typed is lost if Lede is killed a second later: a child process writes annotations as
// fast as it can, reporting each one the library said was saved, and is killed with SIGKILL in the
// middle. The library must open, pass PRAGMA integrity_check, and hold every reported annotation.
#include "store/library.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

const QString text = u"Nvidia said on Tuesday that it had sold H20 chips to buyers in China before the new rules "
                     u"took effect. The company expects revenue of $28 billion in the second quarter."_s;

QString noteFor(int i)
{
    return u"note %1: **check** the figure with the ministry"_s.arg(i);
}

// The child: adds annotations until it is killed, printing "saved ID INDEX" after each commit.
int writer(const QString &path)
{
    Lede::Library library;
    if (!library.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(library.lastError()));
        return 1;
    }
    const qint64 articleId = library.articles().value(0).id;
    for (int i = 0; i < 1000000; ++i) {
        Lede::Annotation a;
        a.articleId = articleId;
        a.start = i % 50;
        a.end = a.start + 20;
        a.color = Lede::annotationColors().at(i % Lede::annotationColors().size());
        a.note = noteFor(i);
        a.tags = {u"t%1"_s.arg(i)};
        const auto saved = library.addAnnotation(a);
        if (!saved) {
            std::fprintf(stderr, "%s\n", qPrintable(library.lastError()));
            return 1;
        }
        std::printf("saved %lld %d\n", static_cast<long long>(saved->id), i);
        std::fflush(stdout);
    }
    return 0;
}

} // namespace

class TestAnnotationKill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedWriterLosesNothing_data()
    {
        QTest::addColumn<int>("killAfter");
        QTest::newRow("at once") << 1;
        QTest::newRow("after 40") << 40;
        QTest::newRow("after 300") << 300;
    }

    void killedWriterLosesNothing()
    {
        QFETCH(int, killAfter);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lib.lede"_s);
        {
            Lede::Library library;
            QVERIFY(library.open(path));
            Lede::Article a;
            a.format = Lede::SourceFormat::PlainText;
            a.sourcePath = u"kill.txt"_s;
            a.title = u"Kill"_s;
            a.text = text;
            QVERIFY(library.addArticle(a));
        }

        QProcess child;
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(QCoreApplication::applicationFilePath(), {u"--writer"_s, path});
        QVERIFY(child.waitForStarted());
        QHash<qint64, int> reported; // id → index
        QByteArray pending;
        const auto readReports = [&] {
            pending += child.readAllStandardOutput();
            qsizetype newline;
            while ((newline = pending.indexOf('\n')) >= 0) {
                const QList<QByteArray> parts = pending.left(newline).split(' ');
                pending.remove(0, newline + 1);
                if (parts.size() == 3 && parts.at(0) == "saved")
                    reported.insert(parts.at(1).toLongLong(), parts.at(2).toInt());
            }
        };
        QElapsedTimer timer;
        timer.start();
        while (reported.size() < killAfter && child.state() == QProcess::Running && timer.elapsed() < 60000) {
            child.waitForReadyRead(1000);
            readReports();
        }
        QVERIFY2(reported.size() >= killAfter, child.readAllStandardError().constData());
        child.kill(); // SIGKILL: no chance to finish a transaction or close the file
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        readReports(); // what it reported before it died counts too

        Lede::Library library;
        QVERIFY2(library.open(path), qPrintable(library.lastError()));
        QSqlQuery q(library.database());
        QVERIFY(q.exec(u"PRAGMA integrity_check"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), u"ok"_s);
        const QList<Lede::Annotation> stored = library.allAnnotations();
        QHash<qint64, Lede::Annotation> byId;
        for (const Lede::Annotation &a : stored)
            byId.insert(a.id, a);
        for (auto it = reported.cbegin(); it != reported.cend(); ++it) {
            QVERIFY2(byId.contains(it.key()), qPrintable(u"annotation %1 was reported saved"_s.arg(it.key())));
            const Lede::Annotation &a = byId.value(it.key());
            QCOMPARE(a.note, noteFor(it.value()));
            QCOMPARE(a.tags, QStringList{u"t%1"_s.arg(it.value())});
            QCOMPARE(a.quote, text.mid(a.start, a.end - a.start));
            QCOMPARE(a.prefix, text.mid(std::max<qsizetype>(0, a.start - 32), std::min<qsizetype>(32, a.start)));
        }
        // At most the one it was writing when it died is there unreported.
        QVERIFY(stored.size() - reported.size() <= 1);
        qInfo() << "killed after" << reported.size() << "reported annotations;" << stored.size() << "in the library";
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--writer") == 0)
        return writer(QString::fromLocal8Bit(argv[2]));
    TestAnnotationKill test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_annotationkill.moc"
