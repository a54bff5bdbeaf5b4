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
