// SPDX-License-Identifier: MIT
// Anchoring a passage so it survives changes to its text: each row marks a passage in an old text,
// changes the text, and says where the passage must land (exactly in place, moved, or an orphan).
#include "text/anchoring.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace Qt::StringLiterals;
using Lede::Reanchored;
using Lede::TextAnchor;

Q_DECLARE_METATYPE(Lede::Reanchored::Status)

namespace {

const QString base = u"Nvidia said on Tuesday that it had sold H20 chips to buyers in China before the new rules "
                     u"took effect.\n\nThe company expects revenue of $28 billion in the second quarter, "
                     u"analysts at Bernstein said, while export controls tighten.\n\nTSMC, which makes the "
                     u"chips, declined to comment on the orders."_s;

// The anchor of the `occurrence`-th copy (0-based) of `quote` in `text`.
TextAnchor anchorOf(const QString &text, const QString &quote, int occurrence = 0)
{
    qsizetype at = text.indexOf(quote);
    for (int i = 0; i < occurrence && at >= 0; ++i)
        at = text.indexOf(quote, at + 1);
    Q_ASSERT(at >= 0);
    return TextAnchor::fromText(text, at, at + quote.size());
}

QString replaced(QString text, const QString &before, const QString &after)
{
    Q_ASSERT(text.contains(before));
    return text.replace(before, after);
}

} // namespace

class TestAnchoring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contextIsKept()
    {
        const TextAnchor a = anchorOf(base, u"$28 billion"_s);
        QCOMPARE(a.exact, u"$28 billion"_s);
        QCOMPARE(a.prefix.size(), Lede::anchorContextLength);
        QCOMPARE(a.suffix.size(), Lede::anchorContextLength);
        QVERIFY(base.mid(a.start - a.prefix.size()).startsWith(a.prefix + a.exact + a.suffix));
        // At the ends of the text the context is shorter.
        const TextAnchor first = anchorOf(base, u"Nvidia"_s);
        QCOMPARE(first.prefix, QString());
        const TextAnchor last = anchorOf(base, u"orders."_s);
        QCOMPARE(last.suffix, QString());
    }

    void contextNeverSplitsAPair()
    {
        // 𠮷 is one character in two UTF-16 units; a context edge falling between them moves inwards.
        const QString text = u"𠮷"_s.repeated(40) + u" quoted words "_s + u"𠮷"_s.repeated(40);
        const qsizetype start = text.indexOf(u"quoted"_s);
        for (qsizetype shift = 0; shift < 2; ++shift) {
            const TextAnchor a = TextAnchor::fromText(text, start - shift, start + 12 + shift);
            QVERIFY(!a.prefix.isEmpty() && !a.prefix.front().isLowSurrogate());
            QVERIFY(!a.suffix.isEmpty() && !a.suffix.back().isHighSurrogate());
        }
        // A passage edge inside a pair takes the whole character.
        const TextAnchor inside = TextAnchor::fromText(text, 1, 5);
        QCOMPARE(inside.start, 0);
        QCOMPARE(inside.end, 6);
        QCOMPARE(inside.exact, u"𠮷𠮷𠮷"_s);
        const TextAnchor inside2 = TextAnchor::fromText(text, 0, 3);
        QCOMPARE(inside2.end, 4);
    }

    void reanchor_data()
    {
        QTest::addColumn<QString>("oldText");
        QTest::addColumn<QString>("quote");
        QTest::addColumn<int>("occurrence");
        QTest::addColumn<QString>("newText");
        QTest::addColumn<Reanchored::Status>("status");
        // The words at the new place, and which copy of them (for repeated words); empty for an orphan.
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("expectedOccurrence");

        const QString quote = u"revenue of $28 billion in the second quarter"_s;
        QTest::newRow("unchanged") << base << quote << 0 << base << Reanchored::Exact << quote << 0;
        QTest::newRow("edited before: inserted")
            << base << quote << 0 << u"UPDATED 14:02. "_s + base << Reanchored::Moved << quote << 0;
        QTest::newRow("edited before: removed")
            << base << quote << 0 << replaced(base, u" on Tuesday"_s, QString()) << Reanchored::Moved << quote << 0;
        QTest::newRow("edited before: rewritten")
            << base << quote << 0 << replaced(base, u"buyers in China"_s, u"several customers in mainland China"_s)
            << Reanchored::Moved << quote << 0;
        QTest::newRow("edited after") << base << quote << 0
                                      << replaced(base, u"declined to comment"_s, u"did not answer questions"_s)
                                      << Reanchored::Exact << quote << 0;
        QTest::newRow("edited just after")
            << base << quote << 0 << replaced(base, u"quarter, analysts"_s, u"quarter, some analysts"_s)
            << Reanchored::Exact << quote << 0;
        QTest::newRow("edited inside: a word changed")
            << base << quote << 0 << replaced(base, u"$28 billion"_s, u"$29 billion"_s) << Reanchored::Moved
            << u"revenue of $29 billion in the second quarter"_s << 0;
        QTest::newRow("edited inside and before")
            << base << quote << 0
            << replaced(replaced(base, u"second quarter"_s, u"2nd quarter"_s), u"Tuesday"_s, u"Wednesday morning"_s)
            << Reanchored::Moved << u"revenue of $28 billion in the 2nd quarter"_s << 0;
        QTest::newRow("edited inside: typo fixed")
            << replaced(base, u"second quarter"_s, u"secnod quarter"_s) << u"revenue of $28 billion in the secnod"_s
            << 0 << base << Reanchored::Moved << u"revenue of $28 billion in the second"_s << 0;
        QTest::newRow("quote deleted")
            << base << quote << 0
            << replaced(base,
                   u"The company expects revenue of $28 billion in the second quarter, analysts at Bernstein "
                   u"said, while export controls tighten.\n\n"_s,
                   QString())
            << Reanchored::Orphan << QString() << 0;
        QTest::newRow("short quote deleted, the word still elsewhere")
            << base << u"chips"_s << 1 << replaced(base, u"which makes the chips, "_s, QString()) << Reanchored::Orphan
            << QString() << 0;
        QTest::newRow("everything replaced")
            << base << quote << 0 << u"An entirely different article about the weather in Lisbon."_s
            << Reanchored::Orphan << QString() << 0;
        QTest::newRow("empty text") << base << quote << 0 << QString() << Reanchored::Orphan << QString() << 0;

        // The same words twice: the copy whose context fits is chosen, not the nearest one.
        const QString twice = u"Officials said the chips were delayed. Analysts were unsure. Later the company "
                              u"confirmed that the chips were delayed by a month."_s;
        QTest::newRow("repeated, unchanged: second copy") << twice << u"the chips were delayed"_s << 1 << twice
                                                          << Reanchored::Exact << u"the chips were delayed"_s << 1;
        QTest::newRow("repeated, edited before: second copy")
            << twice << u"the chips were delayed"_s << 1 << replaced(twice, u"Analysts were unsure. "_s, QString())
            << Reanchored::Moved << u"the chips were delayed"_s << 1;
        QTest::newRow("repeated, edited before: first copy")
            << twice << u"the chips were delayed"_s << 0 << u"On Monday, "_s + twice << Reanchored::Moved
            << u"the chips were delayed"_s << 0;
        // Text inserted before puts the first copy exactly where the second was: position alone would
        // take the wrong copy, the context takes the right one.
        const qsizetype gap = twice.indexOf(u"the chips"_s, 20) - twice.indexOf(u"the chips"_s);
        QTest::newRow("repeated, the other copy now at the old position")
            << twice << u"the chips were delayed"_s << 1 << QString(gap, u'-') + twice << Reanchored::Moved
            << u"the chips were delayed"_s << 1;

        // Re-extraction: debris between paragraphs goes away.
        const QString debris
            = replaced(base, u"tighten.\n\n"_s, u"tighten.\n\nAdvertisement\n\nShare this story\n\n"_s);
        QTest::newRow("debris removed before a short quote")
            << debris << u"TSMC"_s << 0 << base << Reanchored::Moved << u"TSMC"_s << 0;
        QTest::newRow("debris removed after a quote") << debris << u"export controls tighten."_s << 0 << base
                                                      << Reanchored::Exact << u"export controls tighten."_s << 0;

        // CJK: no spaces between words, every character counts.
        const QString cjk
            = u"英伟达周二表示，在新规生效前，已向中国买家出售H20芯片。\n\n该公司预计第二季度收入为280亿美元，"
              u"分析师表示，出口管制正在收紧。\n\n台积电拒绝对订单发表评论。"_s;
        QTest::newRow("CJK unchanged") << cjk << u"该公司预计第二季度收入为280亿美元"_s << 0 << cjk << Reanchored::Exact
                                       << u"该公司预计第二季度收入为280亿美元"_s << 0;
        QTest::newRow("CJK edited before") << cjk << u"该公司预计第二季度收入为280亿美元"_s << 0 << u"【快讯】"_s + cjk
                                           << Reanchored::Moved << u"该公司预计第二季度收入为280亿美元"_s << 0;
        QTest::newRow("CJK edited inside")
            << cjk << u"该公司预计第二季度收入为280亿美元"_s << 0 << replaced(cjk, u"280亿"_s, u"290亿"_s)
            << Reanchored::Moved << u"该公司预计第二季度收入为290亿美元"_s << 0;
        QTest::newRow("CJK quote deleted")
            << cjk << u"台积电拒绝对订单发表评论。"_s << 0
            << replaced(cjk, u"\n\n台积电拒绝对订单发表评论。"_s, QString()) << Reanchored::Orphan << QString() << 0;

        // Characters outside the BMP take two UTF-16 units: offsets move by two for each.
        const QString astral = u"Reactions 👍👍 poured in. The 𠮷野家 chain said sales rose 😀 sharply in March."_s;
        QTest::newRow("surrogates unchanged") << astral << u"𠮷野家 chain said sales rose 😀"_s << 0 << astral
                                              << Reanchored::Exact << u"𠮷野家 chain said sales rose 😀"_s << 0;
        QTest::newRow("surrogates edited before")
            << astral << u"𠮷野家 chain said sales rose 😀"_s << 0 << replaced(astral, u"👍👍"_s, u"👍👍👍🎉"_s)
            << Reanchored::Moved << u"𠮷野家 chain said sales rose 😀"_s << 0;
        QTest::newRow("surrogates edited inside")
            << astral << u"𠮷野家 chain said sales rose 😀"_s << 0 << replaced(astral, u"rose 😀"_s, u"rose 😃"_s)
            << Reanchored::Moved << u"𠮷野家 chain said sales rose 😃"_s << 0;
    }

    void reanchor()
    {
        QFETCH(QString, oldText);
        QFETCH(QString, quote);
        QFETCH(int, occurrence);
        QFETCH(QString, newText);
        QFETCH(Reanchored::Status, status);
        QFETCH(QString, expected);
        QFETCH(int, expectedOccurrence);

        const TextAnchor anchor = anchorOf(oldText, quote, occurrence);
        const Reanchored r = Lede::reanchor(anchor, newText);
        QCOMPARE(r.status, status);
        if (status == Reanchored::Orphan)
            return;
        const QString found = newText.mid(r.start, r.end - r.start);
        QCOMPARE(found, expected);
        QCOMPARE(r.start, anchorOf(newText, expected, expectedOccurrence).start);
        QCOMPARE(r.quoteErrors, Lede::editDistance(quote, found));
        QVERIFY(r.score > 0.5 && r.score <= 1.0);
        if (status == Reanchored::Exact) {
            QCOMPARE(r.start, anchor.start);
            QCOMPARE(r.end, anchor.end);
        }
    }

    void longQuoteAcrossBlocks()
    {
        // A quote longer than one 64-character block of the bit-parallel search, edited in several places.
        const QStringList words = {u"chips"_s, u"fabs"_s, u"export rules"_s, u"tariffs"_s, u"lithography"_s,
            u"memory"_s, u"subsidies"_s, u"packaging"_s, u"wafers"_s, u"licences"_s, u"smugglers"_s};
        QString text;
        for (int i = 0; i < 40; ++i) {
            text += u"Paragraph %1 says something about %2, %3 and %4 in some detail.\n\n"_s.arg(i).arg(
                words.at(i % 11), words.at(i * 7 % 11), words.at(i * 5 % 11));
        }
        const qsizetype start = text.indexOf(u"Paragraph 17"_s);
        const TextAnchor anchor = TextAnchor::fromText(text, start, start + 250);
        QString changed = text;
        changed.replace(u"Paragraph 18 says"_s, u"Paragraph 18 now says"_s);
        changed.replace(u"Paragraph 19 says something"_s, u"Paragraph 19 says a thing"_s);
        changed.prepend(u"Intro.\n\n"_s);
        const Reanchored r = Lede::reanchor(anchor, changed);
        QCOMPARE(r.status, Reanchored::Moved);
        const QString found = changed.mid(r.start, r.end - r.start);
        QVERIFY2(found.startsWith(u"Paragraph 17"_s), qPrintable(found));
        QCOMPARE(r.quoteErrors, Lede::editDistance(anchor.exact, found));
        QVERIFY(r.quoteErrors <= 20);
    }

    void fastOnLongTexts()
    {
        // 20,000 characters, a quote changed inside so the approximate search runs over the whole text.
        QString text;
        for (int i = 0; text.size() < 20000; ++i)
            text += u"Sentence %1 of the report on semiconductor supply chains in East Asia. "_s.arg(i * 7919 % 10007);
        const qsizetype start = text.size() / 2;
        const TextAnchor anchor = TextAnchor::fromText(text, start, start + 300);
        QString changed = text;
        changed[start + 150] = u'#';
        changed[start + 20] = u'#';
        changed.insert(100, u"An inserted sentence. "_s);
        QElapsedTimer timer;
        timer.start();
        constexpr int runs = 20;
        for (int i = 0; i < runs; ++i)
            QCOMPARE(Lede::reanchor(anchor, changed).status, Reanchored::Moved);
        const qint64 ms = timer.elapsed();
        qInfo() << runs << "re-anchorings in a 20,000-character text:" << ms << "ms";
        QVERIFY2(ms < 2000, qPrintable(QString::number(ms)));

        // A quote that is most of the text, changed in a few places.
        const TextAnchor whole = TextAnchor::fromText(text, 50, text.size() - 50);
        timer.restart();
        const Reanchored r = Lede::reanchor(whole, changed);
        QCOMPARE(r.status, Reanchored::Moved);
        QVERIFY(r.quoteErrors <= 30);
        qInfo() << "a 19,900-character quote:" << timer.elapsed() << "ms";
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestAnchoring)
#include "tst_anchoring.moc"
