// SPDX-License-Identifier: MIT
// A library opened by a Lede whose shipped knowledge base or linker differs from the one that found
// its mentions is re-linked in the background, keeping what the journalist taught and rejected.
#include "controller/controller.h"
#include "jobs/relinkjob.h"
#include "kb/kbedit.h"
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "linkertest.h"
#include "store/library.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

const QString oldBase = uR"(
[company/nvidia]
name = Nvidia

[chip/nvidia-h20]
name = H20
maker = company/nvidia

[region/cn]
name = China
)"_s;

// The next release: it knows Taiwan.
const QString newBase = oldBase + uR"(
[region/tw]
name = Taiwan
)"_s;

std::shared_ptr<const Lede::Linker> linkerFor(const QString &records)
{
    return std::make_shared<const Lede::Linker>(LedeTest::knowledgeBaseFrom(records, u"test"_s));
}

QList<qint64> addLinked(Lede::Library &library, const Lede::Linker &linker, const QStringList &texts)
{
    QList<Lede::Article> batch;
    for (const QString &text : texts) {
        Lede::Article a;
        a.format = Lede::SourceFormat::PlainText;
        a.sourcePath = u"test.txt"_s;
        a.title = text.left(20);
        a.text = text;
        a.blocks = Lede::TextBlocks(1);
        a.entities = linker.link(text);
        batch.append(a);
    }
    QList<qint64> ids;
    for (const auto &added : library.addArticles(batch).value_or(QList<Lede::AddedArticle>{}))
        ids.append(added.id);
    return ids;
}

QStringList entityIds(const QList<Lede::EntityMention> &mentions)
{
    QStringList out;
    for (const auto &m : mentions)
        out.append(m.entityId);
    return out;
}

} // namespace

class TestControllerRelink : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void relinksWhenTheShippedBaseChanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lib.lede"_s);
        const auto before = linkerFor(oldBase);
        QList<qint64> ids;
        {
            Lede::Library library;
            QVERIFY2(library.open(path), qPrintable(library.lastError()));
            ids = addLinked(library, *before,
                {u"Team Green sold H20 chips to China and Taiwan."_s, u"China and Taiwan talk chips."_s});
            QCOMPARE(ids.size(), 2);
            QVERIFY(library.setLinkFingerprint(Lede::Linker::fingerprint(before->knowledgeBase())));
            // What the journalist taught in the app: an alias, and China is wrong in the first article.
            Lede::KbEdit alias;
            alias.action = Lede::KbEdit::AddAlias;
            alias.entityId = u"company/nvidia"_s;
            alias.value = u"Team Green"_s;
            QVERIFY(library.addKbEdit(alias));
            Lede::KbEdit reject;
            reject.action = Lede::KbEdit::RejectMention;
            reject.entityId = u"region/cn"_s;
            reject.value = u"China"_s;
            reject.articleId = ids.at(0);
            reject.start = 29;
            reject.end = 34;
            QVERIFY(library.addKbEdit(reject));
        }

        const auto after = linkerFor(newBase);
        const QString fingerprint = Lede::Linker::fingerprint(after->knowledgeBase());
        {
            Lede::Controller controller(after);
            QSignalSpy started(&controller, &Lede::Controller::jobStarted);
            QSignalSpy progress(&controller, &Lede::Controller::jobProgress);
            QSignalSpy relinked(&controller, &Lede::Controller::relinkFinished);
            QVERIFY(controller.openLibrary(path));
            QVERIFY(controller.isRelinking());
            QVERIFY(relinked.wait(30000));
            QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), 30000);
            QCOMPARE(started.size(), 1);
            QVERIFY(!progress.isEmpty()); // the status bar's progress
            QCOMPARE(relinked.first().at(0).toInt(), 2);
            QCOMPARE(entityIds(controller.library().mentions(ids.at(0))),
                (QStringList{u"company/nvidia"_s, u"chip/nvidia-h20"_s, u"region/tw"_s}));
            QCOMPARE(
                entityIds(controller.library().mentions(ids.at(1))), (QStringList{u"region/cn"_s, u"region/tw"_s}));
            QCOMPARE(controller.library().linkFingerprint(), fingerprint);
            QCOMPARE(controller.library().kbEdits().size(), 2);
            // The sidebar counts the new region.
            QCOMPARE(controller.knowledgeBase().entity(u"region/tw")->name, u"Taiwan"_s);
        }

        // Opened again by the same Lede: nothing to do.
        Lede::Controller again(after);
        QSignalSpy started(&again, &Lede::Controller::jobStarted);
        QVERIFY(again.openLibrary(path));
        QVERIFY(!again.isRelinking());
        QTRY_VERIFY_WITH_TIMEOUT(!again.isBusy(), 30000);
        QTest::qWait(50);
        QCOMPARE(started.size(), 0);
    }

    // Cancelled from the status bar, the re-link is done again the next time the library opens.
    void aCancelledRelinkRunsAgain()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lib.lede"_s);
        const auto before = linkerFor(oldBase);
        const int count = Lede::RelinkJob::batchSize * 3;
        {
            Lede::Library library;
            QVERIFY(library.open(path));
            QStringList texts;
            for (int i = 0; i < count; ++i)
                texts.append(u"Report %1: China and Taiwan."_s.arg(i));
            QCOMPARE(addLinked(library, *before, texts).size(), count);
            QVERIFY(library.setLinkFingerprint(Lede::Linker::fingerprint(before->knowledgeBase())));
        }
        const auto after = linkerFor(newBase);
        {
            Lede::Controller controller(after);
            connect(&controller, &Lede::Controller::jobProgress, &controller, [&controller](int done, int) {
                if (done > 0)
                    controller.cancelRelink();
            });
            QSignalSpy relinked(&controller, &Lede::Controller::relinkFinished);
            QVERIFY(controller.openLibrary(path));
            QVERIFY(relinked.wait(30000));
            QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), 30000);
            QVERIFY(relinked.first().at(0).toInt() < count);
            QCOMPARE(controller.library().linkFingerprint(), QString());
        }
        Lede::Controller controller(after);
        QSignalSpy relinked(&controller, &Lede::Controller::relinkFinished);
        QVERIFY(controller.openLibrary(path));
        QVERIFY(relinked.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), 30000);
        QCOMPARE(controller.library().linkFingerprint(), Lede::Linker::fingerprint(after->knowledgeBase()));
        const auto articles = controller.library().articles();
        QCOMPARE(articles.size(), count);
        for (const auto &a : articles)
            QVERIFY(entityIds(controller.library().mentions(a.id)).contains(u"region/tw"_s));
    }

    // A new library records the fingerprint at once: there is nothing to re-link.
    void aNewLibraryNeedsNoRelink()
    {
        QTemporaryDir dir;
        const auto linker = linkerFor(newBase);
        Lede::Controller controller(linker);
        QSignalSpy started(&controller, &Lede::Controller::jobStarted);
        QVERIFY(controller.openLibrary(dir.filePath(u"new.lede"_s)));
        QVERIFY(!controller.isRelinking());
        QCOMPARE(controller.library().linkFingerprint(), Lede::Linker::fingerprint(linker->knowledgeBase()));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), 30000);
        QCOMPARE(started.size(), 0);
    }
};

QTEST_MAIN(TestControllerRelink)
#include "tst_controllerrelink.moc"
