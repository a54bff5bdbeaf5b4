// SPDX-License-Identifier: MIT
// Annotating as a journalist does, offscreen: a passage highlighted by mouse through the bar beside
// the selection and by keyboard (Ctrl+3, Ctrl+T, Ctrl+M), undone and redone with Ctrl+Z and
// Ctrl+Shift+Z, the panel filtered by entity across the library, a click that opens an annotation's
// article on its passage, the three export formats, the JSON-LD imported back, copy with
// citation, the Source view after the saved file is deleted, and a re-extraction with its summary.
#include "annotationactions.h"
#include "annotationdialog.h"
#include "annotationpane.h"
#include "controller/annotationcontroller.h"
#include "controller/controller.h"
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "mainwindow.h"
#include "models/annotationlistmodel.h"
#include "models/annotationmodel.h"
#include "models/roles.h"
#include "readerview.h"
#include "testpaths.h"

#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFrame>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestAnnotationUi : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<const Lede::Linker> m_linker;
    QTemporaryDir m_dir;
    std::unique_ptr<Lede::MainWindow> m_window;
    qint64 m_html = 0; // the H20 article, imported from a copy that is then deleted
    qint64 m_other = 0; // another article with mentions
    qint64 m_latin = 0; // a windows-1252 text file, deleted after import

    Lede::Controller *controller() const { return m_window->controller(); }
    QTextBrowser *text() const { return m_window->reader()->textView(); }
    Lede::AnnotationListModel *list() const { return controller()->annotationList(); }

    QPoint pointAt(qsizetype position) const
    {
        QTextCursor at(text()->document());
        at.setPosition(int(position));
        return text()->cursorRect(at).center();
    }

    // The first mention in the shown article with at least `room` characters of text after it.
    Lede::EntityMention mentionWithRoom(qsizetype room) const
    {
        const Lede::Article &a = m_window->reader()->article();
        for (const Lede::EntityMention &m : a.entities) {
            if (m.start > 20 && m.end + room < a.text.size())
                return m;
        }
        return {};
    }

    // Runs `fill` on the modal dialog that `trigger` opens, then saves it.
    template <typename Fill> void withDialog(const std::function<void()> &trigger, Fill fill)
    {
        bool seen = false;
        QTimer timer; // stopped unless the dialog's event loop runs it
        timer.setSingleShot(true);
        connect(&timer, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<Lede::AnnotationDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            seen = true;
            fill(dialog);
            QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
        });
        timer.start(0);
        trigger();
        timer.stop();
        QVERIFY(seen);
        activate();
    }

    // Keys reach the window's shortcuts only while it is the active window.
    void activate()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    QString readFile(const QString &path) const
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        LedeTest::isolateSettings(m_dir.path());

        // Copies of two samples and a windows-1252 text, imported and then deleted: the library
        // keeps their bytes.
        const QString files = m_dir.filePath(u"files"_s);
        QVERIFY(QDir().mkpath(files));
        for (const QString &name : {u"03-nvidia-h20-licence-reversal.html"_s, u"08-johor-data-centres-malaysia.md"_s})
            QVERIFY(QFile::copy(LedeTest::sourceFile(u"resources/samples/"_s + name), QDir(files).filePath(name)));
        {
            QFile latin(QDir(files).filePath(u"cafe-notes.txt"_s));
            QVERIFY(latin.open(QIODevice::WriteOnly));
            QByteArray body = "Caf\xe9 owners in Lyon say Nvidia chips power their ordering kiosks\n\n";
            for (int i = 0; i < 6; ++i)
                body += "The caf\xe9 association met on Tuesday to discuss the r\xe9sum\xe9s of new staff and the "
                        "price of coffee, which rose again this spring according to its members.\n\n";
            latin.write(body);
        }
        m_linker = std::make_shared<const Lede::Linker>(Lede::KnowledgeBase::loadBuiltin());
        m_window = std::make_unique<Lede::MainWindow>(m_linker);
        QSignalSpy imported(m_window.get(), &Lede::MainWindow::importFinished);
        QVERIFY(m_window->openLibrary(m_dir.filePath(u"annotations.lede"_s)));
        m_window->importPaths({files});
        QVERIFY(imported.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!controller()->isBusy(), 60000);
        QVERIFY(QDir(files).removeRecursively());

        QAbstractItemModel *articles = m_window->articleModel();
        QCOMPARE(articles->rowCount(), 3);
        for (int r = 0; r < articles->rowCount(); ++r) {
            const qint64 id = articles->index(r, 0).data(Lede::ArticleIdRole).toLongLong();
            const auto a = controller()->library().article(id);
            QVERIFY(a);
            if (a->sourcePath.endsWith(u".html"_s))
                m_html = id;
            else if (a->sourcePath.endsWith(u".md"_s))
                m_other = id;
            else
                m_latin = id;
        }
        QVERIFY(m_html && m_other && m_latin);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        activate();
    }

    void byMouseWithTheSelectionBar()
    {
        m_window->showArticle(m_html);
        const Lede::EntityMention m = mentionWithRoom(40);
        QVERIFY(!m.entityId.isEmpty());
        const qsizetype start = m.start;
        const qsizetype end = m.end + 25;
        text()->setFocus();
        // Click at the start of the mention, Shift+click further on: the passage is selected.
        QTextCursor home(text()->document());
        home.setPosition(int(start));
        text()->setTextCursor(home);
        text()->ensureCursorVisible();
        QTest::mouseClick(text()->viewport(), Qt::LeftButton, Qt::ShiftModifier, pointAt(end));
        const auto [from, to] = m_window->reader()->selection();
        QCOMPARE(from, start);
        QVERIFY2(to >= end - 2 && to <= end + 2, qPrintable(u"selected to %1, wanted %2"_s.arg(to).arg(end)));

        // The bar appears beside the selection; its second colour highlights in green.
        QFrame *bar = m_window->annotationActions()->selectionBar();
        QTRY_VERIFY(bar->isVisible());
        const QList<QToolButton *> buttons = bar->findChildren<QToolButton *>();
        QVERIFY(buttons.size() >= 5);
        QCOMPARE(buttons.at(1)->defaultAction()->data().toString(), u"green"_s);
        QVERIFY(buttons.at(1)->toolTip().contains(u"Ctrl+2"_s));
        QTest::mouseClick(buttons.at(1), Qt::LeftButton);
        QCOMPARE(controller()->annotationModel()->rowCount(), 1);
        const Lede::Annotation a = controller()->annotationModel()->annotations().first();
        QCOMPARE(a.color, u"green"_s);
        QCOMPARE(a.start, from);
        QCOMPARE(a.quote, controller()->currentText(from, to));
        // The panel lists it with the entity named inside the passage.
        QCOMPARE(m_window->annotationView()->model()->rowCount(), 1);
        const QModelIndex shown = m_window->annotationView()->model()->index(0, 0);
        QVERIFY(shown.data(Lede::AnnotationEntitiesRole).toStringList().contains(m.entityId));
        // Drawn in the reader.
        QTextCursor probe(text()->document());
        probe.setPosition(int(from + 1));
        QVERIFY(probe.charFormat().background().style() != Qt::NoBrush);
    }

    void byKeyboardThenUndoAndRedo()
    {
        activate();
        m_window->showArticle(m_other);
        text()->setFocus();
        const Lede::EntityMention m = mentionWithRoom(40);
        QVERIFY(!m.entityId.isEmpty());
        QTextCursor at(text()->document());
        at.setPosition(int(m.start));
        text()->setTextCursor(at);
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(text(), Qt::Key_Right, Qt::ShiftModifier | Qt::ControlModifier);
        const auto [from, to] = m_window->reader()->selection();
        QVERIFY(to > m.end);
        // Ctrl+3: blue.
        QTest::keyClick(text(), Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(controller()->annotationModel()->rowCount(), 1);
        const qint64 id = controller()->annotationModel()->annotations().first().id;
        QCOMPARE(controller()->annotationModel()->annotations().first().color, u"blue"_s);
        QCOMPARE(controller()->annotationModel()->annotations().first().start, from);

        // Ctrl+T on the highlighted selection edits its tags; Ctrl+M its note.
        withDialog([this] { QTest::keyClick(text(), Qt::Key_T, Qt::ControlModifier); },
            [](Lede::AnnotationDialog *d) {
                auto *tags = d->findChild<QLineEdit *>(u"annotationTags"_s);
                QCOMPARE(d->focusWidget(), static_cast<QWidget *>(tags));
                QTest::keyClicks(tags, u"sourcing, #numbers"_s);
            });
        QCOMPARE(controller()->annotations()->annotation(id)->tags, (QStringList{u"sourcing"_s, u"numbers"_s}));
        withDialog([this] { QTest::keyClick(text(), Qt::Key_M, Qt::ControlModifier); },
            [](Lede::AnnotationDialog *d) {
                QTest::keyClicks(d->findChild<QPlainTextEdit *>(u"annotationNote"_s), u"Check **both** figures"_s);
            });
        QCOMPARE(controller()->annotations()->annotation(id)->note, u"Check **both** figures"_s);
        // Ctrl+5 with the annotation under the cursor recolours it.
        QTest::keyClick(text(), Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(controller()->annotations()->annotation(id)->color, u"orange"_s);

        // Undo, step by step, from the keyboard; then redo.
        QTest::keyClick(text(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(controller()->annotations()->annotation(id)->color, u"blue"_s);
        QTest::keyClick(text(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(controller()->annotations()->annotation(id)->note, QString());
        QTest::keyClick(text(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(controller()->annotations()->annotation(id)->tags.isEmpty());
        QTest::keyClick(text(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(controller()->annotationModel()->rowCount(), 0);
        QCOMPARE(m_window->annotationView()->model()->rowCount(), 0);
        QVERIFY(!controller()->library().annotation(id));
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(text(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        const auto back = controller()->library().annotation(id);
        QVERIFY(back);
        QCOMPARE(back->color, u"orange"_s);
        QCOMPARE(back->note, u"Check **both** figures"_s);
        QCOMPARE(back->tags, (QStringList{u"sourcing"_s, u"numbers"_s}));
        QCOMPARE(m_window->annotationView()->model()->rowCount(), 1);
        QCOMPARE(m_window->annotationView()->model()->index(0, 0).data(Lede::AnnotationNoteRole).toString(),
            u"Check **both** figures"_s);
    }

    void panelFiltersByEntityAndOpensThePassage()
    {
        Lede::AnnotationPane *pane = m_window->annotationPane();
        // A linked entity the passage does not name, added by the journalist.
        m_window->showArticle(m_other);
        const Lede::Annotation tagged = controller()->annotationModel()->annotations().first();
        Lede::Annotation linked = tagged;
        linked.entityIds = {u"region/my"_s};
        controller()->annotations()->change(linked, u"Link"_s);
        m_window->showArticle(m_html);
        const Lede::Annotation green = controller()->annotationModel()->annotations().first();
        const QStringList greenEntities = controller()->library().annotationEntities(green);
        QVERIFY(!greenEntities.isEmpty());

        pane->setWholeLibrary(true);
        QTRY_COMPARE(list()->rowCount(), 2);
        auto *entities = pane->findChild<QComboBox *>(u"annotationEntityFilter"_s);
        QVERIFY(entities);
        const int malaysia = entities->findData(u"region/my"_s);
        QVERIFY(malaysia > 0);
        entities->setCurrentIndex(malaysia);
        QCOMPARE(list()->rowCount(), 1);
        QCOMPARE(list()->index(0).data(Lede::AnnotationIdRole).toLongLong(), tagged.id);
        // The green one's entity (named inside its passage) keeps only it, unless the other names it too.
        entities->setCurrentIndex(entities->findData(greenEntities.first()));
        QVERIFY(list()->rowOf(green.id) >= 0);
        const int shownForGreen = list()->rowCount();
        QVERIFY(shownForGreen >= 1 && shownForGreen <= 2);
        entities->setCurrentIndex(0);
        QCOMPARE(list()->rowCount(), 2);
        // By tag and by colour, and by words.
        pane->setTagFilter(u"numbers"_s);
        QCOMPARE(list()->rowCount(), 1);
        pane->setTagFilter(QString());
        pane->setColorFilter(u"green"_s);
        QCOMPARE(list()->rowCount(), 1);
        QCOMPARE(list()->index(0).data(Lede::AnnotationIdRole).toLongLong(), green.id);
        pane->setColorFilter(QString());
        pane->setTextFilter(u"both"_s);
        QCOMPARE(list()->rowCount(), 1);
        pane->setTextFilter(QString());

        // Clicking the other article's annotation opens it and selects the passage.
        const int row = list()->rowOf(tagged.id);
        QVERIFY(row >= 0);
        QListView *view = m_window->annotationView();
        const QModelIndex index = view->model()->index(row, 0);
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
        QCOMPARE(controller()->currentArticleId(), m_other);
        QCOMPARE(m_window->reader()->articleId(), m_other);
        QCOMPARE(m_window->reader()->selection(), std::make_pair(tagged.start, tagged.end));
        pane->setWholeLibrary(false);
        QCOMPARE(list()->rowCount(), 1);
    }

    void copyWithCitation()
    {
        m_window->showArticle(m_html);
        const Lede::Article article = controller()->currentArticle();
        m_window->reader()->selectRange(10, 60);
        QAction *copy = m_window->findChild<QAction *>(u"copyCitationAction"_s);
        QVERIFY(copy);
        QCOMPARE(copy->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
        QTRY_VERIFY(copy->isEnabled());
        copy->trigger();
        const QMimeData *clip = QGuiApplication::clipboard()->mimeData();
        QVERIFY(clip);
        const QString plain = clip->text();
        QVERIFY2(plain.contains(article.text.mid(10, 50).simplified().left(20)), qPrintable(plain));
        QVERIFY2(plain.contains(article.title), qPrintable(plain));
        if (!article.url.isEmpty()) {
            QVERIFY(plain.contains(article.url));
            QVERIFY(clip->html().contains(u"href=\"%1\""_s.arg(article.url.toHtmlEscaped())));
        }
        QVERIFY(clip->hasHtml());
        QVERIFY(clip->html().contains(u"<blockquote>"_s));
    }

    void colourMeaningsAreShown()
    {
        QVERIFY(controller()->setColorMeaning(u"orange"_s, u"context"_s));
        QVERIFY(m_window->annotationActions()->highlightAction(4)->text().contains(u"context"_s));
        QVERIFY(m_window->annotationActions()->highlightAction(0)->text().contains(u"claim"_s));
        auto *colours = m_window->annotationPane()->findChild<QComboBox *>(u"annotationColorFilter"_s);
        QVERIFY(colours->itemText(colours->findData(u"orange"_s)).contains(u"context"_s));
        QCOMPARE(controller()->library().annotationPalette().at(4).meaning, u"context"_s);
    }

    void exportThreeFormatsAndImportBack()
    {
        Lede::AnnotationActions *actions = m_window->annotationActions();
        QSignalSpy exported(controller(), &Lede::Controller::exportFinished);
        const QList<Lede::Annotation> all = controller()->library().allAnnotations();
        QCOMPARE(all.size(), 2);
        const QString jsonPath = m_dir.filePath(u"notes.jsonld"_s);
        const QString mdPath = m_dir.filePath(u"notes.md"_s);
        const QString csvPath = m_dir.filePath(u"notes.csv"_s);
        actions->exportTo(jsonPath, Lede::AnnotationFormat::JsonLd, Lede::AnnotationActions::Scope::WholeLibrary);
        actions->exportTo(mdPath, Lede::AnnotationFormat::Markdown, Lede::AnnotationActions::Scope::WholeLibrary);
        m_window->showArticle(m_html);
        actions->exportTo(csvPath, Lede::AnnotationFormat::Csv, Lede::AnnotationActions::Scope::CurrentArticle);
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 3, 30000);
        for (const auto &call : std::as_const(exported))
            QVERIFY2(call.at(1).toString().isEmpty(), qPrintable(call.at(1).toString()));

        const QJsonObject collection = QJsonDocument::fromJson(readFile(jsonPath).toUtf8()).object();
        const QJsonArray items = collection.value(u"first"_s).toObject().value(u"items"_s).toArray();
        QCOMPARE(items.size(), 2);
        const QString json = readFile(jsonPath);
        for (const Lede::Annotation &a : all)
            QVERIFY(json.contains(QString::fromUtf8(QJsonDocument(QJsonArray{a.quote}).toJson(QJsonDocument::Compact))
                                      .mid(1)
                                      .chopped(1)));
        QVERIFY(json.contains(u"TextQuoteSelector"_s));
        QVERIFY(json.contains(u"TextPositionSelector"_s));
        QVERIFY(json.contains(u"sourcing"_s));
        QVERIFY(json.contains(u"region/my"_s));

        const QString md = readFile(mdPath);
        for (const Lede::Annotation &a : all)
            QVERIFY2(md.contains(a.quote.simplified().left(20)), qPrintable(md));
        QVERIFY(md.contains(u"Check **both** figures"_s));
        QVERIFY(md.contains(controller()->library().article(m_html)->title));

        const QString csv = readFile(csvPath);
        QVERIFY(csv.startsWith(u"annotation,"_s));
        for (const Lede::Annotation &a : all) {
            const QString words = a.quote.simplified().left(12);
            QVERIFY2(csv.contains(words) == (a.articleId == m_html), qPrintable(words));
        }

        // Remove both, then import the JSON-LD: they come back on the same words.
        for (const Lede::Annotation &a : all)
            controller()->annotations()->remove(a.id);
        QVERIFY(controller()->library().allAnnotations().isEmpty());
        QSignalSpy imported(controller(), &Lede::Controller::annotationsImported);
        controller()->importAnnotations({jsonPath, m_dir.filePath(u"missing.jsonld"_s)});
        QVERIFY(imported.wait(30000));
        const auto report = imported.first().first().value<Lede::AnnotationImportReport>();
        QCOMPARE(report.added, 2);
        QCOMPARE(report.orphaned, 0);
        QCOMPARE(report.errors.size(), 1);
        QVERIFY(report.errors.first().startsWith(u"missing.jsonld: "_s));
        QVERIFY(report.describe().contains(u"2 annotations imported"_s));
        auto *box = m_window->findChild<QMessageBox *>(u"importAnnotationsResult"_s);
        QVERIFY(box && box->isVisible());
        QVERIFY(box->text().contains(u"missing.jsonld"_s));
        box->close();
        const QList<Lede::Annotation> back = controller()->library().allAnnotations();
        QCOMPARE(back.size(), 2);
        for (const Lede::Annotation &a : all) {
            const auto same = std::find_if(back.cbegin(), back.cend(), [&](const Lede::Annotation &b) {
                return b.articleId == a.articleId && b.start == a.start && b.end == a.end && b.quote == a.quote
                    && b.note == a.note && b.tags == a.tags && b.color == a.color && b.entityIds == a.entityIds;
            });
            QVERIFY2(same != back.cend(), qPrintable(a.quote));
        }
        // The reader and the panel show them again.
        QTRY_COMPARE(controller()->annotationModel()->rowCount(), 1);
        QTRY_COMPARE(m_window->annotationView()->model()->rowCount(), 1);
    }

    void sourceViewAfterTheFileIsDeleted()
    {
        QSignalSpy loaded(controller(), &Lede::Controller::sourceLoaded);
        m_window->showArticle(m_html);
        QVERIFY(!QFileInfo::exists(controller()->currentArticle().sourcePath));
        QAction *source = m_window->findChild<QAction *>(u"viewSourceAction"_s);
        QCOMPARE(source->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_U));
        source->trigger();
        QVERIFY(loaded.wait(20000));
        auto *view = m_window->reader()->findChild<QPlainTextEdit *>(u"readerSource"_s);
        QTRY_VERIFY(view->toPlainText().contains(u"<html"_s, Qt::CaseInsensitive));
        QVERIFY(view->toPlainText().contains(u"H20"_s));

        // A windows-1252 file, decoded with the encoding found at import.
        m_window->showArticle(m_latin);
        QVERIFY(controller()->currentArticle().text.contains(u"café association"_s));
        QTRY_VERIFY_WITH_TIMEOUT(view->toPlainText().contains(u"résumés"_s), 20000);
        QVERIFY(!view->toPlainText().contains(QChar(0xfffd)));
        source->trigger();
    }

    void reextractWithASummary()
    {
        const QList<Lede::Annotation> before = controller()->library().allAnnotations();
        QSignalSpy done(controller(), &Lede::Controller::reextractFinished);
        controller()->reextractLibrary();
        QVERIFY(controller()->isReextracting());
        QVERIFY(done.wait(60000));
        const auto summary = done.first().first().value<Lede::ReextractSummary>();
        QCOMPARE(summary.total, 3);
        QCOMPARE(summary.done, 3);
        QCOMPARE(summary.noSource, 0); // the deleted files' bytes were kept
        QCOMPARE(summary.exact + summary.moved + summary.orphaned, int(before.size()));
        QCOMPARE(summary.orphaned, 0);
        auto *box = m_window->findChild<QMessageBox *>(u"reextractSummary"_s);
        QVERIFY(box && box->isVisible());
        QVERIFY(box->text().contains(u"re-anchored exactly"_s));
        QVERIFY(box->text().contains(u"3 of 3 articles"_s));
        box->close();
        QTRY_VERIFY_WITH_TIMEOUT(!controller()->isBusy(), 60000);
        // The list, the reader and the panel are there after it.
        QCOMPARE(m_window->articleModel()->rowCount(), 3);
        QCOMPARE(controller()->currentArticleId(), m_latin);
        m_window->showArticle(m_html);
        QCOMPARE(m_window->reader()->articleId(), m_html);
        QCOMPARE(m_window->annotationView()->model()->rowCount(), 1);
        for (const Lede::Annotation &a : controller()->library().allAnnotations()) {
            const auto article = controller()->library().article(a.articleId);
            QCOMPARE(article->text.mid(a.start, a.end - a.start), a.quote);
        }
    }
};

QTEST_MAIN(TestAnnotationUi)
#include "tst_annotationui.moc"
