// SPDX-License-Identifier: MIT
// The search field's text as the sidebar reads and edits it (lib/query/querytext), the places the
// query's words are found in a text (lib/query/hits), and searches of the field's text on a small
// library: the same articles as the query read as written, with facet counts per kind.
#include "kb/knowledgebase.h"
#include "query/hits.h"
#include "query/parser.h"
#include "query/querytext.h"
#include "store/library.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

Lede::Article article(
    const QString &title, const QString &text, QDate published, const QList<std::pair<QString, QString>> &entities)
{
    Lede::Article a;
    a.title = title;
    a.text = text;
    a.format = Lede::SourceFormat::PlainText;
    a.sourcePath = u"/fixture/"_s + title;
    a.published = QDateTime(published, QTime(12, 0), QTimeZone::UTC);
    for (const auto &[id, surface] : entities) {
        const qsizetype at = text.indexOf(surface);
        Q_ASSERT(at >= 0);
        a.entities.append({id, at, at + surface.size(), surface});
    }
    return a;
}

QString pieces(QStringView text, const QList<std::pair<qsizetype, qsizetype>> &ranges)
{
    QStringList out;
    for (const auto &[start, end] : ranges)
        out.append(text.sliced(start, end - start).toString());
    return out.join(u'|');
}

} // namespace

class TestQueryText : public QObject
{
    Q_OBJECT

    std::shared_ptr<const Lede::KnowledgeBase> m_kb;
    QTemporaryDir m_dir;
    Lede::Library m_library;

private Q_SLOTS:
    void initTestCase()
    {
        m_kb = Lede::KnowledgeBase::loadBuiltin();
        QVERIFY(m_kb && m_kb->size() > 100);
        QVERIFY2(m_library.open(m_dir.filePath(u"t.lede"_s)), qPrintable(m_library.lastError()));
        const QList<Lede::Article> articles = {
            article(u"Huawei in Johor"_s, u"Huawei builds in Johor with export licences."_s, QDate(2025, 4, 20),
                {{u"company/huawei"_s, u"Huawei"_s}, {u"region/johor"_s, u"Johor"_s}}),
            article(u"Nvidia and Huawei in Malaysia"_s, u"Nvidia and Huawei sell chips in Malaysia."_s,
                QDate(2025, 5, 2),
                {{u"company/nvidia"_s, u"Nvidia"_s}, {u"company/huawei"_s, u"Huawei"_s},
                    {u"region/my"_s, u"Malaysia"_s}}),
            article(u"TSMC in Japan"_s, u"TSMC opens a plant in Japan under export controls."_s, QDate(2025, 3, 10),
                {{u"company/tsmc"_s, u"TSMC"_s}, {u"region/jp"_s, u"Japan"_s}}),
            article(u"Nvidia in Japan"_s, u"Nvidia sells to Japan."_s, QDate(2024, 12, 1),
                {{u"company/nvidia"_s, u"Nvidia"_s}, {u"region/jp"_s, u"Japan"_s}}),
        };
        for (const Lede::Article &a : articles)
            QVERIFY2(m_library.addArticle(a), qPrintable(m_library.lastError()));
    }

    void entityTermsNameTheirEntity()
    {
        // Every entity the sidebar can show is written so that the query finds it again.
        int checked = 0;
        for (const Lede::Entity &e : m_kb->entities()) {
            const QString term = Lede::Query::entityTerm(e.id);
            QVERIFY2(!term.isEmpty(), qPrintable(e.id));
            const Lede::Query::ParseResult parsed = Lede::Query::parse(term);
            QVERIFY2(parsed.ok(), qPrintable(term + u": "_s + parsed.errors.value(0).message));
            QCOMPARE(parsed.root.type, Lede::Query::Node::Term);
            const QStringList named = Lede::Query::namedEntities(*m_kb, parsed.root.field, parsed.root.value);
            QVERIFY2(named == QStringList{e.id}, qPrintable(term + u" → "_s + named.join(u',')));
            ++checked;
        }
        QVERIFY(checked > 100);
        QCOMPARE(Lede::Query::entityTerm(u"region/southeast-asia"_s), u"region:\"southeast asia\""_s);
        QCOMPARE(Lede::Query::entityTerm(u"nothing"_s), QString());
    }

    void toggle_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("expected");
        QTest::newRow("first") << u""_s << u"company/nvidia"_s << u"company:nvidia"_s;
        QTest::newRow("after words") << u"export licences"_s << u"region/my"_s << u"export licences region:my"_s;
        QTest::newRow("same kind is OR") << u"huawei company:nvidia"_s << u"company/tsmc"_s
                                         << u"huawei (company:nvidia OR company:tsmc)"_s;
        QTest::newRow("into the group") << u"(company:nvidia OR company:tsmc) region:jp"_s << u"company/huawei"_s
                                        << u"(company:nvidia OR company:tsmc OR company:huawei) region:jp"_s;
        QTest::newRow("other kind is AND") << u"(company:nvidia OR company:tsmc)"_s << u"region/jp"_s
                                           << u"(company:nvidia OR company:tsmc) region:jp"_s;
        QTest::newRow("after an OR of words")
            << u"tsmc OR licences"_s << u"company/nvidia"_s << u"(tsmc OR licences) company:nvidia"_s;
        QTest::newRow("off again") << u"huawei company:nvidia since:2025"_s << u"company/nvidia"_s
                                   << u"huawei since:2025"_s;
        QTest::newRow("typed by name") << u"company:NVIDIA export"_s << u"company/nvidia"_s << u"export"_s;
        QTest::newRow("out of a group of two")
            << u"(company:nvidia OR company:tsmc) x"_s << u"company/nvidia"_s << u"company:tsmc x"_s;
        QTest::newRow("out of a group of three") << u"(company:nvidia OR company:tsmc OR company:huawei)"_s
                                                 << u"company/tsmc"_s << u"(company:nvidia OR company:huawei)"_s;
        QTest::newRow("first of a group") << u"(company:nvidia OR company:tsmc OR company:huawei)"_s
                                          << u"company/nvidia"_s << u"(company:tsmc OR company:huawei)"_s;
        QTest::newRow("an exclusion comes off") << u"huawei -company:nvidia"_s << u"company/nvidia"_s << u"huawei"_s;
        QTest::newRow("words inside brackets stay")
            << u"(nvidia OR tsmc)"_s << u"company/nvidia"_s << u"(nvidia OR tsmc) company:nvidia"_s;
    }

    void toggle()
    {
        QFETCH(QString, text);
        QFETCH(QString, entity);
        QFETCH(QString, expected);
        const QString out = Lede::Query::toggleEntity(text, entity, *m_kb);
        QCOMPARE(out, expected);
        QVERIFY2(Lede::Query::parse(out).ok(), qPrintable(out));
    }

    void excludeRemoveDates()
    {
        using namespace Lede::Query;
        QCOMPARE(excludeEntity(u"company:nvidia huawei"_s, u"company/nvidia"_s, *m_kb), u"huawei -company:nvidia"_s);
        QCOMPARE(excludeEntity(u"huawei -company:nvidia"_s, u"company/nvidia"_s, *m_kb), u"huawei -company:nvidia"_s);
        QCOMPARE(excludeEntity(u"a OR b"_s, u"region/jp"_s, *m_kb), u"(a OR b) -region:jp"_s);
        QCOMPARE(removeEntity(u"(company:nvidia OR company:tsmc) -company:nvidia"_s, u"company/nvidia"_s, *m_kb),
            u"company:tsmc"_s);
        QCOMPARE(removeAllEntities(u"export (company:nvidia OR company:tsmc) -region:jp licences"_s, *m_kb),
            u"export licences"_s);
        QCOMPARE(withDates(u"huawei since:2024-01 until:2024-02 x"_s, QDate(2025, 3, 3), QDate(2025, 3, 16)),
            u"huawei x since:2025-03-03 until:2025-03-16"_s);
        QCOMPARE(withDates(u"since:2024"_s, QDate(), QDate(2025, 1, 5)), u"until:2025-01-05"_s);
        QCOMPARE(phraseTerm(u"  export\n\"controls\"  "_s), u"\"export controls\""_s);
        QCOMPARE(phraseTerm(u" \" "_s), QString());
    }

    void facetsOfTheText()
    {
        Lede::Query::TextFacets facets;
        const Lede::Query::Search s = Lede::Query::prepareText(
            u"export (company:nvidia OR company:huawei) -region:jp company:tsmc"_s, *m_kb, &facets);
        QVERIFY(s.ok());
        QCOMPARE(facets.chosen.value(u"company"_s),
            (QStringList{u"company/nvidia"_s, u"company/huawei"_s, u"company/tsmc"_s}));
        QCOMPARE(facets.excluded, QStringList{u"region/jp"_s});
        // The first group of a kind is its facet list; a second one stays in the query (AND).
        QVERIFY(s.chosen.value(u"company"_s).contains(u"company/nvidia"_s));
        QVERIFY(!s.chosen.value(u"company"_s).contains(u"company/tsmc"_s));
        QCOMPARE(s.query.debugString(), Lede::Query::parse(u"export company:tsmc"_s).root.debugString());
        QVERIFY(s.excluded.contains(u"region/jp"_s));
        // Mistakes are kept with their places.
        const Lede::Query::Search bad = Lede::Query::prepareText(u"huawei company:nosuchfirm"_s, *m_kb);
        QCOMPARE(bad.errors.size(), 1);
        QCOMPARE(bad.errors.first().range.start, 15);
    }

    void sameArticlesAsWritten_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("a company") << u"company:nvidia"_s;
        QTest::newRow("or within a kind") << u"(company:nvidia OR company:tsmc)"_s;
        QTest::newRow("and across kinds") << u"company:huawei region:my"_s;
        QTest::newRow("region with members") << u"company:huawei region:\"southeast asia\""_s;
        QTest::newRow("excluded") << u"export -company:tsmc"_s;
        QTest::newRow("two groups of a kind") << u"company:nvidia company:huawei"_s;
        QTest::newRow("words and dates") << u"huawei since:2025-01 -region:jp"_s;
        QTest::newRow("an OR at the top") << u"company:tsmc OR company:huawei"_s;
    }

    void sameArticlesAsWritten()
    {
        QFETCH(QString, query);
        const auto asFacets = m_library.search(Lede::Query::prepareText(query, *m_kb));
        const auto asWritten = m_library.search(Lede::Query::prepare(query, {}, *m_kb));
        QVERIFY(asFacets && asWritten);
        QCOMPARE(asFacets->ids, asWritten->ids);
        QVERIFY(!asFacets->ids.isEmpty());
    }

    void countsPerKind()
    {
        // Nvidia chosen: the other companies count what choosing them too (OR) would add, the
        // regions count the result.
        const auto r = m_library.search(Lede::Query::prepareText(u"company:nvidia"_s, *m_kb));
        QVERIFY(r);
        QCOMPARE(r->ids.size(), 2);
        QCOMPARE(r->entityCounts.value(u"company/nvidia"_s), 2);
        QCOMPARE(r->entityCounts.value(u"company/huawei"_s), 2);
        QCOMPARE(r->entityCounts.value(u"company/tsmc"_s), 1);
        QCOMPARE(r->entityCounts.value(u"region/jp"_s), 1);
        QCOMPARE(r->entityCounts.value(u"region/johor"_s), 0);
        // Written as a word query instead, the counts are those of the result alone.
        const auto words = m_library.search(Lede::Query::prepareText(u"company:nvidia OR nothing"_s, *m_kb));
        QVERIFY(words);
        QCOMPARE(words->entityCounts.value(u"company/tsmc"_s), 0);
    }

    void savedSearchesInTheLibrary()
    {
        QCOMPARE(m_library.savedSearches(), QList<Lede::SavedSearch>{});
        const auto nvidia = m_library.saveSearch(u"  Nvidia   exports "_s, u"company:nvidia export"_s);
        QVERIFY2(nvidia, qPrintable(m_library.lastError()));
        QCOMPARE(nvidia->name, u"Nvidia exports"_s);
        QVERIFY(nvidia->id > 0);
        const auto asia = m_library.saveSearch(u"asia"_s, u"region:\"southeast asia\""_s);
        QVERIFY(asia);
        // By name, ignoring case.
        QList<Lede::SavedSearch> all = m_library.savedSearches();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).name, u"asia"_s);
        QCOMPARE(all.at(1).query, u"company:nvidia export"_s);
        // Saving under a name in use (any case) replaces that search's query.
        const auto again = m_library.saveSearch(u"NVIDIA EXPORTS"_s, u"company:nvidia"_s);
        QVERIFY(again);
        QCOMPARE(again->id, nvidia->id);
        all = m_library.savedSearches();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(1).query, u"company:nvidia"_s);
        QCOMPARE(all.at(1).name, u"Nvidia exports"_s);
        // Renaming: not to another's name, nor to nothing.
        QVERIFY(!m_library.renameSavedSearch(asia->id, u"nvidia exports"_s));
        QVERIFY(m_library.lastError().contains(u"nvidia exports"_s));
        QVERIFY(!m_library.renameSavedSearch(asia->id, u"  "_s));
        QVERIFY(m_library.renameSavedSearch(asia->id, u"Southeast Asia"_s));
        QVERIFY(!m_library.saveSearch(u""_s, u"x"_s));
        all = m_library.savedSearches();
        QCOMPARE(all.at(1).name, u"Southeast Asia"_s);
        QVERIFY(m_library.removeSavedSearch(nvidia->id));
        all = m_library.savedSearches();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().id, asia->id);
        // They are in the file: another connection reads them.
        Lede::Library other;
        QVERIFY(other.open(m_library.path()));
        QCOMPARE(other.savedSearches(), all);
        QVERIFY(m_library.removeSavedSearch(asia->id));
    }

    void hits_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("word, any case") << u"huawei"_s << u"Huawei’s rival, HUAWEI-made."_s << u"Huawei|HUAWEI"_s;
        QTest::newRow("whole words only") << u"chip"_s << u"chips and a chip"_s << u"chip"_s;
        QTest::newRow("prefix") << u"licen*"_s << u"licences, licensing, a licence"_s
                                << u"licences|licensing|licence"_s;
        QTest::newRow("phrase across punctuation")
            << u"\"export controls\""_s << u"Export-controls; export rules; export controls."_s
            << u"Export-controls|export controls"_s;
        QTest::newRow("accents ignored") << u"ecole"_s << u"L’École et l’ecole"_s << u"École|ecole"_s;
        QTest::newRow("not under NOT") << u"huawei -nvidia"_s << u"Huawei and Nvidia"_s << u"Huawei"_s;
        QTest::newRow("fields are not words") << u"company:nvidia title:nvidia"_s << u"Nvidia"_s << QString();
        QTest::newRow("chinese") << u"华为"_s << u"华为公司宣布，华为"_s << u"华为|华为"_s;
        QTest::newRow("overlaps merged") << u"export \"export controls\""_s << u"export controls"_s
                                         << u"export controls"_s;
        QTest::newRow("astral letters") << u"𝐀b"_s << u"x 𝐀b y"_s << u"𝐀b"_s;
    }

    void hits()
    {
        QFETCH(QString, query);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const Lede::Query::ParseResult parsed = Lede::Query::parse(query);
        QVERIFY(parsed.ok());
        const auto ranges = Lede::Query::hitRanges(parsed.root, text);
        QCOMPARE(pieces(text, ranges), expected);
        for (qsizetype i = 1; i < ranges.size(); ++i)
            QVERIFY(ranges.at(i - 1).second < ranges.at(i).first);
    }
};

QTEST_GUILESS_MAIN(TestQueryText)
#include "tst_querytext.moc"
