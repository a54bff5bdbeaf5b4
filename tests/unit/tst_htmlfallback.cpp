// SPDX-License-Identifier: MIT
// The extraction's fallback order on small hand-made pages, each step on a page where only it finds the article
// and `warnings` names it: a body only in JSON-LD; a body split across sibling containers (joined by the main
// selection itself, also a few levels below the blocks the page repeats); a body hidden by its own class names (the
// selection again with class names ignored); a body in the largest <article> without <p> beside a short, dense
// box the selection prefers; the element holding most <p> paragraphs when there is no <article>; code whose
// highlighting is named like comments; and a listing page and an error page that give no text, with the reason.
#include "html/htmlextractor.h"
#include "testpaths.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

/// A paragraph of ordinary prose, numbered so that order and completeness can be checked.
QString prose(int n)
{
    return u"Paragraph %1 of the story: the ministry said on Tuesday that exports of the chips, which are used in "
           "data centres, would need a licence, and that the rule would apply from next month to every buyer."_s.arg(n);
}

QString paragraphs(int from, int to)
{
    QString out;
    for (int i = from; i <= to; ++i)
        out += u"<p>"_s + prose(i) + u"</p>\n"_s;
    return out;
}

QString page(const QString &head, const QString &body)
{
    return u"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Chip exports need a licence</title>"_s
        + head + u"</head><body>"_s + body + u"</body></html>"_s;
}

const QString kNav = u"<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li>"
                     "<li><a href=\"/business\">Business</a></li></ul></nav>"_s;

/// A long paragraph without a comma: it scores little for its length, as plain prose written without lists does.
QString longProse(int n)
{
    QString one = u"Long paragraph %1 tells how the inspectors went from one warehouse to the next and counted "
                  "every crate that had come in by sea since the spring"_s.arg(n);
    QStringList repeated(8, one);
    return repeated.join(u' ') + u'.';
}

/// A box of figures in a side column: many short cells dense with commas, which score more than long plain prose.
QString factBox()
{
    QString rows;
    for (int r = 0; r < 5; ++r) {
        rows += u"<tr>"_s;
        for (int c = 0; c < 4; ++c)
            rows += u"<td>Nvidia, AMD, Intel, Arm, row %1</td>"_s.arg(r);
        rows += u"</tr>"_s;
    }
    return u"<div class=\"col\"><div class=\"facts\"><h2>Key figures</h2><table>"_s + rows
        + u"</table></div><p>Source: the statistics office.</p></div>"_s;
}

/// A short poem: ten lines, none as long as 25 characters.
QStringList shortLines()
{
    return {u"Snow on the tin roof"_s, u"the kettle starts to sing"_s, u"no letters today"_s,
        u"a fox crosses the field"_s, u"its tracks fill by noon"_s, u"I wait for the bus"_s, u"it does not come"_s,
        u"the dog sleeps on"_s, u"the last of the bread"_s, u"and night comes early"_s};
}

/// The warning that names the fallback which produced the text ("text taken from …"), or empty.
QString fallbackPath(const Lede::ExtractedPage &p)
{
    for (const QString &w : p.warnings) {
        if (const qsizetype at = w.indexOf(u"text taken from "_s); at >= 0)
            return w.mid(at + 16);
    }
    return {};
}

bool hasAllInOrder(const QString &text, int from, int to)
{
    qsizetype at = 0;
    for (int i = from; i <= to; ++i) {
        at = text.indexOf(prose(i), at);
        if (at < 0)
            return false;
    }
    return true;
}

} // namespace

class TestHtmlFallback : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // A few words inside a paragraph's sentence stay whatever their class name says: a ticker in a
    // span classed "ticker" is not boilerplate.
    void inlineWordsInAParagraphStay()
    {
        QString body = u"<article><h1>Two chipmakers</h1>"_s;
        body += u"<p>Shares of Qualcomm (<span class=\"ticker\">NASDAQ: QCOM</span>) rose on Monday after the "
                "company said demand for its handset chips had recovered across its largest markets.</p>"_s;
        for (int i = 1; i <= 5; ++i)
            body += u"<p>"_s + prose(i) + u"</p>"_s;
        body += u"<div class=\"ticker\">Markets: Dow +0.4% · Nasdaq +0.9% · S&amp;P 500 +0.6% · Oil -1.2% · "
                "Gold +0.1% · Bitcoin +2.4%</div></article>"_s;
        const Lede::ExtractedPage p = Lede::extractHtml(page({}, body));
        QVERIFY2(p.text.contains(u"Qualcomm (NASDAQ: QCOM"_s), qPrintable(p.text.left(200)));
        QVERIFY(!p.text.contains(u"Markets: Dow"_s)); // a block of its own still goes
    }

    // A byline names the people: "in Section" after the names is not part of it.
    void bylineWithoutItsSection()
    {
        QString body = u"<article><h1>A market share report</h1><div class=\"author\">Written by <a "
                       "href=\"/people/jane\">Jane Doe</a> in <a href=\"/linux/Valve\">Valve</a> on 1 June 2019 at "
                       "08:34 PM EDT.</div>"_s;
        for (int i = 1; i <= 5; ++i)
            body += u"<p>"_s + prose(i) + u"</p>"_s;
        body += u"</article>"_s;
        QCOMPARE(Lede::extractHtml(page({}, body)).byline, u"Jane Doe"_s);
    }

    void bodyOnlyInJsonLd()
    {
        QStringList body;
        for (int i = 1; i <= 6; ++i)
            body << prose(i);
        const QString ld = u"<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                           "\"@type\":\"NewsArticle\",\"headline\":\"Chip exports need a licence\",\"articleBody\":\""_s
            + body.join(u"\\n\\n"_s) + u"\"}</script>"_s;
        const Lede::ExtractedPage p
            = Lede::extractHtml(page(ld, kNav + u"<h1>Chip exports need a licence</h1><div id=\"app\"></div>"_s));
        QVERIFY2(hasAllInOrder(p.text, 1, 6), qPrintable(p.text));
        QCOMPARE(p.warnings, QStringList{u"article text taken from the page's JSON-LD articleBody"_s});
    }

    void bodySplitAcrossSiblings()
    {
        const QString body = kNav + u"<main><h1>Chip exports need a licence</h1>"_s + u"<section class=\"part\">"_s
            + paragraphs(1, 3) + u"</section>"_s + u"<div class=\"ad-slot\"><a href=\"/ad\">Advertisement</a></div>"_s
            + u"<section class=\"part\">"_s + paragraphs(4, 6) + u"</section>"_s + u"<section class=\"part\">"_s
            + paragraphs(7, 8) + u"</section></main>"_s
            + u"<footer><p>Copyright the publisher. All rights reserved.</p></footer>"_s;
        const Lede::ExtractedPage p = Lede::extractHtml(page({}, body));
        QVERIFY2(hasAllInOrder(p.text, 1, 8), qPrintable(p.text));
        QVERIFY(!p.text.contains(u"Advertisement"_s));
        QVERIFY(!p.text.contains(u"rights reserved"_s));
        // the main selection joins the parts itself: no fallback was needed
        QVERIFY2(p.warnings.isEmpty(), qPrintable(p.warnings.join(u"; "_s)));
    }

    void bodySplitAcrossSiblingsNamedLikeBoilerplate()
    {
        // Page builders name content blocks "widget" or "jump-section"; the article must still come back whole.
        const QString body = kNav + u"<div class=\"page\"><h1>Chip exports need a licence</h1>"_s
            + u"<div class=\"text-widget widget\">"_s + paragraphs(1, 3) + u"</div>"_s
            + u"<div class=\"text-widget widget\">"_s + paragraphs(4, 6) + u"</div></div>"_s
            + u"<div class=\"footer-links\"><a href=\"/a\">About us</a> <a href=\"/c\">Contact</a></div>"_s;
        const Lede::ExtractedPage p = Lede::extractHtml(page({}, body));
        QVERIFY2(hasAllInOrder(p.text, 1, 6), qPrintable(p.text + u" | "_s + p.warnings.join(u"; "_s)));
        QVERIFY(!p.text.contains(u"About us"_s));
    }

    // Page builders repeat one kind of block for each stretch of text, with image blocks between; the paragraphs
    // sit a few levels down in each. Every text block is a part of the article, however unequal their lengths.
    void bodySplitIntoRepeatedBlocks()
    {
        auto textBlock = [](int from, int to) -> QString {
            return u"<div class=\"block text\"><div class=\"embed\"></div><div class=\"text\"><section "
                   "class=\"web-html\"><div class=\"html\">"_s
                + paragraphs(from, to) + u"</div></section></div></div>"_s;
        };
        const QString imageBlock = u"<div class=\"block image\"><figure><img src=\"a.jpg\" alt=\"\">"
                                   "<figcaption><p>Photo courtesy of the ministry</p></figcaption></figure></div>"_s;
        const QString body = kNav + u"<div class=\"page\"><h1>Chip exports need a licence</h1><div class=\"blocks\">"_s
            + textBlock(1, 5) + imageBlock + textBlock(6, 7) + u"</div></div>"_s
            + u"<div class=\"more\"><h2>More stories</h2><ul><li><a href=\"/a\">Another story about exports</a></li>"
              "<li><a href=\"/b\">A third story about chips</a></li></ul></div>"_s;
        const Lede::ExtractedPage p = Lede::extractHtml(page({}, body));
        QVERIFY2(hasAllInOrder(p.text, 1, 7), qPrintable(p.text + u" | "_s + p.warnings.join(u"; "_s)));
        QVERIFY(!p.text.contains(u"Another story"_s));
    }

    // Page builders wrap each block in an element without a class (<div style="display:contents">) and name the
    // text blocks after the article ("articleWidget"); teasers sit between them, the page around them is larger
    // than any one block, and one block is marked as the entry's content. Every text block is a part of the article.
    void bodySplitIntoWrappedWidgets()
    {
        auto textBlock = [](int from, int to, const QString &inner) -> QString {
            QString ps = paragraphs(from, to);
            if (!inner.isEmpty())
                ps = u"<div class=\""_s + inner + u"\">"_s + ps + u"</div>"_s;
            return u"<div style=\"display:contents\"><div class=\"articleWidget_root\"><h2>Part "_s
                + QString::number(from) + u"</h2>"_s + ps + u"</div></div>"_s;
        };
        const QString teaser = u"<div style=\"display:contents\"><div class=\"teaserWidget_root\"><a href=\"/tours\">"
                               "Book a tour of the chip plants</a></div></div>"_s;
        QString footer;
        for (int i = 0; i < 60; ++i)
            footer += u"<li><a href=\"/l%1\">Footer link number %1 to another part of the site</a></li>"_s.arg(i);
        const QString body = kNav + u"<article><h1>Chip exports need a licence</h1><div class=\"layout\">"_s
            + textBlock(1, 2, {}) + teaser + textBlock(3, 8, u"entry-content"_s) + teaser + textBlock(9, 10, {})
            + teaser + textBlock(11, 12, {}) + u"</div></article><footer><ul>"_s + footer + u"</ul></footer>"_s;
        const Lede::ExtractedPage p = Lede::extractHtml(page({}, body));
        QVERIFY2(hasAllInOrder(p.text, 1, 12), qPrintable(p.text + u" | "_s + p.warnings.join(u"; "_s)));
        QVERIFY(!p.text.contains(u"Book a tour"_s));
    }

    // Syntax highlighting names spans "hljs-comment" or "token comment": inside code they are not a comment section.
    void commentsInCodeStay()
    {
        const QString body = kNav + u"<article><h1>Chip exports need a licence</h1>"_s + paragraphs(1, 3)
            + u"<pre><code class=\"language-bash hljs\"><span class=\"hljs-comment\"># list the licences</span>\n"
              "ls licences/</code></pre>"_s
            + paragraphs(4, 5) + u"</article>"_s;
        const Lede::ExtractedPage p = Lede::extractHtml(page({}, body));
        QVERIFY2(p.text.contains(u"# list the licences"_s), qPrintable(p.text));
        QVERIFY2(hasAllInOrder(p.text, 1, 5), qPrintable(p.text));
    }

    void bodyInArticleWithoutParagraphs()
    {
        QString divs;
        for (int i = 1; i <= 5; ++i)
            divs += u"<div>"_s + prose(i) + u"</div>"_s;
        const QString body = kNav + u"<article><h1>Chip exports need a licence</h1>"_s + divs + u"</article>"_s
            + u"<aside><p>"_s + prose(99) + u"</p></aside>"_s;
        const Lede::ExtractedPage p = Lede::extractHtml(page({}, body));
        QVERIFY2(hasAllInOrder(p.text, 1, 5), qPrintable(p.text));
        QVERIFY(!p.text.contains(prose(99)));
        QVERIFY2(p.warnings.isEmpty(), qPrintable(p.warnings.join(u"; "_s)));
    }

    // The selection prefers a short box dense with commas to an <article> of long plain prose without <p>: four
    // times shorter than the <article>, it is implausible, the class-blind selection finds the same box, and the
    // largest <article> gives the text.
    void bodyInLargestArticleWhenTheSelectionIsShort()
    {
        QString divs;
        for (int i = 1; i <= 6; ++i)
            divs += u"<div>"_s + longProse(i) + u"</div>"_s;
        const QString body = kNav + u"<div class=\"wrap\"><h1>Chip exports need a licence</h1>"_s + factBox()
            + u"<article>"_s + divs + u"</article></div>"_s;
        const Lede::ExtractedPage p = Lede::extractHtml(page({}, body));
        for (int i = 1; i <= 6; ++i)
            QVERIFY2(p.text.contains(longProse(i)), qPrintable(p.text.left(300)));
        QVERIFY2(!p.text.contains(u"Nvidia, AMD"_s), qPrintable(p.text.left(300)));
        QCOMPARE(fallbackPath(p), u"the largest <article> or <main> element"_s);
        QVERIFY(p.warnings.join(u' ').contains(u"the main selection was implausibly short"_s));
    }

    // The same page without an <article>: the element holding most of the page's <p> prose gives the text.
    void bodyInTheElementHoldingMostParagraphs()
    {
        QString paras;
        for (int i = 1; i <= 6; ++i)
            paras += u"<p>"_s + longProse(i) + u"</p>"_s;
        const QString body = kNav + u"<div class=\"wrap\"><h1>Chip exports need a licence</h1>"_s + factBox()
            + u"<div class=\"column-b\">"_s + paras + u"</div></div>"_s;
        const Lede::ExtractedPage p = Lede::extractHtml(page({}, body));
        for (int i = 1; i <= 6; ++i)
            QVERIFY2(p.text.contains(longProse(i)), qPrintable(p.text.left(300)));
        QVERIFY2(!p.text.contains(u"Nvidia, AMD"_s), qPrintable(p.text.left(300)));
        QCOMPARE(fallbackPath(p), u"the element holding most paragraphs"_s);
    }

    // A body in a box whose class reads as boilerplate, beside a footer of links larger than it: the main selection
    // drops the box and finds no text; the selection with class names ignored finds it.
    void bodyHiddenByItsClassNamesComesFromTheClassBlindSelection()
    {
        QString footer;
        for (int i = 0; i < 60; ++i)
            footer += u"<li><a href=\"/l%1\">Footer link number %1 to another part of the site</a></li>"_s.arg(i);
        const QString body = kNav + u"<h1>Chip exports need a licence</h1><div class=\"promo-box\">"_s
            + paragraphs(1, 4) + u"</div><footer><ul>"_s + footer + u"</ul></footer>"_s;
        const Lede::ExtractedPage p = Lede::extractHtml(page({}, body));
        QVERIFY2(hasAllInOrder(p.text, 1, 4), qPrintable(p.text.left(300)));
        QVERIFY(!p.text.contains(u"Footer link"_s));
        QCOMPARE(fallbackPath(p), u"the page with its class names ignored"_s);
        QVERIFY(p.warnings.join(u' ').contains(u"the main selection found no article text"_s));
    }

    void bodyInArticleHiddenByItsClassNames()
    {
        // An <article> whose class names read as boilerplate, beside a long footer: no article under the usual
        // rules, so the fallback must find it and say so.
        QString footer;
        for (int i = 0; i < 40; ++i)
            footer += u"<li><a href=\"/l%1\">Footer link number %1 to another part of the site</a></li>"_s.arg(i);
        const QString body = kNav + u"<article class=\"newsletter-article\"><h1>Chip exports need a licence</h1>"_s
            + paragraphs(1, 4) + u"</article><footer><ul>"_s + footer + u"</ul></footer>"_s;
        const Lede::ExtractedPage p = Lede::extractHtml(page({}, body));
        QVERIFY2(hasAllInOrder(p.text, 1, 4), qPrintable(p.text + u" | "_s + p.warnings.join(u"; "_s)));
        QCOMPARE(fallbackPath(p), u"the page with its class names ignored"_s);
    }

    void listingPageGivesNoText()
    {
        QString items;
        for (int i = 1; i <= 25; ++i)
            items += u"<li class=\"card\"><h3><a href=\"/story/%1\">Headline number %1 about chip exports and the new "
                     "rules</a></h3><span>2 hours ago</span></li>"_s.arg(i);
        const QString body = kNav + u"<main><h1>Latest news</h1><ul class=\"stories\">"_s + items
            + u"</ul><div class=\"pager\"><a href=\"?page=2\">Next page</a></div></main>"_s;
        const Lede::ExtractedPage p = Lede::extractHtml(page({}, body));
        QVERIFY2(p.text.isEmpty(), qPrintable(p.text));
        const QString warnings = p.warnings.join(u"; "_s);
        QVERIFY2(
            warnings.contains(u"no article text could be found: the page is mostly links"_s), qPrintable(warnings));
        QVERIFY(fallbackPath(p).isEmpty());
    }

    // Every page of the Readability suite that it calls readerable gives text (lifehacker-working came back
    // empty: its <article> carries a "commented" class); one it does not call readerable gives text or says why
    // not (two of them are no article: three words, and two headings over images).
    void readerablePagesGiveText()
    {
        const QString dir = LedeTest::sharedFile(u"corpus/extraction-readability"_s);
        LEDE_REQUIRE_SHARED(dir);
        int pages = 0;
        for (const QString &name : QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            QFile meta(dir + u'/' + name + u"/expected-metadata.json"_s), source(dir + u'/' + name + u"/source.html"_s);
            if (!meta.open(QIODevice::ReadOnly) || !source.open(QIODevice::ReadOnly))
                continue;
            const Lede::ExtractedPage p = Lede::extractHtmlBytes(source.readAll());
            if (!QJsonDocument::fromJson(meta.readAll()).object().value(u"readerable"_s).toBool()) {
                if (p.text.isEmpty())
                    QVERIFY2(p.warnings.join(u"; "_s).contains(u"no article text could be found: "_s),
                        qPrintable(name + u": "_s + p.warnings.join(u"; "_s)));
                continue;
            }
            ++pages;
            QVERIFY2(p.text.size() >= 200, qPrintable(name + u": "_s + p.warnings.join(u"; "_s)));
        }
        QVERIFY(pages > 30);
    }

    // An article made only of short lines (every one under 25 characters, too short for the scoring to see): a
    // poem in an <article>, the same in a plain <div>, a list of items, a <div> per line. The text is every line,
    // in order, and the warnings say which path found it.
    void shortLinesArticle_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("path");
        QString asParagraphs, asItems, asDivs;
        for (const QString &l : shortLines()) {
            asParagraphs += u"<p>"_s + l + u"</p>"_s;
            asItems += u"<li>"_s + l + u"</li>"_s;
            asDivs += u"<div>"_s + l + u"</div>"_s;
        }
        const QString head = kNav + u"<h1>Winter notes</h1>"_s;
        QTest::newRow("article") << head + u"<article>"_s + asParagraphs + u"</article>"_s
                                 << u"the largest <article> or <main> element"_s;
        QTest::newRow("div") << head + u"<div class=\"post\">"_s + asParagraphs + u"</div>"_s
                             << u"the element holding most of the page's lines"_s;
        QTest::newRow("list") << head + u"<div class=\"post\"><ul>"_s + asItems + u"</ul></div>"_s
                              << u"the element holding most of the page's lines"_s;
        QTest::newRow("div per line") << head + u"<div class=\"post\">"_s + asDivs + u"</div>"_s
                                      << u"the element holding most of the page's lines"_s;
    }

    void shortLinesArticle()
    {
        QFETCH(QString, body);
        QFETCH(QString, path);
        const Lede::ExtractedPage p
            = Lede::extractHtml(u"<!DOCTYPE html><html lang=\"en\"><head><title>Winter notes</title></head><body>"_s
                + body + u"</body></html>"_s);
        QCOMPARE(p.text, shortLines().join(u"\n\n"_s));
        QCOMPARE(fallbackPath(p), path);
    }

    // Short lines of 25 to 40 characters are scored and selected; the lines above the body (a byline, a date) go,
    // but a date among the lines is one of them: with no line of prose length the body starts at the first line.
    void shortLinesKeepTheirDates()
    {
        const QStringList lines = {u"The council met on the square,"_s, u"and nobody came to listen there."_s,
            u"12 March 2024"_s, u"The mayor read out every name,"_s, u"the clerk wrote each one down the same."_s,
            u"3 April 2024"_s, u"The rain came in across the hill,"_s, u"and the clock in the tower stood still."_s};
        QString body = kNav + u"<article><h1>Winter notes</h1><p>By Jane Doe</p><p>1 May 2024</p>"_s;
        for (const QString &l : lines)
            body += u"<p>"_s + l + u"</p>"_s;
        body += u"</article>"_s;
        const Lede::ExtractedPage p = Lede::extractHtml(page({}, body));
        QCOMPARE(p.text, lines.join(u"\n\n"_s));
        QCOMPARE(p.byline, u"Jane Doe"_s);
    }

    // An error page of a few short lines stays without text, however the lines are set.
    void shortErrorPageGivesNoText()
    {
        const QString body = kNav
            + u"<main><h1>Page not found</h1><p>Sorry, that page is gone.</p><p>It may have moved.</p>"
              "<p>Try the search.</p><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul>"
              "</main>"_s;
        const Lede::ExtractedPage p = Lede::extractHtml(page({}, body));
        QVERIFY2(p.text.isEmpty(), qPrintable(p.text));
        QVERIFY2(p.warnings.join(u"; "_s).contains(u"no article text could be found"_s),
            qPrintable(p.warnings.join(u"; "_s)));
    }

    void errorPageGivesNoText()
    {
        const Lede::ExtractedPage p
            = Lede::extractHtml(page({}, kNav + u"<main><h1>Page not found</h1><p>Sorry.</p></main>"_s));
        QVERIFY2(p.text.isEmpty(), qPrintable(p.text));
        const QString warnings = p.warnings.join(u"; "_s);
        QVERIFY2(warnings.contains(u"no article text could be found: the page has no paragraph of prose"_s),
            qPrintable(warnings));
        QVERIFY(fallbackPath(p).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHtmlFallback)
#include "tst_htmlfallback.moc"
