// SPDX-License-Identifier: MIT
#include "jobs/importjob.h"
#include "store/library.h"
#include "testpaths.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestImport : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<const Lede::Linker> m_linker;

    static void write(const QString &path, const QByteArray &data)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_linker = std::make_shared<const Lede::Linker>(Lede::KnowledgeBase::loadBuiltin());
    }

    // A folder with good and broken files: the broken ones are named, the rest imported; a second
    // import of the same folder adds nothing.
    void folderTwiceWithBadFiles()
    {
        QTemporaryDir dir;
        const QString src = dir.filePath(u"clips"_s);
        QVERIFY(QDir().mkpath(src + u"/nested"_s));
        for (const QString &name : QDir(LedeTest::sourceFile(u"resources/samples"_s)).entryList({u"0*"_s}, QDir::Files))
            QVERIFY(QFile::copy(LedeTest::sourceFile(u"resources/samples/"_s + name), src + u"/nested/"_s + name));
        write(src + u"/empty.txt"_s, QByteArray());
        write(src + u"/picture.html"_s, QByteArray("\x89PNG\r\n\x1a\n\0\0\0\0", 12));
        write(src + u"/.hidden/skip.txt"_s,
            QByteArray("Hidden Headline\n\nHidden text that should not be imported at all.\n"));
        write(src + u"/notes.pdf"_s, QByteArray("%PDF-1.4"));

        const QStringList files = Lede::ImportJob::collectFiles({src});
        QCOMPARE(files.size(), 11); // nine samples, empty.txt, picture.html
        const QString libPath = dir.filePath(u"lib.lede"_s);
        Lede::ImportJob job(libPath, files, m_linker);
        QSignalSpy failed(&job, &Lede::ImportJob::fileFailed);
        QSignalSpy progress(&job, &Lede::ImportJob::progress);
        const Lede::ImportSummary first = job.run();
        QCOMPARE(first.files, 11);
        QCOMPARE(first.added, 9);
        QCOMPARE(first.duplicates, 0);
        QCOMPARE(first.failed, 2);
        QCOMPARE(failed.count(), 2);
        QVERIFY(progress.count() >= 11);
        QStringList failedNames;
        for (const auto &f : first.failures)
            failedNames.append(QFileInfo(f.path).fileName() + u": "_s + f.reason);
        failedNames.sort();
        QVERIFY2(failedNames.at(0).startsWith(u"empty.txt: the file is empty"_s), qPrintable(failedNames.join(u"; ")));
        QVERIFY2(failedNames.at(1).startsWith(u"picture.html: binary"_s), qPrintable(failedNames.join(u"; ")));

        Lede::ImportJob again(libPath, Lede::ImportJob::collectFiles({src}), m_linker);
        const Lede::ImportSummary second = again.run();
        QCOMPARE(second.added, 0);
        QCOMPARE(second.duplicates, 9);
        QCOMPARE(second.failed, 2);

        Lede::Library lib;
        QVERIFY(lib.open(libPath));
        QCOMPARE(lib.articleCount(), 9);
        // Every stored mention points at its words in the stored text.
        for (const auto &summary : lib.articles()) {
            const auto a = lib.article(summary.id);
            QVERIFY(a);
            for (const auto &m : a->entities)
                QCOMPARE(a->text.mid(m.start, m.end - m.start), m.surface);
        }
    }

    // The same story in several copies groups as one story; unrelated articles do not.
    void corpusCopiesGroupIntoStories()
    {
        const QString articles = LedeTest::sharedFile(u"corpus/articles"_s);
        LEDE_REQUIRE_SHARED(articles);
        QTemporaryDir dir;
        const QStringList names = {
            u"bulwark__reuters_deepseek-chinese-chipmakers-huawei-ascend.md"_s,
            u"bulwark__businessstandard_SYNDICATED-reuters-deepseek-chipmakers.md"_s,
            u"bulwark__wallstreetcn_zh_deepseek-server-busy-h20-ascend.md"_s,
            u"bulwark__pingwest_zh_DUP-deepseek-server-busy.md"_s,
            u"bulwark__techcrunch_deepseek-everything-h100-h800.md"_s,
            u"bulwark__qq_zh_cambricon-export-control.md"_s,
            u"bulwark__wsj_china-trade-war-threaten-us-tech.md"_s,
            u"pressrelease__hive-nvidia-nasdaq-nvda-chips.md"_s,
        };
        QStringList files;
        for (const QString &n : names)
            files.append(QDir(articles).filePath(n));
        const QString libPath = dir.filePath(u"lib.lede"_s);
        Lede::ImportJob job(libPath, files, m_linker);
        const Lede::ImportSummary first = job.run();
        QCOMPARE(first.added, 8);
        QCOMPARE(first.grouped, 2);
        QCOMPARE(first.failed, 0);

        Lede::Library lib;
        QVERIFY(lib.open(libPath));
        QHash<QString, qint64> storyOf;
        for (const auto &a : lib.articles())
            storyOf.insert(QFileInfo(a.sourcePath).fileName(), a.storyId);
        QCOMPARE(storyOf.value(names[0]), storyOf.value(names[1]));
        QCOMPARE(storyOf.value(names[2]), storyOf.value(names[3]));
        QCOMPARE(QSet<qint64>(storyOf.cbegin(), storyOf.cend()).size(), 6);

        // Importing the folder again adds nothing and groups nothing.
        Lede::ImportJob again(libPath, files, m_linker);
        const Lede::ImportSummary second = again.run();
        QCOMPARE(second.added, 0);
        QCOMPARE(second.duplicates, 8);
        QCOMPARE(second.grouped, 0);
        QCOMPARE(lib.articleCount(), 8);
    }

    void cancelStopsBetweenFiles()
    {
        QTemporaryDir dir;
        const QStringList files = Lede::ImportJob::collectFiles({LedeTest::sourceFile(u"resources/samples"_s)});
        QVERIFY(files.size() >= 8);
        Lede::ImportJob job(dir.filePath(u"lib.lede"_s), files, m_linker);
        connect(&job, &Lede::ImportJob::progress, &job, [&job](int done) {
            if (done == 2)
                job.cancel();
        });
        const Lede::ImportSummary s = job.run();
        QVERIFY(s.cancelled);
        QCOMPARE(s.files, 3);
        Lede::Library lib;
        QVERIFY(lib.open(dir.filePath(u"lib.lede"_s)));
        QCOMPARE(lib.articleCount(), qsizetype(s.added));
    }

    void unwritableLibraryIsReported()
    {
        Lede::ImportJob job(
            u"/proc/lede-cannot-be-here/lib.lede"_s, {LedeTest::sourceFile(u"resources/samples"_s)}, m_linker);
        const Lede::ImportSummary s = job.run();
        QVERIFY(!s.libraryError.isEmpty());
        QCOMPARE(s.added, 0);
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
