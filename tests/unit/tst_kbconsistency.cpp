// SPDX-License-Identifier: MIT
// The shipped knowledge base is consistent: it loads without an error, every reference names an entity
// of the right kind, no name is shared by two entities without a rule that tells them apart, tickers
// have their exchange's shape, every entity listed for a criterion set names a known set and has a
// country, and renamed ids (`formerly`) lead somewhere. See resources/kb/README.md.
#include "kb/knowledgebase.h"
#include "link/linker.h"

#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

// The criterion sets resources/kb/README.md describes.
const QSet<QString> knownSets = {u"sp500"_s, u"nasdaq100"_s, u"eurostoxx50"_s, u"ftse100"_s, u"dax"_s, u"cac40"_s,
    u"smi"_s, u"nikkei225"_s, u"hangseng"_s, u"csi300"_s, u"star50"_s, u"kospi50"_s, u"taiwan50"_s, u"nifty50"_s,
    u"kospi200"_s, u"taiwan-midcap100"_s, u"nifty-next50"_s, u"sti"_s, u"klci"_s, u"set50"_s, u"lq45"_s, u"vn30"_s,
    u"psei"_s, u"semiconductors"_s, u"ai-tech-private"_s, u"news"_s, u"largest-listed"_s, u"aex"_s, u"ibex35"_s,
    u"ftsemib"_s, u"omxs30"_s, u"omxc25"_s, u"tsx60"_s, u"asx50"_s, u"ibovespa"_s, u"ipc"_s, u"sp400"_s, u"ai-infra"_s,
    u"hstech"_s, u"finance-cn-brokers"_s, u"finance-cn-funds"_s, u"finance-research"_s, u"finance-investors"_s,
    u"finance-venture"_s, u"sp500-top100"_s, u"us-listed-large"_s};

// A rule the linker applies before linking a name: without one, two entities sharing a name cannot
// be told apart.
bool hasRule(const Lede::Entity &e)
{
    for (const char16_t *key : {u"context", u"context_at_start", u"avoid", u"case", u"not_before", u"not_after"}) {
        if (!e.value(QStringView(key)).isEmpty())
            return true;
    }
    return false;
}

// The name as the linker compares it: folded, unless it must match as written.
QString matchKey(const Lede::Alias &a)
{
    QString key;
    key.reserve(a.text.size());
    for (QChar c : a.text)
        key.append(a.exactCase ? c : QChar(Lede::Linker::fold(c.unicode())));
    return key;
}

} // namespace

class TestKbConsistency : public QObject
{
    Q_OBJECT
    std::shared_ptr<const Lede::KnowledgeBase> m_kb;

private Q_SLOTS:
    void initTestCase()
    {
        QStringList errors;
        m_kb = Lede::KnowledgeBase::loadBuiltin(&errors);
        // Unknown references are dropped by the loader with an error: none may be.
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    }

    void referencesHaveTheRightKind()
    {
        const QHash<QString, QList<Lede::EntityKind>> targets = {
            {u"hq"_s, {Lede::EntityKind::Region}},
            {u"part_of"_s, {Lede::EntityKind::Region}},
            {u"parent"_s, {Lede::EntityKind::Company, Lede::EntityKind::Organisation}},
            {u"maker"_s, {Lede::EntityKind::Company}},
            {u"family"_s, {Lede::EntityKind::Chip}},
        };
        QStringList wrong;
        for (const Lede::Entity &e : m_kb->entities()) {
            for (const auto &[key, value] : e.facts) {
                const auto allowed = targets.constFind(key);
                if (allowed == targets.cend())
                    continue;
                const Lede::Entity *target = m_kb->entity(value);
                if (!target || !allowed->contains(target->kind))
                    wrong.append(u"%1: %2 = %3"_s.arg(e.id, key, value));
                // A company's parent is a company; an organisation's parent is an organisation.
                if (target && key == u"parent" && target->kind != e.kind)
                    wrong.append(u"%1: parent %2 is of another kind"_s.arg(e.id, value));
            }
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
    }

    void formerIdsLeadToOneEntity()
    {
        static const QRegularExpression idShape(u"^(company|chip|region|organisation)/[a-z0-9-]+$"_s);
        QHash<QString, QString> seen;
        QStringList wrong;
        for (const Lede::Entity &e : m_kb->entities()) {
            for (const QString &former : e.values(u"formerly")) {
                if (!idShape.match(former).hasMatch())
                    wrong.append(u"%1: formerly %2 is not an id"_s.arg(e.id, former));
                if (m_kb->entity(former))
                    wrong.append(u"%1: formerly %2 is still an entity"_s.arg(e.id, former));
                if (seen.contains(former))
                    wrong.append(u"%1 and %2 were both %3"_s.arg(seen.value(former), e.id, former));
                seen.insert(former, e.id);
                if (m_kb->currentId(former) != e.id)
                    wrong.append(u"%1 does not lead to %2"_s.arg(former, e.id));
            }
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
    }

    // A name shared by several entities is linked to the one without a rule, or decided by the rules
    // (context, context_at_start, avoid, case) or by a region's metonym and demonym handling: at most
    // one entity of those sharing a name may have none.
    void sharedNamesHaveARule()
    {
        QHash<QString, QList<std::pair<qsizetype, Lede::Alias::Role>>> byName;
        const auto &entities = m_kb->entities();
        for (qsizetype i = 0; i < entities.size(); ++i) {
            QSet<QString> own;
            for (const Lede::Alias &a : entities.at(i).aliases) {
                const QString key = matchKey(a);
                if (!own.contains(key)) {
                    own.insert(key);
                    byName[key].append({i, a.role});
                }
            }
        }
        QStringList wrong;
        for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
            if (it->size() < 2)
                continue;
            QStringList unruled;
            for (const auto &[index, role] : *it) {
                const Lede::Entity &e = entities.at(index);
                if (!hasRule(e) && role != Lede::Alias::Metonym && role != Lede::Alias::Demonym)
                    unruled.append(e.id);
            }
            if (unruled.size() > 1)
                wrong.append(u"\"%1\": %2"_s.arg(it.key(), unruled.join(u", ")));
        }
        wrong.sort();
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
    }

    void tickersHaveTheirExchangesShape()
    {
        // The exchanges the base uses and the shape of a symbol on each.
        const QString usLetters = u"[A-Z]{1,5}(\\.[A-Z])?"_s; // NVDA, BRK.B
        const QString euLetters = u"[A-Z0-9]{1,6}([.-][A-Z])?"_s; // MC, NOVO-B, STMPA
        const QHash<QString, QString> shapes = {
            {u"NYSE"_s, usLetters},
            {u"NASDAQ"_s, usLetters},
            {u"HKEX"_s, u"[0-9]{4,5}"_s},
            {u"SSE"_s, u"[0-9]{6}"_s},
            {u"SZSE"_s, u"[0-9]{6}"_s},
            {u"TWSE"_s, u"[0-9]{4}"_s},
            {u"TPEX"_s, u"[0-9]{4}"_s},
            {u"KRX"_s, u"[0-9]{6}"_s},
            {u"KOSDAQ"_s, u"[0-9]{6}"_s},
            {u"TYO"_s, u"[0-9]{3}[0-9A-Z]"_s}, // 7203, 285A
            {u"NSE"_s, u"[A-Z][A-Z0-9&-]{0,11}"_s},
            {u"LSE"_s, u"[A-Z0-9]{1,4}(\\.[A-Z]?)?"_s}, // BP., RR., BT.A, AZN
            {u"ETR"_s, euLetters},
            {u"EPA"_s, euLetters},
            {u"AMS"_s, euLetters},
            {u"SIX"_s, euLetters},
            {u"BME"_s, euLetters},
            {u"BIT"_s, euLetters},
            {u"EBR"_s, euLetters},
            {u"HEL"_s, u"[A-Z0-9]{1,6}(-[A-Z]{1,2})?"_s},
            {u"STO"_s, u"[A-Z0-9]{1,6}(-[A-Z]{1,3})?"_s},
            {u"CPH"_s, euLetters},
            {u"OSL"_s, euLetters},
            {u"ELI"_s, euLetters},
            {u"ISE"_s, euLetters},
            {u"SGX"_s, u"[A-Z0-9]{3}[A-Z]?"_s}, // D05, Z74, C38U
            {u"MYX"_s, u"[0-9]{4}"_s},
            {u"SET"_s, u"[A-Z][A-Z0-9]{1,7}"_s}, // PTT, ADVANC, PTTEP
            {u"IDX"_s, u"[A-Z]{4}"_s}, // BBCA, TLKM
            {u"HOSE"_s, u"[A-Z]{3}"_s}, // VCB, FPT
            {u"PSE"_s, u"[A-Z]{2,5}"_s}, // SM, ALI, GTCAP
            {u"ASX"_s, u"[A-Z0-9]{3}"_s},
            {u"TSX"_s, u"[A-Z]{1,4}(\\.[A-Z]{1,2})?"_s},
            {u"TSXV"_s, u"[A-Z]{1,4}(\\.[A-Z]{1,2})?"_s},
            {u"TADAWUL"_s, u"[0-9]{4}"_s},
            {u"NZX"_s, u"[A-Z]{3}"_s},
            {u"JSE"_s, u"[A-Z]{2,3}"_s},
            {u"DFM"_s, u"[A-Z]{2,10}"_s},
            {u"ADX"_s, u"[A-Z]{2,10}"_s},
            {u"B3"_s, u"[A-Z0-9]{4}[0-9]{1,2}"_s},
            {u"BMV"_s, u"[A-Z&]{1,10}[0-9]{0,2}(-[0-9])?"_s},
        };
        QStringList wrong;
        QHash<QString, QString> owner;
        for (const Lede::Entity &e : m_kb->entities()) {
            for (const QString &ticker : e.values(u"ticker")) {
                const QString exchange = ticker.section(u':', 0, 0);
                const QString symbol = ticker.section(u':', 1);
                const auto shape = shapes.constFind(exchange);
                if (shape == shapes.cend()) {
                    wrong.append(u"%1: unknown exchange in %2"_s.arg(e.id, ticker));
                    continue;
                }
                if (!QRegularExpression(u"^(?:%1)$"_s.arg(*shape)).match(symbol).hasMatch())
                    wrong.append(u"%1: %2 is not shaped like a %3 symbol"_s.arg(e.id, ticker, exchange));
                if (owner.contains(ticker) && owner.value(ticker) != e.id)
                    wrong.append(u"%1 and %2 share %3"_s.arg(owner.value(ticker), e.id, ticker));
                owner.insert(ticker, e.id);
            }
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
    }

    // Each entity listed for a criterion set names a set the README describes and has its country.
    void criterionSetsAreKnownAndComplete()
    {
        QStringList wrong;
        QHash<QString, int> counts;
        for (const Lede::Entity &e : m_kb->entities()) {
            const QStringList sets = e.values(u"set");
            for (const QString &set : sets) {
                ++counts[set];
                if (!knownSets.contains(set))
                    wrong.append(u"%1: unknown set %2"_s.arg(e.id, set));
            }
            if (e.kind == Lede::EntityKind::Company && !sets.isEmpty() && e.values(u"hq").isEmpty())
                wrong.append(u"%1: no hq"_s.arg(e.id));
            if (e.kind != Lede::EntityKind::Company && !sets.isEmpty())
                wrong.append(u"%1: only companies are listed for criterion sets"_s.arg(e.id));
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
        // The sets that are complete have about their index's size (share classes are one company).
        QVERIFY2(counts.value(u"sp500"_s) >= 495, qPrintable(QString::number(counts.value(u"sp500"_s))));
        QVERIFY2(counts.value(u"nifty50"_s) == 50, qPrintable(QString::number(counts.value(u"nifty50"_s))));
        QVERIFY2(counts.value(u"nikkei225"_s) >= 220, qPrintable(QString::number(counts.value(u"nikkei225"_s))));
        // The Nasdaq-100 of 2024 (101 share lines, 100 companies, and those that left during the year)
        // and the AEX, complete in resources/kb/README.md.
        QVERIFY2(counts.value(u"nasdaq100"_s) >= 100, qPrintable(QString::number(counts.value(u"nasdaq100"_s))));
        QVERIFY2(counts.value(u"aex"_s) == 25, qPrintable(QString::number(counts.value(u"aex"_s))));
        QVERIFY2(counts.value(u"smi"_s) == 20, qPrintable(QString::number(counts.value(u"smi"_s))));
    }

    // resources/kb/README.md asks for the Chinese names in common use of every company in the S&P 500's
    // top 100, the Nasdaq-100 and the semiconductor set, where they are certain. This lists the members
    // that have none yet, so that the list can be worked down, and fails if it grows: a member added
    // without its Chinese name, or a name removed, has to be looked at.
    void chineseNamesOfTheSetsThatNeedThem()
    {
        // A Chinese name: Han characters, with no Japanese kana or Korean hangul (a Japanese name
        // written in kanji and kana is not one). Latin letters may stand beside them ("GE医疗").
        static const QRegularExpression han(u"\\p{Han}"_s);
        static const QRegularExpression kanaOrHangul(u"[\\p{Hiragana}\\p{Katakana}\\p{Hangul}]"_s);
        const auto isChinese
            = [](const QString &name) { return han.match(name).hasMatch() && !kanaOrHangul.match(name).hasMatch(); };
        const QStringList sets = {u"sp500-top100"_s, u"nasdaq100"_s, u"semiconductors"_s};
        QHash<QString, QStringList> without;
        QStringList notInTheIndex;
        for (const Lede::Entity &e : m_kb->entities()) {
            const QStringList own = e.values(u"set");
            if (own.contains(u"sp500-top100") && !own.contains(u"sp500"))
                notInTheIndex.append(e.id);
            bool named = false;
            for (const Lede::Alias &a : e.aliases)
                named = named || isChinese(a.text);
            if (named)
                continue;
            for (const QString &set : sets) {
                if (own.contains(set))
                    without[set].append(e.id);
            }
        }
        // The top 100 are constituents of the index.
        QVERIFY2(notInTheIndex.isEmpty(), qPrintable(notInTheIndex.join(u", ")));
        // The members without a Chinese name today; each number may only fall.
        const QHash<QString, qsizetype> ceiling = {
            {u"sp500-top100"_s, 5},
            {u"nasdaq100"_s, 36},
            {u"semiconductors"_s, 74},
        };
        QStringList grown;
        for (const QString &set : sets) {
            QStringList ids = without.value(set);
            ids.sort();
            qInfo("%s: %lld without a Chinese name: %s", qPrintable(set), qlonglong(ids.size()),
                qPrintable(ids.join(u", ")));
            if (ids.size() > ceiling.value(set))
                grown.append(u"%1: %2 > %3"_s.arg(set).arg(ids.size()).arg(ceiling.value(set)));
        }
        QVERIFY2(grown.isEmpty(), qPrintable(grown.join(u'\n')));
    }

    void kindsAreFiledApart()
    {
        QHash<Lede::EntityKind, int> counts;
        for (const Lede::Entity &e : m_kb->entities()) {
            ++counts[e.kind];
            QCOMPARE(Lede::kindOfId(e.id), std::optional(e.kind));
            // Organisations are not companies: no ticker, no sector.
            if (e.kind == Lede::EntityKind::Organisation) {
                QVERIFY2(e.values(u"ticker").isEmpty(), qPrintable(e.id));
                QVERIFY2(e.values(u"sector").isEmpty(), qPrintable(e.id));
                QVERIFY2(!e.value(u"type").isEmpty(), qPrintable(e.id));
            }
        }
        QVERIFY(counts.value(Lede::EntityKind::Chip) >= 250);
        QVERIFY(counts.value(Lede::EntityKind::Organisation) >= 40);
    }

    // Organisation sets the README names as complete: the Federal Reserve System (its Board, the
    // FOMC and the twelve Reserve Banks under the System's record) and the committees of Congress
    // (sixteen standing committees of the Senate and twenty of the House, each under its chamber).
    void completeOrganisationSetsAreWhole()
    {
        QHash<QString, int> children;
        int reserveBanks = 0;
        for (const Lede::Entity &e : m_kb->entities()) {
            if (e.kind != Lede::EntityKind::Organisation)
                continue;
            const QString parent = e.value(u"parent");
            if (e.id.endsWith(u"-committee"))
                ++children[parent];
            else
                ++children[parent + u" (not a committee)"_s];
            if (e.name.startsWith(u"Federal Reserve Bank of "))
                ++reserveBanks;
        }
        QCOMPARE(reserveBanks, 12);
        QCOMPARE(children.value(u"organisation/federal-reserve (not a committee)"_s), 14);
        QCOMPARE(children.value(u"organisation/us-senate"_s), 17); // with the intelligence committee
        QCOMPARE(children.value(u"organisation/us-house"_s), 22); // with intelligence and the CCP committee
    }
};

QTEST_GUILESS_MAIN(TestKbConsistency)
#include "tst_kbconsistency.moc"
