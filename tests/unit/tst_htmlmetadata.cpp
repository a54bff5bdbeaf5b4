// SPDX-License-Identifier: MIT
// Metadata of a web page, one signal at a time, on small hand-made pages: the title, the byline (JSON-LD author,
// <meta name=author>, itemprop=author, rel=author, a byline class), always without a leading "By"; the date
// (JSON-LD datePublished, article:published_time, itemprop=datePublished, <time datetime>), always with the time
// zone the page gave; the outlet and the language.
#include "html/htmlextractor.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

const QString kBody = u"<p>The ministry said on Tuesday that exports of the chips, which are used in data centres, "
                      "would need a licence, and that the rule would apply from next month to every buyer.</p>"
                      "<p>Officials said the rule followed months of talks with the industry, and that companies "
                      "would have until the end of the year to apply for the licences they need.</p>"
                      "<p>The industry association said it would study the rule before it commented on it.</p>"_s;

QString page(const QString &head, const QString &beforeBody, const QString &htmlAttrs = u" lang=\"en\""_s)
{
    return u"<!DOCTYPE html><html"_s + htmlAttrs
        + u"><head><meta charset=\"utf-8\"><title>Chip exports need a licence</title>"_s + head
        + u"</head><body><header><time datetime=\"2030-01-01\">Today</time></header><article><h1>Chip exports need "
          "a licence</h1>"_s
        + beforeBody + kBody + u"</article></body></html>"_s;
}

QString jsonLd(const QString &json)
{
    return u"<script type=\"application/ld+json\">"_s + json + u"</script>"_s;
}

} // namespace

class TestHtmlMetadata : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bylines_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("byline");
        QTest::newRow("json-ld person") << page(
            jsonLd(u"{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\"}}"_s), {})
                                        << u"Jane Doe"_s;
        QTest::newRow("json-ld several authors") << page(
            jsonLd(u"{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Doe\"},"
                   "{\"@type\":\"Person\",\"name\":\"John Roe\"}]}"_s),
            {}) << u"Jane Doe, John Roe"_s;
        QTest::newRow("json-ld author in a graph") << page(
            jsonLd(u"{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebPage\",\"name\":\"x\"},"
                   "{\"@type\":\"Article\",\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\"}}]}"_s),
            {}) << u"Jane Doe"_s;
        QTest::newRow("json-ld author only an address: meta author instead") << page(
            jsonLd(u"{\"@type\":\"NewsArticle\",\"author\":\"https://example.org/staff/jdoe\"}"_s)
                + u"<meta name=\"author\" content=\"Jane Doe\">"_s,
            {}) << u"Jane Doe"_s;
        QTest::newRow("meta author with By")
            << page(u"<meta name=\"author\" content=\"By Jane Doe\">"_s, {}) << u"Jane Doe"_s;
        QTest::newRow("dc.creator") << page(u"<meta name=\"DC.creator\" content=\"Jane Doe\">"_s, {}) << u"Jane Doe"_s;
        QTest::newRow("itemprop author") << page(
            {}, u"<div itemprop=\"author\" itemscope><span itemprop=\"name\">Jane Doe</span></div>"_s)
                                         << u"Jane Doe"_s;
        QTest::newRow("rel author") << page({}, u"<p>By <a rel=\"author\" href=\"/staff/jdoe\">Jane Doe</a></p>"_s)
                                    << u"Jane Doe"_s;
        QTest::newRow("byline class with date")
            << page({}, u"<div class=\"article-byline\">By Jane Doe and John Roe | March 4, 2025</div>"_s)
            << u"Jane Doe and John Roe"_s;
        QTest::newRow("written by") << page({}, u"<div class=\"author\">Written by Jane Doe</div>"_s) << u"Jane Doe"_s;
        QTest::newRow("german von") << page({}, u"<p class=\"byline\">Von Hans Meier</p>"_s) << u"Hans Meier"_s;
        QTest::newRow("no byline") << page({}, {}) << QString();
    }
    void bylines()
    {
        QFETCH(QString, html);
        QFETCH(QString, byline);
        const Lede::ExtractedPage p = Lede::extractHtml(html);
        QCOMPARE(p.byline, byline);
        QVERIFY2(p.text.contains(u"every buyer"_s), qPrintable(p.text)); // the body is still found
        if (!byline.isEmpty())
            QVERIFY2(!p.text.contains(byline), qPrintable(p.text)); // and the byline is not part of it
    }

    void dates_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("published");
        QTest::newRow("json-ld datePublished with offset")
            << page(jsonLd(u"{\"@type\":\"NewsArticle\",\"datePublished\":\"2025-03-04T09:15:00-05:00\"}"_s), {})
            << u"2025-03-04T09:15:00-05:00"_s;
        QTest::newRow("json-ld Z and fractions")
            << page(jsonLd(u"{\"@type\":\"NewsArticle\",\"datePublished\":\"2025-03-04T14:15:00.123Z\"}"_s), {})
            << u"2025-03-04T14:15:00+00:00"_s;
        QTest::newRow("json-ld before meta") << page(
            jsonLd(u"{\"@type\":\"NewsArticle\",\"datePublished\":\"2025-03-04T09:15:00+01:00\"}"_s)
                + u"<meta property=\"article:published_time\" content=\"2025-03-05T00:00:00+01:00\">"_s,
            {}) << u"2025-03-04T09:15:00+01:00"_s;
        QTest::newRow("article:published_time")
            << page(u"<meta property=\"article:published_time\" content=\"2025-03-04T09:15:00+02:00\">"_s, {})
            << u"2025-03-04T09:15:00+02:00"_s;
        QTest::newRow("meta itemprop datePublished")
            << page(u"<meta itemprop=\"datePublished\" content=\"2025-03-04T09:15:00+09:00\">"_s, {})
            << u"2025-03-04T09:15:00+09:00"_s;
        QTest::newRow("time itemprop datePublished after another time") << page({},
            u"<p><time itemprop=\"datePublished\" datetime=\"2025-03-04T09:15:00-08:00\">March 4"
            "</time></p>"_s) << u"2025-03-04T09:15:00-08:00"_s;
        QTest::newRow("span itemprop datePublished with content") << page({},
            u"<p><span itemprop=\"datePublished\" content=\"2025-03-04T09:15:00+05:30\">March 4"
            "</span></p>"_s) << u"2025-03-04T09:15:00+05:30"_s;
        QTest::newRow("time pubdate") << page(
            {}, u"<p><time pubdate datetime=\"2025-03-04T09:15:00+00:00\">March 4</time></p>"_s)
                                      << u"2025-03-04T09:15:00+00:00"_s;
        QTest::newRow("time with a published class") << page({},
            u"<p><time class=\"published\" datetime=\"2025-03-04\">March 4</time>"
            "<time class=\"updated\" datetime=\"2025-03-06\">March 6</time></p>"_s)
                                                     << u"2025-03-04"_s;
        QTest::newRow("the first time in the article")
            << page({}, u"<p class=\"meta\"><time datetime=\"2025-03-04T09:15\">March 4</time></p>"_s)
            << u"2025-03-04T09:15:00"_s;
        QTest::newRow("not the time of an update") << page({},
            u"<p><time itemprop=\"dateModified\" datetime=\"2025-03-06T10:00:00+01:00\">Updated March 6"
            "</time> <time class=\"last-updated\" datetime=\"2025-03-05\">March 5</time> "
            "<time datetime=\"2025-03-04T09:15:00+01:00\">March 4</time></p>"_s)
                                                   << u"2025-03-04T09:15:00+01:00"_s;
        QTest::newRow("only a time outside the article") << page({}, {}) << u"2030-01-01"_s;
    }
    void dates()
    {
        QFETCH(QString, html);
        QFETCH(QString, published);
        QCOMPARE(Lede::extractHtml(html).published, published);
    }

    void titleOutletLanguage()
    {
        const QString html
            = page(u"<meta property=\"og:site_name\" content=\"The Daily Ledger\">"
                   "<meta property=\"og:title\" content=\"Chip exports need a licence | The Daily Ledger\">"_s,
                {}, u" lang=\"en-GB\""_s);
        const Lede::ExtractedPage p = Lede::extractHtml(html);
        QCOMPARE(p.title, u"Chip exports need a licence"_s);
        QCOMPARE(p.siteName, u"The Daily Ledger"_s);
        QCOMPARE(p.language, u"en-GB"_s);
    }

    void outletFromTitleWhenNothingElseNamesIt()
    {
        QString html = page({}, {});
        html.replace(u"<title>Chip exports need a licence</title>"_s,
            u"<title>Chip exports need a licence - The Daily Ledger</title>"_s);
        const Lede::ExtractedPage p = Lede::extractHtml(html);
        QCOMPARE(p.siteName, u"The Daily Ledger"_s);
        QCOMPARE(p.title, u"Chip exports need a licence"_s);
    }

    void languageFromMetaWhenHtmlHasNone()
    {
        const Lede::ExtractedPage p
            = Lede::extractHtml(page(u"<meta http-equiv=\"content-language\" content=\"de\">"_s, {}, {}));
        QCOMPARE(p.language, u"de"_s);
    }
};

QTEST_GUILESS_MAIN(TestHtmlMetadata)
#include "tst_htmlmetadata.moc"
