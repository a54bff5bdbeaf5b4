// SPDX-License-Identifier: MIT
// The desk from the keyboard and in small windows: panes cycle with F6, every shortcut is listed
// in Help, teach actions are offered on the word under the pointer, an import shows what came in
// and reports a broken file without a modal box, and a small window keeps the reader readable.
#include "annotationdialog.h"
#include "controller/controller.h"
#include "entitypicker.h"
#include "entitysidebar.h"
#include "filterbar.h"
#include "helpdialogs.h"
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "mainwindow.h"
#include "models/roles.h"
#include "readerview.h"
#include "restoredialog.h"
#include "store/database.h"
#include "teachactions.h"
#include "testpaths.h"

#include <QApplication>
#include <QCompleter>
#include <QHeaderView>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestDesk : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<const Lede::Linker> m_linker;
    QTemporaryDir m_dir;

    std::unique_ptr<Lede::MainWindow> openSamples(const QString &name, QSize size)
    {
        auto w = std::make_unique<Lede::MainWindow>(m_linker);
        QSignalSpy imported(w.get(), &Lede::MainWindow::importFinished);
        if (!w->openLibrary(m_dir.filePath(name)))
            return {};
        w->importPaths({LedeTest::sourceFile(u"resources/samples"_s)});
        if (!imported.wait(60000))
            return {};
        w->resize(size);
        w->show();
        if (!QTest::qWaitForWindowExposed(w.get()))
            return {};
        return w;
    }

    static QList<QAction *> allActions(const QMenuBar *bar)
    {
        QList<QAction *> out;
        std::function<void(const QMenu *)> walk = [&](const QMenu *menu) {
            for (QAction *a : menu->actions()) {
                if (a->menu())
                    walk(a->menu());
                else if (!a->isSeparator())
                    out.append(a);
            }
        };
        for (QAction *a : bar->actions()) {
            if (a->menu())
                walk(a->menu());
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        LedeTest::isolateSettings(m_dir.path());
        m_linker = std::make_shared<const Lede::Linker>(Lede::KnowledgeBase::loadBuiltin());
    }

    // File → Restore Backup…: the backups are listed with their article counts; the one chosen is
    // restored after a confirmation, the library as it was is kept as a backup first, and the
    // window shows the restored library.
    void restoreBackupFromTheMenu()
    {
        auto w = openSamples(u"restore.lede"_s, {1200, 800});
        QVERIFY(w);
        QTRY_VERIFY_WITH_TIMEOUT(!w->controller()->isBusy(), 60000);
        const qsizetype articles = w->controller()->articleCount();
        QVERIFY(articles > 0);
        const QString backup = w->library().backup(u"daily"_s);
        QVERIFY2(!backup.isEmpty(), qPrintable(w->library().lastError()));
        // A highlight made after the backup: gone once the backup is back.
        const qint64 id = w->articleModel()->index(0, 0).data(Lede::ArticleIdRole).toLongLong();
        w->showArticle(id);
        QVERIFY(w->controller()->annotate(0, 5, u"yellow"_s, u"after the backup"_s));
        QCOMPARE(w->library().allAnnotations().size(), 1);

        QSignalSpy restored(w->controller(), &Lede::Controller::restoreFinished);
        QString listed, confirmed;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<Lede::RestoreDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QTRY_VERIFY(dialog->list()->topLevelItem(0)->text(3) != u"counting…"_s);
            const QTreeWidgetItem *item = dialog->list()->topLevelItem(0);
            listed = item->text(1) + u" "_s + item->text(3);
            QTimer::singleShot(0, this, [&] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box);
                confirmed = box->informativeText();
                for (QAbstractButton *b : box->buttons()) {
                    if (box->buttonRole(b) == QMessageBox::AcceptRole)
                        b->click();
                }
            });
            dialog->findChild<QPushButton *>(u"restoreButton"_s)->click();
        });
        w->showRestoreDialog();
        QVERIFY(restored.wait(60000));
        QCOMPARE(listed, u"daily %1"_s.arg(QLocale().toString(articles)));
        QVERIFY2(confirmed.contains(backup), qPrintable(confirmed));
        const QList<QVariant> result = restored.first();
        QVERIFY2(result.at(1).toString().isEmpty(), qPrintable(result.at(1).toString()));
        const QString keptAs = result.at(2).toString();
        QVERIFY(QFileInfo::exists(keptAs));
        QVERIFY(Lede::Database::backups(w->library().path()).contains(keptAs));
        QCOMPARE(Lede::Database::articleCountOf(keptAs), std::optional<qint64>(articles));
        // The window shows the restored library: every article, without the later highlight.
        QVERIFY(w->library().isOpen());
        QTRY_COMPARE_WITH_TIMEOUT(w->controller()->articleCount(), articles, 60000);
        QCOMPARE(w->library().allAnnotations().size(), 0);
        // …which the backup made first still has.
        Lede::Library before;
        QVERIFY(before.open(keptAs));
        QCOMPARE(before.allAnnotations().size(), 1);
    }

    void afterImportTheFirstNewArticleIsShown()
    {
        auto w = openSamples(u"first-new.lede"_s, {1200, 800});
        QVERIFY(w);
        QVERIFY(w->currentArticleId() != 0);
        const QString one = LedeTest::sourceFile(u"resources/samples"_s);
        // A second import of a new file: its article is shown, not the one shown before.
        const QString file = m_dir.filePath(u"new-article.md"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# Lede test: a new article about Huawei\n\nHuawei said on Monday that its Ascend chips are in "
                "volume production for customers in China and Southeast Asia, according to two people.\n");
        f.close();
        QSignalSpy imported(w.get(), &Lede::MainWindow::importFinished);
        w->importPaths({file});
        QVERIFY(imported.wait(30000));
        const auto summary = imported.first().first().value<Lede::ImportSummary>();
        QCOMPARE(summary.added, 1);
        QCOMPARE(w->currentArticleId(), summary.addedIds.first());
        QCOMPARE(w->articleView()->currentIndex().data(Lede::ArticleIdRole).toLongLong(), summary.addedIds.first());
        Q_UNUSED(one)
    }

    void aBrokenFileIsReportedInTheStatusBar()
    {
        auto w = openSamples(u"broken-file.lede"_s, {1200, 800});
        QVERIFY(w);
        const QString broken = m_dir.filePath(u"broken.html"_s);
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("\x00\x01\x02\x03", 4).repeated(100));
        f.close();
        QSignalSpy imported(w.get(), &Lede::MainWindow::importFinished);
        w->importPaths({broken});
        QVERIFY(imported.wait(30000));
        QCOMPARE(imported.first().first().value<Lede::ImportSummary>().failed, 1);
        QVERIFY(!QApplication::activeModalWidget());
        auto *details = w->statusBar()->findChild<QToolButton *>(u"importDetails"_s);
        QVERIFY(details);
        QVERIFY(details->isVisible());
        QVERIFY(details->text().contains(u"1 file not imported"_s));
        QVERIFY(details->toolTip().contains(u"broken.html"_s));
    }

    void f6CyclesThePanes()
    {
        auto w = openSamples(u"panes.lede"_s, {1440, 900});
        QVERIFY(w);
        auto *next = w->findChild<QAction *>(u"nextPaneAction"_s);
        QVERIFY(next);
        QCOMPARE(next->shortcut(), QKeySequence(Qt::Key_F6));
        w->activateWindow();
        w->sidebar()->view()->setFocus();
        QList<QWidget *> visited;
        for (int i = 0; i < 4; ++i) {
            next->trigger();
            visited.append(QApplication::focusWidget());
        }
        QCOMPARE(visited.at(0), w->articleView());
        QCOMPARE(visited.at(1), w->reader()->textView());
        QCOMPARE(visited.at(2), static_cast<QWidget *>(w->annotationView()));
        QCOMPARE(visited.at(3), w->sidebar()->view());
    }

    void everyShortcutIsInAMenuAndInHelp()
    {
        auto w = openSamples(u"shortcuts.lede"_s, {1200, 800});
        QVERIFY(w);
        const QString table = Lede::shortcutsHtml(w->menuBar());
        int withKeys = 0;
        for (QAction *a : allActions(w->menuBar())) {
            if (a->shortcut().isEmpty())
                continue;
            ++withKeys;
            QVERIFY2(table.contains(a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped()),
                qPrintable(a->text()));
        }
        QVERIFY(withKeys >= 15);
        for (const QKeySequence &k : {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), QKeySequence(Qt::Key_F6),
                 QKeySequence(Qt::CTRL | Qt::Key_1), QKeySequence(Qt::CTRL | Qt::Key_U),
                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), QKeySequence(Qt::CTRL | Qt::Key_T)}) {
            const auto actions = allActions(w->menuBar());
            QVERIFY2(std::any_of(actions.cbegin(), actions.cend(), [&](QAction *a) { return a->shortcut() == k; }),
                qPrintable(k.toString()));
        }
        QVERIFY(Lede::usingLedeMarkdown().startsWith(u"## Using Lede"_s));
    }

    void teachActionsOnTheWordUnderThePointer()
    {
        auto w = openSamples(u"teach-word.lede"_s, {1200, 800});
        QVERIFY(w);
        const Lede::Article &a = w->controller()->currentArticle();
        QVERIFY(!a.entities.isEmpty());
        // Right-click on a mention with nothing selected: its name and the way to reject it.
        const auto m = a.entities.first();
        QTextCursor at(w->reader()->textView()->document());
        at.setPosition(int(m.start + 1));
        w->reader()->textView()->setTextCursor(at);
        w->reader()->textView()->ensureCursorVisible();
        const QPoint pos = w->reader()->textView()->cursorRect(at).center();
        auto *teach = w->findChild<Lede::TeachActions *>();
        QVERIFY(teach);
        QMenu menu;
        QAction *end = menu.addAction(u"end"_s);
        teach->addToMenu(&menu, end, pos);
        const QString word = a.text.mid(m.start, m.end - m.start).section(u' ', 0, 0);
        auto *addChip = menu.findChild<QAction *>(u"teachAdd:chip"_s);
        QVERIFY(addChip);
        QVERIFY2(addChip->text().contains(u"“%1"_s.arg(word.left(3))), qPrintable(addChip->text()));
        QVERIFY(addChip->text().endsWith(u" as a Chip"_s));
        auto *reject = menu.findChild<QAction *>(u"teachReject"_s);
        QVERIFY(reject);
        QVERIFY2(reject->text().startsWith(u"Don’t Link “%1”"_s.arg(m.surface)), qPrintable(reject->text()));
        const qsizetype before = w->controller()->currentArticle().entities.size();
        reject->trigger();
        QCOMPARE(w->controller()->currentArticle().entities.size(), before - 1);
        teach->forgetMenuRange();
    }

    // What is taught is undone with Ctrl+Z, redone, and can be taken back later from the entity.
    void teachingIsUndoable()
    {
        auto w = openSamples(u"teach-undo.lede"_s, {1200, 800});
        QVERIFY(w);
        Lede::Controller *c = w->controller();
        QTRY_VERIFY_WITH_TIMEOUT(!c->isBusy(), 60000);
        const Lede::Article a = c->currentArticle();
        QVERIFY(a.entities.size() >= 2);
        const auto count = [c](const QString &entity, const QString &surface) {
            const auto &mentions = c->currentArticle().entities;
            return std::count_if(mentions.cbegin(), mentions.cend(),
                [&](const auto &m) { return m.entityId == entity && (surface.isEmpty() || m.surface == surface); });
        };
        // A rejected mention comes back with undo.
        const auto m = a.entities.first();
        Lede::KbEdit reject;
        reject.action = Lede::KbEdit::RejectMention;
        reject.entityId = m.entityId;
        reject.value = m.surface;
        reject.articleId = c->currentArticleId();
        reject.start = m.start;
        reject.end = m.end;
        const auto before = count(m.entityId, QString());
        QVERIFY(c->teach(reject));
        QCOMPARE(count(m.entityId, QString()), before - 1);
        QVERIFY(c->undoStack()->undoText().startsWith(u"Don’t link"_s));
        QSignalSpy relinked(c, &Lede::Controller::relinkFinished);
        c->undoStack()->undo();
        QVERIFY(relinked.wait(30000));
        QCOMPARE(count(m.entityId, QString()), before);
        QVERIFY(c->library().kbEdits().isEmpty());

        // A new name: found after teaching, gone after undo, back after redo.
        // A capitalised word of the article that no mention covers.
        QString word;
        static const QRegularExpression capitalised(u"\\b[A-Z][a-z]{4,}\\b"_s);
        for (auto it = capitalised.globalMatch(a.text); it.hasNext() && word.isEmpty();) {
            const auto match = it.next();
            const bool covered = std::any_of(a.entities.cbegin(), a.entities.cend(),
                [&](const auto &e) { return match.capturedStart() < e.end && match.capturedEnd() > e.start; });
            if (!covered && a.text.count(match.captured()) == 1)
                word = match.captured();
        }
        QVERIFY(!word.isEmpty());
        Lede::KbEdit alias;
        alias.action = Lede::KbEdit::AddAlias;
        alias.entityId = u"company/nvidia"_s;
        alias.value = word;
        relinked.clear();
        QVERIFY(c->teach(alias));
        QVERIFY(relinked.wait(30000));
        const auto taught = count(u"company/nvidia"_s, word);
        QVERIFY2(taught >= 1, qPrintable(word));
        relinked.clear();
        c->undoStack()->undo();
        QVERIFY(relinked.wait(30000));
        QCOMPARE(count(u"company/nvidia"_s, word), 0);
        relinked.clear();
        c->undoStack()->redo();
        QVERIFY(relinked.wait(30000));
        QCOMPARE(count(u"company/nvidia"_s, word), taught);

        // Later, from the entity: what was taught about it, and taking it back.
        const QList<Lede::KbEdit> about = c->taughtAbout(u"company/nvidia"_s);
        QCOMPARE(about.size(), 1);
        QVERIFY(c->describe(about.first()).contains(word));
        relinked.clear();
        QVERIFY(c->forget(about.first()));
        QVERIFY(relinked.wait(30000));
        QCOMPARE(count(u"company/nvidia"_s, word), 0);
        QVERIFY(c->taughtAbout(u"company/nvidia"_s).isEmpty());
        // And that too is undoable.
        relinked.clear();
        c->undoStack()->undo();
        QVERIFY(relinked.wait(30000));
        QCOMPARE(count(u"company/nvidia"_s, word), taught);
    }

    void returnPressesTheDefaultButton()
    {
        Lede::AnnotationDialog note(u"a passage"_s, u"yellow"_s, QString());
        note.show();
        auto *edit = note.findChild<QPlainTextEdit *>(u"annotationNote"_s);
        QVERIFY(edit);
        QTest::keyClicks(edit, u"first line"_s);
        QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(edit, u"second"_s);
        QVERIFY(note.isVisible());
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(note.result(), int(QDialog::Accepted));
        QCOMPARE(note.note(), u"first line\nsecond"_s);

        Lede::EntityPickerDialog picker(m_linker->knowledgeBase(), u"Which entity?"_s);
        picker.show();
        const QString first = picker.field()->completer()->model()->index(0, 0).data().toString();
        picker.field()->setText(first);
        QVERIFY(!picker.entityId().isEmpty());
        QTest::keyClick(picker.field(), Qt::Key_Return);
        QCOMPARE(picker.result(), int(QDialog::Accepted));
    }

    void aSmallWindowKeepsTheReaderReadable()
    {
        auto w = openSamples(u"small.lede"_s, {800, 600});
        QVERIFY(w);
        const auto sizes = [&] {
            QStringList out;
            for (auto *splitter : w->findChildren<QSplitter *>()) {
                QStringList one;
                for (int size : splitter->sizes())
                    one.append(QString::number(size));
                out.append(splitter->objectName() + u":"_s + one.join(u','));
            }
            return out.join(u' ') + u" reader "_s + QString::number(w->reader()->width());
        };
        QTRY_VERIFY2(w->reader()->width() >= 440, qPrintable(sizes()));
        // The list still shows titles: the Title column has the room.
        const int title = w->articleView()->header()->sectionSize(0);
        QVERIFY2(title >= w->articleView()->header()->sectionSize(1), qPrintable(QString::number(title)));
        // Showing the filter bar does not move the columns.
        const int titleBefore = w->articleView()->header()->sectionSize(0);
        const int listWidth = w->articleView()->width();
        w->addFilter(u"company/nvidia"_s);
        QTRY_VERIFY(w->filterBar()->isVisible());
        QCOMPARE(w->articleView()->width(), listWidth);
        QCOMPARE(w->articleView()->header()->sectionSize(0), titleBefore);
        // Long entity names are cut in the middle, not at the end.
        QCOMPARE(w->sidebar()->view()->textElideMode(), Qt::ElideMiddle);
    }
};

QTEST_MAIN(TestDesk)
#include "tst_desk.moc"
