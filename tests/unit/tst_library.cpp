// SPDX-License-Identifier: MIT
#include "kb/knowledgebase.h"
#include "models/entitymodel.h"
#include "store/generator.h"
#include "store/library.h"
#include "store/schema.h"
#include "testpaths.h"
#include "text/minhash.h"

#include <QSqlError>
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

// A story long enough to be recognised in its copies.
QString storyText()
{
    return u"The Commerce Department told Nvidia on Tuesday that sales of its H20 accelerator to customers "
           "in China now need a licence, a rule the company said would cost it five and a half billion "
           "dollars in the quarter. Analysts in Taipei and Shanghai said buyers had stocked up for months "
           "before the decision, and that Huawei would try to fill the gap with its own Ascend chips made "
           "by SMIC at seven nanometres."_s;
}

// A library whose `table` is gone: every read that needs it must say so.
bool openAndDrop(Lede::Library &lib, const QString &path, const QString &table)
{
    if (!lib.open(path) || !lib.addArticle(sampleArticle()))
        return false;
    Lede::Annotation a;
    a.articleId = 1;
    a.start = 0;
    a.end = 6;
    a.color = u"yellow"_s;
    a.quote = u"Nvidia"_s;
    if (!lib.addAnnotation(a))
        return false;
    QSqlQuery q(lib.database());
    return q.exec(u"PRAGMA foreign_keys = OFF"_s) && q.exec(u"DROP TABLE "_s + table);
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

    // Re-linking reads the texts a page at a time: after an id, at most so many, in id order.
    void textsComeAPageAtATime()
    {
        QTemporaryDir dir;
        Lede::Library lib;
        QVERIFY(lib.open(dir.filePath(u"lib.lede"_s)));
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i)
            ids.append(lib.addArticle(sampleArticle(u"Report %1 on chips."_s.arg(i)))->id);
        QCOMPARE(lib.articleTexts().size(), 5);
        const auto first = lib.articleTexts(0, 2);
        QCOMPARE(first.size(), 2);
        QCOMPARE(first.at(0).first, ids.at(0));
        QCOMPARE(first.at(1).second, u"Report 1 on chips."_s);
        const auto second = lib.articleTexts(first.constLast().first, 2);
        QCOMPARE(second.size(), 2);
        QCOMPARE(second.at(0).first, ids.at(2));
        const auto last = lib.articleTexts(second.constLast().first, 2);
        QCOMPARE(last.size(), 1);
        QCOMPARE(last.at(0).second, u"Report 4 on chips."_s);
        QVERIFY(lib.articleTexts(last.constLast().first, 2).isEmpty());
        QVERIFY(lib.lastError().isEmpty());
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

    // Every read on a broken library says what went wrong instead of returning nothing in silence.
    void brokenLibraryReportsReadErrors_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("read");
        QTest::newRow("articles: article list") << u"articles"_s << u"articles"_s;
        QTest::newRow("articles: some articles") << u"articles"_s << u"articlesByIds"_s;
        QTest::newRow("articles: count") << u"articles"_s << u"articleCount"_s;
        QTest::newRow("articles: texts") << u"articles"_s << u"articleTexts"_s;
        QTest::newRow("articles: one article") << u"articles"_s << u"article"_s;
        QTest::newRow("mentions: one article") << u"mentions"_s << u"article"_s;
        QTest::newRow("mentions: of an article") << u"mentions"_s << u"mentions"_s;
        QTest::newRow("mentions: entity articles") << u"mentions"_s << u"entityArticles"_s;
        QTest::newRow("mentions: entity articles by id") << u"mentions"_s << u"entityArticlesByIds"_s;
        QTest::newRow("annotations: of an article") << u"annotations"_s << u"annotations"_s;
        QTest::newRow("annotations: all") << u"annotations"_s << u"allAnnotations"_s;
        QTest::newRow("annotations: one") << u"annotations"_s << u"annotation"_s;
        QTest::newRow("kb_edits") << u"kb_edits"_s << u"kbEdits"_s;
        QTest::newRow("schema_version") << u"schema_version"_s << u"schemaVersion"_s;
    }
    void brokenLibraryReportsReadErrors()
    {
        QFETCH(QString, table);
        QFETCH(QString, read);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lib.lede"_s);
        Lede::Library lib;
        QVERIFY2(openAndDrop(lib, path, table), qPrintable(lib.lastError()));
        QVERIFY(lib.lastError().isEmpty());
        bool empty = false;
        if (read == u"articles")
            empty = lib.articles().isEmpty();
        else if (read == u"articlesByIds")
            empty = lib.articles(QList<qint64>{1}).isEmpty();
        else if (read == u"articleCount")
            empty = lib.articleCount() == 0;
        else if (read == u"articleTexts")
            empty = lib.articleTexts().isEmpty();
        else if (read == u"article")
            empty = !lib.article(1);
        else if (read == u"mentions")
            empty = lib.mentions(1).isEmpty();
        else if (read == u"entityArticles")
            empty = lib.entityArticles().isEmpty();
        else if (read == u"entityArticlesByIds")
            empty = lib.entityArticles(QList<qint64>{1}).isEmpty();
        else if (read == u"annotations")
            empty = lib.annotations(1).isEmpty();
        else if (read == u"allAnnotations")
            empty = lib.allAnnotations().isEmpty();
        else if (read == u"annotation")
            empty = !lib.annotation(1);
        else if (read == u"kbEdits")
            empty = lib.kbEdits().isEmpty();
        else if (read == u"schemaVersion")
            empty = lib.schemaVersion() == 0;
        QVERIFY(empty);
        // The reason names the file and what SQLite said, for a person to act on.
        QVERIFY2(lib.lastError().contains(u"cannot read"_s), qPrintable(lib.lastError()));
        QVERIFY2(lib.lastError().contains(path), qPrintable(lib.lastError()));
        QVERIFY2(lib.lastError().contains(table), qPrintable(lib.lastError()));
    }

    // A library that was never opened, or was closed, says so.
    void closedLibraryReportsReadErrors()
    {
        Lede::Library lib;
        QVERIFY(lib.articles().isEmpty());
        QVERIFY2(lib.lastError().contains(u"no library is open"_s), qPrintable(lib.lastError()));
        QTemporaryDir dir;
        QVERIFY(lib.open(dir.filePath(u"lib.lede"_s)));
        QVERIFY(lib.addArticle(sampleArticle()));
        lib.close();
        QVERIFY(lib.annotations(1).isEmpty());
        QVERIFY2(lib.lastError().contains(u"no library is open"_s), qPrintable(lib.lastError()));
        Lede::Annotation a;
        a.articleId = 1;
        a.start = 0;
        a.end = 6;
        QVERIFY(!lib.addAnnotation(a));
        QVERIFY2(lib.lastError().contains(u"no library is open"_s), qPrintable(lib.lastError()));
    }

    // Stories that share a paragraph (a standard disclaimer, a quoted statement) stay apart, and
    // a copy of one of them joins that one, in one batch as in separate imports.
    void groupsCopyAmongArticlesSharingText()
    {
        // A made-up word per article and position, so that articles share only storyText().
        const auto word = [](int article, int position) {
            QString w = u"q"_s;
            for (int n = article;; n /= 25) {
                w += QChar(u'a' + n % 25);
                if (n < 25)
                    break;
            }
            w += u'z';
            for (int n = position;; n /= 25) {
                w += QChar(u'a' + n % 25);
                if (n < 25)
                    break;
            }
            return w;
        };
        const auto own = [&](int article) {
            QStringList words;
            for (int i = 0; i < 110; ++i)
                words.append(word(article, i));
            return words.join(u' ');
        };
        QTemporaryDir dir;
        Lede::Library lib;
        QVERIFY(lib.open(dir.filePath(u"lib.lede"_s)));
        QList<Lede::Article> batch;
        for (int i = 0; i < 12; ++i)
            batch.append(sampleArticle(own(i) + u"\n\n"_s + storyText()));
        const auto first = lib.addArticles(batch);
        QVERIFY2(first, qPrintable(lib.lastError()));
        for (int i = 12; i < 24; ++i) {
            const auto added = lib.addArticle(sampleArticle(own(i) + u"\n\n"_s + storyText()));
            QVERIFY2(added, qPrintable(lib.lastError()));
            QVERIFY(!added->grouped);
            QCOMPARE(added->storyId, added->id);
        }
        for (const Lede::AddedArticle &a : *first) {
            QVERIFY(!a.grouped);
            QCOMPARE(a.storyId, a.id);
        }
        const qint64 original = first->at(7).id;
        const auto copies
            = lib.addArticles({sampleArticle(own(7) + u"\n\n"_s + storyText() + u" Reuters contributed."_s),
                sampleArticle(own(30) + u"\n\n"_s + storyText())});
        QVERIFY2(copies && copies->size() == 2, qPrintable(lib.lastError()));
        QVERIFY(copies->at(0).grouped);
        QCOMPARE(copies->at(0).storyId, original);
        QVERIFY(!copies->at(1).grouped);
        QCOMPARE(copies->at(1).storyId, copies->at(1).id);
        // A copy of the copy stays in the first copy's story.
        const auto again = lib.addArticle(sampleArticle(u"Updated. "_s + own(7) + u"\n\n"_s + storyText()));
        QVERIFY(again && again->grouped);
        QCOMPARE(again->storyId, original);
    }

    // Deleting an article takes its band keys by the article's key, not by reading every article's,
    // and an id taken again after a delete groups by its new text.
    void deletedArticleLeavesNoBands()
    {
        const auto otherStory = [] {
            QStringList words;
            for (int i = 0; i < 60; ++i)
                words.append(u"lorem%1ipsum"_s.arg(i * 7919 % 1000));
            return words.join(u' ');
        };
        QTemporaryDir dir;
        Lede::Library lib;
        QVERIFY(lib.open(dir.filePath(u"lib.lede"_s)));
        const auto story = lib.addArticle(sampleArticle(storyText()));
        const auto copy = lib.addArticle(sampleArticle(storyText() + u" Reuters contributed reporting."_s));
        QVERIFY2(story && copy, qPrintable(lib.lastError()));
        QVERIFY(copy->grouped);
        QSqlQuery q(lib.database());
        QVERIFY(q.exec(u"EXPLAIN QUERY PLAN DELETE FROM story_bands WHERE article_id = 1"_s));
        QStringList plan;
        while (q.next())
            plan.append(q.value(3).toString());
        QVERIFY2(!plan.isEmpty() && !plan.join(u'\n').contains(u"SCAN"_s), qPrintable(plan.join(u'\n')));
        QVERIFY(q.exec(u"DELETE FROM articles WHERE id = %1"_s.arg(copy->id)));
        QVERIFY(q.exec(u"DELETE FROM articles WHERE id = %1"_s.arg(story->id)));
        QVERIFY(q.exec(u"SELECT count(*) FROM story_bands"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        // The first id comes back for another story; its copy joins it, not the deleted one's text.
        const auto other = lib.addArticle(sampleArticle(otherStory()));
        QVERIFY2(other, qPrintable(lib.lastError()));
        QCOMPARE(other->id, story->id);
        QVERIFY(!other->grouped);
        const auto again = lib.addArticle(sampleArticle(storyText()));
        QVERIFY(again && !again->grouped);
        const auto otherCopy = lib.addArticle(sampleArticle(otherStory() + u" Updated."_s));
        QVERIFY(otherCopy && otherCopy->grouped);
        QCOMPARE(otherCopy->storyId, other->id);
    }

    // A library whose band keys were kept in the table of schema step 2 keeps them when they move
    // to the table ordered by article: its articles' copies still find them.
    void upgradeKeepsStoryBands()
    {
        const QList<QStringList> &steps = Lede::Schema::migrations();
        qsizetype step = 0;
        while (step < steps.size() && !steps.at(step).join(u' ').contains(u"story_bands_by_article"_s))
            ++step;
        QVERIFY(step < steps.size());
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lib.lede"_s);
        qint64 original = 0;
        {
            Lede::Library lib;
            QVERIFY(lib.open(path));
            const auto added = lib.addArticle(sampleArticle(storyText()));
            QVERIFY(added);
            original = added->id;
            QSqlQuery q(lib.database());
            for (const QString &sql : {u"CREATE TABLE old_bands (band INTEGER NOT NULL, band_key INTEGER NOT NULL, "
                                       "article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE)"_s,
                     u"INSERT INTO old_bands SELECT band, band_key, article_id FROM story_bands"_s,
                     u"DROP TABLE story_bands"_s, u"ALTER TABLE old_bands RENAME TO story_bands"_s,
                     u"CREATE INDEX story_bands_lookup ON story_bands(band, band_key)"_s,
                     u"UPDATE schema_version SET version = %1"_s.arg(step)})
                QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
        }
        Lede::Library lib;
        QVERIFY2(lib.open(path), qPrintable(lib.lastError()));
        QCOMPARE(lib.schemaVersion(), Lede::Library::currentSchemaVersion());
        QSqlQuery q(lib.database());
        QVERIFY(q.exec(u"SELECT count(*) FROM story_bands WHERE article_id = %1"_s.arg(original)) && q.next());
        QCOMPARE(q.value(0).toInt(), Lede::MinHash::Bands);
        const auto copy = lib.addArticle(sampleArticle(storyText() + u" Reuters contributed reporting."_s));
        QVERIFY(copy && copy->grouped);
        QCOMPARE(copy->storyId, original);
    }

    // Summaries of just some articles: story ids and sizes count every copy in the library.
    void articlesByIds()
    {
        QTemporaryDir dir;
        Lede::Library lib;
        QVERIFY(lib.open(dir.filePath(u"lib.lede"_s)));
        const auto story = lib.addArticle(sampleArticle(storyText()));
        const auto other = lib.addArticle(sampleArticle());
        const auto copy = lib.addArticle(sampleArticle(storyText() + u" Reuters contributed reporting."_s));
        QVERIFY(story && other && copy);
        QVERIFY(copy->grouped);
        QCOMPARE(copy->storyId, story->id);

        const auto some = lib.articles(QList<qint64>{copy->id, other->id, 999, copy->id});
        QCOMPARE(some.size(), 2);
        QCOMPARE(some.at(0).id, other->id);
        QCOMPARE(some.at(0).storyId, other->id);
        QCOMPARE(some.at(0).storySize, 1);
        QCOMPARE(some.at(1).id, copy->id);
        QCOMPARE(some.at(1).storyId, story->id);
        QCOMPARE(some.at(1).storySize, 2);
        QCOMPARE(some.at(1).title, u"Chips"_s);
        QCOMPARE(some.at(1).published, u"2025-04-16T08:00:00+08:00"_s);
        // The same rows as the whole list has.
        for (const Lede::ArticleSummary &s : lib.articles()) {
            if (s.id == copy->id) {
                QCOMPARE(s.storySize, some.at(1).storySize);
                QCOMPARE(s.importedAt, some.at(1).importedAt);
            }
        }
        QVERIFY(lib.articles(QList<qint64>{}).isEmpty());
        QVERIFY(lib.lastError().isEmpty());

        // More ids than one statement binds.
        QList<qint64> many;
        for (qint64 id = 1; id <= 1200; ++id)
            many.append(id);
        QCOMPARE(lib.articles(many).size(), 3);
    }

    void entityArticlesByIds()
    {
        QTemporaryDir dir;
        Lede::Library lib;
        QVERIFY(lib.open(dir.filePath(u"lib.lede"_s)));
        const auto first = lib.addArticle(sampleArticle());
        Lede::Article second = sampleArticle(u"Nvidia and TSMC talked.\n\nNothing else."_s);
        second.entities = {{u"company/nvidia"_s, 0, 6, u"Nvidia"_s}, {u"company/tsmc"_s, 11, 15, u"TSMC"_s}};
        const auto added = lib.addArticle(second);
        QVERIFY(first && added);

        const auto both = lib.entityArticles(QList<qint64>{first->id, added->id});
        QCOMPARE(both, lib.entityArticles());
        const auto justSecond = lib.entityArticles(QList<qint64>{added->id});
        QCOMPARE(justSecond.size(), 2);
        QCOMPARE(justSecond.value(u"company/nvidia"_s), QSet<qint64>{added->id});
        QCOMPARE(justSecond.value(u"company/tsmc"_s), QSet<qint64>{added->id});
        QVERIFY(!justSecond.contains(u"chip/nvidia-h20"_s));
        QVERIFY(lib.entityArticles(QList<qint64>{999}).isEmpty());
        QVERIFY(lib.lastError().isEmpty());
    }

    // The sidebar's counts come from SQL (entity_totals, article_entities) and agree with the
    // mentions counted in memory, widened the same way (Southeast Asia takes in Malaysia), after
    // articles came, had their mentions replaced, and went.
    void entityCountsAgreeWithTheMentions()
    {
        QTemporaryDir dir;
        Lede::Library lib;
        QVERIFY(lib.open(dir.filePath(u"lib.lede"_s)));
        const auto kb = Lede::KnowledgeBase::loadBuiltin();
        Lede::LibraryGenerator generator(*kb, 7);
        QCOMPARE(generator.generate(lib, 300), std::optional<qsizetype>(300));
        const auto check = [&](Lede::EntityCounts &fromSql) {
            fromSql = lib.entityCounts(*kb);
            QVERIFY2(lib.lastError().isEmpty(), qPrintable(lib.lastError()));
            const Lede::EntityCounts inMemory = Lede::countEntityArticles(*kb, lib.entityArticles());
            QCOMPARE(fromSql.direct, inMemory.direct);
            QCOMPARE(fromSql.widened, inMemory.widened);
        };
        Lede::EntityCounts counts;
        check(counts);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(counts.direct.size() > 20);
        // Some entity counts more widened than named: what lies inside it is named too.
        QVERIFY(std::any_of(counts.direct.keyBegin(), counts.direct.keyEnd(),
            [&](const QString &id) { return counts.widened.value(id) > counts.direct.value(id); }));

        // One article's mentions replaced by a single new one; another article removed.
        const QList<Lede::ArticleSummary> all = lib.articles();
        QVERIFY(lib.replaceMentions(all.at(0).id, {{u"region/my"_s, 0, 1, u"M"_s}}));
        QSqlQuery q(lib.database());
        QVERIFY(q.exec(u"DELETE FROM articles WHERE id = %1"_s.arg(all.at(1).id)));
        Lede::EntityCounts after;
        check(after);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(after != counts);
    }

    // Publication dates come back as they went in: a date alone, a time with an offset, a time without.
    void publishedDatesRoundTrip_data()
    {
        QTest::addColumn<QDateTime>("published");
        QTest::addColumn<bool>("hasTime");
        QTest::addColumn<QString>("iso");
        QTest::newRow("date") << QDateTime(QDate(2025, 2, 13), QTime(0, 0), QTimeZone::UTC) << false << u"2025-02-13"_s;
        QTest::newRow("offset") << QDateTime(
            QDate(2025, 2, 13), QTime(11, 49, 8), QTimeZone::fromSecondsAheadOfUtc(8 * 3600))
                                << true << u"2025-02-13T11:49:08+08:00"_s;
        QTest::newRow("utc") << QDateTime(QDate(2025, 2, 13), QTime(3, 49, 8), QTimeZone::UTC) << true
                             << u"2025-02-13T03:49:08Z"_s;
        QTest::newRow("local") << QDateTime(QDate(2025, 2, 13), QTime(11, 49), QTimeZone::LocalTime) << true
                               << u"2025-02-13T11:49:00"_s;
        QTest::newRow("none") << QDateTime() << false << QString();
    }
    void publishedDatesRoundTrip()
    {
        QFETCH(QDateTime, published);
        QFETCH(bool, hasTime);
        QFETCH(QString, iso);
        QTemporaryDir dir;
        Lede::Library lib;
        QVERIFY(lib.open(dir.filePath(u"lib.lede"_s)));
        Lede::Article a = sampleArticle();
        a.published = published;
        a.publishedHasTime = hasTime;
        QCOMPARE(a.publishedIso(), iso);
        const auto added = lib.addArticle(a);
        QVERIFY(added);
        const auto back = lib.article(added->id);
        QVERIFY(back);
        QCOMPARE(back->publishedIso(), iso);
        QCOMPARE(back->publishedHasTime, hasTime);
        QCOMPARE(back->published.isValid(), published.isValid());
        if (published.isValid())
            QCOMPARE(back->published.toMSecsSinceEpoch(), published.toMSecsSinceEpoch());
    }

    // A removed annotation comes back with its id, passage, note and times; not over another one.
    void restoreAnnotationKeepsItsId()
    {
        QTemporaryDir dir;
        Lede::Library lib;
        QVERIFY(lib.open(dir.filePath(u"lib.lede"_s)));
        const qint64 articleId = lib.addArticle(sampleArticle())->id;
        Lede::Annotation a;
        a.articleId = articleId;
        a.start = 0;
        a.end = 6;
        a.color = u"pink"_s;
        a.note = u"first"_s;
        a.quote = u"Nvidia"_s;
        const auto first = lib.addAnnotation(a);
        a.start = 12;
        a.end = 15;
        a.quote = u"H20"_s;
        const auto second = lib.addAnnotation(a);
        QVERIFY(first && second);
        QCOMPARE(lib.annotation(first->id)->note, u"first"_s);

        QVERIFY(lib.removeAnnotation(first->id));
        QVERIFY(!lib.annotation(first->id));
        QVERIFY(lib.lastError().contains(u"no annotation"_s));
        QVERIFY(!lib.removeAnnotation(first->id));
        QVERIFY2(lib.lastError().contains(u"not in the library"_s), qPrintable(lib.lastError()));
        QVERIFY(!lib.updateAnnotation(*first));
        QVERIFY2(lib.lastError().contains(u"not in the library"_s), qPrintable(lib.lastError()));

        QVERIFY2(lib.restoreAnnotation(*first), qPrintable(lib.lastError()));
        const auto back = lib.annotation(first->id);
        QVERIFY(back);
        QCOMPARE(back->articleId, articleId);
        QCOMPARE(back->start, 0);
        QCOMPARE(back->end, 6);
        QCOMPARE(back->note, u"first"_s);
        QCOMPARE(back->quote, u"Nvidia"_s);
        QCOMPARE(back->created, first->created);
        QCOMPARE(back->modified, first->modified);
        QCOMPARE(lib.annotations(articleId).size(), 2);

        QVERIFY(!lib.restoreAnnotation(*second)); // its id is in use
        QVERIFY(!lib.lastError().isEmpty());
        Lede::Annotation unsaved = *second;
        unsaved.id = 0;
        QVERIFY(!lib.restoreAnnotation(unsaved));
        QCOMPARE(lib.annotations(articleId).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestLibrary)
#include "tst_library.moc"
