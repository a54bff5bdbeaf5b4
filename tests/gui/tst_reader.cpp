// SPDX-License-Identifier: MIT
// The reader as a journalist uses it: the colours of mentions and highlights stay where they
// belong whatever the cursor touched before, and a passage can be selected from the keyboard.
#include "controller/annotationcontroller.h"
#include "controller/controller.h"
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "mainwindow.h"
#include "models/annotationmodel.h"
#include "models/roles.h"
#include "readerview.h"
#include "testpaths.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTextFrame>
#include <QTreeView>
#include <QUndoStack>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestReader : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<const Lede::Linker> m_linker;
    QTemporaryDir m_dir;
    std::unique_ptr<Lede::MainWindow> m_window;
    QList<qint64> m_withMentions; // articles of the sample library that mention something

    QTextBrowser *text() const { return m_window->reader()->textView(); }

    // Offsets of words in the shown article that no mention or highlight covers.
    QList<qsizetype> plainWords() const
    {
        const Lede::Article &a = m_window->reader()->article();
        QList<qsizetype> out;
        const auto covered = [&](qsizetype at) {
            for (const auto &m : a.entities) {
                if (at >= m.start && at < m.end)
                    return true;
            }
            for (const auto &h : m_window->controller()->annotationModel()->annotations()) {
                if (at >= h.start && at < h.end)
                    return true;
            }
            return false;
        };
        for (qsizetype i = 1; i + 1 < a.text.size(); ++i) {
            if (a.text.at(i).isLetter() && a.text.at(i - 1).isSpace() && !covered(i) && !covered(i + 1))
                out.append(i + 1);
        }
        return out;
    }

    // Every plain word of the shown article is drawn plain: no colour, no link, no tooltip.
    void verifyPlainWordsArePlain()
    {
        const QList<qsizetype> words = plainWords();
        QVERIFY(words.size() > 20);
        for (qsizetype at : words) {
            QTextCursor c(text()->document());
            c.setPosition(int(at));
            const QTextCharFormat f = c.charFormat();
            QVERIFY2(!f.isAnchor(), qPrintable(u"a link at %1"_s.arg(at)));
            QVERIFY2(f.toolTip().isEmpty(), qPrintable(u"tooltip '%1' at %2"_s.arg(f.toolTip()).arg(at)));
            QVERIFY2(f.background().style() == Qt::NoBrush, qPrintable(u"background at %1"_s.arg(at)));
        }
    }

    void clickAt(qsizetype position)
    {
        QTextCursor at(text()->document());
        at.setPosition(int(position));
        text()->setTextCursor(at);
        text()->ensureCursorVisible();
        QTest::mouseClick(text()->viewport(), Qt::LeftButton, {}, text()->cursorRect(at).center());
    }

private Q_SLOTS:
    void initTestCase()
    {
        LedeTest::isolateSettings(m_dir.path());
        m_linker = std::make_shared<const Lede::Linker>(Lede::KnowledgeBase::loadBuiltin());
        m_window = std::make_unique<Lede::MainWindow>(m_linker);
        QSignalSpy imported(m_window.get(), &Lede::MainWindow::importFinished);
        QVERIFY(m_window->openLibrary(m_dir.filePath(u"reader.lede"_s)));
        m_window->importPaths({LedeTest::sourceFile(u"resources/samples"_s)});
        QVERIFY(imported.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->controller()->isBusy(), 60000);
        m_window->resize(1200, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QAbstractItemModel *list = m_window->articleModel();
        for (int r = 0; r < list->rowCount(); ++r) {
            const qint64 id = list->index(r, 0).data(Lede::ArticleIdRole).toLongLong();
            m_window->showArticle(id);
            // Articles with several mentions and room around them (Chinese samples have no spaces
            // between words, so they offer no "plain words" here).
            if (m_window->reader()->article().entities.size() >= 3 && plainWords().size() > 40)
                m_withMentions.append(id);
        }
        QVERIFY(m_withMentions.size() >= 3);
    }

    void clickOnMentionThenOpenAnother()
    {
        m_window->showArticle(m_withMentions.at(0));
        const auto mention = m_window->reader()->article().entities.first();
        clickAt(mention.start + 1);
        QVERIFY(text()->textCursor().charFormat().isAnchor()); // the cursor sits in the mention
        m_window->showArticle(m_withMentions.at(1));
        verifyPlainWordsArePlain();
        // And the article after that.
        m_window->showArticle(m_withMentions.at(2));
        verifyPlainWordsArePlain();
    }

    void backwardsSelectionOverHighlightThenOpenAnother()
    {
        m_window->showArticle(m_withMentions.at(0));
        const QList<qsizetype> words = plainWords();
        const qsizetype start = words.at(5), end = words.at(5) + 6;
        QVERIFY(m_window->controller()->annotate(start, end, u"pink"_s, QString()));
        // Drag from the end of the highlight back to its start: the cursor ends inside it.
        QTextCursor backwards(text()->document());
        backwards.setPosition(int(end));
        backwards.setPosition(int(start + 1), QTextCursor::KeepAnchor);
        text()->setTextCursor(backwards);
        m_window->showArticle(m_withMentions.at(1));
        verifyPlainWordsArePlain();
        m_window->showArticle(m_withMentions.at(0));
        m_window->annotations()->undoStack()->undo();
        QCOMPARE(m_window->controller()->annotationModel()->rowCount(), 0);
    }

    void removeHighlightWhileAnotherIsSelected()
    {
        m_window->showArticle(m_withMentions.at(2));
        const QList<qsizetype> words = plainWords();
        QVERIFY(m_window->controller()->annotate(words.at(2), words.at(2) + 5, u"yellow"_s, QString()));
        QVERIFY(m_window->controller()->annotate(words.at(8), words.at(8) + 5, u"pink"_s, u"a note"_s));
        QCOMPARE(m_window->controller()->annotationModel()->rowCount(), 2);
        // Select inside the second highlight, then remove the first.
        m_window->reader()->selectRange(words.at(8) + 1, words.at(8) + 3);
        const qint64 first = m_window->controller()->annotationModel()->annotations().first().id;
        m_window->annotations()->remove(first);
        QCOMPARE(m_window->controller()->annotationModel()->rowCount(), 1);
        verifyPlainWordsArePlain();
        m_window->showArticle(m_withMentions.at(1));
        verifyPlainWordsArePlain();
    }

    void findInTheArticle()
    {
        m_window->showArticle(m_withMentions.at(0));
        const QString body = m_window->reader()->article().text;
        // A word that occurs more than once.
        QString word;
        for (const QString &w : body.split(u' ')) {
            if (w.size() >= 4 && w.at(0).isLetter() && body.count(w) >= 2 && w == w.toLower()) {
                word = w;
                break;
            }
        }
        QVERIFY(!word.isEmpty());
        const auto hits = m_window->reader()->findAll(word.toUpper());
        QCOMPARE(qsizetype(hits.size()), qsizetype(body.count(word, Qt::CaseInsensitive)));
        auto *find = m_window->findChild<QAction *>(u"findInArticleAction"_s);
        QVERIFY(find);
        QCOMPARE(find->shortcut(), QKeySequence(QKeySequence::Find));
        find->trigger();
        QVERIFY(m_window->reader()->findBar()->isVisible());
        auto *field = m_window->reader()->findBar()->findChild<QLineEdit *>(u"findField"_s);
        field->setText(word);
        QCOMPARE(m_window->reader()->selection(), hits.first());
        auto *count = m_window->reader()->findBar()->findChild<QLabel *>(u"findCount"_s);
        QCOMPARE(count->text(), u"1 of %1"_s.arg(hits.size()));
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(m_window->reader()->selection(), hits.at(1));
        QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(m_window->reader()->selection(), hits.first());
        QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier); // wraps to the last
        QCOMPARE(m_window->reader()->selection(), hits.last());
        // The hits are drawn over the text: the document's formats are unchanged.
        QCOMPARE(qsizetype(text()->extraSelections().size()), hits.size());
        QTest::keyClick(field, Qt::Key_Escape);
        QVERIFY(!m_window->reader()->findBar()->isVisible());
        QVERIFY(text()->extraSelections().isEmpty());
        verifyPlainWordsArePlain();
    }

    void zoomIsRemembered()
    {
        m_window->showArticle(m_withMentions.at(0));
        const qreal before = text()->font().pointSizeF();
        m_window->reader()->zoomBy(2);
        QVERIFY(text()->font().pointSizeF() > before * 1.15);
        // A new reader starts at the remembered size.
        Lede::ReaderView another;
        QCOMPARE(another.zoomSteps(), 2);
        QCOMPARE(another.textView()->font().pointSizeF(), text()->font().pointSizeF());
        m_window->reader()->resetZoom();
        QCOMPARE(text()->font().pointSizeF(), before);
        // The text keeps a readable line length in a wide window.
        const auto frame = text()->document()->rootFrame()->frameFormat();
        QVERIFY(frame.leftMargin() >= 12);
    }

    void mentionColoursCanBeHiddenAndFollowThePalette()
    {
        m_window->showArticle(m_withMentions.at(0));
        const auto m = m_window->reader()->article().entities.first();
        const auto formatAt = [&](qsizetype at) {
            QTextCursor c(text()->document());
            c.setPosition(int(at));
            return c.charFormat();
        };
        QVERIFY(formatAt(m.start + 1).background().style() != Qt::NoBrush);
        // The tooltip names the entity and its kind.
        QVERIFY2(formatAt(m.start + 1).toolTip().contains(u" · "_s), qPrintable(formatAt(m.start + 1).toolTip()));
        auto *toggle = m_window->findChild<QAction *>(u"showMentionsAction"_s);
        QVERIFY(toggle && toggle->isChecked());
        toggle->trigger();
        QCOMPARE(formatAt(m.start + 1).background().style(), Qt::NoBrush);
        QVERIFY(formatAt(m.start + 1).isAnchor()); // still clickable
        toggle->trigger();
        const QColor day = formatAt(m.start + 1).foreground().color();
        // A dark palette: lighter text on a deeper tint.
        QPalette dark = m_window->reader()->palette();
        dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
        m_window->reader()->setPalette(dark);
        QTRY_VERIFY(formatAt(m.start + 1).foreground().color().lightness() > day.lightness());
        m_window->reader()->setPalette(QPalette());
        verifyPlainWordsArePlain();
    }

    void keyboardSelectsAPassage()
    {
        m_window->showArticle(m_withMentions.at(1));
        text()->setFocus();
        QTextCursor start(text()->document());
        start.setPosition(int(plainWords().at(3)));
        text()->setTextCursor(start);
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(text(), Qt::Key_Right, Qt::ShiftModifier | Qt::ControlModifier);
        const auto [from, to] = m_window->reader()->selection();
        QVERIFY2(to - from >= 6, qPrintable(u"selected %1..%2"_s.arg(from).arg(to)));
        QTest::keyClick(text(), Qt::Key_1, Qt::ControlModifier);
        QTRY_COMPARE(m_window->controller()->annotationModel()->rowCount(), 1);
        QCOMPARE(m_window->controller()->annotationModel()->annotations().first().start, from);
    }
};

QTEST_MAIN(TestReader)
#include "tst_reader.moc"
