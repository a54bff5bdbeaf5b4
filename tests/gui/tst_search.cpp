// SPDX-License-Identifier: MIT
// The search field offscreen, as a journalist uses it: type a query and see it coloured and the
// list narrowed, make a mistake and see where, click and exclude facets in the sidebar and see the
// query and the counts follow, drag across the weeks, step through the hits in the reader.
#include "controller/controller.h"
#include "entitysidebar.h"
#include "guitest.h"
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "mainwindow.h"
#include "models/entitymodel.h"
#include "models/roles.h"
#include "query/querytext.h"
#include "readerview.h"
#include "searchfield.h"
#include "testpaths.h"
#include "weekhistogram.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFont>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextLayout>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

#include <functional>

using namespace Qt::StringLiterals;

class TestSearch : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<const Lede::Linker> m_linker;
    QTemporaryDir m_dir;

    // Entity id → the count the sidebar shows.
    static QHash<QString, int> counts(Lede::EntityModel *model)
    {
        QHash<QString, int> out;
        for (int g = 0; g < model->rowCount(); ++g) {
            const QModelIndex group = model->index(g, 0);
            for (int r = 0; r < model->rowCount(group); ++r) {
                const QModelIndex index = model->index(r, 0, group);
                const QString id = index.data(Lede::EntityIdRole).toString();
                if (!id.isEmpty())
                    out.insert(id, index.data(Lede::ArticleCountRole).toInt());
            }
        }
        return out;
    }

    static QTextCharFormat formatAt(QPlainTextEdit *edit, int position)
    {
        const QTextBlock block = edit->document()->firstBlock();
        for (const QTextLayout::FormatRange &r : block.layout()->formats()) {
            if (position >= r.start && position < r.start + r.length)
                return r.format;
        }
        return {};
    }

    // Waits until the controller searched for `query` and the list shows the result.
    static bool searched(Lede::Controller *c, const QString &query) { return c->query() == query && !c->isSearching(); }

    // Opens a context menu and picks the action named `name` from it.
    static bool pickFromMenu(const std::function<void()> &open, const QString &name)
    {
        bool picked = false;
        QObject guard; // the timer dies with this call, whether the menu opened or not
        QTimer::singleShot(50, &guard, [&] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            for (QAction *a : menu->actions()) {
                if (a->objectName() == name) {
                    picked = true;
                    menu->close();
                    a->trigger();
                    return;
                }
            }
            menu->close();
        });
        open();
        return picked;
    }

private Q_SLOTS:
    void initTestCase()
    {
        LedeTest::isolateSettings(m_dir.path());
        m_linker = std::make_shared<const Lede::Linker>(Lede::KnowledgeBase::loadBuiltin());
    }

    void typeClickExcludeDrag()
    {
        Lede::MainWindow w(m_linker);
        QVERIFY(w.openLibrary(m_dir.filePath(u"search.lede"_s)));
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy imported(&w, &Lede::MainWindow::importFinished);
        w.importPaths({LedeTest::sourceFile(u"resources/samples"_s)});
        QVERIFY(imported.wait(60000));
        Lede::Controller *c = w.controller();
        QTRY_VERIFY_WITH_TIMEOUT(!c->isBusy() && !c->isSearching(), 60000);

        auto *field = w.findChild<Lede::SearchField *>();
        auto *histogram = w.findChild<Lede::WeekHistogram *>();
        QVERIFY(field && histogram);
        QPlainTextEdit *edit = field->editor();
        QAbstractItemModel *list = w.articleView()->model();
        const int total = list->rowCount();
        QVERIFY(total >= 10);
        const QHash<QString, int> libraryCounts = counts(c->entityModel());
        // With nothing typed, the histogram shows the whole library by week.
        QTRY_VERIFY(!histogram->weeks().isEmpty());

        // Ctrl+K goes to the field.
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.articleView()->setFocus();
        QTest::keyClick(&w, Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(edit->hasFocus());

        // Typing: coloured at once, searched when the keys pause.
        const QString query = u"export company:nvidia"_s;
        QTest::keyClicks(edit, query);
        const QTextCharFormat word = formatAt(edit, 0);
        const QTextCharFormat fieldName = formatAt(edit, 7);
        const QTextCharFormat value = formatAt(edit, 16);
        QVERIFY(fieldName.hasProperty(QTextFormat::ForegroundBrush));
        QVERIFY(value.hasProperty(QTextFormat::ForegroundBrush));
        QVERIFY(fieldName.foreground() != word.foreground());
        QVERIFY(fieldName.foreground() != value.foreground());
        QTRY_VERIFY(searched(c, query));
        QTRY_VERIFY(list->rowCount() > 0 && list->rowCount() < total);
        // Every row shown is in the result.
        const QList<qint64> ids = c->searchResult().ids;
        for (int r = 0; r < list->rowCount(); ++r) {
            const QModelIndex row = list->index(r, 0);
            bool found = ids.contains(row.data(Lede::ArticleIdRole).toLongLong());
            for (int k = 0; k < list->rowCount(row); ++k)
                found = found || ids.contains(list->index(k, 0, row).data(Lede::ArticleIdRole).toLongLong());
            QVERIFY(found);
        }
        // The sidebar: Nvidia checked, the counts those of the result.
        QTreeView *sidebar = w.sidebar()->view();
        QTRY_COMPARE(
            LedeTest::findEntity(sidebar, u"company/nvidia"_s).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(c->filters(), QStringList{u"company/nvidia"_s});
        const QHash<QString, int> resultCounts = counts(c->entityModel());
        QVERIFY(resultCounts != libraryCounts);
        QString region;
        for (auto it = resultCounts.cbegin(); it != resultCounts.cend(); ++it) {
            if (it.key().startsWith(u"region/"_s)) {
                QVERIFY2(it.value() <= ids.size(), qPrintable(it.key()));
                if (it.value() > 0 && (region.isEmpty() || it.value() > resultCounts.value(region)))
                    region = it.key();
            }
        }
        QVERIFY(!region.isEmpty());

        // A mistake: underlined where it is, said in words, and the list stays.
        const int rowsBefore = list->rowCount();
        edit->moveCursor(QTextCursor::End);
        edit->insertPlainText(u" company:nosuchfirm"_s); // one edit, one search
        QTRY_COMPARE(c->query(), query + u" company:nosuchfirm"_s);
        QTRY_VERIFY(field->messageLabel()->isVisible());
        QVERIFY(field->messageLabel()->text().contains(u"nosuchfirm"_s));
        QCOMPARE(edit->extraSelections().size(), 1);
        const QTextEdit::ExtraSelection mark = edit->extraSelections().first();
        QCOMPARE(mark.cursor.selectionStart(), int(query.size() + 9));
        QCOMPARE(mark.cursor.selectionEnd(), int(query.size() + 19));
        QCOMPARE(mark.format.underlineStyle(), QTextCharFormat::WaveUnderline);
        QCOMPARE(list->rowCount(), rowsBefore);
        QTextCursor cursor(edit->document());
        cursor.setPosition(int(query.size()));
        cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        QTRY_VERIFY(!field->messageLabel()->isVisible());
        QTRY_VERIFY(searched(c, query));

        // Clicking a region in the sidebar writes it into the query (AND across kinds).
        const int regionCount = resultCounts.value(region);
        const QModelIndex regionIndex = LedeTest::findEntity(sidebar, region);
        sidebar->scrollTo(regionIndex);
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, sidebar->visualRect(regionIndex).center());
        const QString withRegion = query + u' ' + Lede::Query::entityTerm(region);
        QTRY_COMPARE(field->text(), withRegion);
        QTRY_VERIFY(searched(c, withRegion));
        QTRY_COMPARE(LedeTest::findEntity(sidebar, region).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QVERIFY(list->rowCount() <= rowsBefore && list->rowCount() > 0);
        // A kind's counts leave its own choice out: the region still counts what it did.
        QCOMPARE(counts(c->entityModel()).value(region), regionCount);
        QCOMPARE(c->filters(), (QStringList{u"company/nvidia"_s, region}));

        // Editing the text takes the region out of the sidebar's choices.
        cursor.setPosition(int(query.size()));
        cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        QTRY_VERIFY(searched(c, query));
        QTRY_COMPARE(LedeTest::findEntity(sidebar, region).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));

        // Exclude from the entity's context menu.
        const QModelIndex tsmc = LedeTest::findEntity(sidebar, u"company/tsmc"_s);
        QVERIFY(tsmc.isValid());
        sidebar->scrollTo(tsmc);
        const QPoint at = sidebar->visualRect(tsmc).center();
        QVERIFY(pickFromMenu([&] { Q_EMIT sidebar->customContextMenuRequested(at); }, u"excludeEntityAction"_s));
        QTRY_COMPARE(c->query(), query + u" -company:tsmc"_s);
        QTRY_VERIFY(searched(c, c->query()));
        QCOMPARE(c->excludedFilters(), QStringList{u"company/tsmc"_s});
        QVERIFY(LedeTest::findEntity(sidebar, u"company/tsmc"_s).data(Qt::FontRole).value<QFont>().strikeOut());

        // Esc clears the field and the list is whole again.
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_Escape);
        QCOMPARE(field->text(), QString());
        QTRY_VERIFY(searched(c, QString()));
        QTRY_COMPARE(list->rowCount(), total);
        QCOMPARE(counts(c->entityModel()), libraryCounts);

        // Dragging across the weeks sets since: and until:.
        QTRY_VERIFY(histogram->weeks().size() >= 2);
        const QList<Lede::Query::WeekCount> weeks = histogram->weeks();
        const QRect last = histogram->barRect(weeks.last().monday);
        const int y = histogram->height() / 2;
        QTest::mousePress(histogram, Qt::LeftButton, {}, QPoint(1, y));
        QTest::mouseMove(histogram, QPoint(last.center().x(), y));
        QTest::mouseRelease(histogram, Qt::LeftButton, {}, QPoint(last.center().x(), y));
        const QString dates = u"since:%1 until:%2"_s.arg(
            weeks.first().monday.toString(Qt::ISODate), weeks.last().monday.addDays(6).toString(Qt::ISODate));
        QTRY_COMPARE(c->query(), dates);
        QTRY_VERIFY(searched(c, dates));
        QVERIFY(list->rowCount() > 0);
        QTest::mouseClick(histogram, Qt::LeftButton, {}, QPoint(last.center().x(), y));
        const QString lastWeek = u"since:%1 until:%2"_s.arg(
            weeks.last().monday.toString(Qt::ISODate), weeks.last().monday.addDays(6).toString(Qt::ISODate));
        QTRY_COMPARE(c->query(), lastWeek);
        QTRY_VERIFY(searched(c, lastWeek));
        QTRY_VERIFY(list->rowCount() >= 1 && list->rowCount() <= weeks.last().articles);
    }

    // Sorting by another column asks the library for the list in that order, off the GUI thread;
    // the article being read stays selected, and so it does when a search narrows the list.
    void sortingKeepsTheArticle()
    {
        Lede::MainWindow w(m_linker);
        QVERIFY(w.openLibrary(m_dir.filePath(u"sorting.lede"_s)));
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy imported(&w, &Lede::MainWindow::importFinished);
        w.importPaths({LedeTest::sourceFile(u"resources/samples"_s)});
        QVERIFY(imported.wait(60000));
        Lede::Controller *c = w.controller();
        QTRY_VERIFY_WITH_TIMEOUT(!c->isBusy() && !c->isSearching(), 60000);
        QAbstractItemModel *list = w.articleModel();
        QVERIFY(list->rowCount() > 3);
        const auto titles = [list] {
            QStringList out;
            for (int row = 0; row < list->rowCount(); ++row)
                out.append(list->index(row, 0).data().toString());
            return out;
        };
        const auto dates = [list] {
            QStringList out;
            for (int row = 0; row < list->rowCount(); ++row)
                out.append(list->index(row, 2).data(Lede::SortRole).toString());
            return out;
        };
        QStringList newestFirst = dates();
        std::sort(newestFirst.begin(), newestFirst.end(), std::greater<>());
        QCOMPARE(dates(), newestFirst);

        // An article below the first rows whose title has a word to search for.
        const auto wordOf = [](const QString &title) {
            for (const QString &part : title.split(u' ', Qt::SkipEmptyParts)) {
                if (part.size() >= 4 && std::all_of(part.cbegin(), part.cend(), [](QChar ch) {
                        return ch.isLetter() && ch.unicode() < 128;
                    }))
                    return part;
            }
            return QString();
        };
        int row = 2;
        while (row < list->rowCount() && wordOf(list->index(row, 0).data().toString()).isEmpty())
            ++row;
        QVERIFY(row < list->rowCount());
        const qint64 reading = list->index(row, 0).data(Lede::ArticleIdRole).toLongLong();
        w.showArticle(reading);
        QCOMPARE(w.articleView()->currentIndex().data(Lede::ArticleIdRole).toLongLong(), reading);
        w.articleView()->sortByColumn(0, Qt::AscendingOrder);
        const auto byTitle = [&] {
            QStringList sorted = titles();
            std::sort(sorted.begin(), sorted.end(),
                [](const QString &a, const QString &b) { return QString::compare(a, b, Qt::CaseInsensitive) < 0; });
            return titles() == sorted;
        };
        QTRY_VERIFY_WITH_TIMEOUT(byTitle(), 20000);
        QCOMPARE(w.articleView()->currentIndex().data(Lede::ArticleIdRole).toLongLong(), reading);
        QCOMPARE(w.currentArticleId(), reading);

        // A search that still finds it keeps it selected; its title, typed, finds it.
        const QString title = w.articleView()->currentIndex().data().toString();
        const QString word = wordOf(title);
        QVERIFY(!word.isEmpty());
        c->setQuery(u"title:\"%1\""_s.arg(word));
        QTRY_VERIFY_WITH_TIMEOUT(searched(c, u"title:\"%1\""_s.arg(word)), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(c->isSearchApplied(), 20000);
        QVERIFY(list->rowCount() >= 1);
        QCOMPARE(w.articleView()->currentIndex().data(Lede::ArticleIdRole).toLongLong(), reading);
        QVERIFY(byTitle());
        c->setQuery(QString());
        QTRY_VERIFY_WITH_TIMEOUT(searched(c, QString()) && !c->isSearchApplied(), 20000);
        QCOMPARE(w.articleView()->currentIndex().data(Lede::ArticleIdRole).toLongLong(), reading);
    }

    void hitsInTheReader()
    {
        Lede::MainWindow w(m_linker);
        QVERIFY(w.openLibrary(m_dir.filePath(u"hits.lede"_s)));
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy imported(&w, &Lede::MainWindow::importFinished);
        w.importPaths({LedeTest::sourceFile(u"resources/samples"_s)});
        QVERIFY(imported.wait(60000));
        Lede::Controller *c = w.controller();
        QTRY_VERIFY_WITH_TIMEOUT(!c->isBusy() && !c->isSearching(), 60000);

        c->setQuery(u"export licen*"_s);
        QTRY_VERIFY(searched(c, u"export licen*"_s));
        QAbstractItemModel *list = w.articleView()->model();
        QVERIFY(list->rowCount() > 0);
        w.showArticle(list->index(0, 0).data(Lede::ArticleIdRole).toLongLong());
        QTRY_VERIFY(w.reader()->articleId() != 0);
        const QList<std::pair<qsizetype, qsizetype>> hits = w.reader()->searchHits();
        QVERIFY(hits.size() >= 2);
        const QString &text = w.reader()->article().text;
        for (const auto &[start, end] : hits) {
            const QString piece = text.mid(start, end - start).toLower();
            QVERIFY2(piece == u"export"_s || piece.startsWith(u"licen"_s), qPrintable(piece));
        }
        // The marks are drawn over the text; the document is the canonical text still.
        QCOMPARE(w.reader()->textView()->extraSelections().size(), hits.size());
        QCOMPARE(w.reader()->textView()->document()->toPlainText(), text);
        // F3 and Shift+F3 step through them.
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.reader()->textView()->setFocus();
        w.reader()->selectRange(0, 0);
        QTest::keyClick(&w, Qt::Key_F3);
        QCOMPARE(w.reader()->selection(), hits.at(0));
        QTest::keyClick(&w, Qt::Key_F3);
        QCOMPARE(w.reader()->selection(), hits.at(1));
        QTest::keyClick(&w, Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(w.reader()->selection(), hits.at(0));

        // "Find other articles with this phrase" searches for the selection, quoted.
        const auto [start, end] = hits.at(0);
        qsizetype phraseEnd = text.indexOf(u' ', end + 1);
        if (phraseEnd < 0)
            phraseEnd = text.size();
        w.reader()->selectRange(start, phraseEnd);
        const QString phrase = u'"' + text.mid(start, phraseEnd - start).simplified() + u'"';
        const QPoint at = w.reader()->textView()->cursorRect().center();
        QVERIFY(pickFromMenu(
            [&] { Q_EMIT w.reader()->textView()->customContextMenuRequested(at); }, u"findPhraseAction"_s));
        QTRY_COMPARE(c->query(), phrase);
        QTRY_VERIFY(searched(c, phrase));
        QVERIFY(list->rowCount() >= 1);

        // A query that leaves the article out marks nothing in it, though its other words are there.
        const qint64 shown = w.reader()->articleId();
        const QString without = u"licen* -export"_s;
        c->setQuery(without);
        QTRY_VERIFY(searched(c, without));
        QCOMPARE(w.reader()->articleId(), shown);
        QVERIFY(w.reader()->article().text.contains(u"licen"_s, Qt::CaseInsensitive));
        QVERIFY(w.reader()->searchHits().isEmpty());
        QVERIFY(w.reader()->textView()->extraSelections().isEmpty());
    }

    void savedSearches()
    {
        Lede::MainWindow w(m_linker);
        QVERIFY(w.openLibrary(m_dir.filePath(u"saved.lede"_s)));
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy imported(&w, &Lede::MainWindow::importFinished);
        w.importPaths({LedeTest::sourceFile(u"resources/samples"_s)});
        QVERIFY(imported.wait(60000));
        Lede::Controller *c = w.controller();
        QTRY_VERIFY_WITH_TIMEOUT(!c->isBusy() && !c->isSearching(), 60000);
        auto *list = w.findChild<QTreeWidget *>(u"savedSearchView"_s);
        QVERIFY(list);
        QVERIFY(!list->isVisible());

        c->setQuery(u"company:huawei"_s);
        QTRY_VERIFY(searched(c, u"company:huawei"_s));
        const int huawei = int(c->searchResult().ids.size());
        QVERIFY(huawei > 0);
        QVERIFY(c->saveSearch(u"Huawei"_s));
        QCOMPARE(c->savedSearches().size(), 1);
        const qint64 id = c->savedSearches().first().id;
        QTRY_VERIFY(list->isVisible());
        QCOMPARE(list->topLevelItemCount(), 1);
        // The count is searched off this thread and shown beside the name.
        QTRY_COMPARE(c->savedSearchCount(id), huawei);
        QTRY_COMPARE(list->topLevelItem(0)->text(1), QLocale().toString(huawei));

        // Click it to search for it again.
        c->setQuery(QString());
        QTRY_VERIFY(searched(c, QString()));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->topLevelItem(0)).center());
        QTRY_COMPARE(c->query(), u"company:huawei"_s);

        // It counts again when the library changes: a new article about Huawei.
        const QString extra = m_dir.filePath(u"extra.txt"_s);
        {
            QFile f(extra);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("Huawei opens a new laboratory\n\nHuawei said on Tuesday it would open a research laboratory.\n");
        }
        w.importPaths({extra});
        QVERIFY(imported.wait(60000));
        QTRY_COMPARE_WITH_TIMEOUT(c->savedSearchCount(id), huawei + 1, 30000);

        // Rename and delete; they are in the library.
        QVERIFY(c->renameSavedSearch(id, u"Huawei, all"_s));
        QTRY_COMPARE(list->topLevelItem(0)->text(0), u"Huawei, all"_s);
        QCOMPARE(c->library().savedSearches().first().name, u"Huawei, all"_s);
        QVERIFY(c->removeSavedSearch(id));
        QTRY_VERIFY(!list->isVisible());
        QVERIFY(c->library().savedSearches().isEmpty());
    }

    void darkTheme()
    {
        // The field's colours follow the palette: another theme on a dark one.
        Lede::SearchField field;
        field.setText(u"company:nvidia"_s);
        field.show();
        const QColor light = formatAt(field.editor(), 0).foreground().color();
        QPalette dark = field.palette();
        dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
        field.setPalette(dark);
        QTRY_VERIFY(formatAt(field.editor(), 0).foreground().color() != light);
    }

    void placeholderKeepsToOneLine()
    {
        // The one-line field shows as much of its hint as fits, never a second line cut in half.
        Lede::SearchField field;
        field.resize(900, field.sizeHint().height());
        field.show();
        QVERIFY(QTest::qWaitForWindowExposed(&field));
        QPlainTextEdit *edit = field.editor();
        QTRY_VERIFY2(edit->placeholderText().endsWith(u"since:2025-04"_s), qPrintable(edit->placeholderText()));
        const QString full = edit->placeholderText();
        QVERIFY(edit->fontMetrics().horizontalAdvance(full) < edit->viewport()->width());
        field.resize(260, field.height());
        QTRY_VERIFY(edit->placeholderText() != full);
        const QString cut = edit->placeholderText();
        QVERIFY2(cut.endsWith(QChar(0x2026)), qPrintable(cut));
        QVERIFY(edit->fontMetrics().horizontalAdvance(cut) < edit->viewport()->width());
        field.resize(900, field.height());
        QTRY_COMPARE(edit->placeholderText(), full);
    }
};

QTEST_MAIN(TestSearch)
#include "tst_search.moc"
