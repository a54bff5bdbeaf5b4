// SPDX-License-Identifier: MIT
// Annotations out of the library and back: W3C Web Annotation JSON-LD (the round trip keeps every
// annotation), the Markdown dossier with citations, CSV, and a passage with its citation.
#include "export/annotationexport.h"
#include "export/webannotation.h"
#include "store/library.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

const QString firstText = u"Nvidia said on Tuesday that it had sold H20 chips to buyers in China before the new rules "
                          u"took effect.\n\nThe company expects revenue of $28 billion in the second quarter, "
                          u"analysts said.\n\nTSMC, which makes the chips, declined to comment."_s;
const QString secondText = u"台积电表示，将在亚利桑那州新建一座工厂。\n\n苹果是其最大客户 😀，订单增长强劲。"_s;

Lede::Article article(const QString &text, const QString &title, const QString &url)
{
    Lede::Article a;
    a.sourcePath = u"/tmp/"_s + title + u".md"_s;
    a.format = Lede::SourceFormat::Markdown;
    a.title = title;
    a.byline = u"Ana Reporter"_s;
    a.outlet = u"The Wire"_s;
    a.url = url;
    a.published = QDateTime(QDate(2025, 2, 13), QTime(9, 30), QTimeZone::UTC);
    a.publishedHasTime = true;
    a.text = text;
    if (text.contains(u"Nvidia"_s)) {
        a.entities = {{u"company/nvidia"_s, 0, 6, u"Nvidia"_s},
            {u"region/cn"_s, text.indexOf(u"China"_s), text.indexOf(u"China"_s) + 5, u"China"_s}};
    }
    return a;
}

std::optional<Lede::Annotation> annotate(Lede::Library &library, qint64 id, const QString &text, const QString &quote,
    const QString &note, const QStringList &tags = {}, const QStringList &entities = {})
{
    Lede::Annotation a;
    a.articleId = id;
    a.start = text.indexOf(quote);
    a.end = a.start + quote.size();
    a.color = tags.isEmpty() ? u"yellow"_s : u"pink"_s;
    a.note = note;
    a.tags = tags;
    a.entityIds = entities;
    return library.addAnnotation(a);
}

// Two articles (one with a URL, one without) and four annotations, one of them an orphan.
struct Desk
{
    QTemporaryDir dir;
    Lede::Library library;
    qint64 first = 0;
    qint64 second = 0;

    bool open(const QString &name = u"a.lede"_s)
    {
        if (!library.open(dir.filePath(name)))
            return false;
        const auto a = library.addArticle(article(firstText, u"Chips to China"_s, u"https://example.org/chips"_s));
        const auto b = library.addArticle(article(secondText, u"台积电"_s, QString()));
        if (!a || !b)
            return false;
        first = a->id;
        second = b->id;
        return true;
    }
    bool annotateAll()
    {
        Lede::Annotation orphan;
        orphan.articleId = first;
        orphan.start = 0;
        orphan.end = 5;
        orphan.quote = u"a sentence the text no longer has"_s;
        orphan.color = u"green"_s;
        orphan.note = u"kept though lost"_s;
        const auto o = library.addAnnotation(orphan);
        return annotate(library, first, firstText, u"sold H20 chips to buyers in China"_s,
                   u"**Who** were the buyers?\n\n- ask the ministry"_s, {u"exports"_s, u"h20"_s}, {u"company/tsmc"_s})
            && annotate(library, first, firstText, u"revenue of $28 billion"_s, u"a figure, with \"quotes\", commas"_s)
            && annotate(library, second, secondText, u"苹果是其最大客户 😀"_s, QString(), {u"客户"_s}) && o && o->orphan;
    }
};

QJsonArray items(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object().value(u"first"_s).toObject().value(u"items"_s).toArray();
}

} // namespace

class TestAnnotationExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonLdIsWebAnnotation()
    {
        Desk desk;
        QVERIFY(desk.open() && desk.annotateAll());
        const QByteArray json = Lede::exportAnnotationsJsonLd(desk.library, desk.library.allAnnotations());
        const QJsonObject root = QJsonDocument::fromJson(json).object();
        QCOMPARE(root.value(u"type"_s).toString(), u"AnnotationCollection"_s);
        QCOMPARE(root.value(u"@context"_s).toArray().first().toString(), u"http://www.w3.org/ns/anno.jsonld"_s);
        QCOMPARE(root.value(u"total"_s).toInt(), 4);
        const QJsonArray list = items(json);
        QCOMPARE(list.size(), 4);
        QJsonObject withNote;
        for (const QJsonValue &v : list) {
            const QJsonArray selectors = v.toObject().value(u"target"_s).toObject().value(u"selector"_s).toArray();
            if (selectors.at(0).toObject().value(u"exact"_s).toString() == u"sold H20 chips to buyers in China")
                withNote = v.toObject();
        }
        QCOMPARE(withNote.value(u"type"_s).toString(), u"Annotation"_s);
        QCOMPARE(withNote.value(u"motivation"_s).toString(), u"commenting"_s);
        const QJsonObject target = withNote.value(u"target"_s).toObject();
        QCOMPARE(target.value(u"source"_s).toString(), u"https://example.org/chips"_s);
        const QJsonArray selectors = target.value(u"selector"_s).toArray();
        QCOMPARE(selectors.at(0).toObject().value(u"type"_s).toString(), u"TextQuoteSelector"_s);
        QCOMPARE(selectors.at(0).toObject().value(u"prefix"_s).toString(),
            firstText.mid(firstText.indexOf(u"sold"_s) - 32, 32));
        QVERIFY(firstText.contains(selectors.at(0).toObject().value(u"prefix"_s).toString()
            + u"sold H20 chips to buyers in China"_s + selectors.at(0).toObject().value(u"suffix"_s).toString()));
        QCOMPARE(selectors.at(1).toObject().value(u"type"_s).toString(), u"TextPositionSelector"_s);
        QCOMPARE(selectors.at(1).toObject().value(u"start"_s).toInteger(), firstText.indexOf(u"sold"_s));
        QStringList purposes;
        for (const QJsonValue &b : withNote.value(u"body"_s).toArray())
            purposes.append(b.toObject().value(u"purpose"_s).toString());
        QCOMPARE(purposes,
            QStringList(
                {u"commenting"_s, u"classifying"_s, u"tagging"_s, u"tagging"_s, u"identifying"_s, u"linking"_s}));
        QCOMPARE(
            withNote.value(u"body"_s).toArray().at(0).toObject().value(u"format"_s).toString(), u"text/markdown"_s);
    }

    void jsonLdRoundTrip()
    {
        Desk from;
        QVERIFY(from.open() && from.annotateAll());
        const QList<Lede::Annotation> before = from.library.allAnnotations();
        const QByteArray json = Lede::exportAnnotationsJsonLd(from.library, before);

        // Another library with the same articles: every annotation comes back as it was.
        Desk to;
        QVERIFY(to.open(u"b.lede"_s));
        QString error;
        const auto summary = Lede::importAnnotationsJsonLd(to.library, json, &error);
        QVERIFY2(summary, qPrintable(error));
        QCOMPARE(summary->added, 4);
        QCOMPARE(summary->orphaned, 1);
        QCOMPARE(summary->noArticle, 0);
        QVERIFY(summary->problems.isEmpty());
        const QList<Lede::Annotation> after = to.library.allAnnotations();
        QCOMPARE(after.size(), before.size());
        for (qsizetype i = 0; i < before.size(); ++i) {
            const Lede::Annotation &b = before.at(i);
            const Lede::Annotation &a = after.at(i);
            QCOMPARE(a.start, b.start);
            QCOMPARE(a.end, b.end);
            QCOMPARE(a.quote, b.quote);
            QCOMPARE(a.prefix, b.prefix);
            QCOMPARE(a.suffix, b.suffix);
            QCOMPARE(a.note, b.note);
            QCOMPARE(a.color, b.color);
            QCOMPARE(a.tags, b.tags);
            QCOMPARE(a.entityIds, b.entityIds);
            QCOMPARE(a.orphan, b.orphan);
            QCOMPARE(a.created, b.created);
            QCOMPARE(a.modified, b.modified);
        }
        // Importing the same file again adds nothing.
        const auto again = Lede::importAnnotationsJsonLd(to.library, json);
        QCOMPARE(again->added, 0);
        QCOMPARE(again->present, 4);
        // And the export of the imported annotations is the same document, but for the ids.
        QByteArray exportedAgain = Lede::exportAnnotationsJsonLd(to.library, after);
        QCOMPARE(items(exportedAgain).size(), 4);
    }

    void importFindsArticlesByUrlAndReanchors()
    {
        Desk from;
        QVERIFY(from.open() && from.annotateAll());
        const QByteArray json = Lede::exportAnnotationsJsonLd(from.library, from.library.annotations(from.first));

        // The same article, extracted differently (debris at the top): found by its URL, placed by quote.
        QTemporaryDir dir;
        Lede::Library other;
        QVERIFY(other.open(dir.filePath(u"c.lede"_s)));
        const QString changed = u"Advertisement\n\n"_s + firstText;
        const auto added = other.addArticle(article(changed, u"Chips to China"_s, u"https://example.org/chips"_s));
        QVERIFY(added);
        const auto summary = Lede::importAnnotationsJsonLd(other, json);
        QVERIFY(summary);
        QCOMPARE(summary->added, 3);
        QCOMPARE(summary->orphaned, 1);
        for (const Lede::Annotation &a : other.annotations(added->id)) {
            if (!a.orphan)
                QCOMPARE(changed.mid(a.start, a.end - a.start), a.quote);
        }
        // Again: they are there already, though at other places than the file says.
        const auto again = Lede::importAnnotationsJsonLd(other, json);
        QCOMPARE(again->added, 0);
        QCOMPARE(again->present, 3);
        // An article the library does not have is counted, not guessed.
        Lede::Library empty;
        QVERIFY(empty.open(dir.filePath(u"d.lede"_s)));
        QCOMPARE(Lede::importAnnotationsJsonLd(empty, json)->noArticle, 3);
        // Not JSON at all.
        QString error;
        QVERIFY(!Lede::importAnnotationsJsonLd(empty, "{not json", &error));
        QVERIFY(!error.isEmpty());
    }

    void markdownDossier()
    {
        Desk desk;
        QVERIFY(desk.open() && desk.annotateAll());
        const QString md = Lede::exportAnnotationsMarkdown(desk.library, desk.library.allAnnotations());
        QVERIFY(md.contains(u"## Chips to China"_s));
        QVERIFY(md.contains(u"## 台积电"_s));
        QVERIFY(md.contains(u"> sold H20 chips to buyers in China"_s));
        QVERIFY(md.contains(u"**Who** were the buyers?\n\n- ask the ministry"_s));
        QVERIFY(md.contains(u"*follow up* #exports #h20"_s));
        const QString cite
            = u"— Ana Reporter, “Chips to China”, The Wire, 13 February 2025, https://example.org/chips"_s;
        QCOMPARE(md.count(cite), 3);
        // The orphan is listed apart, after the passages still in the text.
        QVERIFY(md.indexOf(u"No longer in the text"_s) > md.indexOf(u"revenue of $28 billion"_s));
        QVERIFY(md.indexOf(u"a sentence the text no longer has"_s) > md.indexOf(u"No longer in the text"_s));
        // One article only.
        const QString one
            = Lede::exportAnnotationsMarkdown(desk.library, Lede::annotationsOf(desk.library, {desk.second}));
        QVERIFY(!one.contains(u"Chips to China"_s));
        QVERIFY(one.contains(u"> 苹果是其最大客户 😀"_s));
    }

    void csv()
    {
        Desk desk;
        QVERIFY(desk.open() && desk.annotateAll());
        const QString csv = Lede::exportAnnotationsCsv(desk.library, desk.library.allAnnotations());
        const QStringList lines = csv.split(u"\r\n"_s);
        QVERIFY(lines.first().startsWith(u"annotation,article,headline,outlet,published,url,start,end,quote,note"_s));
        QVERIFY(csv.contains(u",\"a figure, with \"\"quotes\"\", commas\","_s));
        QVERIFY(csv.contains(u",\"**Who** were the buyers?\n\n- ask the ministry\","_s));
        QVERIFY(csv.contains(u"exports; h20,region/cn; company/tsmc,no"_s));
        QVERIFY(csv.contains(u",yes,"_s)); // the orphan
        QVERIFY(csv.contains(u"苹果是其最大客户 😀"_s));
    }

    void passageWithCitation()
    {
        const Lede::Article a = article(firstText, u"Chips to China"_s, u"https://example.org/chips"_s);
        const qsizetype at = firstText.indexOf(u"The company"_s);
        QCOMPARE(Lede::quoteWithCitation(a, at, at + 42),
            u"“The company expects revenue of $28 billion”\n— Ana Reporter, “Chips to China”, The Wire, "
            u"13 February 2025, https://example.org/chips"_s);
    }
};

QTEST_GUILESS_MAIN(TestAnnotationExport)
#include "tst_annotationexport.moc"
