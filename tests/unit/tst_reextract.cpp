// SPDX-License-Identifier: MIT
// Re-extracting a library from the files it keeps: texts from an older parse (debris still in them)
// are replaced, mentions linked again, and every annotation lands on the same words or is listed as
// an orphan. Also: the files kept at import, and the upgrade of an older library.
#include "jobs/importjob.h"
#include "jobs/reextractjob.h"
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "store/library.h"
#include "store/schema.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

const char16_t *const testKb = uR"(
[company/nvidia]
name = Nvidia

[company/tsmc]
name = TSMC

[chip/nvidia-h20]
name = H20
maker = company/nvidia

[region/cn]
name = China
)";

std::shared_ptr<const Lede::Linker> linker()
{
    auto kb = std::make_shared<Lede::KnowledgeBase>();
    QStringList errors;
    kb->parse(QStringView(testKb), u"reextract"_s, &errors);
    kb->finish(&errors);
    return std::make_shared<const Lede::Linker>(kb);
}

QString markdown(int n)
{
    return u"---\ntitle: Chips to China %1\noutlet: The Wire\nurl: https://example.org/chips/%1\ndate: 2025-02-13\n"
           u"---\n\nNvidia said on Tuesday that it had sold H20 chips to buyers in China before the new rules took "
           u"effect (report %1).\n\nThe company expects revenue of $28 billion in the second quarter, analysts "
           u"said.\n\nTSMC, which makes the chips, declined to comment on the orders from China."_s.arg(n);
}

const QString debris = u"Advertisement\n\nShare this story on social media\n\n"_s;

bool writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text.toUtf8()) > 0;
}

// Puts an older parse's text (debris before the second paragraph) in place of an article's text.
bool makeOld(Lede::Library &library, qint64 id, QString *oldText)
{
    const auto a = library.article(id);
    if (!a)
        return false;
    const qsizetype at = a->text.indexOf(u"The company"_s);
    *oldText = a->text;
    oldText->insert(at, debris);
    QSqlQuery q(library.database());
    q.prepare(u"UPDATE articles SET body = ?, content_hash = ? WHERE id = ?"_s);
    q.addBindValue(*oldText);
    q.addBindValue(Lede::Library::contentHash(*oldText));
    q.addBindValue(id);
    return q.exec() && library.replaceMentions(id, {});
}

std::optional<Lede::Annotation> annotate(Lede::Library &library, qint64 id, const QString &text, const QString &quote)
{
    Lede::Annotation a;
    a.articleId = id;
    a.start = text.indexOf(quote);
    a.end = a.start + quote.size();
    a.color = u"yellow"_s;
    a.note = u"note on "_s + quote;
    return library.addAnnotation(a);
}

} // namespace

class TestReextract : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importKeepsTheFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"a.md"_s);
        QVERIFY(writeFile(file, markdown(1)));
        Lede::ImportJob job(dir.filePath(u"lib.lede"_s), {file}, linker());
        QCOMPARE(job.run().added, 1);
        Lede::Library library;
        QVERIFY(library.open(dir.filePath(u"lib.lede"_s)));
        const qint64 id = library.articles().first().id;
        const auto source = library.articleSource(id);
        QVERIFY(source && !source->isNull());
        QCOMPARE(source->data, markdown(1).toUtf8());
        QCOMPARE(source->encoding, QByteArray("UTF-8"));
        QCOMPARE(source->item, 0);
    }

    void reextractReplacesDebrisAndReanchors()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lib.lede"_s);
        QStringList files;
        for (int i = 0; i < 3; ++i) {
            files.append(dir.filePath(u"a%1.md"_s.arg(i)));
            QVERIFY(writeFile(files.last(), markdown(i)));
        }
        Lede::ImportJob import(path, files, linker());
        QCOMPARE(import.run().added, 3);

        // Each article as an older extractor left it, annotated before, inside and after the debris.
        const QStringList before = {u"sold H20 chips to buyers in China"_s, u"Nvidia"_s};
        const QStringList inside = {u"Share this story"_s};
        const QStringList after = {u"revenue of $28 billion"_s, u"TSMC"_s, u"declined to comment on the orders"_s};
        QList<Lede::Annotation> annotations;
        qint64 rejectedIn = 0;
        {
            Lede::Library library;
            QVERIFY(library.open(path));
            for (const Lede::ArticleSummary &s : library.articles()) {
                QString old;
                QVERIFY(makeOld(library, s.id, &old));
                if (!rejectedIn) {
                    // The journalist rejected the last "China" (after the debris) as a mention.
                    rejectedIn = s.id;
                    Lede::KbEdit reject;
                    reject.action = Lede::KbEdit::RejectMention;
                    reject.entityId = u"region/cn"_s;
                    reject.articleId = s.id;
                    reject.start = old.lastIndexOf(u"China"_s);
                    reject.end = reject.start + 5;
                    QVERIFY(library.addKbEdit(reject));
                }
                for (const QString &quote : before + inside + after) {
                    const auto a = annotate(library, s.id, old, quote);
                    QVERIFY2(a, qPrintable(library.lastError()));
                    QCOMPARE(a->quote, quote);
                    QVERIFY(!a->prefix.isEmpty() || a->start == 0);
                    annotations.append(*a);
                }
            }
        }
        // The files are gone: re-extraction reads the copies the library kept.
        for (const QString &f : std::as_const(files))
            QVERIFY(QFile::remove(f));

        Lede::ReextractJob job(path, linker());
        QSignalSpy progress(&job, &Lede::ReextractJob::progress);
        const Lede::ReextractSummary summary = job.run();
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        QCOMPARE(summary.total, 3);
        QCOMPARE(summary.done, 3);
        QCOMPARE(summary.changed, 3);
        QCOMPARE(summary.noSource, 0);
        QCOMPARE(summary.exact, 3 * int(before.size()));
        QCOMPARE(summary.moved, 3 * int(after.size()));
        QCOMPARE(summary.orphaned, 3 * int(inside.size()));
        QCOMPARE(progress.size(), 4);

        Lede::Library library;
        QVERIFY(library.open(path));
        int orphans = 0;
        for (const Lede::ArticleSummary &s : library.articles()) {
            const auto article = library.article(s.id);
            QVERIFY(article);
            QVERIFY(!article->text.contains(u"Advertisement"_s));
            QCOMPARE(library.findArticle(Lede::Library::contentHash(article->text)), s.id);
            // Mentions are linked again, on the new text, but for the one rejected, whose edit follows its words.
            QCOMPARE(article->entities.size(), s.id == rejectedIn ? 4 : 5);
            if (s.id == rejectedIn) {
                const Lede::KbEdit reject = library.kbEdits().first();
                QCOMPARE(reject.start, article->text.lastIndexOf(u"China"_s));
                QCOMPARE(article->entities.last().entityId, u"company/tsmc"_s);
            }
            for (const Lede::EntityMention &m : article->entities)
                QCOMPARE(article->text.mid(m.start, m.end - m.start), m.surface);
            for (const Lede::Annotation &a : library.annotations(s.id)) {
                if (a.orphan) {
                    ++orphans;
                    QVERIFY(inside.contains(a.quote));
                    continue;
                }
                QCOMPARE(article->text.mid(a.start, a.end - a.start), a.quote);
                QVERIFY(before.contains(a.quote) || after.contains(a.quote));
                QCOMPARE(a.note, u"note on "_s + a.quote);
            }
        }
        QCOMPARE(orphans, summary.orphaned);
        QCOMPARE(library.allAnnotations().size(), annotations.size()); // nothing dropped

        // Again: nothing changes, every annotation stays where it is, orphans stay orphans.
        const Lede::ReextractSummary again = Lede::ReextractJob(path, linker()).run();
        QCOMPARE(again.changed, 0);
        QCOMPARE(again.exact, summary.exact + summary.moved);
        QCOMPARE(again.orphaned, summary.orphaned);
    }

    void cancelLeavesEachArticleWhole()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lib.lede"_s);
        QStringList files;
        for (int i = 0; i < 6; ++i) {
            files.append(dir.filePath(u"a%1.md"_s.arg(i)));
            QVERIFY(writeFile(files.last(), markdown(i)));
        }
        QCOMPARE(Lede::ImportJob(path, files, linker()).run().added, 6);
        QHash<qint64, QString> old;
        {
            Lede::Library library;
            QVERIFY(library.open(path));
            for (const Lede::ArticleSummary &s : library.articles()) {
                QVERIFY(makeOld(library, s.id, &old[s.id]));
                QVERIFY(annotate(library, s.id, old[s.id], u"revenue of $28 billion"_s));
            }
        }
        Lede::ReextractJob job(path, linker());
        connect(&job, &Lede::ReextractJob::progress, &job, [&job](int done, int) {
            if (done == 2)
                job.cancel();
        });
        const Lede::ReextractSummary summary = job.run();
        QVERIFY(summary.cancelled);
        QCOMPARE(summary.done, 2);
        QCOMPARE(summary.moved, 2);
        Lede::Library library;
        QVERIFY(library.open(path));
        int changed = 0;
        for (const Lede::ArticleSummary &s : library.articles()) {
            const auto article = library.article(s.id);
            const QList<Lede::Annotation> list = library.annotations(s.id);
            QCOMPARE(list.size(), 1);
            const bool isNew = article->text != old.value(s.id);
            changed += isNew ? 1 : 0;
            // The text and its annotation agree, whichever the article has.
            QCOMPARE(article->text.mid(list.first().start, list.first().end - list.first().start),
                u"revenue of $28 billion"_s);
        }
        QCOMPARE(changed, 2);
    }

    void articlesWithoutTheirFileAreRelinkedOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lib.lede"_s);
        Lede::Library library;
        QVERIFY(library.open(path));
        Lede::Article a;
        a.format = Lede::SourceFormat::PlainText;
        a.sourcePath = dir.filePath(u"gone.txt"_s);
        a.title = u"Gone"_s;
        a.text = u"Nvidia and TSMC."_s;
        const auto added = library.addArticle(a);
        QVERIFY(added);
        QVERIFY(library.articleSource(added->id)->isNull());
        library.close();
        const Lede::ReextractSummary summary = Lede::ReextractJob(path, linker()).run();
        QCOMPARE(summary.noSource, 1);
        QCOMPARE(summary.changed, 0);
        QVERIFY(library.open(path));
        QCOMPARE(library.mentions(added->id).size(), 2);
    }

    void upgradeKeepsFilesAndFillsContext()
    {
        // A library as the version before annotation anchors wrote it.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"old.lede"_s);
        const QString file = dir.filePath(u"kept.md"_s);
        QVERIFY(writeFile(file, markdown(7)));
        // The step that added annotation anchors: the one that gives annotations a prefix.
        int before = 0;
        while (before < Lede::Library::currentSchemaVersion()
            && !Lede::Schema::migrations().at(before).join(u'\n').contains(u"annotations ADD COLUMN prefix"_s))
            ++before;
        QVERIFY(before < Lede::Library::currentSchemaVersion());
        const QString text = u"First paragraph about Nvidia.\n\nThe company expects revenue of $28 billion."_s;
        const qsizetype at = text.indexOf(u"revenue"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (int step = 0; step < before; ++step) {
                for (const QString &statement : Lede::Schema::migrations().at(step))
                    QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
            }
            QVERIFY(q.exec(u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s));
            QVERIFY(q.exec(u"INSERT INTO schema_version VALUES (%1)"_s.arg(before)));
            q.prepare(uR"(INSERT INTO articles (id, content_hash, source_path, format, title, body, imported_at)
                          VALUES (?, ?, ?, 'markdown', 't', ?, '2025-01-01T00:00:00.000Z'),
                                 (?, ?, ?, 'markdown', 'u', ?, '2025-01-01T00:00:00.000Z'))"_s);
            for (const QVariant &v : {QVariant(1), QVariant(u"h1"_s), QVariant(file), QVariant(text), QVariant(2),
                     QVariant(u"h2"_s), QVariant(dir.filePath(u"missing.md"_s)), QVariant(text)})
                q.addBindValue(v);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            q.prepare(uR"(INSERT INTO annotations (article_id, start_pos, end_pos, color, note, quote, created_at,
                          modified_at) VALUES (1, ?, ?, 'yellow', '', 'revenue', 'x', 'x'),
                                              (2, 0, 5, 'yellow', '', 'not in the text', 'x', 'x'))"_s);
            q.addBindValue(at);
            q.addBindValue(at + 7);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(u"old"_s);

        Lede::Library library;
        QVERIFY2(library.open(path), qPrintable(library.lastError()));
        QCOMPARE(library.schemaVersion(), Lede::Library::currentSchemaVersion());
        const QList<Lede::Annotation> first = library.annotations(1);
        QCOMPARE(first.size(), 1);
        QCOMPARE(first.first().prefix, text.mid(at - 32, 32));
        QCOMPARE(first.first().start, at);
        QCOMPARE(first.first().suffix, u" of $28 billion."_s);
        QVERIFY(!first.first().orphan);
        const QList<Lede::Annotation> second = library.annotations(2);
        QCOMPARE(second.size(), 1);
        QVERIFY(second.first().orphan);
        // The file still there is kept; the missing one is not.
        QCOMPARE(library.articleSource(1)->data, markdown(7).toUtf8());
        QVERIFY(library.articleSource(2)->isNull());
        QCOMPARE(library.annotationPalette().size(), Lede::annotationColors().size());
        QCOMPARE(library.annotationPalette().first().meaning, u"claim"_s);
    }

    void annotationFields()
    {
        QTemporaryDir dir;
        Lede::Library library;
        QVERIFY(library.open(dir.filePath(u"lib.lede"_s)));
        Lede::Article article;
        article.format = Lede::SourceFormat::PlainText;
        article.sourcePath = u"x.txt"_s;
        article.text = u"Nvidia sold H20 chips to buyers in China."_s;
        article.entities = linker()->link(article.text);
        const auto added = library.addArticle(article);
        QVERIFY(added);
        Lede::Annotation a;
        a.articleId = added->id;
        a.start = 0;
        a.end = 21; // "Nvidia sold H20 chips"
        a.color = u"blue"_s;
        a.tags = {u"export"_s, u"h20"_s};
        a.entityIds = {u"region/cn"_s};
        const auto stored = library.addAnnotation(a);
        QVERIFY(stored);
        QCOMPARE(stored->quote, u"Nvidia sold H20 chips"_s);
        QCOMPARE(stored->suffix, u" to buyers in China."_s);
        const auto read = library.annotation(stored->id);
        QCOMPARE(read->tags, a.tags);
        QCOMPARE(read->entityIds, a.entityIds);
        QCOMPARE(library.annotationEntities(*read),
            QStringList({u"company/nvidia"_s, u"chip/nvidia-h20"_s, u"region/cn"_s}));
        Lede::Annotation edited = *read;
        edited.tags = {u"follow"_s};
        edited.entityIds.clear();
        QVERIFY(library.updateAnnotation(edited));
        QCOMPARE(library.annotation(stored->id)->tags, QStringList{u"follow"_s});
        QVERIFY(library.annotation(stored->id)->entityIds.isEmpty());
        // A quote given with the wrong offsets is found by its words.
        Lede::Annotation shifted;
        shifted.articleId = added->id;
        shifted.start = 2;
        shifted.end = 7;
        shifted.quote = u"China"_s;
        shifted.color = u"pink"_s;
        const auto found = library.addAnnotation(shifted);
        QVERIFY(found);
        QCOMPARE(found->start, article.text.indexOf(u"China"_s));
        QVERIFY(!found->orphan);
        // The palette's meanings are the journalist's.
        QVERIFY(library.setColorMeaning(u"orange"_s, u"  to check "_s));
        QCOMPARE(library.annotationPalette().last(), (Lede::AnnotationColor{u"orange"_s, u"to check"_s}));
        QVERIFY(!library.setColorMeaning(u"purple"_s, u"x"_s));
    }
};

QTEST_GUILESS_MAIN(TestReextract)
#include "tst_reextract.moc"
