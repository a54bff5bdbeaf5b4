// SPDX-License-Identifier: MIT
#include "parse/frontmatter.h"
#include "parse/markdownparser.h"

#include <QtTest>

using namespace Qt::StringLiterals;

class TestFrontMatter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void variants_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("published");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("byline");
        QTest::addColumn<QStringList>("tags");

        QTest::newRow("yaml quoted, block lists")
            << u"---\ntitle: \"DeepSeek gives China's chipmakers a leg up\"\ndate: \"2025-02-13 11:49:08\"\ncategories:\n  - \"Reuters\"\ntags:\n  - \"chips\"\n---\nBody text here.\n"_s
            << u"DeepSeek gives China's chipmakers a leg up"_s << u"2025-02-13T11:49:08"_s << QString() << QString()
            << QStringList{u"chips"_s, u"Reuters"_s};
        QTest::newRow("yaml flow list, published, source")
            << u"---\ntitle: H20 curbs\npublished: 2025-04-16T08:00:00+00:00\nsource: https://example.com/h20\nauthor: Jane Roe\ntags: [nvidia, 'export controls']\n---\n\nBody.\n"_s
            << u"H20 curbs"_s << u"2025-04-16T08:00:00Z"_s << u"https://example.com/h20"_s << u"Jane Roe"_s
            << QStringList{u"nvidia"_s, u"export controls"_s};
        QTest::newRow("yaml single quotes with escaped quote, originalUrl")
            << u"---\ntitle: 'Nvidia''s quarter'\noriginalUrl: https://example.com/q\nbyline: A. Writer\n---\nBody.\n"_s
            << u"Nvidia's quarter"_s << QString() << u"https://example.com/q"_s << u"A. Writer"_s << QStringList{};
        QTest::newRow("yaml author list")
            << u"---\ntitle: Two writers\nauthors:\n  - Liza Lin\n  - Raffaele Huang\ndate: 2025-02-10\n---\nBody.\n"_s
            << u"Two writers"_s << u"2025-02-10"_s << QString() << u"Liza Lin, Raffaele Huang"_s << QStringList{};
        QTest::newRow("toml")
            << u"+++\ntitle = \"Ascend 910C\"\ndate = 2025-05-23T09:30:00+08:00\nurl = \"https://example.com/a\"\ntags = [\"huawei\", \"ascend\"]\n+++\nBody.\n"_s
            << u"Ascend 910C"_s << u"2025-05-23T09:30:00+08:00"_s << u"https://example.com/a"_s << QString()
            << QStringList{u"huawei"_s, u"ascend"_s};
        QTest::newRow("no front matter, heading is title")
            << u"# HIVE makes AI push\n\nBy Gerelyn Terzo, Benzinga\n\nBody text.\n"_s << u"HIVE makes AI push"_s
            << QString() << QString() << u"Gerelyn Terzo, Benzinga"_s << QStringList{};
        QTest::newRow("unclosed front matter is body") << u"---\ntitle: never closed\n\nJust text.\n"_s << QString()
                                                       << QString() << QString() << QString() << QStringList{};
    }
    void variants()
    {
        QFETCH(QString, input);
        QFETCH(QString, title);
        QFETCH(QString, published);
        QFETCH(QString, url);
        QFETCH(QString, byline);
        QFETCH(QStringList, tags);
        const Lede::Article a = Lede::parseMarkdown(input);
        QCOMPARE(a.title, title);
        QCOMPARE(a.publishedIso(), published);
        QCOMPARE(a.url, url);
        QCOMPARE(a.byline, byline);
        QCOMPARE(a.tags, tags);
        QVERIFY(!a.text.contains(u"title"_s) || title.isEmpty());
    }

    void markdownBlocks()
    {
        const Lede::Article a = Lede::parseMarkdown(
            u"---\ntitle: Blocks\n---\n# Blocks\n\nIntro with **bold**, _emphasis_, `code` and a "
            u"[link](https://x.invalid).\n\n"
            "## Section\n\n- first item\n- second item\n\n> A quoted\n> passage.\n\n![image](a.png)\n\n```\ncode line\n```\n"_s);
        QCOMPARE(a.text,
            u"Intro with bold, emphasis, code and a link.\n\nSection\n\nfirst item\n\nsecond item\n\n"
            "A quoted passage.\n\ncode line"_s);
        using K = Lede::TextBlock;
        QCOMPARE(a.blocks,
            (Lede::TextBlocks{{K::Paragraph, 0}, {K::Heading, 2}, {K::ListItem, 0}, {K::ListItem, 0}, {K::Quote, 0},
                {K::Preformatted, 0}}));
    }

    // Hard line breaks: after a sentence or a heading-like line they end the paragraph (canonical text
    // has no newline inside one); inside a sentence and inside a list item they are a space.
    void hardBreaks()
    {
        const Lede::Article a = Lede::parseMarkdown(
            u"---\ntitle: Breaks\n---\n\nFirst sentence ends here.  \nSecond sentence follows,\n"
            u"and a soft wrap continues it.\n\nMarkets opened higher\u00a0  \nA heading-like line came before this "
            u"one.\n\n"
            u"The analyst quoted in this story, who covers chip stocks for a large bank, is named Jane   \n"
            u"Roe and her name was wrapped.\\\nA backslash break ends this.\n\n"
            u"> Quoted first.  \n> Quoted second.\n\n- An item with a break  \n  and its continuation\n\n"
            u"Ends with a no-break space.\u00a0\nNext paragraph.\n"_s);
        QCOMPARE(a.text,
            u"First sentence ends here.\n\nSecond sentence follows, and a soft wrap continues it.\n\n"
            u"Markets opened higher\n\nA heading-like line came before this one.\n\n"
            u"The analyst quoted in this story, who covers chip stocks for a large bank, is named Jane Roe and her "
            u"name was wrapped.\n\nA backslash break ends this.\n\nQuoted first.\n\nQuoted second.\n\n"
            u"An item with a break and its continuation\n\nEnds with a no-break space.\n\nNext paragraph."_s);
        using K = Lede::TextBlock;
        QCOMPARE(a.blocks,
            (Lede::TextBlocks{{K::Paragraph, 0}, {K::Paragraph, 0}, {K::Paragraph, 0}, {K::Paragraph, 0},
                {K::Paragraph, 0}, {K::Paragraph, 0}, {K::Quote, 0}, {K::Quote, 0}, {K::ListItem, 0}, {K::Paragraph, 0},
                {K::Paragraph, 0}}));
        QCOMPARE(Lede::Article::paragraphRanges(a.text).size(), a.blocks.size());
        QVERIFY(!a.text.contains(u'\\'));
    }

    // A heading-like line on its own after a hard break is a paragraph of its own.
    void hardBreakSubheading()
    {
        const Lede::Article a = Lede::parseMarkdown(
            u"Stocks rose on Monday.  \nMore US tariffs  \nThe president said more would come.\n"_s);
        QCOMPARE(a.text, u"Stocks rose on Monday.\n\nMore US tariffs\n\nThe president said more would come."_s);
    }

    // The closing source link: URL and outlet, and out of the body.
    void sourceLink_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("outlet");
        QTest::addColumn<QString>("text");
        const QString fm
            = u"---\ntitle: Chips\ndate: \"2025-02-10 16:01:17\"\ncategories:\n  - \"example_us\"\n---\n\n"_s;
        QTest::newRow("feed key as label: outlet from the host")
            << fm + u"Body sentence one.\n\n[example_us](https://www.example-markets.com/news/chips-1)\n"_s
            << u"https://www.example-markets.com/news/chips-1"_s << u"Example-markets.com"_s << u"Body sentence one."_s;
        QTest::newRow("readable label is the outlet")
            << fm + u"Body.\n\n[Example Newswires](https://www.wire-reader.example/news/X_1:0/)\n"_s
            << u"https://www.wire-reader.example/news/X_1:0/"_s << u"Example Newswires"_s << u"Body."_s;
        QTest::newRow("lower-case slug label, country second level")
            << fm + u"正文。\n\n[portal](https://finance.portal.com.cn/roll/doc-1.shtml)\n"_s
            << u"https://finance.portal.com.cn/roll/doc-1.shtml"_s << u"Portal.com.cn"_s << u"正文。"_s;
        QTest::newRow("initials upper-cased")
            << u"Body.\n\n[xq](https://new.xq.com/a/1)\n"_s << u"https://new.xq.com/a/1"_s << u"XQ.com"_s << u"Body."_s;
        QTest::newRow("prefixed autolink") << u"Body.\n\nSource: <https://news.example.org/a>\n"_s
                                           << u"https://news.example.org/a"_s << u"Example.org"_s << u"Body."_s;
        QTest::newRow("link with a title") << u"Body.\n\n[Example Times](https://example.net/a \"Read it\")\n"_s
                                           << u"https://example.net/a"_s << u"Example Times"_s << u"Body."_s;
        QTest::newRow("front matter url and site win")
            << u"---\nurl: https://canonical.example/a\nsite: The Example\n---\nBody.\n\n[ex](https://mirror.example/a)\n"_s
            << u"https://canonical.example/a"_s << u"The Example"_s << u"Body."_s;
        QTest::newRow("front matter source as a name")
            << u"---\nsource: Example Wire\n---\nBody.\n\n[ex_feed](https://mirror.example/a)\n"_s
            << u"https://mirror.example/a"_s << u"Example Wire"_s << u"Body."_s;
        QTest::newRow("category naming the link's site")
            << u"---\ncategories: [Examplepost]\n---\nBody.\n\n[examplepost_world](https://www.examplepost.com/w/1)\n"_s
            << u"https://www.examplepost.com/w/1"_s << u"Examplepost"_s << u"Body."_s;
        QTest::newRow("link inside the last paragraph stays")
            << u"Body.\n\nRead the filing [here](https://example.com/f).\n"_s << QString() << QString()
            << u"Body.\n\nRead the filing here."_s;
        QTest::newRow("link line that continues a paragraph stays")
            << u"Body.\nSee [Example](https://example.com/f)\n"_s << QString() << QString() << u"Body. See Example"_s;
        QTest::newRow("a link alone is not a source")
            << u"[Example](https://example.com/f)\n"_s << QString() << QString() << u"Example"_s;
    }
    void sourceLink()
    {
        QFETCH(QString, input);
        QFETCH(QString, url);
        QFETCH(QString, outlet);
        QFETCH(QString, text);
        const Lede::Article a = Lede::parseMarkdown(input);
        QCOMPARE(a.url, url);
        QCOMPARE(a.outlet, outlet);
        QCOMPARE(a.text, text);
        QCOMPARE(a.blocks.size(), Lede::Article::paragraphRanges(a.text).size());
    }

    // Tickers and other text in and around links survive: titles and parentheses inside a link are read whole.
    void linksKeepTickers_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("text");
        QTest::newRow("ticker link with a title holding parentheses")
            << u"Qualcomm (NASDAQ: [QCOM](https://example.com/Ticker/QCOM.aspx \"Qualcomm (QCOM)\")) rose."_s
            << u"Qualcomm (NASDAQ: QCOM) rose."_s;
        QTest::newRow("ticker link with a title")
            << u"Parker (NYSE:[PH](https://example.com/symbol/PH \"Parker Corporation\")) since"_s
            << u"Parker (NYSE:PH) since"_s;
        QTest::newRow("plain ticker") << u"Nvidia (Nasdaq: NVDA) chips"_s << u"Nvidia (Nasdaq: NVDA) chips"_s;
        QTest::newRow("parentheses in the address")
            << u"see [Foo](https://en.example.org/wiki/Foo_(bar)) today"_s << u"see Foo today"_s;
        QTest::newRow("angle-bracket address") << u"see [Foo](<https://example.org/a b>) today"_s << u"see Foo today"_s;
        QTest::newRow("image with a title")
            << u"a ![chart](https://example.org/c.png \"Chart (2025)\") b"_s << u"a  b"_s;
    }
    void linksKeepTickers()
    {
        QFETCH(QString, line);
        QFETCH(QString, text);
        QCOMPARE(Lede::markdownInlineToText(line), text);
    }

    // Without a date in front matter, a press release's dateline gives it; front matter wins otherwise.
    void dateline()
    {
        const Lede::Article a = Lede::parseMarkdown(
            u"# Two Firms Partner\n\nLONDON, ENGLAND, March 27, 2025 /Example Wire/ -- Two firms said today.\n"_s);
        QCOMPARE(a.publishedIso(), u"2025-03-27"_s);
        QVERIFY(a.text.startsWith(u"LONDON, ENGLAND, March 27, 2025"_s));
        const Lede::Article b
            = Lede::parseMarkdown(u"---\ndate: 2025-04-01\n---\nLONDON, March 27, 2025 — Two firms said today.\n"_s);
        QCOMPARE(b.publishedIso(), u"2025-04-01"_s);
    }
};

QTEST_GUILESS_MAIN(TestFrontMatter)
#include "tst_frontmatter.moc"
