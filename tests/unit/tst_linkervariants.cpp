// SPDX-License-Identifier: MIT
// The linker's spelling variants: plurals of chip models, hyphen and space variants of model
// numbers, and Unicode normalisation. Each row gives a text and the mentions it must yield.
#include "kb/knowledgebase.h"
#include "link/linker.h"

#include "linkertest.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

const char16_t *const variantsKb = uR"(
[company/nvidia]
name = Nvidia

[company/intel]
name = Intel

[company/nestle]
name = Nestlé

[chip/nvidia-h20]
name = H20

[chip/nvidia-h100]
name = H100

[chip/nvidia-gb200]
name = GB200

[chip/nvidia-a100]
name = A100

[chip/huawei-ascend-910b]
name = Ascend 910B

[chip/amd-mi300x]
name = MI300X

[chip/google-tpu]
name = TPU

[chip/kunlun]
name = Kunlun

[region/qc]
name = Québec

[region/lodz]
name = Łódź

[region/us]
name = United States

[region/cn]
name = China
alias = 中国
)";

std::shared_ptr<const Lede::KnowledgeBase> variants()
{
    return LedeTest::knowledgeBaseFrom(QStringView(variantsKb), u"variants"_s);
}

} // namespace

class TestLinkerVariants : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void variants_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");

        // Plurals: a chip model takes an "s"; the mention is the model alone.
        QTest::newRow("plural model") << u"H20s shipped"_s << QStringList{u"chip/nvidia-h20@0-3"_s};
        QTest::newRow("two plurals") << u"H100s and H20s"_s
                                     << QStringList{u"chip/nvidia-h100@0-4"_s, u"chip/nvidia-h20@10-13"_s};
        QTest::newRow("plural of letters") << u"Google's TPUs."_s << QStringList{u"chip/google-tpu@9-12"_s};
        QTest::newRow("plural ending a sentence") << u"It bought MI300Xs."_s << QStringList{u"chip/amd-mi300x@10-16"_s};
        QTest::newRow("plural possessive") << u"the H20s' price"_s << QStringList{u"chip/nvidia-h20@4-7"_s};
        QTest::newRow("no double s") << u"H20ss"_s << QStringList{};
        QTest::newRow("capital S is not a plural") << u"H20S"_s << QStringList{};
        QTest::newRow("longer model is not a plural") << u"H200s"_s << QStringList{};
        QTest::newRow("companies take no plural") << u"two Nvidias"_s << QStringList{};
        QTest::newRow("family name takes no plural") << u"Kunluns"_s << QStringList{};

        // Hyphen and space variants where letters meet digits.
        QTest::newRow("written together") << u"GB200"_s << QStringList{u"chip/nvidia-gb200@0-5"_s};
        QTest::newRow("hyphenated") << u"the GB-200 rack"_s << QStringList{u"chip/nvidia-gb200@4-10"_s};
        QTest::newRow("spaced when written together: no") << u"16 GB 200 times"_s << QStringList{};
        QTest::newRow("alias with space") << u"Ascend 910B"_s << QStringList{u"chip/huawei-ascend-910b@0-11"_s};
        QTest::newRow("space as hyphen") << u"Ascend-910B"_s << QStringList{u"chip/huawei-ascend-910b@0-11"_s};
        QTest::newRow("space dropped") << u"Ascend910B chips"_s << QStringList{u"chip/huawei-ascend-910b@0-10"_s};
        QTest::newRow("en dash") << u"Ascend–910B"_s << QStringList{u"chip/huawei-ascend-910b@0-11"_s};
        QTest::newRow("non-breaking hyphen") << u"GB\u2011200"_s << QStringList{u"chip/nvidia-gb200@0-6"_s};
        QTest::newRow("hyphenated plural") << u"MI-300Xs"_s << QStringList{u"chip/amd-mi300x@0-7"_s};
        QTest::newRow("single letter never varies") << u"H-20, H 20, an A 100-page report"_s << QStringList{};

        // Unicode normalisation: one unit for one, offsets into the text as written.
        QTest::newRow("accent dropped") << u"Quebec"_s << QStringList{u"region/qc@0-6"_s};
        QTest::newRow("capitals with accent") << u"QUÉBEC"_s << QStringList{u"region/qc@0-6"_s};
        QTest::newRow("decomposed accent") << u"Que\u0301bec"_s << QStringList{u"region/qc@0-7"_s};
        QTest::newRow("decomposed accent at the end")
            << u"Nestle\u0301's cocoa"_s << QStringList{u"company/nestle@0-7"_s};
        QTest::newRow("letters with a stroke")
            << u"Lodz and ŁÓDŹ"_s << QStringList{u"region/lodz@0-4"_s, u"region/lodz@9-13"_s};
        QTest::newRow("full-width model") << u"Ｈ２０芯片"_s << QStringList{u"chip/nvidia-h20@0-3"_s};
        QTest::newRow("no-break space") << u"the United\u00A0States"_s << QStringList{u"region/us@4-17"_s};
        QTest::newRow("narrow no-break space") << u"United\u202FStates"_s << QStringList{u"region/us@0-13"_s};
        QTest::newRow("soft hyphen inside") << u"In\u00ADtel"_s << QStringList{u"company/intel@0-6"_s};
        QTest::newRow("prime as apostrophe") << u"Intel\u2032s"_s << QStringList{u"company/intel@0-5"_s};
        QTest::newRow("CJK needs no boundaries") << u"在中国"_s << QStringList{u"region/cn@1-3"_s};
        QTest::newRow("superscript is not a digit") << u"H2\u2070"_s << QStringList{};
        QTest::newRow("accent does not join words") << u"Intelé"_s << QStringList{};
    }
    void variants()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const Lede::Linker linker(::variants());
        const auto mentions = linker.link(text);
        QCOMPARE(LedeTest::describe(mentions), expected);
        for (const auto &m : mentions)
            QCOMPARE(m.surface, text.mid(m.start, m.end - m.start));
    }

    void folding_data()
    {
        QTest::addColumn<int>("unit");
        QTest::addColumn<int>("folded");
        QTest::newRow("ASCII capital") << int(u'N') << int(u'n');
        QTest::newRow("full-width capital") << 0xFF2E << int(u'n');
        QTest::newRow("full-width digit") << 0xFF12 << int(u'2');
        QTest::newRow("accented capital") << 0x00C9 << int(u'e');
        QTest::newRow("Vietnamese") << 0x1EC7 << int(u'e');
        QTest::newRow("o with stroke") << 0x00D8 << int(u'o');
        QTest::newRow("long s") << 0x017F << int(u's');
        QTest::newRow("Kelvin sign") << 0x212A << int(u'k');
        QTest::newRow("right single quote") << 0x2019 << int(u'\'');
        QTest::newRow("en dash") << 0x2013 << int(u'-');
        QTest::newRow("ideographic space") << 0x3000 << int(u' ');
        QTest::newRow("half-width katakana") << 0xFF76 << 0x30AB;
        QTest::newRow("CJK compatibility ideograph") << 0xF900 << 0x8C48;
        QTest::newRow("kana keeps its voicing") << 0x304C << 0x304C;
        QTest::newRow("superscript two stays") << 0x00B2 << 0x00B2;
        QTest::newRow("Han stays") << 0x4E2D << 0x4E2D;
    }
    void folding()
    {
        QFETCH(int, unit);
        QFETCH(int, folded);
        QCOMPARE(int(Lede::Linker::fold(char16_t(unit))), folded);
    }

    // The variants are extra patterns over the same entities; the real aliases keep theirs.
    void variantsDoNotStealNames()
    {
        auto kb = std::make_shared<Lede::KnowledgeBase>();
        QStringList errors;
        kb->parse(u"[chip/a]\nname = XY 10\n[chip/b]\nname = XY-10\n"_s, u"t"_s, &errors);
        kb->finish(&errors);
        const Lede::Linker linker(kb);
        QCOMPARE(LedeTest::describe(linker.link(u"XY 10 and XY-10 and XY10"_s)),
            (QStringList{u"chip/a@0-5"_s, u"chip/b@10-15"_s, u"chip/a@20-24"_s}));
    }
};

QTEST_GUILESS_MAIN(TestLinkerVariants)
#include "tst_linkervariants.moc"
