// SPDX-License-Identifier: MIT
#include "parse/documentparser.h"
#include "parse/plaintextparser.h"
#include "parse/textheuristics.h"
#include "testpaths.h"

#include <QCryptographicHash>
#include <QtTest>

using namespace Qt::StringLiterals;
using Lede::SourceFormat;

namespace {

QString readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

Lede::Article parseOne(const QString &path)
{
    const Lede::ParseResult r = Lede::parseFile(path);
    if (!r.ok() || r.articles.size() != 1)
        qWarning() << path << r.error << r.articles.size();
    return r.articles.value(0);
}

} // namespace

class TestParsers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The founding article: headline once, byline as byline, no ads, no related titles.
    void seedGolden()
    {
        const QString path = LedeTest::sharedFile(u"seeds/000_7b33f2eb9d22d7a1.txt"_s);
        LEDE_REQUIRE_SHARED(path);
        const Lede::Article a = parseOne(path);
        QCOMPARE(a.format, SourceFormat::PlainText);
        QCOMPARE(a.title, u"Why China’s Tech Giants Are Moving AI Training Abroad for Nvidia Chips"_s);
        QCOMPARE(a.byline, u"Hajra Naz"_s);
        QVERIFY(!a.text.contains(u"Hosting 75% off"_s));
        QVERIFY(!a.text.contains(a.title));
        QVERIFY(!a.text.contains(u"Written by"_s));
        QVERIFY(!a.text.contains(u"Cyber Defenders"_s));
        QVERIFY(!a.text.contains(u"Layoffs"_s));
        QVERIFY(a.text.startsWith(u"Top Chinese tech companies"_s));
        QVERIFY(a.text.endsWith(u"viewing AI capability as a strategic priority."_s));
        QCOMPARE(Lede::Article::paragraphRanges(a.text).size(), 6);
        QCOMPARE(a.blocks.size(), 6);
        QCOMPARE(a.language, u"en"_s);
    }

    // Golden files: the canonical text of our own samples, kept whole, and of the shared material,
    // kept as a SHA-256 (those texts belong to their publishers). tests/data/regenerate-golden.sh
    // rewrites both after a parser change; read the diff before committing.
    void samplesGolden_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("markdown") << u"02-deepseek-r1-market-shock.md"_s;
        QTest::newRow("scraped text") << u"04-huawei-mate60-smic-7nm.txt"_s;
        QTest::newRow("html") << u"06-tsmc-arizona-kumamoto-dresden.html"_s;
    }
    void samplesGolden()
    {
        QFETCH(QString, file);
        const Lede::Article a = parseOne(LedeTest::sourceFile(u"resources/samples/"_s + file));
        const QString golden = LedeTest::dataFile(u"golden/sample-"_s + QFileInfo(file).completeBaseName() + u".txt"_s);
        const QString expected = readText(golden).chopped(1);
        if (a.text != expected) {
            qWarning().noquote() << "got:\n" << a.text;
            QFAIL(qPrintable(u"differs from "_s + golden));
        }
    }

    void sharedGolden_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("item");
        QTest::addColumn<QString>("sha256");
        QTest::addColumn<int>("length");
        const QString table = readText(LedeTest::dataFile(u"golden/shared.tsv"_s));
        for (QStringView line : QStringView(table).tokenize(u'\n', Qt::SkipEmptyParts)) {
            if (line.startsWith(u'#'))
                continue;
            const QStringList f = line.toString().split(u'\t');
            QVERIFY(f.size() == 5);
            QTest::newRow(qPrintable(f.at(0))) << f.at(1) << f.at(2).toInt() << f.at(3) << f.at(4).toInt();
        }
    }
    void sharedGolden()
    {
        QFETCH(QString, path);
        QFETCH(int, item);
        QFETCH(QString, sha256);
        QFETCH(int, length);
        const QString file = LedeTest::sharedFile(path);
        LEDE_REQUIRE_SHARED(file);
        const Lede::ParseResult r = Lede::parseFile(file);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(item < r.articles.size());
        const QString text = r.articles.at(item).text;
        QCOMPARE(int(text.size()), length);
        QCOMPARE(
            QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex()), sha256);
    }

    // Our own scraped samples, with the debris each one carries.
    void scrapedSamples_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("byline");
        QTest::addColumn<QString>("published");
        QTest::addColumn<QStringList>("debris");
        QTest::newRow("01") << u"01-washington-chip-rules-2022-2023.txt"_s
                            << u"How Washington's AI Chip Rules Tightened Between 2022 and 2023"_s
                            << u"Mara Lindqvist"_s << u"2023-10-19"_s
                            << QStringList{u"Home > Tech"_s, u"Advertisement"_s, u"Subscribe for $1/week"_s,
                                   u"Inside the Race to Build Chips"_s, u"Five Charts on Data-Centre Demand"_s,
                                   u"Source:"_s, u"Published"_s};
        QTest::newRow("04") << u"04-huawei-mate60-smic-7nm.txt"_s
                            << u"Huawei’s Mate 60 Pro Shows SMIC Can Make 7nm Chips at Scale"_s << u"Tomas Eberhardt"_s
                            << u"2023-09-14"_s
                            << QStringList{u"Home > Business"_s, u"Hosting 75% off"_s, u"Written by"_s,
                                   u"Why Multi-Patterning Costs More"_s, u"SMIC and the Limits of Older Lithography"_s};
        QTest::newRow("07") << u"07-asml-dutch-duv-licences.txt"_s
                            << u"Dutch Licence Rules Widen for ASML's Older Immersion Scanners"_s
                            << u"Ines Okafor-Brandt"_s << u"2024-09-09T08:15:00"_s
                            << QStringList{u"In , ,"_s, u"Advertisement"_s, u"ASML Results Preview"_s,
                                   u"Japan's Chip Tool Curbs One Year On"_s};
        QTest::newRow("10") << u"10-hbm-memory-export-rules.txt"_s
                            << u"High-Bandwidth Memory Becomes the Newest Chokepoint in the AI Chip Contest"_s
                            << u"Kenji Albright"_s << u"2024-12-05"_s
                            << QStringList{u"Home › Technology"_s, u"Hosting 75% off"_s, u"Inside an HBM Stack"_s,
                                   u"Gallium and Germanium"_s, u"Dec 5, 2024"_s};
    }
    void scrapedSamples()
    {
        QFETCH(QString, file);
        QFETCH(QString, title);
        QFETCH(QString, byline);
        QFETCH(QString, published);
        QFETCH(QStringList, debris);
        const Lede::Article a = parseOne(LedeTest::sourceFile(u"resources/samples/"_s + file));
        QCOMPARE(a.format, SourceFormat::PlainText);
        QCOMPARE(a.title, title);
        QCOMPARE(a.byline, byline);
        QCOMPARE(a.publishedIso(), published);
        QVERIFY(!a.text.contains(title));
        for (const QString &d : debris)
            QVERIFY2(!a.text.contains(d), qPrintable(d));
        QVERIFY(Lede::Article::paragraphRanges(a.text).size() >= 6);
    }

    void markdownSamples()
    {
        const Lede::Article a = parseOne(LedeTest::sourceFile(u"resources/samples/05-huawei-ascend-910c-zh.md"_s));
        QCOMPARE(a.format, SourceFormat::Markdown);
        QCOMPARE(a.title, u"华为昇腾910C上阵：美国出口管制下的中国算力替代之路"_s);
        QCOMPARE(a.publishedIso(), u"2025-05-23T09:30:00+08:00"_s);
        QCOMPARE(a.outlet, u"Lede Sample Desk"_s);
        QVERIFY(a.language.startsWith(u"zh"_s));
        QVERIFY(a.text.contains(u"昇腾"_s));
        QVERIFY(!a.text.contains(u"---"_s));
    }

    void htmlSamples()
    {
        const Lede::Article a
            = parseOne(LedeTest::sourceFile(u"resources/samples/03-nvidia-h20-licence-reversal.html"_s));
        QCOMPARE(a.format, SourceFormat::Html);
        QCOMPARE(a.title, u"Nvidia Says H20 Sales to China Will Resume After a Three-Month Halt"_s);
        QCOMPARE(a.byline, u"Jonah Feldkamp"_s);
        QCOMPARE(a.outlet, u"Lede Sample Desk"_s);
        QCOMPARE(a.publishedIso().left(10), u"2025-07-16"_s);
        QVERIFY(a.url.startsWith(u"https://samples.lede.invalid/"_s));
        QVERIFY(a.text.startsWith(u"Nvidia said on 14 July 2025"_s));
        QVERIFY(!a.text.contains(u"cookie"_s, Qt::CaseInsensitive));
        QVERIFY(!a.text.contains(u"Related"_s));
    }

    // Markdown clippings from the corpus: front matter read, body without it.
    void corpusMarkdown()
    {
        const QString path
            = LedeTest::sharedFile(u"corpus/articles/bulwark__reuters_deepseek-chinese-chipmakers-huawei-ascend.md"_s);
        LEDE_REQUIRE_SHARED(path);
        const Lede::Article a = parseOne(path);
        QCOMPARE(a.format, SourceFormat::Markdown);
        QCOMPARE(a.title, u"DeepSeek gives China's chipmakers leg up in race for cheaper AI"_s);
        QCOMPARE(a.publishedIso(), u"2025-02-13T11:49:08"_s);
        QCOMPARE(a.language, u"en"_s);
        QVERIFY(a.text.startsWith(u"Key points:"_s));
        QVERIFY(!a.text.contains(u"sidebar"_s));
        QVERIFY(a.blocks.contains(Lede::TextBlock{Lede::TextBlock::ListItem, 0}));
    }

    void feeds_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<SourceFormat>("format");
        QTest::addColumn<int>("minItems");
        QTest::newRow("rss") << u"corpus/articles/rssparser__guardian.rss"_s << SourceFormat::Rss << 10;
        QTest::newRow("atom") << u"corpus/articles/rssparser__heise-de.atom"_s << SourceFormat::Atom << 5;
        QTest::newRow("json feed") << u"corpus/articles/trafilatura__npr-technology.jsonfeed.json"_s
                                   << SourceFormat::JsonFeed << 3;
    }
    void feeds()
    {
        QFETCH(QString, file);
        QFETCH(SourceFormat, format);
        QFETCH(int, minItems);
        const QString path = LedeTest::sharedFile(file);
        LEDE_REQUIRE_SHARED(path);
        const Lede::ParseResult r = Lede::parseFile(path);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.format, format);
        QVERIFY(r.articles.size() >= minItems);
        int withText = 0;
        for (const Lede::Article &a : r.articles) {
            QVERIFY(!a.title.isEmpty());
            QVERIFY(a.published.isValid());
            QVERIFY(!a.text.contains(u'<'));
            withText += a.text.isEmpty() ? 0 : 1;
        }
        QVERIFY(withText * 2 > r.articles.size());
    }

    // Each feed's outlet is the name that matches its site, not its section title.
    void feedOutlets()
    {
        struct Case
        {
            const char *file;
            QString outlet;
        };
        for (const Case &c : {Case{"corpus/articles/trafilatura__npr-technology.jsonfeed.json", u"NPR"_s},
                 Case{"corpus/articles/rssparser__guardian.rss", u"The Guardian"_s},
                 Case{"corpus/articles/rssparser__heise-de.atom", u"heise online"_s}}) {
            const QString path = LedeTest::sharedFile(QString::fromUtf8(c.file));
            LEDE_REQUIRE_SHARED(path);
            const Lede::ParseResult r = Lede::parseFile(path);
            QVERIFY2(r.ok(), qPrintable(r.error));
            for (const Lede::Article &a : r.articles)
                QCOMPARE(a.outlet, c.outlet);
        }
    }

    void feedOutletRules_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("outlet");
        const QByteArray item = "<item><title>T</title><link>https://www.dailyexample.com/a</link>"
                                "<description>&lt;p&gt;Body text.&lt;/p&gt;</description></item>";
        QTest::newRow("json feed: section title, author names the site") << QByteArray(
            "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Technology\","
            "\"home_page_url\":\"https://www.examplenews.org/sections/technology/\","
            "\"authors\":[{\"name\":\"Example News\"}],"
            "\"items\":[{\"id\":\"1\",\"url\":\"https://www.examplenews.org/"
            "1\",\"title\":\"T\",\"content_text\":\"Body.\"}]}") << u"Example News"_s;
        QTest::newRow("json feed: initials") << QByteArray(
            "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Science\","
            "\"home_page_url\":\"https://www.enb.org/science\",\"author\":{\"name\":\"Example National Broadcasting\"},"
            "\"items\":[{\"id\":\"1\",\"url\":\"https://www.enb.org/1\",\"title\":\"T\",\"content_text\":\"Body.\"}]}")
                                             << u"Example National Broadcasting"_s;
        QTest::newRow("rss: section | outlet")
            << "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Business | The Daily Example</title>"
               "<link>https://www.thedailyexample.com/business</link>"
                + item + "</channel></rss>"
            << u"The Daily Example"_s;
        QTest::newRow("rss: title naming nothing stays")
            << "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Notes from the Field</title>"
               "<link>https://field.example.net/</link>"
                + item + "</channel></rss>"
            << u"Notes from the Field"_s;
        QTest::newRow("rss: item source wins") << QByteArray(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Aggregator</title>"
            "<item><title>T</title><link>https://a.example/1</link><source url=\"https://w.example/\">Example "
            "Wire</source><description>Body text.</description></item></channel></rss>")
                                               << u"Example Wire"_s;
        QTest::newRow("atom: feed author names the site") << QByteArray(
            "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>example developer "
            "news</title>"
            "<link rel=\"self\" href=\"https://www.example.de/dev/atom.xml\"/>"
            "<link rel=\"alternate\" href=\"https://www.example.de/dev/\"/>"
            "<author><name>example online</name></author>"
            "<entry><title>T</title><link href=\"https://www.example.de/dev/1\"/>"
            "<updated>2016-02-01T17:54:50+01:00</updated><content type=\"html\">&lt;p&gt;Body text.&lt;/p&gt;"
            "</content><author><name>A. Writer</name></author></entry></feed>")
                                                          << u"example online"_s;
    }
    void feedOutletRules()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, outlet);
        const Lede::ParseResult r = Lede::parseDocument(data, u"feed"_s);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(!r.articles.isEmpty());
        QCOMPARE(r.articles.first().outlet, outlet);
    }

    void outletFromUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("outlet");
        QTest::newRow("www") << u"https://www.example-markets.com/news/1"_s << u"Example-markets.com"_s;
        QTest::newRow("subdomain") << u"https://cn.examplemarkets.com/a"_s << u"Examplemarkets.com"_s;
        QTest::newRow("com.cn") << u"https://finance.portal.com.cn/roll/1.shtml"_s << u"Portal.com.cn"_s;
        QTest::newRow("co.uk initials") << u"https://www.xbc.co.uk/news"_s << u"XBC.co.uk"_s;
        QTest::newRow("two letters") << u"https://new.xq.com/rain/a/1"_s << u"XQ.com"_s;
        QTest::newRow("country domain") << u"https://examplewall.st/stocks"_s << u"Examplewall.st"_s;
        QTest::newRow("no scheme") << u"www.example.org"_s << u"Example.org"_s;
        QTest::newRow("numeric host") << u"http://192.0.2.7/x"_s << u"192.0.2.7"_s;
        QTest::newRow("no host") << QString() << QString();
    }
    void outletFromUrl()
    {
        QFETCH(QString, url);
        QFETCH(QString, outlet);
        QCOMPARE(Lede::TextHeuristics::outletFromUrl(url), outlet);
    }

    void readableNames_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<bool>("readable");
        QTest::newRow("one word") << u"Reuters"_s << true;
        QTest::newRow("several words") << u"Dow Jones Newswires"_s << true;
        QTest::newRow("short function word") << u"The Wall Street Journal"_s << true;
        QTest::newRow("chinese") << u"新浪财经"_s << true;
        QTest::newRow("feed key") << u"investing_us"_s << false;
        QTest::newRow("slug") << u"techcrunch"_s << false;
        QTest::newRow("phrase") << u"Read the original article"_s << false;
        QTest::newRow("address") << u"https://example.com"_s << false;
        QTest::newRow("empty") << QString() << false;
    }
    void readableNames()
    {
        QFETCH(QString, label);
        QFETCH(bool, readable);
        QCOMPARE(Lede::TextHeuristics::isReadableName(label), readable);
    }

    void datelines_data()
    {
        QTest::addColumn<QString>("paragraph");
        QTest::addColumn<QString>("date");
        QTest::newRow("city, em dash") << u"LONDON, March 27, 2025 — Two firms said today."_s << u"2025-03-27"_s;
        QTest::newRow("city, country, wire")
            << u"LONDON, ENGLAND, March 27, 2025 /Example Wire/ -- According to a report"_s << u"2025-03-27"_s;
        QTest::newRow("city, state abbreviation, wire")
            << u"SAN JOSE, Calif., Feb. 7, 2025 /PRNewswire/ -- Example Corp. (NASDAQ: EXMP) said"_s << u"2025-02-07"_s;
        QTest::newRow("title-case place, parenthesised wire")
            << u"Hauppauge, NY, Feb. 11, 2025 (GLOBE NEWSWIRE) — Example Group, Inc. (Nasdaq: EXG)"_s
            << u"2025-02-11"_s;
        QTest::newRow("day first") << u"ROTTERDAM, 10 February 2025 - The company"_s << u"2025-02-10"_s;
        QTest::newRow("no dash") << u"LONDON, March 27, 2025 was a busy day."_s << QString();
        QTest::newRow("not at the start") << u"He said in LONDON, March 27, 2025 — no."_s << QString();
        QTest::newRow("not a month") << u"LONDON, Monday 27, 2025 — Two firms"_s << QString();
    }
    void datelines()
    {
        QFETCH(QString, paragraph);
        QFETCH(QString, date);
        const Lede::ParsedDate d = Lede::TextHeuristics::datelineDate(paragraph);
        QCOMPARE(d.isValid() ? d.value.date().toString(Qt::ISODate) : QString(), date);
        QVERIFY(!d.hasTime);
    }

    // Scraped text: the dateline gives the date and stays in the story; tickers stay as written.
    void plainTextDatelineAndTickers()
    {
        const Lede::Article a = Lede::parsePlainText(
            u"Example Corp. Completes Its New Cluster\n\nSAN JOSE, Calif., Feb. 7, 2025 /PRNewswire/ -- Example "
            u"Corp. (NASDAQ: EXMP), a maker of servers, said today that it had completed its new cluster ahead of "
            u"schedule.\n\nThe cluster uses chips from Examplechip (NYSE: EXC) and will open to customers in March, "
            u"the company said in a statement on Friday.\n"_s);
        QCOMPARE(a.publishedIso(), u"2025-02-07"_s);
        QVERIFY(a.text.startsWith(u"SAN JOSE, Calif., Feb. 7, 2025"_s));
        QVERIFY(a.text.contains(u"Example Corp. (NASDAQ: EXMP), a maker"_s));
        QVERIFY(a.text.contains(u"Examplechip (NYSE: EXC)"_s));
    }

    void detection_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("name");
        QTest::addColumn<SourceFormat>("format");
        QTest::newRow("front matter in .txt")
            << QByteArray("---\ntitle: x\n---\nbody\n") << u"a.txt"_s << SourceFormat::Markdown;
        QTest::newRow("html in .txt") << QByteArray("<!DOCTYPE html><html><body><p>x</p></body></html>") << u"a.txt"_s
                                      << SourceFormat::Html;
        QTest::newRow("rss in .xml") << QByteArray("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>")
                                     << u"f.xml"_s << SourceFormat::Rss;
        QTest::newRow("atom") << QByteArray(
            "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>")
                              << u"f"_s << SourceFormat::Atom;
        QTest::newRow("json feed") << QByteArray("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}")
                                   << u"f.json"_s << SourceFormat::JsonFeed;
        QTest::newRow("plain text in .md name")
            << QByteArray("Just a line of text.\n") << u"a.md"_s << SourceFormat::Markdown;
        QTest::newRow("plain text") << QByteArray("Headline\n\nA paragraph.\n") << u"a.txt"_s
                                    << SourceFormat::PlainText;
    }
    void detection()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, name);
        QFETCH(SourceFormat, format);
        QCOMPARE(Lede::detectFormat(data, name), format);
    }

    // Bad input: a clear error or a best-effort article, never a crash or a hang.
    void badInput_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("error"); // substring of the error; empty: a best-effort article holding `keep`
        QTest::addColumn<QString>("keep");
        QTest::newRow("empty") << QByteArray() << u"empty.txt"_s << u"empty"_s << QString();
        QTest::newRow("white space") << QByteArray(" \n\t\n") << u"blank.md"_s << u"white space"_s << QString();
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << u"image.html"_s << u"binary"_s
                                << QString();
        QTest::newRow("invalid utf-8") << QByteArray(
            "Headline Here\n\nA paragraph with \xff\xfe bad bytes in it, long enough to be prose.\n")
                                       << u"bad.txt"_s << QString() << u"A paragraph with"_s;
        QTest::newRow("malformed feed") << QByteArray("<?xml version=\"1.0\"?><rss><channel><item><title>x</ti")
                                        << u"cut.rss"_s << u"feed"_s << QString();
        QTest::newRow("entity bomb") << QByteArray(
            "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
            "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
            "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">]>"
            "<rss version=\"2.0\"><channel><item><title>&f;</title></item></channel></rss>")
                                     << u"bomb.rss"_s << u"feed"_s << QString();
        QByteArray nested = "<html><body>";
        for (int i = 0; i < 20000; ++i)
            nested += "<div>";
        nested += "<p>deep text</p></body></html>";
        QTest::newRow("deeply nested html") << nested << u"deep.html"_s << QString() << QString();
        QTest::newRow("truncated json feed")
            << QByteArray("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [{\"title\":") << u"cut.json"_s
            << u"JSON Feed"_s << QString();
    }
    void badInput()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, name);
        QFETCH(QString, error);
        QFETCH(QString, keep);
        const Lede::ParseResult r = Lede::parseDocument(data, name);
        if (error.isEmpty()) {
            // Best effort: either an article or a clear error, and nothing else.
            if (r.ok())
                QVERIFY(r.articles.first().text.contains(keep));
            else
                QVERIFY(!r.error.isEmpty() && r.articles.isEmpty());
            if (!keep.isEmpty())
                QVERIFY2(r.ok(), qPrintable(r.error));
        } else {
            QVERIFY2(!r.ok(), "expected an error");
            QVERIFY2(r.error.contains(error, Qt::CaseInsensitive), qPrintable(r.error));
            QVERIFY(r.articles.isEmpty());
        }
    }

    void tooLarge()
    {
        const QByteArray big(Lede::MaxSourceBytes + 1, 'a');
        const Lede::ParseResult r = Lede::parseDocument(big, u"big.txt"_s);
        QVERIFY(r.error.contains(u"too large"_s));
    }

    void missingFile()
    {
        const Lede::ParseResult r = Lede::parseFile(u"/nonexistent/lede/file.txt"_s);
        QCOMPARE(r.error, u"no such file"_s);
    }
};

QTEST_GUILESS_MAIN(TestParsers)
#include "tst_parsers.moc"
