// SPDX-License-Identifier: MIT
// Re-linking a library after the knowledge base learns a name.
#include "jobs/relinkjob.h"
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "store/library.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

const char16_t *const relinkKb = uR"(
[company/nvidia]
name = Nvidia

[chip/nvidia-h20]
name = H20
maker = company/nvidia

[region/cn]
name = China
)";

std::shared_ptr<Lede::KnowledgeBase> knowledgeBase()
{
    auto kb = std::make_shared<Lede::KnowledgeBase>();
    QStringList errors;
    kb->parse(QStringView(relinkKb), u"relink"_s, &errors);
    kb->finish(&errors);
    return kb;
}

// The knowledge base after the journalist taught it "Team Green" for Nvidia.
std::shared_ptr<const Lede::Linker> taughtLinker()
{
    auto kb = knowledgeBase();
    kb->addAlias(u"company/nvidia", Lede::Alias{u"Team Green"_s, Lede::Alias::Other, false});
    return std::make_shared<const Lede::Linker>(kb);
}

bool addLinked(Lede::Library &library, const Lede::Linker &linker, const QString &text)
{
    Lede::Article a;
    a.format = Lede::SourceFormat::PlainText;
    a.sourcePath = u"test.txt"_s;
    a.title = text.left(20);
    a.text = text;
    a.blocks = Lede::TextBlocks(1);
    a.entities = linker.link(text);
    const auto added = library.addArticle(a);
    return added && !added->duplicate;
}

QStringList ids(const QList<Lede::EntityMention> &mentions)
{
    QStringList out;
    for (const auto &m : mentions)
        out.append(u"%1@%2-%3"_s.arg(m.entityId).arg(m.start).arg(m.end));
    return out;
}

} // namespace

class TestRelink : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void relinksWhatChanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lib.lede"_s);
        const Lede::Linker before(knowledgeBase());
        {
            Lede::Library library;
            QVERIFY2(library.open(path), qPrintable(library.lastError()));
            QVERIFY(addLinked(library, before, u"Team Green sold H20 chips to China."_s));
            QVERIFY(addLinked(library, before, u"Nvidia, also known as Team Green."_s));
            QVERIFY(addLinked(library, before, u"China bought H20 chips."_s));
            QVERIFY(addLinked(library, before, u"Nothing to see here."_s));
        }

        Lede::RelinkJob job(path, taughtLinker());
        QSignalSpy progress(&job, &Lede::RelinkJob::progress);
        QSignalSpy finished(&job, &Lede::RelinkJob::finished);
        const Lede::RelinkSummary summary = job.run();
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        QCOMPARE(summary.total, 4);
        QCOMPARE(summary.done, 4);
        QCOMPARE(summary.changed, 2);
        QVERIFY(!summary.cancelled);
        QCOMPARE(progress.size(), 2); // the start, then one batch
        QCOMPARE(progress.last().at(0).toInt(), 4);
        QCOMPARE(progress.last().at(1).toInt(), 4);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toInt(), 2);
        QVERIFY(finished.first().at(1).toString().isEmpty());

        Lede::Library library;
        QVERIFY(library.open(path));
        const auto articles = library.articles();
        QCOMPARE(articles.size(), 4);
        QCOMPARE(ids(library.mentions(articles.at(0).id)),
            (QStringList{u"company/nvidia@0-10"_s, u"chip/nvidia-h20@16-19"_s, u"region/cn@29-34"_s}));
        QCOMPARE(ids(library.mentions(articles.at(1).id)),
            (QStringList{u"company/nvidia@0-6"_s, u"company/nvidia@22-32"_s}));
        QCOMPARE(
            ids(library.mentions(articles.at(2).id)), (QStringList{u"region/cn@0-5"_s, u"chip/nvidia-h20@13-16"_s}));
        QVERIFY(library.mentions(articles.at(3).id).isEmpty());
        const auto mention = library.mentions(articles.at(0).id).first();
        QCOMPARE(mention.surface, u"Team Green"_s);
        QCOMPARE(library.entityArticles().value(u"company/nvidia"_s).size(), 2);

        // Nothing left to change the second time.
        Lede::RelinkJob again(path, taughtLinker());
        QCOMPARE(again.run().changed, 0);
    }

    void cancelStopsBetweenBatches()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lib.lede"_s);
        const Lede::Linker before(knowledgeBase());
        const int count = Lede::RelinkJob::batchSize * 2 + 10;
        {
            Lede::Library library;
            QVERIFY(library.open(path));
            for (int i = 0; i < count; ++i)
                QVERIFY(addLinked(library, before, u"Report %1: Team Green and China."_s.arg(i)));
        }

        Lede::RelinkJob job(path, taughtLinker());
        // Cancel as soon as the first batch is written, as the Cancel button would.
        connect(&job, &Lede::RelinkJob::progress, &job, [&job](int done, int) {
            if (done > 0)
                job.cancel();
        });
        QSignalSpy finished(&job, &Lede::RelinkJob::finished);
        const Lede::RelinkSummary summary = job.run();
        QVERIFY(summary.cancelled);
        QVERIFY(summary.error.isEmpty());
        QCOMPARE(summary.total, count);
        QCOMPARE(summary.done, Lede::RelinkJob::batchSize);
        QCOMPARE(summary.changed, Lede::RelinkJob::batchSize);
        QCOMPARE(finished.size(), 1);

        // The first batch has the new mentions, the rest their old ones, none half-written.
        Lede::Library library;
        QVERIFY(library.open(path));
        const auto articles = library.articles();
        QCOMPARE(articles.size(), count);
        for (int i = 0; i < count; ++i) {
            const QStringList got = ids(library.mentions(articles.at(i).id));
            const int offset = QString::number(i).size();
            const QString china = u"region/cn@%1-%2"_s.arg(24 + offset).arg(29 + offset);
            const QStringList want = i < Lede::RelinkJob::batchSize
                ? QStringList{u"company/nvidia@%1-%2"_s.arg(9 + offset).arg(19 + offset), china}
                : QStringList{china};
            QCOMPARE(got, want);
        }

        // Cancelled before it starts: nothing is written.
        Lede::RelinkJob early(path, taughtLinker());
        early.cancel();
        const Lede::RelinkSummary none = early.run();
        QVERIFY(none.cancelled);
        QCOMPARE(none.done, 0);
        QCOMPARE(none.changed, 0);

        // Run to the end: the rest catch up.
        Lede::RelinkJob rest(path, taughtLinker());
        QCOMPARE(rest.run().changed, count - Lede::RelinkJob::batchSize);
    }

    // The knowledge base's fingerprint follows the text of its files and not the edits on top.
    void fingerprintFollowsTheShippedFiles()
    {
        const auto kb = knowledgeBase();
        QCOMPARE(kb->fingerprint(), knowledgeBase()->fingerprint());
        QVERIFY(!kb->fingerprint().isEmpty());
        auto other = std::make_shared<Lede::KnowledgeBase>();
        QStringList errors;
        other->parse(QString(QString::fromUtf16(relinkKb) + u"\n[region/tw]\nname = Taiwan\n"_s), u"relink"_s, &errors);
        other->finish(&errors);
        QVERIFY(other->fingerprint() != kb->fingerprint());
        const QString before = kb->fingerprint();
        kb->addAlias(u"company/nvidia", Lede::Alias{u"Team Green"_s, Lede::Alias::Other, false});
        QCOMPARE(kb->fingerprint(), before);
        QVERIFY(Lede::Linker::fingerprint(*kb).contains(before));
        QVERIFY(Lede::Linker::fingerprint(*kb) != Lede::Linker::fingerprint(*other));
    }

    // A whole re-link records the fingerprint it was given when it ends, and only then: one that
    // is cancelled leaves the library marked as not linked with any known base, so it runs again.
    void fingerprintIsRecordedWhenTheRelinkEnds()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lib.lede"_s);
        const Lede::Linker before(knowledgeBase());
        const int count = Lede::RelinkJob::batchSize + 10;
        {
            Lede::Library library;
            QVERIFY(library.open(path));
            QCOMPARE(library.linkFingerprint(), QString()); // a new library has none
            for (int i = 0; i < count; ++i)
                QVERIFY(addLinked(library, before, u"Report %1: Team Green and China."_s.arg(i)));
            QVERIFY2(library.setLinkFingerprint(u"old base"_s), qPrintable(library.lastError()));
            QCOMPARE(library.linkFingerprint(), u"old base"_s);
        }
        const QString fingerprint = Lede::Linker::fingerprint(taughtLinker()->knowledgeBase());

        Lede::RelinkJob cancelled(path, taughtLinker());
        cancelled.setFingerprint(fingerprint);
        connect(&cancelled, &Lede::RelinkJob::progress, &cancelled, [&cancelled](int done, int) {
            if (done > 0)
                cancelled.cancel();
        });
        QVERIFY(cancelled.run().cancelled);
        {
            Lede::Library library;
            QVERIFY(library.open(path));
            QCOMPARE(library.linkFingerprint(), QString());
        }

        // Re-linking some articles only says nothing about the library as a whole.
        Lede::RelinkJob some(path, taughtLinker());
        some.setFingerprint(fingerprint);
        some.setArticles({1, 2});
        QVERIFY(some.run().error.isEmpty());
        {
            Lede::Library library;
            QVERIFY(library.open(path));
            QCOMPARE(library.linkFingerprint(), QString());
        }

        Lede::RelinkJob whole(path, taughtLinker());
        whole.setFingerprint(fingerprint);
        const Lede::RelinkSummary summary = whole.run();
        QVERIFY(summary.error.isEmpty());
        QCOMPARE(summary.done, count);
        Lede::Library library;
        QVERIFY(library.open(path));
        QCOMPARE(library.linkFingerprint(), fingerprint);
        // Reopened, the library keeps it.
        library.close();
        QVERIFY(library.open(path));
        QCOMPARE(library.linkFingerprint(), fingerprint);
    }

    void reportsALibraryItCannotOpen()
    {
        QTemporaryDir dir;
        QFile notALibrary(dir.filePath(u"junk.lede"_s));
        QVERIFY(notALibrary.open(QIODevice::WriteOnly));
        notALibrary.write(QByteArray(4096, 'x'));
        notALibrary.close();
        Lede::RelinkJob job(notALibrary.fileName(), taughtLinker());
        QSignalSpy finished(&job, &Lede::RelinkJob::finished);
        const Lede::RelinkSummary summary = job.run();
        QVERIFY(!summary.error.isEmpty());
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).toString(), summary.error);
    }
};

QTEST_GUILESS_MAIN(TestRelink)
#include "tst_relink.moc"
