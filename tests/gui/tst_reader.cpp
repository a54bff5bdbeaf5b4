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

#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>
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
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"LedeTest"_s);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
        m_linker = std::make_shared<const Lede::Linker>(Lede::KnowledgeBase::loadBuiltin());
        m_window = std::make_unique<Lede::MainWindow>(m_linker);
        QSignalSpy imported(m_window.get(), &Lede::MainWindow::importFinished);
        QVERIFY(m_window->openLibrary(m_dir.filePath(u"reader.lede"_s)));
        m_window->importPaths({LedeTest::sourceFile(u"resources/samples"_s)});
        QVERIFY(imported.wait(60000));
        QTRY_VERIFY(!m_window->controller()->isBusy());
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
        QTest::keyClick(text(), Qt::Key_H, Qt::ControlModifier);
        QTRY_COMPARE(m_window->controller()->annotationModel()->rowCount(), 1);
        QCOMPARE(m_window->controller()->annotationModel()->annotations().first().start, from);
    }
};

QTEST_MAIN(TestReader)
#include "tst_reader.moc"
