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
};

QTEST_GUILESS_MAIN(TestFrontMatter)
#include "tst_frontmatter.moc"
