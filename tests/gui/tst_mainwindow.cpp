// SPDX-License-Identifier: MIT
// Drives the main window offscreen as a person would: import, filter from the sidebar, read,
// annotate, reopen.
#include "annotationdialog.h"
#include "controller/annotationcontroller.h"
#include "controller/controller.h"
#include "entitysidebar.h"
#include "filterbar.h"
#include "guitest.h"
#include "kb/kbedit.h"
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "mainwindow.h"
#include "models/roles.h"
#include "readerview.h"
#include "testpaths.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<const Lede::Linker> m_linker;
    QTemporaryDir m_dir;

    static void clickIndex(QAbstractItemView *view, const QModelIndex &index)
    {
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    }

    void importAndWait(Lede::MainWindow &w, const QStringList &paths)
    {
        QSignalSpy done(&w, &Lede::MainWindow::importFinished);
        w.importPaths(paths);
        QVERIFY(done.wait(60000));
    }

private Q_SLOTS:
    void initTestCase()
    {
        LedeTest::isolateSettings(m_dir.path());
        m_linker = std::make_shared<const Lede::Linker>(Lede::KnowledgeBase::loadBuiltin());
    }

    void importFilterAnnotateReopen()
    {
        const QString seed = LedeTest::sharedFile(u"seeds/000_7b33f2eb9d22d7a1.txt"_s);
        LEDE_REQUIRE_SHARED(seed);
        const QString libPath = m_dir.filePath(u"story.lede"_s);
        QString passage;
        {
            Lede::MainWindow w(m_linker);
            QVERIFY(w.openLibrary(libPath));
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            importAndWait(w, {seed, LedeTest::sourceFile(u"resources/samples"_s)});
            QAbstractItemModel *list = w.articleView()->model();
            const int total = list->rowCount();
            QVERIFY(total >= 13);

            // Click Nvidia in the sidebar: the list narrows to articles that mention it.
            const QModelIndex nvidia = LedeTest::findEntity(w.sidebar()->view(), u"company/nvidia"_s);
            QVERIFY(nvidia.isValid());
            clickIndex(w.sidebar()->view(), nvidia);
            QTRY_COMPARE(w.filters(), QStringList{u"company/nvidia"_s});
            const int withNvidia = list->rowCount();
            QVERIFY(withNvidia > 0 && withNvidia < total);
            QVERIFY(w.filterBar()->isVisible());
            QVERIFY(w.filterBar()->findChild<QToolButton *>(u"filterChip:company/nvidia"_s));

            // A second entity narrows further (AND).
            const QModelIndex southeastAsia = LedeTest::findEntity(w.sidebar()->view(), u"region/southeast-asia"_s);
            QVERIFY(southeastAsia.isValid());
            clickIndex(w.sidebar()->view(), southeastAsia);
            QTRY_COMPARE(w.filters().size(), 2);
            const int withBoth = list->rowCount();
            QVERIFY(withBoth >= 1 && withBoth < withNvidia);

            // Removing a chip widens the list again.
            auto *chip = w.filterBar()->findChild<QToolButton *>(u"filterChip:region/southeast-asia"_s);
            QVERIFY(chip);
            QTest::mouseClick(chip, Qt::LeftButton);
            QTRY_COMPARE(list->rowCount(), withNvidia);

            // Open the founding article from the list.
            int seedRow = -1;
            for (int r = 0; r < list->rowCount(); ++r) {
                if (list->index(r, 0).data().toString().startsWith(u"Why China’s Tech Giants"_s))
                    seedRow = r;
            }
            QVERIFY(seedRow >= 0);
            clickIndex(w.articleView(), list->index(seedRow, 0));
            QTRY_VERIFY(w.currentArticleId() != 0);
            QTextBrowser *text = w.reader()->textView();
            // The reader's document is exactly the canonical text.
            QCOMPARE(text->document()->toPlainText(), w.reader()->article().text);

            // Clicking a mention selects its entity in the sidebar.
            const auto &mentions = w.reader()->article().entities;
            const auto h20 = std::find_if(
                mentions.cbegin(), mentions.cend(), [](const auto &m) { return m.entityId == u"chip/nvidia-h20"_s; });
            QVERIFY(h20 != mentions.cend());
            QTextCursor at(text->document());
            at.setPosition(int(h20->start + 1));
            text->ensureCursorVisible();
            QTest::mouseClick(text->viewport(), Qt::LeftButton, {}, text->cursorRect(at).center());
            QTRY_COMPARE(w.sidebar()->view()->currentIndex().data(Lede::EntityIdRole).toString(), u"chip/nvidia-h20"_s);

            // Select a passage and annotate it through the dialog, typing a note.
            const QString body = w.reader()->article().text;
            passage = u"offshore training has grown steadily in recent months"_s;
            const qsizetype start = body.indexOf(passage);
            QVERIFY(start > 0);
            w.reader()->selectRange(start, start + passage.size());
            QAction *note = w.findChild<QAction *>(u"noteAction"_s);
            QVERIFY(note);
            QTRY_VERIFY(note->isEnabled());
            QTimer::singleShot(0, this, [] {
                auto *dialog = qobject_cast<Lede::AnnotationDialog *>(QApplication::activeModalWidget());
                QVERIFY(dialog);
                auto *edit = dialog->findChild<QPlainTextEdit *>(u"annotationNote"_s);
                QTest::keyClicks(edit, u"Ask FT for the two sources"_s);
                auto *buttons = dialog->findChild<QDialogButtonBox *>();
                QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
            });
            note->trigger();
            QTRY_COMPARE(w.annotationView()->model()->rowCount(), 1);
            const QModelIndex shown = w.annotationView()->model()->index(0, 0);
            QCOMPARE(shown.data(Lede::AnnotationNoteRole).toString(), u"Ask FT for the two sources"_s);
            QCOMPARE(shown.data(Lede::AnnotationStartRole).toLongLong(), start);
            // The passage is highlighted in the reader.
            QTextCursor probe(text->document());
            probe.setPosition(int(start + 3));
            QVERIFY(probe.charFormat().background().color() != QColor(Qt::white));
            QVERIFY(probe.charFormat().background().style() != Qt::NoBrush);

            // Undo removes it, redo brings it back.
            w.annotations()->undoStack()->undo();
            QCOMPARE(w.annotationView()->model()->rowCount(), 0);
            w.annotations()->undoStack()->redo();
            QCOMPARE(w.annotationView()->model()->rowCount(), 1);
        }

        // Reopen the library: the annotation is there.
        Lede::MainWindow again(m_linker);
        QVERIFY(again.openLibrary(libPath));
        QTRY_VERIFY_WITH_TIMEOUT(!again.controller()->isBusy(), 60000); // the list is read off the GUI thread
        again.show();
        QAbstractItemModel *list = again.articleView()->model();
        int seedRow = -1;
        for (int r = 0; r < list->rowCount(); ++r) {
            if (list->index(r, 0).data().toString().startsWith(u"Why China’s Tech Giants"_s))
                seedRow = r;
        }
        QVERIFY(seedRow >= 0);
        clickIndex(again.articleView(), list->index(seedRow, 0));
        QTRY_COMPARE(again.annotationView()->model()->rowCount(), 1);
        const QModelIndex a = again.annotationView()->model()->index(0, 0);
        QCOMPARE(a.data(Lede::AnnotationNoteRole).toString(), u"Ask FT for the two sources"_s);
        const qsizetype start = a.data(Lede::AnnotationStartRole).toLongLong();
        const qsizetype end = a.data(Lede::AnnotationEndRole).toLongLong();
        QCOMPARE(again.reader()->article().text.mid(start, end - start), passage);
    }

    // The journalist teaches the linker: a new name for an entity is found at once in the library,
    // a rejected mention stays gone after re-linking, and both survive reopening.
    void teachTheLinker()
    {
        const QString seed = LedeTest::sharedFile(u"seeds/000_7b33f2eb9d22d7a1.txt"_s);
        LEDE_REQUIRE_SHARED(seed);
        const QString libPath = m_dir.filePath(u"teach.lede"_s);
        auto mentionsOf = [](const Lede::MainWindow &w, const QString &id) {
            QStringList out;
            for (const auto &m : w.reader()->article().entities) {
                if (m.entityId == id)
                    out.append(u"%1@%2"_s.arg(m.surface).arg(m.start));
            }
            return out;
        };
        qsizetype rejectedAt = -1;
        {
            Lede::MainWindow w(m_linker);
            QVERIFY(w.openLibrary(libPath));
            importAndWait(w, {seed});
            w.showArticle(w.articleView()->model()->index(0, 0).data(Lede::ArticleIdRole).toLongLong());
            QVERIFY(mentionsOf(w, u"company/financial-times"_s).size() == 2); // Financial Times, FT
            const QString text = w.reader()->article().text;

            Lede::KbEdit alias;
            alias.action = Lede::KbEdit::AddAlias;
            alias.entityId = u"company/financial-times"_s;
            alias.value = u"the newspaper"_s;
            QSignalSpy relinked(&w, &Lede::MainWindow::relinkFinished);
            QVERIFY(w.teach(alias));
            QVERIFY(relinked.wait(30000));
            QCOMPARE(relinked.first().first().toInt(), 1);
            QCOMPARE(mentionsOf(w, u"company/financial-times"_s).size(), 3);
            QVERIFY(mentionsOf(w, u"company/financial-times"_s)
                        .contains(u"the newspaper@%1"_s.arg(text.indexOf(u"the newspaper"_s))));

            // "Chinese" in "non-Chinese operators" is wrong for this journalist: reject that one.
            rejectedAt = text.indexOf(u"non-Chinese"_s) + 4;
            const int chinaBefore = int(mentionsOf(w, u"region/cn"_s).size());
            Lede::KbEdit reject;
            reject.action = Lede::KbEdit::RejectMention;
            reject.entityId = u"region/cn"_s;
            reject.value = u"Chinese"_s;
            reject.articleId = w.currentArticleId();
            reject.start = rejectedAt;
            reject.end = rejectedAt + 7;
            QVERIFY(w.teach(reject));
            QCOMPARE(int(mentionsOf(w, u"region/cn"_s).size()), chinaBefore - 1);

            // Another edit re-links everything; the rejection holds.
            Lede::KbEdit entity;
            entity.action = Lede::KbEdit::AddEntity;
            entity.entityId = Lede::newEntityId(w.linker().knowledgeBase(), Lede::EntityKind::Company, u"Hosting Co"_s);
            entity.value = u"offshore training"_s;
            relinked.clear();
            QVERIFY(w.teach(entity));
            QVERIFY(relinked.wait(30000));
            QVERIFY(!mentionsOf(w, u"region/cn"_s).contains(u"Chinese@%1"_s.arg(rejectedAt)));
            QCOMPARE(mentionsOf(w, entity.entityId).size(), 2);
        }
        Lede::MainWindow again(m_linker);
        QVERIFY(again.openLibrary(libPath));
        QTRY_VERIFY_WITH_TIMEOUT(!again.controller()->isBusy(), 60000); // the list is read off the GUI thread
        again.showArticle(again.articleView()->model()->index(0, 0).data(Lede::ArticleIdRole).toLongLong());
        QCOMPARE(mentionsOf(again, u"company/financial-times"_s).size(), 3);
        QVERIFY(!mentionsOf(again, u"region/cn"_s).contains(u"Chinese@%1"_s.arg(rejectedAt)));
        // New articles are linked with what was taught (the linker is rebuilt off the GUI thread).
        QTRY_VERIFY_WITH_TIMEOUT(again.linker().knowledgeBase().entity(u"company/user-hosting-co"), 60000);
    }

    void firstRunOpensTheSampleLibrary()
    {
        const QString libPath = m_dir.filePath(u"fresh/library.lede"_s);
        Lede::MainWindow w(m_linker);
        QSignalSpy done(&w, &Lede::MainWindow::importFinished);
        QVERIFY(w.openLibrary(libPath, /*seedSamples=*/true));
        QVERIFY(done.wait(60000));
        const Lede::ImportSummary summary = done.first().first().value<Lede::ImportSummary>();
        QCOMPARE(summary.failed, 0);
        QVERIFY(summary.added >= 8);
        QCOMPARE(w.articleView()->model()->rowCount(), summary.added);
        // Every group of the sidebar has content.
        QAbstractItemModel *entities = w.sidebar()->view()->model();
        for (int g = 0; g < 3; ++g)
            QVERIFY2(
                entities->rowCount(entities->index(g, 0)) > 0, qPrintable(entities->index(g, 0).data().toString()));
        // A library that is not new is not seeded again.
        Lede::MainWindow second(m_linker);
        QVERIFY(second.openLibrary(libPath, true));
        QVERIFY(!second.isImporting());
    }

    void brokenLibraryFileIsReported()
    {
        const QString path = m_dir.filePath(u"broken.lede"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        Lede::MainWindow w(m_linker);
        QVERIFY(!w.openLibrary(path));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
