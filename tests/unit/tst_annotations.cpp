// SPDX-License-Identifier: MIT
// Annotations through the controller: every add, edit and remove is undoable, and an annotation
// brought back by undo or redo keeps its id, so the commands above it on the stack still apply.
#include "controller/annotationcontroller.h"
#include "models/annotationmodel.h"
#include "store/library.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

Lede::Article article(const QString &text)
{
    Lede::Article a;
    a.sourcePath = u"/tmp/annotations.txt"_s;
    a.format = Lede::SourceFormat::PlainText;
    a.title = text.left(20);
    a.text = text;
    return a;
}

// A library with two articles, the model of the article on screen and its controller.
struct Desk
{
    QTemporaryDir dir;
    Lede::Library library;
    Lede::AnnotationModel model;
    std::unique_ptr<Lede::AnnotationController> controller;
    std::unique_ptr<QSignalSpy> failures;
    qint64 first = 0;
    qint64 second = 0;

    bool open()
    {
        if (!library.open(dir.filePath(u"lib.lede"_s)))
            return false;
        const auto a = library.addArticle(article(u"Nvidia sold H20 chips to buyers in China."_s));
        const auto b = library.addArticle(article(u"TSMC builds a new fab in Arizona for Apple."_s));
        if (!a || !b)
            return false;
        first = a->id;
        second = b->id;
        controller = std::make_unique<Lede::AnnotationController>(&library, &model);
        failures = std::make_unique<QSignalSpy>(controller.get(), &Lede::AnnotationController::failed);
        controller->setArticle(first);
        return true;
    }
    QUndoStack *undo() const { return controller->undoStack(); }
    // The annotation as the library has it, if it is there.
    std::optional<Lede::Annotation> stored(qint64 articleId, qint64 id) const
    {
        for (const Lede::Annotation &a : library.annotations(articleId)) {
            if (a.id == id)
                return a;
        }
        return std::nullopt;
    }
    // The id of the one annotation the model shows.
    qint64 onlyShown() const { return model.annotations().size() == 1 ? model.annotations().first().id : -1; }
    QString failureText() const
    {
        QStringList out;
        for (const QList<QVariant> &args : *failures)
            out.append(args.value(0).toString());
        return out.join(u"; "_s);
    }
};

} // namespace

class TestAnnotations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // add → edit → undo → undo → redo → redo → undo, while another desk on the same file adds an
    // annotation of its own: the undone add comes back with its id, and the edit still applies.
    void addEditChain()
    {
        Desk d;
        QVERIFY2(d.open(), qPrintable(d.library.lastError()));
        d.controller->add(d.first, 0, 6, u"Nvidia"_s, u"yellow"_s, u"first note"_s);
        const qint64 id = d.onlyShown();
        QVERIFY(id > 0);
        d.controller->edit(id, u"green"_s, u"second note"_s);
        QCOMPARE(d.stored(d.first, id)->note, u"second note"_s);
        {
            Lede::Library other;
            QVERIFY(other.open(d.library.path()));
            Lede::Annotation elsewhere;
            elsewhere.articleId = d.second;
            elsewhere.start = 0;
            elsewhere.end = 4;
            elsewhere.color = u"blue"_s;
            elsewhere.quote = u"TSMC"_s;
            QVERIFY(other.addAnnotation(elsewhere));
        }

        d.undo()->undo(); // the edit
        QCOMPARE(d.stored(d.first, id)->note, u"first note"_s);
        QCOMPARE(d.stored(d.first, id)->color, u"yellow"_s);
        d.undo()->undo(); // the add
        QVERIFY(d.library.annotations(d.first).isEmpty());
        QVERIFY(d.model.annotations().isEmpty());

        d.undo()->redo(); // the add, with its id
        QCOMPARE(d.onlyShown(), id);
        QVERIFY(d.stored(d.first, id));
        QCOMPARE(d.stored(d.first, id)->note, u"first note"_s);
        QCOMPARE(d.stored(d.first, id)->quote, u"Nvidia"_s);
        d.undo()->redo(); // the edit applies to it
        QVERIFY2(d.failures->isEmpty(), qPrintable(d.failureText()));
        QCOMPARE(d.stored(d.first, id)->note, u"second note"_s);
        QCOMPARE(d.stored(d.first, id)->color, u"green"_s);
        QCOMPARE(d.model.annotations().first().note, u"second note"_s);
        d.undo()->undo();
        QCOMPARE(d.stored(d.first, id)->note, u"first note"_s);
        QCOMPARE(d.model.annotations().first().note, u"first note"_s);
        QCOMPARE(d.library.annotations(d.first).size(), 1);
        QCOMPARE(d.library.allAnnotations().size(), 2);
        QVERIFY2(d.failures->isEmpty(), qPrintable(d.failureText()));
    }

    // remove → undo → edit → undo → redo, with a later annotation on the same article, then back to
    // before the first add and forward again.
    void removeUndoEditChain()
    {
        Desk d;
        QVERIFY2(d.open(), qPrintable(d.library.lastError()));
        d.controller->add(d.first, 12, 15, u"H20"_s, u"blue"_s, u"export rules"_s);
        const qint64 id = d.onlyShown();
        d.controller->edit(id, u"blue"_s, u"export rules, 2023"_s);
        d.controller->add(d.first, 0, 6, u"Nvidia"_s, u"yellow"_s, QString());
        const qint64 later = d.model.annotations().first().id;
        QVERIFY(later != id);
        const QDateTime created = d.stored(d.first, id)->created;

        d.controller->remove(id);
        QVERIFY(!d.stored(d.first, id));
        QCOMPARE(d.model.rowOf(id), -1);
        d.undo()->undo(); // the remove: it comes back as it was, with its id
        QVERIFY(d.stored(d.first, id));
        QVERIFY(d.model.rowOf(id) >= 0);
        QCOMPARE(d.stored(d.first, id)->note, u"export rules, 2023"_s);
        QCOMPARE(d.stored(d.first, id)->created, created);

        d.controller->edit(id, u"pink"_s, u"ask the ministry"_s);
        QCOMPARE(d.undo()->count(), 4); // add, edit, add, edit (the undone remove is gone)
        QCOMPARE(d.stored(d.first, id)->note, u"ask the ministry"_s);
        d.undo()->undo();
        QCOMPARE(d.stored(d.first, id)->note, u"export rules, 2023"_s);
        d.undo()->redo();
        QCOMPARE(d.stored(d.first, id)->note, u"ask the ministry"_s);
        QCOMPARE(d.stored(d.first, id)->color, u"pink"_s);

        // All the way back: the first edit on the stack still finds its annotation.
        while (d.undo()->canUndo())
            d.undo()->undo();
        QVERIFY2(d.failures->isEmpty(), qPrintable(d.failureText()));
        QVERIFY(d.library.allAnnotations().isEmpty());
        QVERIFY(d.model.annotations().isEmpty());
        while (d.undo()->canRedo())
            d.undo()->redo();
        QCOMPARE(d.library.annotations(d.first).size(), 2);
        QCOMPARE(d.stored(d.first, id)->note, u"ask the ministry"_s);
        QVERIFY(d.stored(d.first, later));
        QCOMPARE(d.model.annotations().size(), 2);
        QVERIFY2(d.failures->isEmpty(), qPrintable(d.failureText()));
    }

    // add → add → remove the first → undo → undo → undo → redo → redo → redo → undo: undoing the
    // add removes the annotation the undone remove brought back, not a stale id.
    void addRemoveChain()
    {
        Desk d;
        QVERIFY2(d.open(), qPrintable(d.library.lastError()));
        d.controller->add(d.first, 0, 6, u"Nvidia"_s, u"yellow"_s, QString());
        const qint64 id = d.onlyShown();
        d.controller->add(d.first, 12, 15, u"H20"_s, u"green"_s, QString());
        d.controller->remove(id);
        d.undo()->undo(); // remove
        d.undo()->undo(); // second add
        QCOMPARE(d.onlyShown(), id);
        d.undo()->undo(); // first add
        QVERIFY(d.library.annotations(d.first).isEmpty());
        QVERIFY(d.model.annotations().isEmpty());
        d.undo()->redo(); // first add
        QCOMPARE(d.onlyShown(), id);
        d.undo()->redo(); // second add
        d.undo()->redo(); // remove
        QCOMPARE(d.library.annotations(d.first).size(), 1);
        QVERIFY(!d.stored(d.first, id));
        QCOMPARE(d.model.rowOf(id), -1);
        d.undo()->undo(); // remove
        QVERIFY(d.stored(d.first, id));
        QCOMPARE(d.library.annotations(d.first).size(), 2);
        QCOMPARE(d.model.annotations().size(), 2);
        QVERIFY2(d.failures->isEmpty(), qPrintable(d.failureText()));
    }

    // Commands for an article that is no longer on screen change the library, not the model, and
    // name their own article when they report a change.
    void acrossTwoArticles()
    {
        Desk d;
        QVERIFY2(d.open(), qPrintable(d.library.lastError()));
        QSignalSpy changed(d.controller.get(), &Lede::AnnotationController::annotationsChanged);
        d.controller->add(d.first, 0, 6, u"Nvidia"_s, u"yellow"_s, u"on the first"_s);
        const qint64 onFirst = d.onlyShown();
        d.controller->setArticle(d.second);
        d.controller->add(d.second, 0, 4, u"TSMC"_s, u"green"_s, u"on the second"_s);
        const qint64 onSecond = d.onlyShown();
        QVERIFY(onSecond != onFirst);
        d.controller->edit(onSecond, u"blue"_s, u"edited on the second"_s);

        d.undo()->undo(); // edit on the second
        d.undo()->undo(); // add on the second
        QVERIFY(d.model.annotations().isEmpty());
        changed.clear();
        d.undo()->undo(); // add on the first, not on screen
        QVERIFY(d.library.allAnnotations().isEmpty());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().value(0).toLongLong(), d.first);
        QVERIFY(d.model.annotations().isEmpty());

        d.undo()->redo(); // add on the first
        QVERIFY(d.model.annotations().isEmpty()); // the second is on screen
        QCOMPARE(d.stored(d.first, onFirst)->note, u"on the first"_s);
        d.undo()->redo(); // add on the second
        QCOMPARE(d.onlyShown(), onSecond);
        d.undo()->redo(); // edit on the second
        QCOMPARE(d.stored(d.second, onSecond)->note, u"edited on the second"_s);
        QCOMPARE(d.model.annotations().first().color, u"blue"_s);

        // Remove on the first, look at the second, undo: the first gets its annotation back.
        d.controller->setArticle(d.first);
        d.controller->remove(onFirst);
        d.controller->setArticle(d.second);
        d.undo()->undo();
        QCOMPARE(d.onlyShown(), onSecond);
        d.controller->setArticle(d.first);
        QCOMPARE(d.onlyShown(), onFirst);
        d.controller->edit(onFirst, u"orange"_s, u"edited on the first"_s);
        d.controller->setArticle(d.second);
        d.undo()->undo();
        QCOMPARE(d.stored(d.first, onFirst)->note, u"on the first"_s);
        d.undo()->redo();
        QCOMPARE(d.stored(d.first, onFirst)->note, u"edited on the first"_s);
        QCOMPARE(d.stored(d.second, onSecond)->note, u"edited on the second"_s);
        QCOMPARE(d.library.allAnnotations().size(), 2);
        QVERIFY2(d.failures->isEmpty(), qPrintable(d.failureText()));
    }
};

QTEST_GUILESS_MAIN(TestAnnotations)
#include "tst_annotations.moc"
