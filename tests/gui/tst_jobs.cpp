// SPDX-License-Identifier: MIT
// Long work in the background and what the journalist does meanwhile: teaching the linker while an
// import runs, opening another library while a re-link runs. Driven through the main window, as a
// person would.
#include "kb/kbedit.h"
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "mainwindow.h"
#include "store/library.h"
#include "testpaths.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestJobs : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<const Lede::Linker> m_linker;
    QTemporaryDir m_dir;

    // A folder of `count` distinct plain-text articles, each naming the same made-up device.
    QString writeArticles(const QString &name, int count)
    {
        static const QStringList words = {u"market"_s, u"supply"_s, u"factory"_s, u"analysts"_s, u"quarter"_s,
            u"shipments"_s, u"orders"_s, u"engineers"_s, u"revenue"_s, u"forecast"_s, u"regulators"_s, u"board"_s,
            u"investors"_s, u"capacity"_s, u"pricing"_s, u"contract"_s, u"launch"_s, u"customers"_s, u"design"_s,
            u"testing"_s, u"partners"_s, u"exports"_s, u"margins"_s, u"demand"_s};
        QDir dir(m_dir.filePath(name));
        dir.mkpath(u"."_s);
        QRandomGenerator random(42);
        for (int i = 0; i < count; ++i) {
            QString text = u"Report number %1 on the Zorblax device\n\n"_s.arg(i);
            for (int p = 0; p < 4; ++p) {
                QStringList sentence;
                for (int w = 0; w < 40; ++w)
                    sentence.append(words.at(int(random.bounded(words.size()))));
                text += u"The Zorblax device, item %1.%2: "_s.arg(i).arg(p) + sentence.join(u' ') + u".\n\n"_s;
            }
            QFile f(dir.filePath(u"report-%1.txt"_s.arg(i, 4, 10, QChar(u'0'))));
            if (!f.open(QIODevice::WriteOnly))
                return {};
            f.write(text.toUtf8());
        }
        return dir.path();
    }

    static Lede::KbEdit zorblaxIsNvidia()
    {
        Lede::KbEdit alias;
        alias.action = Lede::KbEdit::AddAlias;
        alias.entityId = u"company/nvidia"_s;
        alias.value = u"Zorblax"_s;
        return alias;
    }

    // Articles of the library at `path` in which no mention links the alias taught above.
    static QList<qint64> articlesWithoutAlias(const QString &path)
    {
        Lede::Library library;
        if (!library.open(path))
            return {-1};
        QList<qint64> missing;
        for (const Lede::ArticleSummary &a : library.articles()) {
            const auto mentions = library.mentions(a.id);
            if (std::none_of(mentions.cbegin(), mentions.cend(), [](const Lede::EntityMention &m) {
                    return m.entityId == u"company/nvidia"_s && m.surface == u"Zorblax"_s;
                }))
                missing.append(a.id);
        }
        return missing;
    }

private Q_SLOTS:
    void initTestCase()
    {
        LedeTest::isolateSettings(m_dir.path());
        m_linker = std::make_shared<const Lede::Linker>(Lede::KnowledgeBase::loadBuiltin());
    }

    // Teaching the linker while an import runs: the articles imported after the teach are linked
    // with what was taught too, not only those that were there when the re-link started.
    void teachDuringImport()
    {
        const QString folder = writeArticles(u"teach-during-import"_s, 400);
        QVERIFY(!folder.isEmpty());
        const QString libPath = m_dir.filePath(u"teach-during-import.lede"_s);
        Lede::MainWindow w(m_linker);
        QVERIFY(w.openLibrary(libPath));
        QSignalSpy imported(&w, &Lede::MainWindow::importFinished);
        bool taught = false;
        // Teach as soon as the import says it is under way, while most files are still to come.
        connect(w.statusBar(), &QStatusBar::messageChanged, this, [&](const QString &message) {
            if (!taught && message.startsWith(u"Importing"_s)) {
                taught = true;
                QVERIFY(w.teach(zorblaxIsNvidia()));
            }
        });
        w.importPaths({folder});
        QVERIFY(imported.wait(120000));
        QVERIFY(taught);
        QCOMPARE(imported.first().first().value<Lede::ImportSummary>().added, 400);
        QTRY_VERIFY_WITH_TIMEOUT(!w.isImporting() && !w.isRelinking(), 120000);
        QCOMPARE(articlesWithoutAlias(libPath), QList<qint64>{});
    }

    // Opening another library while a re-link of the first runs: the re-link stops being this
    // window's business at once, and nothing it finishes later lands in the new library's view.
    void openAnotherLibraryDuringRelink()
    {
        const QString folder = writeArticles(u"relink-then-open"_s, 600);
        QVERIFY(!folder.isEmpty());
        const QString first = m_dir.filePath(u"relink-first.lede"_s);
        const QString second = m_dir.filePath(u"relink-second.lede"_s);
        Lede::MainWindow w(m_linker);
        QVERIFY(w.openLibrary(first));
        QSignalSpy imported(&w, &Lede::MainWindow::importFinished);
        w.importPaths({folder});
        QVERIFY(imported.wait(120000));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isImporting() && !w.isRelinking(), 60000);

        QSignalSpy relinked(&w, &Lede::MainWindow::relinkFinished);
        bool opened = false;
        // Open the other library the moment the re-link reports progress: it is running then.
        connect(w.statusBar(), &QStatusBar::messageChanged, this, [&](const QString &message) {
            if (!opened && message.startsWith(u"Finding names again"_s)) {
                opened = true;
                QVERIFY(w.openLibrary(second));
                QVERIFY(!w.isRelinking());
            }
        });
        QVERIFY(w.teach(zorblaxIsNvidia()));
        QTRY_VERIFY_WITH_TIMEOUT(opened, 60000);
        QCOMPARE(w.library().path(), second);
        QVERIFY(!w.isRelinking());
        // Give the cancelled re-link every chance to report: it must not.
        QTest::qWait(2000);
        QCOMPARE(relinked.count(), 0);
        QCOMPARE(w.articleModel()->rowCount(), 0);
        QVERIFY(w.library().kbEdits().isEmpty());
    }
};

QTEST_MAIN(TestJobs)
#include "tst_jobs.moc"
