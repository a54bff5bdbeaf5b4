// SPDX-License-Identifier: MIT
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "parse/documentparser.h"
#include "testpaths.h"

#include "linkertest.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

// A small knowledge base of our own so that the mechanics are tested apart from the shipped data.
const char16_t *const miniKb = uR"(
# test records
[region/cn]
name = China
alias = PRC | 中国 | 中國
demonym = Chinese
metonym = Beijing
part_of = region/east-asia

[region/beijing]
name = Beijing
alias = 北京
part_of = region/cn

[region/east-asia]
name = East Asia

[region/us]
name = United States
alias = U.S. | US | USA | America | 美国
metonym = Washington

[region/southeast-asia]
name = Southeast Asia
alias = South-East Asia

[region/asia]
name = Asia

[company/nvidia]
name = Nvidia
alias = NVIDIA Corp | 英伟达 | 輝達
hq = region/us

[company/intel]
name = Intel

[company/arm]
name = Arm
alias = =Arm | Arm Holdings

[chip/nvidia-h20]
name = H20
maker = company/nvidia
)";

std::shared_ptr<const Lede::KnowledgeBase> mini()
{
    return LedeTest::knowledgeBaseFrom(QStringView(miniKb), u"mini"_s);
}

} // namespace

class TestLinker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mechanics_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("possessive, curly apostrophe")
            << u"Nvidia’s H20 chips"_s << QStringList{u"company/nvidia@0-6"_s, u"chip/nvidia-h20@9-12"_s};
        QTest::newRow("whole words only") << u"Intelligence is not Intel."_s << QStringList{u"company/intel@20-25"_s};
        QTest::newRow("short capitals match exactly") << u"Let us go to the US."_s << QStringList{u"region/us@17-19"_s};
        QTest::newRow("dotted abbreviation") << u"U.S. rules"_s << QStringList{u"region/us@0-4"_s};
        QTest::newRow("exact-case alias") << u"an arm of Arm"_s << QStringList{u"company/arm@10-13"_s};
        QTest::newRow("longest match wins")
            << u"data centres in Southeast Asia"_s << QStringList{u"region/southeast-asia@16-30"_s};
        QTest::newRow("hyphen variant in alias")
            << u"South-East Asia"_s << QStringList{u"region/southeast-asia@0-15"_s};
        QTest::newRow("case-insensitive long alias")
            << u"NVIDIA and NVidia"_s << QStringList{u"company/nvidia@0-6"_s, u"company/nvidia@11-17"_s};
        // All in lower case a capitalised name is a word, a package or a web address's part.
        QTest::newRow("a name all in lower case") << u"see nvidia-dgx.md"_s << QStringList{};
        QTest::newRow("demonym") << u"Chinese firms"_s << QStringList{u"region/cn@0-7"_s};
        QTest::newRow("government metonym") << u"Washington expanded its controls; Beijing is pushing."_s
                                            << QStringList{u"region/us@0-10"_s, u"region/cn@34-41"_s};
        QTest::newRow("place, not government") << u"offices in Beijing"_s << QStringList{u"region/beijing@11-18"_s};
        QTest::newRow("cjk without spaces")
            << u"英伟达H20芯片在中国"_s
            << QStringList{u"company/nvidia@0-3"_s, u"chip/nvidia-h20@3-6"_s, u"region/cn@9-11"_s};
        QTest::newRow("traditional script") << u"輝達"_s << QStringList{u"company/nvidia@0-2"_s};
        QTest::newRow("full-width letters") << u"ＮＶＩＤＩＡ"_s << QStringList{u"company/nvidia@0-6"_s};
        QTest::newRow("inside a longer token") << u"H200 and XH20"_s << QStringList{};
        QTest::newRow("empty") << QString() << QStringList{};
    }
    void mechanics()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const auto kb = mini();
        // The default automaton, and ones where only the roots or a few states have full rows, so
        // that the sparse states and their failure links carry the matching.
        for (const qsizetype hotStates : {qsizetype(-1), qsizetype(2), qsizetype(5)}) {
            const Lede::Linker linker(kb, hotStates);
            const auto mentions = linker.link(text);
            QCOMPARE(LedeTest::describe(mentions), expected);
            for (const auto &m : mentions)
                QCOMPARE(m.surface, text.mid(m.start, m.end - m.start));
        }
    }

    void relations()
    {
        const auto kb = mini();
        const QSet<QString> inEastAsia = kb->descendantsAndSelf(u"region/east-asia");
        QVERIFY(inEastAsia.contains(u"region/cn"_s));
        QVERIFY(inEastAsia.contains(u"region/beijing"_s));
        QVERIFY(!inEastAsia.contains(u"region/us"_s));
        QCOMPARE(kb->related(u"chip/nvidia-h20", u"maker"), QStringList{u"company/nvidia"_s});
    }

    void kbErrorsNameTheLine()
    {
        Lede::KnowledgeBase kb;
        QStringList errors;
        QVERIFY(!kb.parse(u"[company/ok]\nname = OK\n[bogus/x]\nname = X\nno equals sign\n", u"bad.kb"_s, &errors));
        // The bad header, the fact that then has no record, and the line without "=".
        QCOMPARE(errors.size(), 3);
        QVERIFY(errors.at(0).startsWith(u"bad.kb:3:"_s));
        QVERIFY(errors.at(1).startsWith(u"bad.kb:4:"_s));
        QVERIFY(errors.at(2).startsWith(u"bad.kb:5:"_s));
        kb.finish(&errors);
        QVERIFY(kb.entity(u"company/ok"));
    }

    void builtinKnowledgeBaseLoadsCleanly()
    {
        QStringList errors;
        const auto kb = Lede::KnowledgeBase::loadBuiltin(&errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QVERIFY(kb->size() > 300);
        for (const char16_t *id : {u"company/nvidia", u"company/huawei", u"company/alibaba", u"chip/nvidia-h20",
                 u"region/cn", u"region/us", u"region/southeast-asia", u"region/my"})
            QVERIFY2(kb->entity(QStringView(id)), qPrintable(QString::fromUtf16(id)));
        // Southeast Asia holds Malaysia, so filtering by it finds Malaysian stories.
        QVERIFY(kb->descendantsAndSelf(u"region/southeast-asia").contains(u"region/my"_s));
    }

    // Government bodies, regulators, international organisations, institutes and leagues are their
    // own kind, linked like companies; the ids they had as companies still lead to them.
    void organisations()
    {
        const auto kb = Lede::KnowledgeBase::loadBuiltin();
        for (const char16_t *id : {u"organisation/bis", u"organisation/us-commerce", u"organisation/mofcom",
                 u"organisation/un", u"organisation/nba", u"organisation/cas"}) {
            const Lede::Entity *e = kb->entity(QStringView(id));
            QVERIFY2(e, qPrintable(QString::fromUtf16(id)));
            QCOMPARE(e->kind, Lede::EntityKind::Organisation);
            const QString formerId = u"company/"_s + e->id.section(u'/', 1);
            QVERIFY2(!kb->entity(formerId), qPrintable(e->id));
            QCOMPARE(kb->currentId(formerId), e->id);
        }
        QCOMPARE(kb->currentId(u"company/nvidia"), u"company/nvidia"_s);
        QCOMPARE(kb->currentId(u"company/no-such-thing"), u"company/no-such-thing"_s);
        QVERIFY(kb->descendantsAndSelf(u"organisation/us-commerce").contains(u"organisation/bis"_s));

        const Lede::Linker linker(kb);
        const QString text = u"The Bureau of Industry and Security told Nvidia, the NBA said, and 商务部 replied."_s;
        QStringList found;
        for (const auto &m : linker.link(text))
            found.append(m.entityId + u':' + m.surface);
        QCOMPARE(found,
            (QStringList{u"organisation/bis:Bureau of Industry and Security"_s, u"company/nvidia:Nvidia"_s,
                u"organisation/nba:NBA"_s, u"organisation/mofcom:商务部"_s}));
        // Like a company, an organisation is not linked as an exchange opening a ticker.
        QCOMPARE(Lede::kindOfId(u"organisation/bis"), std::optional(Lede::EntityKind::Organisation));
        QCOMPARE(Lede::kindKey(Lede::EntityKind::Organisation), u"organisation"_s);
        QCOMPARE(Lede::kindTitle(Lede::EntityKind::Organisation), u"Organisations"_s);
    }

    // The founding article links its companies, chip and regions at the right words.
    void seedLinks()
    {
        const QString path = LedeTest::sharedFile(u"seeds/000_7b33f2eb9d22d7a1.txt"_s);
        LEDE_REQUIRE_SHARED(path);
        const auto kb = Lede::KnowledgeBase::loadBuiltin();
        const Lede::Linker linker(kb);
        const Lede::ParseResult r = Lede::parseFile(path);
        QVERIFY(r.ok());
        const QString text = r.articles.first().text;
        const auto mentions = linker.link(text);
        // With the whole base, fewer states with full rows change how the automaton steps through
        // the text, not what it finds.
        for (const qsizetype hotStates : {qsizetype(2), qsizetype(300)})
            QCOMPARE(Lede::Linker(kb, hotStates).link(text), mentions);
        QHash<QString, QStringList> surfaces;
        for (const auto &m : mentions) {
            QCOMPARE(text.mid(m.start, m.end - m.start), m.surface);
            surfaces[m.entityId].append(m.surface);
        }
        const QList<std::pair<QString, QString>> expected = {
            {u"company/alibaba"_s, u"Alibaba"_s},
            {u"company/bytedance"_s, u"ByteDance"_s},
            {u"company/nvidia"_s, u"Nvidia"_s},
            {u"company/deepseek"_s, u"DeepSeek"_s},
            {u"company/huawei"_s, u"Huawei"_s},
            {u"company/financial-times"_s, u"Financial Times"_s},
            {u"chip/nvidia-h20"_s, u"H20"_s},
            {u"region/cn"_s, u"China"_s},
            {u"region/southeast-asia"_s, u"Southeast Asia"_s},
            {u"region/us"_s, u"U.S."_s},
        };
        for (const auto &[id, surface] : expected)
            QVERIFY2(surfaces.value(id).contains(surface),
                qPrintable(id + u" as "_s + surface + u"; got "_s + surfaces.value(id).join(u", ")));
        // Governments: Washington is the United States, Beijing is China.
        QVERIFY(surfaces.value(u"region/us"_s).contains(u"Washington"_s));
        QVERIFY(surfaces.value(u"region/cn"_s).contains(u"Beijing"_s));
        QVERIFY(surfaces.value(u"company/financial-times"_s).contains(u"FT"_s));
        // Nothing spurious: each mention is of a known entity, and "AI" and "LLM" are not entities.
        for (const auto &m : mentions)
            QVERIFY2(m.surface != u"AI"_s && m.surface != u"LLM"_s, qPrintable(m.entityId));
    }
};

QTEST_GUILESS_MAIN(TestLinker)
#include "tst_linker.moc"
