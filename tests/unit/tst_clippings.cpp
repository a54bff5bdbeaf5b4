// SPDX-License-Identifier: MIT
//
// Every Markdown clipping in ../shared/corpus/articles keeps its source: the parsed URL, outlet and date
// agree with the clipping's front matter and its closing source link, and the link's label is not left in
// the body.
#include "parse/documentparser.h"
#include "parse/frontmatter.h"
#include "testpaths.h"

#include <QDir>
#include <QRegularExpression>
#include <QUrl>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

QString readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

// The clipping's closing "[label](https://…)" line, read here without the parser.
struct Link
{
    QString label, url;
};

Link trailingLink(const QString &text)
{
    QStringList lines = text.split(u'\n');
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    if (lines.isEmpty())
        return {};
    static const QRegularExpression link(uR"(^\[([^\]]+)\]\((https?://[^\s)]+)\)$)"_s);
    const auto m = link.match(lines.last().trimmed());
    return m.hasMatch() ? Link{m.captured(1), m.captured(2)} : Link{};
}

QString corpusDir()
{
    return LedeTest::sharedFile(u"corpus/articles"_s);
}

} // namespace

class TestClippings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void clippings_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(corpusDir());
        const QStringList files = dir.entryList({u"*.md"_s}, QDir::Files, QDir::Name);
        if (files.isEmpty()) {
            QTest::newRow("no corpus") << QString();
            return;
        }
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
    void clippings()
    {
        QFETCH(QString, path);
        if (path.isEmpty())
            QSKIP(qPrintable(
                u"needs the Markdown clippings in %1 (the shared corpus beside the checkout); not found"_s.arg(
                    corpusDir())));
        const QString source = readText(path);
        const Lede::FrontMatter fm = Lede::parseFrontMatter(source);
        const Link link = trailingLink(source.mid(fm.bodyStart));
        const Lede::ParseResult r = Lede::parseFile(path);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.articles.size(), 1);
        const Lede::Article &a = r.articles.first();

        // URL: front matter's address when it has one, else the closing link's.
        QString wantUrl;
        for (const QString &key : {u"url"_s, u"source"_s}) {
            const QString v = fm.values.value(key).value(0);
            if (wantUrl.isEmpty() && v.startsWith(u"http"))
                wantUrl = v;
        }
        if (wantUrl.isEmpty())
            wantUrl = link.url;
        QCOMPARE(a.url, wantUrl);

        // Date: front matter's, to the second.
        const QString date = fm.values.value(u"date"_s).value(0);
        if (!date.isEmpty())
            QCOMPARE(a.publishedIso(), QString(date).replace(u' ', u'T'));

        if (link.url.isEmpty()) {
            QVERIFY2(a.outlet.isEmpty() || !a.url.isEmpty(), qPrintable(a.outlet));
            return;
        }
        // Outlet: the link's label when it is written as a name, else a name made from the link's host.
        QVERIFY(!a.outlet.isEmpty());
        QVERIFY2(!a.outlet.contains(u'_'), qPrintable(a.outlet));
        const bool labelIsName = !link.label.contains(u'_') && link.label != link.label.toLower();
        if (labelIsName) {
            QCOMPARE(a.outlet, link.label);
        } else {
            const QString host = QUrl(link.url).host().toLower();
            QVERIFY2(host.endsWith(a.outlet.toLower()) && a.outlet.front().isUpper(),
                qPrintable(a.outlet + u" for "_s + host));
            QVERIFY2(!a.outlet.toLower().startsWith(u"www."), qPrintable(a.outlet));
        }
        // The link is the source, not the story: its label does not close the body.
        const auto ranges = Lede::Article::paragraphRanges(a.text);
        QVERIFY(!ranges.isEmpty());
        const QString lastParagraph = a.text.mid(ranges.last().first, ranges.last().second - ranges.last().first);
        QVERIFY2(lastParagraph != link.label, qPrintable(lastParagraph));
        QVERIFY(!a.text.contains(link.url));
        QCOMPARE(ranges.size(), a.blocks.size());
    }

    // A press release without front matter takes its date from its dateline.
    void pressReleaseDateline()
    {
        const QString path = QDir(corpusDir()).filePath(u"pressrelease__taiwan-europe-semiconductors.md"_s);
        LEDE_REQUIRE_SHARED(path);
        const Lede::ParseResult r = Lede::parseFile(path);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.articles.first().publishedIso(), u"2025-03-27"_s);
        QVERIFY(r.articles.first().text.startsWith(u"LONDON, ENGLAND, March 27, 2025"_s));
    }

    // Hard line breaks keep a clipping's paragraphs apart, and its subheadings on their own.
    void hardBreaksInCorpus()
    {
        const QString path = QDir(corpusDir()).filePath(u"bulwark__investing_3858170.md"_s);
        LEDE_REQUIRE_SHARED(path);
        const Lede::Article a = Lede::parseFile(path).articles.value(0);
        QCOMPARE(a.outlet, u"Investing.com"_s);
        const auto ranges = Lede::Article::paragraphRanges(a.text);
        QVERIFY2(ranges.size() >= 15, qPrintable(QString::number(ranges.size())));
        QStringList paragraphs;
        for (const auto &[start, end] : ranges)
            paragraphs.append(a.text.mid(start, end - start));
        QVERIFY(paragraphs.contains(u"More US tariffs"_s));
        QVERIFY(!a.text.contains(u"investing_us"_s));
    }
};

QTEST_GUILESS_MAIN(TestClippings)
#include "tst_clippings.moc"
