// SPDX-License-Identifier: MIT
#include "store/library.h"
#include "testpaths.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

Lede::Article sampleArticle(const QString &text = u"Nvidia sold H20 chips.\n\nChina bought them."_s)
{
    Lede::Article a;
    a.sourcePath = u"/tmp/x.txt"_s;
    a.format = Lede::SourceFormat::PlainText;
    a.title = u"Chips"_s;
    a.byline = u"A. Writer"_s;
    a.published = QDateTime(QDate(2025, 4, 16), QTime(8, 0), QTimeZone::fromSecondsAheadOfUtc(8 * 3600));
    a.publishedHasTime = true;
    a.outlet = u"Desk"_s;
    a.url = u"https://x.invalid/a"_s;
    a.language = u"en"_s;
    a.text = text;
    a.blocks = {{Lede::TextBlock::Heading, 2}, {Lede::TextBlock::Paragraph, 0}};
    a.tags = {u"chips"_s};
    a.entities = {{u"company/nvidia"_s, 0, 6, u"Nvidia"_s}, {u"chip/nvidia-h20"_s, 12, 15, u"H20"_s}};
    return a;
}

} // namespace

class TestLibrary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void roundTrip()
    {
        QTemporaryDir dir;
        Lede::Library lib;
        QVERIFY2(lib.open(dir.filePath(u"lib.lede"_s)), qPrintable(lib.lastError()));
        QCOMPARE(lib.schemaVersion(), Lede::Library::currentSchemaVersion());
        const auto added = lib.addArticle(sampleArticle());
        QVERIFY(added && !added->duplicate);
        const auto a = lib.article(added->id);
        QVERIFY(a);
        const Lede::Article expected = sampleArticle();
        QCOMPARE(a->title, expected.title);
        QCOMPARE(a->text, expected.text);
        QCOMPARE(a->blocks, expected.blocks);
        QCOMPARE(a->publishedIso(), u"2025-04-16T08:00:00+08:00"_s);
        QCOMPARE(a->tags, expected.tags);
        QCOMPARE(a->entities, expected.entities);
        QCOMPARE(lib.articles().size(), 1);
        QCOMPARE(lib.entityArticles().value(u"company/nvidia"_s), QSet<qint64>{added->id});
    }

    void sameTextIsOneArticle()
    {
        QTemporaryDir dir;
        Lede::Library lib;
        QVERIFY(lib.open(dir.filePath(u"lib.lede"_s)));
        const auto first = lib.addArticle(sampleArticle());
        Lede::Article again = sampleArticle();
        again.sourcePath = u"/elsewhere/copy.txt"_s;
        const auto second = lib.addArticle(again);
        QVERIFY(first && second);
        QVERIFY(second->duplicate);
        QCOMPARE(second->id, first->id);
        QCOMPARE(lib.articleCount(), 1);
    }

    void annotationsPersist()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lib.lede"_s);
        qint64 articleId = 0;
        qint64 annotationId = 0;
        {
            Lede::Library lib;
            QVERIFY(lib.open(path));
            articleId = lib.addArticle(sampleArticle())->id;
            Lede::Annotation a;
            a.articleId = articleId;
            a.start = 0;
            a.end = 6;
            a.color = u"green"_s;
            a.note = u"check the sales figures"_s;
            a.quote = u"Nvidia"_s;
            const auto stored = lib.addAnnotation(a);
            QVERIFY(stored);
            annotationId = stored->id;
            Lede::Annotation edited = *stored;
            edited.note = u"call the press office"_s;
            QVERIFY(lib.updateAnnotation(edited));
        }
        Lede::Library reopened;
        QVERIFY(reopened.open(path));
        const auto list = reopened.annotations(articleId);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().id, annotationId);
        QCOMPARE(list.first().note, u"call the press office"_s);
        QCOMPARE(list.first().color, u"green"_s);
        QVERIFY(reopened.removeAnnotation(annotationId));
        QVERIFY(reopened.annotations(articleId).isEmpty());
    }

    void emptyPassageIsRefused()
    {
        QTemporaryDir dir;
        Lede::Library lib;
        QVERIFY(lib.open(dir.filePath(u"lib.lede"_s)));
        Lede::Annotation a;
        a.articleId = lib.addArticle(sampleArticle())->id;
        a.start = a.end = 3;
        QVERIFY(!lib.addAnnotation(a));
        QVERIFY(!lib.lastError().isEmpty());
    }

    // A failing write leaves nothing behind: the article and its mentions go in together or not at all.
    void failedWriteLeavesNothing()
    {
        QTemporaryDir dir;
        Lede::Library lib;
        QVERIFY(lib.open(dir.filePath(u"lib.lede"_s)));
        Lede::Article bad = sampleArticle(u"A different text."_s);
        bad.entities.append({u"company/nvidia"_s, 5, 2, u"backwards"_s}); // violates the CHECK constraint
        QVERIFY(!lib.addArticle(bad));
        QCOMPARE(lib.articleCount(), 0);
        QVERIFY(lib.entityArticles().isEmpty());
    }

    void notALibrary()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"notes.txt"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("These are my notes, not a database.\n");
        f.close();
        Lede::Library lib;
        QVERIFY(!lib.open(path));
        QVERIFY(lib.lastError().contains(u"not a Lede library"_s) || lib.lastError().contains(u"cannot"_s));
    }

    void newerSchemaIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lib.lede"_s);
        {
            Lede::Library lib;
            QVERIFY(lib.open(path));
            QSqlQuery q(lib.database());
            QVERIFY(q.exec(u"UPDATE schema_version SET version = 99"_s));
        }
        Lede::Library lib;
        QVERIFY(!lib.open(path));
        QVERIFY(lib.lastError().contains(u"newer Lede"_s));
    }

    // A library file as the first release wrote it (tests/data/libraries/schema-v1.lede) opens,
    // upgrades in place and keeps its article, mentions and annotations.
    void upgradesCheckedInVersionOne()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"v1.lede"_s);
        QVERIFY(QFile::copy(LedeTest::dataFile(u"libraries/schema-v1.lede"_s), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        Lede::Library lib;
        QVERIFY2(lib.open(path), qPrintable(lib.lastError()));
        QCOMPARE(lib.schemaVersion(), Lede::Library::currentSchemaVersion());
        const auto articles = lib.articles();
        QCOMPARE(articles.size(), 1);
        QCOMPARE(articles.first().storyId, articles.first().id);
        QCOMPARE(lib.annotations(1).first().note, u"written by Lede 0.1"_s);
        QCOMPARE(lib.mentions(1).first().entityId, u"company/nvidia"_s);
        // New articles group with it when they are copies of its story.
        Lede::Article copy = sampleArticle(lib.article(1)->text + u" Reported by a second outlet."_s);
        QVERIFY(lib.addArticle(copy));
    }

    // A library written before any schema existed (version 0) is upgraded in order.
    void upgradesFromVersionZero()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"old.lede"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s));
            QVERIFY(q.exec(u"INSERT INTO schema_version VALUES (0)"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"old"_s);
        Lede::Library lib;
        QVERIFY2(lib.open(path), qPrintable(lib.lastError()));
        QCOMPARE(lib.schemaVersion(), Lede::Library::currentSchemaVersion());
        QVERIFY(lib.addArticle(sampleArticle()));
    }
};

QTEST_GUILESS_MAIN(TestLibrary)
#include "tst_library.moc"
