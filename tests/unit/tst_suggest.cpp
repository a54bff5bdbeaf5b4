// SPDX-License-Identifier: MIT
// Suggestions of entities the knowledge base does not know: names with corporate suffixes, names
// before exchange tickers, chip model numbers; never a name the linker already found.
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "link/suggest.h"

#include "linkertest.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace { } // namespace

class TestSuggest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void suggestions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected"); // "kind:name@start-end[ ticker]"
        QTest::newRow("suffix Co., Ltd.") << u"Acme Semiconductor Co., Ltd. will build a fab."_s
                                          << QStringList{u"company:Acme Semiconductor Co., Ltd.@0-28"_s};
        QTest::newRow("suffix Inc. after a stopword") << u"Shares of Zorblax Technologies Inc. rose."_s
                                                      << QStringList{u"company:Zorblax Technologies Inc.@10-35"_s};
        QTest::newRow("leading article dropped")
            << u"The Frobnitz Corp. makes boards."_s << QStringList{u"company:Frobnitz Corp.@4-18"_s};
        QTest::newRow("ticker names the company")
            << u"Quuxcorp (NASDAQ: QUUX) said it would expand."_s << QStringList{u"company:Quuxcorp@0-8 NASDAQ:QUUX"_s};
        QTest::newRow("known company with ticker") << u"Nvidia (NASDAQ: NVDA) rose."_s << QStringList{};
        QTest::newRow("Chinese company") << u"华芯微科技有限公司宣布量产。"_s
                                         << QStringList{u"company:华芯微科技有限公司@0-9"_s};
        QTest::newRow("chip line and number")
            << u"The new Instinct MI999X accelerator ships in May."_s << QStringList{u"chip:Instinct MI999X@8-23"_s};
        QTest::newRow("chip code near chip words")
            << u"Zhonghao's ZX300A chip outperforms rivals."_s << QStringList{u"chip:ZX300A@11-17"_s};
        QTest::newRow("known chip") << u"Nvidia's RTX 5090D graphics card"_s << QStringList{};
        QTest::newRow("quarters and fiscal years are not chips")
            << u"GPU revenue rose in 4Q24 and FY2026 and Q4."_s << QStringList{};
        QTest::newRow("currency amounts are not chips")
            << u"a MYR464 million impairment at its chip unit"_s << QStringList{};
        QTest::newRow("codes without chip words") << u"Flight BA123 landed."_s << QStringList{};
        QTest::newRow("each name once") << u"Zorblax Inc. grew; Zorblax Inc. hired."_s
                                        << QStringList{u"company:Zorblax Inc.@0-12"_s};
        QTest::newRow("plain prose") << u"The company said demand was strong."_s << QStringList{};
        QTest::newRow("bare ticker after a name")
            << u"Shares of Quuxly Markets (QXLY) jumped."_s << QStringList{u"company:Quuxly Markets@10-24 QXLY"_s};
        QTest::newRow("an abbreviation is not a ticker")
            << u"The Zorblax Optical Network (ZON) standard and artificial intelligence (AI) grew."_s << QStringList{};
        QTest::newRow("business word ends the name") << u"Results from Wilbury Bank Holding beat forecasts."_s
                                                     << QStringList{u"company:Wilbury Bank Holding@13-33"_s};
        QTest::newRow("a generic word before a business word")
            << u"Global Markets rallied while Private Capital waited."_s << QStringList{};
        QTest::newRow("a role word before the name")
            << u"Shares of conglomerate Quuxly's rival rose."_s << QStringList{u"company:Quuxly@23-29"_s};
        QTest::newRow("a person described by a job")
            << u"Zed Quorra, a chief analyst at a research firm, said so."_s << QStringList{};
        QTest::newRow("a heading in title case")
            << u"Fast Growing Companies\n\nThese fast growing firms grew."_s << QStringList{};
        QTest::newRow("a name described as a business")
            << u"Frobozz Optics, a maker of optical parts, grew."_s << QStringList{u"company:Frobozz Optics@0-14"_s};
        QTest::newRow("Chinese short name of a listed company")
            << u"据卓瀚证券分析，需求强劲。"_s << QStringList{u"company:卓瀚证券@1-5"_s};
        QTest::newRow("Chinese generic words are no name") << u"全球科技股份上涨，美国银行表示。"_s << QStringList{};
        QTest::newRow("first column of a table of companies")
            << u"| Name | Growth | | --- | --- | | Quuxly Foods | 3.1% | | Zorblax Mining | NA |"_s
            << QStringList{u"company:Quuxly Foods@34-46"_s, u"company:Zorblax Mining@58-72"_s};
        QTest::newRow("Chinese 'the company' is no name") << u"该公司表示，需求强劲。"_s << QStringList{};
        QTest::newRow("a Chinese short name with its stock code")
            << u"蓝筹中，瑞丰电子(00285)涨9.98%，芯楠光学（688999.SH）跌。"_s
            << QStringList{u"company:瑞丰电子@4-8"_s, u"company:芯楠光学@22-26"_s};
        QTest::newRow("the investors of a funding round")
            << u"完成Pre-A轮融资，投资方为卓瀚资本、Quuxly Partners、芯楠投资，该公司总部位于上海。"_s
            << QStringList{
                   u"company:卓瀚资本@15-19"_s, u"company:Quuxly Partners@20-35"_s, u"company:芯楠投资@36-40"_s};
        QTest::newRow("an enumeration with known companies")
            << u"重点关注：寒武纪、海光信息、瑞丰微电、芯楠光学等。"_s
            << QStringList{u"company:瑞丰微电@14-18"_s, u"company:芯楠光学@19-23"_s};
        QTest::newRow("an enumeration of places") << u"出口至美国、日本、瑞丰等地。"_s << QStringList{};
        QTest::newRow("an issuer's listing") << u"Voltrix Car IPO will close today, while the SME IPO market cooled."_s
                                             << QStringList{u"company:Voltrix Car@0-11"_s};
        QTest::newRow("a place-based business")
            << u"Shares in Finland-based Zorvakumpu fell."_s << QStringList{u"company:Zorvakumpu@24-34"_s};
        QTest::newRow("an analyst's employer")
            << u"Zorblax's Mark Diethelm says in a note that demand held."_s << QStringList{u"company:Zorblax@0-7"_s};
        QTest::newRow("a Chinese outlet's byline")
            << u"财讯通2月8日讯（记者 王晨）《瑞丰财经日报》记者获悉，需求强劲。"_s
            << QStringList{u"company:财讯通@0-3"_s, u"company:瑞丰财经日报@16-22"_s};
        QTest::newRow("a ticker of another exchange")
            << u"Quuxbolaget Professional (OM:QXP B) rose."_s
            << QStringList{u"company:Quuxbolaget Professional@0-24 OM:QXP B"_s};
        QTest::newRow("a press release's About heading")
            << u"Quuxly builds servers.\n\nAbout Zorvatech\n\nZorvatech is a maker of racks."_s
            << QStringList{u"company:Zorvatech@30-39"_s};
        QTest::newRow("the wire in a press release's dateline")
            << u"LONDON, March 27, 2025 /Quuxwire/ -- A report says demand grew."_s
            << QStringList{u"company:Quuxwire@24-32"_s};
        QTest::newRow("the firm of a person quoted by a job")
            << u"Zed Quorra, partner at Zorvan Court, said so."_s << QStringList{u"company:Zorvan Court@23-35"_s};
        QTest::newRow("a firm in Latin letters before a job in Chinese")
            << u"据Zorvex分析师Matthew Sigel分析，需求强劲。"_s << QStringList{u"company:Zorvex@1-7"_s};
        QTest::newRow("a person before a job in Chinese is no firm")
            << u"Gary Zorkson首席执行官表示，需求强劲。"_s << QStringList{};
        QTest::newRow("a list of stocks")
            << u"板块个股涨幅前五名分别为：瑞丰得-W、芯楠信息、卓瀚健康；"_s
            << QStringList{u"company:瑞丰得@13-16"_s, u"company:芯楠信息@19-23"_s, u"company:卓瀚健康@24-28"_s};
        QTest::newRow("a company brief in a Chinese digest")
            << u"公司动态\n\n瑞丰得：1月13日消息，公司已完成工商变更登记。\n\n四部门：加强数据标注。"_s
            << QStringList{u"company:瑞丰得@6-9"_s};
        QTest::newRow("an interview's speaker is no company brief")
            << u"方琦：我们公司今年会推出新品。"_s << QStringList{};
        QTest::newRow("a body's statement is no company brief")
            << u"市场监管局：公司须在三十日内整改。"_s << QStringList{};
        QTest::newRow("people quoted in Chinese are no outlet")
            << u"据知情人士透露，据媒体报道，需求强劲。"_s << QStringList{};
    }
    void suggestions()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const Lede::Linker &linker = LedeTest::builtinLinker();
        const auto known = linker.link(text);
        const auto found = Lede::suggestEntities(text, known, linker.knowledgeBase());
        QStringList got;
        for (const auto &s : found) {
            QCOMPARE(s.name, text.mid(s.start, s.end - s.start));
            QVERIFY(!s.reason.isEmpty());
            got.append(u"%1:%2@%3-%4%5"_s.arg(Lede::kindKey(s.kind), s.name)
                           .arg(s.start)
                           .arg(s.end)
                           .arg(s.ticker.isEmpty() ? QString() : u" "_s + s.ticker));
        }
        QCOMPARE(got, expected);
    }
};

QTEST_GUILESS_MAIN(TestSuggest)
#include "tst_suggest.moc"
