// SPDX-License-Identifier: MIT
// HTML pages: encodings, our own fixtures, and the corpus pages with their reference texts.
#include "html/encoding.h"
#include "html/htmlextractor.h"
#include "html/pretokenizer.h"
#include "parse/documentparser.h"
#include "testpaths.h"

#include <QRegularExpression>
#include <QStringEncoder>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The corpus README's token-shingle F1 (four-token runs of \w+), for one page.
double shingleF1(const QString &got, const QString &want)
{
    static const QRegularExpression word(u"\\w+"_s, QRegularExpression::UseUnicodePropertiesOption);
    auto shingles = [](const QString &text) {
        QStringList tokens;
        for (auto it = word.globalMatch(text); it.hasNext();)
            tokens.append(it.next().captured());
        QHash<QString, int> out;
        for (qsizetype i = 0; i + 4 <= tokens.size(); ++i)
            ++out[tokens.mid(i, 4).join(u' ')];
        return out;
    };
    const auto g = shingles(got), w = shingles(want);
    int tp = 0, nGot = 0, nWant = 0;
    for (auto it = g.cbegin(); it != g.cend(); ++it) {
        tp += std::min(it.value(), w.value(it.key()));
        nGot += it.value();
    }
    for (int n : w)
        nWant += n;
    if (nGot == 0 || nWant == 0)
        return nGot == nWant ? 1.0 : 0.0;
    const double p = double(tp) / nGot, r = double(tp) / nWant;
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

/// The share of the reference's four-token runs found in `got` (recall, with the same shingles).
double shingleRecall(const QString &got, const QString &want)
{
    static const QRegularExpression word(u"\\w+"_s, QRegularExpression::UseUnicodePropertiesOption);
    auto shingles = [](const QString &text) {
        QStringList tokens;
        for (auto it = word.globalMatch(text); it.hasNext();)
            tokens.append(it.next().captured());
        QHash<QString, int> out;
        for (qsizetype i = 0; i + 4 <= tokens.size(); ++i)
            ++out[tokens.mid(i, 4).join(u' ')];
        return out;
    };
    const auto g = shingles(got), w = shingles(want);
    int tp = 0, nWant = 0;
    for (auto it = w.cbegin(); it != w.cend(); ++it) {
        tp += std::min(it.value(), g.value(it.key()));
        nWant += it.value();
    }
    return nWant ? double(tp) / nWant : 1.0;
}

/// The text of an HTML fragment: tags dropped, the five common entities decoded.
QString htmlText(const QString &html)
{
    static const QRegularExpression tag(u"<[^>]*>"_s);
    QString t = QString(html).replace(tag, u" "_s);
    t.replace(u"&lt;"_s, u"<"_s).replace(u"&gt;"_s, u">"_s).replace(u"&quot;"_s, u"\""_s);
    t.replace(u"&#39;"_s, u"'"_s).replace(u"&amp;"_s, u"&"_s);
    return t.simplified();
}

/// A page of an article: a headline, then `body`.
QString articlePage(const QString &title, const QString &body)
{
    return u"<!DOCTYPE html><html><head><title>"_s + title + u"</title></head><body><article><h1>"_s + title
        + u"</h1>"_s + body + u"</article></body></html>"_s;
}

/// A paragraph of prose, numbered.
QString proseParagraph(int n)
{
    return u"<p>Paragraph %1: the committee met again on Thursday to go through the changes, and most of its members "
           "said they would vote for the plan when it comes before the council next month.</p>"_s.arg(n);
}

} // namespace

class TestHtml : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Before gumbo: of each start tag only the attributes the extraction reads stay, runs of white space between
    // tags become one character, and the result is never longer than the input.
    void pretokenizerKeepsWhatIsRead_data()
    {
        QTest::addColumn<QByteArray>("in");
        QTest::addColumn<QByteArray>("out");
        QTest::newRow("read attributes stay")
            << QByteArray("<div class=\"a b\" id=x data-v=\"1\" onclick='f()'>t</div>")
            << QByteArray("<div class=\"a b\" id=x>t</div>");
        QTest::newRow("image attributes go")
            << QByteArray("<img src=\"a.jpg\" srcset=\"a.jpg 1x, b.jpg 2x\" alt=\"x\" loading=\"lazy\" />")
            << QByteArray("<img/>");
        QTest::newRow("no space between attributes") << QByteArray("<a data-x=\"1\"href=\"/y\"rel=\"author\">J</a>")
                                                     << QByteArray("<a href=\"/y\"rel=\"author\">J</a>");
        QTest::newRow("dates and metadata")
            << QByteArray("<time datetime=\"2025-03-04\" pubdate title=\"x\">d</time><meta itemprop=\"author\" "
                          "content=\"J\">")
            << QByteArray("<time datetime=\"2025-03-04\" pubdate>d</time><meta itemprop=\"author\" content=\"J\">");
        QTest::newRow("white space") << QByteArray("<p>\n\t\t  Some   words\n\n</p>  \n  <p>x</p>")
                                     << QByteArray("<p>\nSome words\n</p> <p>x</p>");
        QTest::newRow("unterminated quote kept whole")
            << QByteArray("<a href=\"x' class=y>t</a>") << QByteArray("<a href=\"x' class=y>t</a>");
        QTest::newRow("json-ld body untouched")
            << QByteArray("<script type=\"application/ld+json\">{\"a\":  \"b  c\"}</script>")
            << QByteArray("<script type=\"application/ld+json\">{\"a\":  \"b  c\"}</script>");
    }
    void pretokenizerKeepsWhatIsRead()
    {
        QFETCH(QByteArray, in);
        QFETCH(QByteArray, out);
        bool capped = false;
        const QByteArray got = Lede::Extract::prepareForParser(in, 400, &capped);
        QCOMPARE(got, out);
        QVERIFY(got.size() <= in.size());
        QVERIFY(!capped);
    }

    // Pages in legacy encodings, declared or not, read as their authors wrote them.
    void encodings_data()
    {
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("declared");
        const QString zhHans
            = u"英伟达表示，美国政府已允许其向中国出口H20芯片。华为昇腾处理器正在中国数据中心里迅速普及，国产替代正在加速推进。"_s;
        const QString zhHant
            = u"輝達表示，美國政府已允許其向中國出口H20晶片。華為昇騰處理器正在中國資料中心裡迅速普及，國產替代正在加速推進。"_s;
        const QString ja
            = u"エヌビディアは、米国政府が中国向けのH20チップの輸出を許可したと発表した。データセンターの需要は急増している。"_s;
        const QString fr
            = u"Les contrôles à l’exportation décidés à Washington frappent Nvidia : « une décision coûteuse », déclare l’entreprise."_s;
        for (bool declared : {true, false}) {
            const char *suffix = declared ? " declared" : " detected";
            QTest::newRow(qPrintable(u"GB18030"_s + QLatin1StringView(suffix)))
                << QByteArray("GB18030") << zhHans << declared;
            QTest::newRow(qPrintable(u"Big5"_s + QLatin1StringView(suffix)))
                << QByteArray("Big5") << zhHant << declared;
            QTest::newRow(qPrintable(u"Shift_JIS"_s + QLatin1StringView(suffix)))
                << QByteArray("Shift_JIS") << ja << declared;
        }
        QTest::newRow("windows-1252 declared") << QByteArray("windows-1252") << fr << true;
    }
    void encodings()
    {
        QFETCH(QByteArray, encoding);
        QFETCH(QString, text);
        QFETCH(bool, declared);
        QStringEncoder encoder(encoding.constData());
        QVERIFY2(encoder.isValid(), encoding.constData());
        QByteArray page = "<!DOCTYPE html><html><head>";
        if (declared)
            page += "<meta charset=\"" + encoding + "\">";
        page += "<title>t</title></head><body><article><p>";
        const QByteArray body = encoder.encode(text);
        QVERIFY(!encoder.hasError());
        page += body + "</p><p>" + body + "</p></article></body></html>";
        const Lede::DecodedText decoded = Lede::decodeHtml(page);
        QVERIFY2(decoded.text.contains(text), qPrintable(QString::fromLatin1(decoded.encoding)));
    }

    void bomAndUtf16()
    {
        const QString text = u"<html><body><p>Nvidia’s H20 and Huawei’s Ascend 910B.</p></body></html>"_s;
        QStringEncoder utf16(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
        QVERIFY(Lede::decodeHtml(utf16.encode(text)).text.contains(u"Nvidia’s H20"_s));
        QVERIFY(Lede::decodeHtml("\xEF\xBB\xBF" + text.toUtf8()).text.startsWith(u"<html>"_s));
    }

    // Our own small pages, each with the text a careful reader would keep.
    void fixtures_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *n : {"article-basic", "br-paragraphs", "charset-windows-1252"})
            QTest::newRow(n) << QString::fromLatin1(n);
    }
    void fixtures()
    {
        QFETCH(QString, name);
        const Lede::ParseResult r
            = Lede::parseDocument(readBytes(LedeTest::dataFile(u"html/"_s + name + u".html"_s)), name);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const QString expected
            = QString::fromUtf8(readBytes(LedeTest::dataFile(u"html/"_s + name + u".expected.txt"_s))).trimmed();
        QCOMPARE(r.articles.first().text, expected);
    }

    // Saved pages from the corpus against their reference texts, with the corpus's own metric.
    void corpusPages_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<double>("minF1");
        QTest::newRow("chinadaily zh") << u"newspaper4k__chinadaily_us-china-summit-zh"_s << 0.85;
        QTest::newRow("motley fool") << u"newspaper__fool_qcom-tsm-tickers"_s << 0.85;
    }
    void corpusPages()
    {
        QFETCH(QString, page);
        QFETCH(double, minF1);
        const QString dir = LedeTest::sharedFile(u"corpus/articles/"_s);
        LEDE_REQUIRE_SHARED(dir + page + u".html"_s);
        const Lede::ParseResult r = Lede::parseFile(dir + page + u".html"_s);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const Lede::Article &a = r.articles.first();
        QVERIFY(!a.title.isEmpty());
        const QString expected = QString::fromUtf8(readBytes(dir + page + u".expected.txt"_s));
        const double f1 = shingleF1(a.text, expected);
        qInfo("%s: F1 %.3f", qPrintable(page), f1);
        QVERIFY2(f1 >= minF1, qPrintable(u"F1 %1"_s.arg(f1)));
    }

    void otherCorpusPagesGiveArticles_data()
    {
        QTest::addColumn<QString>("page");
        QTest::newRow("phoronix") << u"postlight__phoronix_steam-linux-amd-intel-nvidia.html"_s;
        QTest::newRow("scmp") << u"trafilatura__scmp_taiwan-tsai-playbook.html"_s;
        QTest::newRow("tom's hardware") << u"trafilatura__tomshardware_rtx-3080.html"_s;
    }
    void otherCorpusPagesGiveArticles()
    {
        QFETCH(QString, page);
        const QString path = LedeTest::sharedFile(u"corpus/articles/"_s + page);
        LEDE_REQUIRE_SHARED(path);
        const Lede::ParseResult r = Lede::parseFile(path);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const Lede::Article &a = r.articles.first();
        QVERIFY(!a.title.isEmpty());
        QVERIFY(a.text.size() > 500);
        QVERIFY(!a.outlet.isEmpty());
        QVERIFY(!a.text.contains(u"<script"_s));
    }

    // A <figure> holding a quotation (an expert's words in a <blockquote>, an avatar and the name in a
    // <figcaption>) is part of the article; a figure of a picture and its caption is not.
    void quotationInAFigureStays()
    {
        QString body = u"<article><h1>Search is changing</h1>"_s;
        const QString para = u"<p>Paragraph %1: the way people ask questions and find information is changing, and "
                             "the companies that sell search advertising are changing with it, slowly.</p>"_s;
        for (int i = 1; i <= 3; ++i)
            body += para.arg(i);
        body += u"<figure class=\"quote\"><img src=\"avatar.png\" alt=\"\"><blockquote><p>Search isn't dead, it is "
                "just different now.</p></blockquote><figcaption>Jane Doe, analyst</figcaption></figure>"_s;
        for (int i = 4; i <= 6; ++i)
            body += para.arg(i);
        body += u"<figure><img src=\"chart.png\" alt=\"\"><figcaption>A chart of searches per day, by "
                "country</figcaption></figure></article>"_s;
        const Lede::ExtractedPage p
            = Lede::extractHtml(u"<!DOCTYPE html><html><head><title>Search is changing</title></head><body>"_s + body
                + u"</body></html>"_s);
        QVERIFY2(p.text.contains(u"Search isn't dead, it is just different now."_s), qPrintable(p.text));
        QVERIFY(p.text.indexOf(u"Paragraph 3:"_s) < p.text.indexOf(u"Search isn't dead"_s));
        QVERIFY(p.text.indexOf(u"Search isn't dead"_s) < p.text.indexOf(u"Paragraph 4:"_s));
        QVERIFY2(!p.text.contains(u"A chart of searches"_s), qPrintable(p.text));
    }

    // A heading that is all link (a ranked list naming each entry with a link to it) heads its section and stays;
    // a paragraph that is all link is still navigation and goes.
    void linkedHeadingsStay()
    {
        QString body = u"<article><h1>The best hotel brands</h1>"_s;
        const QString para = u"<p>Entry %1 is described here at length: its rooms, its service and its restaurants, "
                             "which are judged against the others on the list, one by one.</p>"_s;
        for (int i = 1; i <= 4; ++i)
            body += u"<h2><a href=\"https://example.org/brand%1\">%1. Brand number %1</a></h2>"_s.arg(i) + para.arg(i);
        body += u"<p><a href=\"/more\">More lists of the best hotels in the world</a></p></article>"_s;
        const Lede::ExtractedPage p
            = Lede::extractHtml(u"<!DOCTYPE html><html><head><title>The best hotel brands</title></head><body>"_s + body
                + u"</body></html>"_s);
        for (int i = 1; i <= 4; ++i)
            QVERIFY2(p.text.contains(u"%1. Brand number %1\n\nEntry %1 is"_s.arg(i)), qPrintable(p.text));
        QVERIFY2(!p.text.contains(u"More lists"_s), qPrintable(p.text));
    }

    // A list whose items are sentences with links inside them, in the middle of the article, is its text even when
    // most of its characters are link text: each item holds words of its own beside its link, and the article's
    // prose goes on after it. Lists nested in its items stay with them, and so do items that are a label and a
    // shorter link ("Official website: <link>").
    void listsOfSentencesWithLinksStay()
    {
        const QString items[] = {
            u"Maria Lopez <a href=\"https://example.org/bug/1\">fixed the crash when a saved page had no title</a>"_s,
            u"Sam <a href=\"https://example.org/bug/2\">removed the old importer</a> from the code that reads feeds"_s,
            u"The team started work on <a href=\"https://example.org/bug/3\">a faster search index</a>, and <a "
            "href=\"https://example.org/bug/4\">a new export format</a><ul><li><a href=\"https://example.org/bug/5\">"
            "Bug 5 - export to CSV</a></li><li><a href=\"https://example.org/bug/6\">Bug 6 - export to "
            "Markdown</a></li></ul>"_s};
        QString list = u"<ul>"_s;
        for (const QString &item : items)
            list += u"<li>"_s + item + u"</li>"_s;
        list += u"</ul>"_s;
        // items that name a link with a label longer than the link
        const QString labels = u"<ul><li>Official website: <a href=\"https://example.org\">Park Hotel</a></li><li>"
                               "Flagship hotel: <a href=\"https://example.org/vienna\">Park Vienna</a>, Austria</li>"
                               "</ul>"_s;
        const Lede::ExtractedPage p = Lede::extractHtml(articlePage(u"What changed this week"_s,
            proseParagraph(1) + proseParagraph(2) + u"<h3>Contributors</h3>"_s + list + proseParagraph(3) + labels
                + proseParagraph(4)));
        for (const QString &want : {u"Maria Lopez fixed the crash when a saved page had no title"_s,
                 u"Sam removed the old importer from the code that reads feeds"_s,
                 u"The team started work on a faster search index, and a new export format"_s,
                 u"Bug 5 - export to CSV"_s, u"Bug 6 - export to Markdown"_s, u"Official website: Park Hotel"_s,
                 u"Flagship hotel: Park Vienna, Austria"_s})
            QVERIFY2(p.text.contains(want), qPrintable(want + u" | "_s + p.text));
        QVERIFY(p.text.indexOf(u"Paragraph 2:"_s) < p.text.indexOf(u"Maria Lopez"_s));
        QVERIFY(p.text.indexOf(u"Bug 6"_s) < p.text.indexOf(u"Paragraph 3:"_s));
    }

    // Lists of links to other stories go, inside the article as much as beside it: headlines one link each at the
    // end of the article, teaser cards (a headline link over its summary) between its paragraphs, and a list of
    // sentences with links that comes after the last paragraph.
    void listsOfRelatedStoriesGo()
    {
        QString cards = u"<ul>"_s, headlines = u"<ul>"_s;
        for (int i = 1; i <= 3; ++i) {
            cards += u"<li><h3><a href=\"/story/%1\">Teaser headline %1 about the council budget</a></h3><p>Summary %1 "
                     "of another story, a sentence long, on the budget.</p></li>"_s.arg(i);
            headlines += u"<li><a href=\"/story/1%1\">Related headline %1: the mayor answers her critics</a> "
                         "<span>May %1</span></li>"_s.arg(i);
        }
        cards += u"</ul>"_s;
        headlines += u"</ul>"_s;
        const QString trailing = u"<ul><li>Also read how the council <a href=\"/story/21\">spent last year's "
                                 "money</a></li><li>And why the mayor <a href=\"/story/22\">changed her mind on the "
                                 "park</a></li></ul>"_s;
        const Lede::ExtractedPage p = Lede::extractHtml(articlePage(u"The council votes on the plan"_s,
            proseParagraph(1) + proseParagraph(2) + cards + proseParagraph(3) + proseParagraph(4) + headlines
                + trailing));
        for (int i = 1; i <= 4; ++i)
            QVERIFY2(p.text.contains(u"Paragraph %1:"_s.arg(i)), qPrintable(p.text));
        for (const QString &gone : {u"Teaser headline"_s, u"Summary 1"_s, u"Related headline"_s, u"Also read"_s})
            QVERIFY2(!p.text.contains(gone), qPrintable(gone + u" | "_s + p.text));
    }

    // A newsletter's sign-up form below the article goes, line by line, and so does a call to follow the outlet on
    // social networks, a call to comment and the comments' label; above it a picture's caption with its credit and a
    // disclosure of affiliate links. A short line between paragraphs that speaks of an inbox is the article's.
    void callsToActionAtTheEndsGo()
    {
        const QString body = u"<p>The council chamber on Thursday. (Credit: Jane Doe/City Archive)</p><p>This "
                             "article contains affiliate links that may earn us a commission.</p>"_s
            + proseParagraph(1) + u"<p>Replies land in your inbox within a day.</p>"_s + proseParagraph(2)
            + u"<div><p>Sign-up: get the week's council news delivered to your inbox.</p>"
              "<p>Enter email address</p><p>Thanks for subscribing! Look out for the first issue "
              "soon.</p></div><p>*** Follow the council desk on Instagram, YouTube or Facebook for the "
              "week's votes ***</p><p>Tell us what you think...</p><p>Comments</p>"_s;
        const Lede::ExtractedPage p = Lede::extractHtml(articlePage(u"The council votes on the plan"_s, body));
        QVERIFY2(p.text.endsWith(u"next month."_s), qPrintable(p.text));
        QVERIFY2(p.text.startsWith(u"Paragraph 1:"_s), qPrintable(p.text));
        QVERIFY2(p.text.contains(u"Replies land in your inbox within a day."_s), qPrintable(p.text));
    }

    // A note on the author below the article goes, from its label on; a section about something else stays.
    void authorNoteAtTheEndGoes()
    {
        const QString body = proseParagraph(1) + u"<h2>About the plan</h2>"_s + proseParagraph(2)
            + u"<p><strong>About the author:</strong> Jane Doe covers the city council and writes a weekly column on "
              "local politics.</p><p>You can find more of her work on her website.</p>"_s;
        const Lede::ExtractedPage p = Lede::extractHtml(articlePage(u"The council votes on the plan"_s, body));
        QVERIFY2(p.text.endsWith(u"next month."_s), qPrintable(p.text));
        QVERIFY2(p.text.contains(u"About the plan\n\nParagraph 2:"_s), qPrintable(p.text));
    }

    // A closing line about the article's author, who is named by the page's metadata, goes with what follows it; a
    // closing line about someone else stays.
    void authorBioAtTheEndGoes()
    {
        auto extract = [](const QString &closing) {
            return Lede::extractHtml(u"<!DOCTYPE html><html><head><title>The council votes on the plan</title><meta "
                                     "name=\"author\" content=\"Jane Doe\"></head><body><article><h1>The council "
                                     "votes on the plan</h1>"_s
                + proseParagraph(1) + proseParagraph(2) + u"<p>"_s + closing + u"</p></article></body></html>"_s);
        };
        const Lede::ExtractedPage bio = extract(u"Jane Doe is a reporter covering city hall and the council's "
                                                "budget for the paper."_s);
        QCOMPARE(bio.byline, u"Jane Doe"_s);
        QVERIFY2(bio.text.endsWith(u"next month."_s), qPrintable(bio.text));
        const Lede::ExtractedPage other = extract(u"John Roe is the council's treasurer and will present the budget "
                                                  "in May."_s);
        QVERIFY2(other.text.endsWith(u"in May."_s), qPrintable(other.text));
    }

    // A paragraph mostly made of a link stays when it is a sentence ("Tickets at <link>."), and goes when it is a
    // label and a link, as a line of navigation.
    void sentencesAboutTheirLinksStay()
    {
        const QString body = proseParagraph(1)
            + u"<p>Tickets at <a href=\"/tickets\">the council's box office on Main Street</a>.</p>"_s
            + proseParagraph(2) + u"<p>Watch it here: <a href=\"/video\">the mayor's budget speech in full</a></p>"_s
            + proseParagraph(3);
        const Lede::ExtractedPage p = Lede::extractHtml(articlePage(u"The council votes on the plan"_s, body));
        QVERIFY2(p.text.contains(u"Tickets at the council's box office on Main Street."_s), qPrintable(p.text));
        QVERIFY2(!p.text.contains(u"Watch it here"_s), qPrintable(p.text));
    }

    // A section whose id is the slug of its heading (the anchor a table of contents links to) is not named by the
    // words of that heading: "how-to-share-the-menu-with-your-guests" is neither a share bar nor a menu.
    void sectionsNamedAfterTheirHeadingsStay()
    {
        QString body;
        const QStringList ids = {u"planning-a-catered-event-in-five-steps"_s,
            u"how-to-share-the-menu-with-your-guests"_s, u"related-costs-and-the-final-bill"_s};
        for (int i = 0; i < ids.size(); ++i)
            body += u"<section id=\"%1\"><h2>Part %2</h2>"_s.arg(ids[i]).arg(i + 1) + proseParagraph(2 * i + 1)
                + proseParagraph(2 * i + 2) + u"</section>"_s;
        const Lede::ExtractedPage p = Lede::extractHtml(articlePage(u"Catering for a crowd"_s, body));
        for (int i = 1; i <= 6; ++i)
            QVERIFY2(p.text.contains(u"Paragraph %1:"_s.arg(i)), qPrintable(p.text));
    }

    // The Readability suite's firefox-nightly-blog is a weekly report made of lists whose items are sentences with
    // links to bug reports; it came back with 60% of its reference text when those lists were taken for link lists.
    // The reference also keeps the readers' comments below the post (about a seventh of its text), which Lede leaves
    // out, so all of the post is a recall of about 0.85.
    void readabilityReportOfListsKeepsItsLists()
    {
        const QString dir = LedeTest::sharedFile(u"corpus/extraction-readability/firefox-nightly-blog/"_s);
        LEDE_REQUIRE_SHARED(dir + u"source.html"_s);
        const Lede::ExtractedPage p = Lede::extractHtmlBytes(readBytes(dir + u"source.html"_s));
        const QString expected = htmlText(QString::fromUtf8(readBytes(dir + u"expected.html"_s)));
        QVERIFY(!expected.isEmpty());
        const double recall = shingleRecall(p.text, expected);
        qInfo("firefox-nightly-blog: recall %.3f", recall);
        QVERIFY2(recall >= 0.8, qPrintable(u"recall %1"_s.arg(recall)));
    }
};

QTEST_GUILESS_MAIN(TestHtml)
#include "tst_html.moc"
