// SPDX-License-Identifier: MIT
#include "controller/controller.h"
#include "jobs/searchindexjob.h"
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "query/parser.h"
#include "query/search.h"
#include "query/searchtext.h"
#include "query/sql.h"
#include "store/generator.h"
#include "store/library.h"
#include "testpaths.h"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

using namespace Qt::StringLiterals;
using Lede::Query::Node;

namespace {

struct Fixture
{
    QString title;
    QString text;
    QString published; // ISO date or empty
    QString outlet;
    QStringList tags;
    QStringList entities; // "id=surface": the surface is found in the text
};

// A small library: English, Chinese and Japanese, a Johor article (inside Malaysia), an undated one.
const QList<Fixture> fixtures = {
    {u"Huawei ships Ascend chips to Malaysia"_s,
        u"Huawei said it would ship Ascend 910B accelerators to a data centre in Johor."_s, u"2025-04-20"_s,
        u"Reuters"_s, {u"chips"_s},
        {u"company/huawei=Huawei"_s, u"chip/huawei-ascend-910b=Ascend 910B"_s, u"region/johor=Johor"_s}},
    {u"Nvidia and Huawei compete in Malaysia"_s, u"Nvidia and Huawei both sell accelerators in Malaysia."_s,
        u"2025-05-02"_s, u"Bloomberg"_s, {},
        {u"company/nvidia=Nvidia"_s, u"company/huawei=Huawei"_s, u"region/my=Malaysia"_s}},
    {u"华为在马来西亚建设数据中心"_s, u"华为公司宣布在柔佛建设新的数据中心，英伟达拒绝置评。"_s, u"2025-06-01"_s,
        u"财新"_s, {}, {u"company/huawei=华为"_s, u"region/johor=柔佛"_s, u"company/nvidia=英伟达"_s}},
    {u"Export controls tighten"_s, u"The export controls on Nvidia chips now need licences for sales from the US."_s,
        u"2025-03-10"_s, u"Financial Times"_s, {u"policy"_s}, {u"company/nvidia=Nvidia"_s, u"region/us=US"_s}},
    {u"ファーウェイ、輸出規制に対応"_s, u"ファーウェイは日本での輸出規制に対応すると発表した。"_s, u"2024-12-01"_s,
        u"日本経済新聞"_s, {}, {u"company/huawei=ファーウェイ"_s, u"region/jp=日本"_s}},
    {u"Chip prices"_s, u"TSMC raised prices for wafers made in Taiwan."_s, QString(), u"DigiTimes"_s, {},
        {u"company/tsmc=TSMC"_s, u"region/tw=Taiwan"_s}},
};

Lede::Article article(const Fixture &f)
{
    Lede::Article a;
    a.title = f.title;
    a.text = f.text;
    a.format = Lede::SourceFormat::PlainText;
    a.sourcePath = u"/fixture/"_s + f.title;
    a.outlet = f.outlet;
    a.tags = f.tags;
    if (!f.published.isEmpty())
        a.published = QDateTime(QDate::fromString(f.published, Qt::ISODate), QTime(12, 0), QTimeZone::UTC);
    for (const QString &e : f.entities) {
        const QString id = e.section(u'=', 0, 0);
        const QString surface = e.section(u'=', 1);
        const qsizetype at = f.text.indexOf(surface);
        Q_ASSERT(at >= 0);
        a.entities.append({id, at, at + surface.size(), surface});
    }
    return a;
}

// Records the formats a syntax definition gives a line.
class Recorder : public KSyntaxHighlighting::AbstractHighlighter
{
public:
    QStringList formats; // "text=format"
    QString line;
    void run(const QString &text)
    {
        line = text;
        formats.clear();
        highlightLine(text, KSyntaxHighlighting::State());
    }

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override
    {
        const QString piece = line.mid(offset, length).trimmed();
        if (!piece.isEmpty())
            formats.append(piece + u'=' + format.name());
    }
};

} // namespace

class TestQuery : public QObject
{
    Q_OBJECT

    std::shared_ptr<const Lede::KnowledgeBase> m_kb;
    QTemporaryDir m_dir;
    Lede::Library m_library;
    QList<qint64> m_ids; // by fixture index

    QList<int> indexesOf(const QList<qint64> &ids) const
    {
        QList<int> out;
        for (qint64 id : ids)
            out.append(int(m_ids.indexOf(id)));
        std::sort(out.begin(), out.end());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_kb = Lede::KnowledgeBase::loadBuiltin();
        QVERIFY(m_kb && m_kb->size() > 100);
        QVERIFY2(m_library.open(m_dir.filePath(u"q.lede"_s)), qPrintable(m_library.lastError()));
        for (const Fixture &f : fixtures) {
            const auto added = m_library.addArticle(article(f));
            QVERIFY2(added && !added->duplicate, qPrintable(m_library.lastError()));
            m_ids.append(added->id);
        }
        Lede::Annotation n;
        n.articleId = m_ids.at(3);
        n.start = 4;
        n.end = 19;
        n.quote = u"export controls"_s;
        n.color = u"yellow"_s;
        n.note = u"Which licences?"_s;
        QVERIFY(m_library.addAnnotation(n));
        n.articleId = m_ids.at(0);
        n.color = u"green"_s;
        n.note.clear();
        QVERIFY(m_library.addAnnotation(n));
    }

    void parse_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("tree");

        QTest::newRow("empty") << u""_s << u"(AND)"_s;
        QTest::newRow("word") << u"huawei"_s << uR"(word:"huawei")"_s;
        QTest::newRow("implicit and") << u"huawei malaysia"_s << uR"((AND word:"huawei" word:"malaysia"))"_s;
        QTest::newRow("minus") << u"huawei -nvidia"_s << uR"((AND word:"huawei" (NOT word:"nvidia")))"_s;
        QTest::newRow("hyphenated word") << u"e-commerce"_s << uR"(word:"e-commerce")"_s;
        QTest::newRow("or binds looser") << u"a b OR c"_s << uR"((OR (AND word:"a" word:"b") word:"c"))"_s;
        QTest::newRow("brackets") << u"a (b OR c)"_s << uR"((AND word:"a" (OR word:"b" word:"c")))"_s;
        QTest::newRow("explicit and, not") << u"a AND NOT b"_s << uR"((AND word:"a" (NOT word:"b")))"_s;
        QTest::newRow("lowercase and is a word") << u"a and b"_s << uR"((AND word:"a" word:"and" word:"b"))"_s;
        QTest::newRow("phrase, prefix") << u"\"export controls\" licen*"_s
                                        << uR"((AND phrase:"export controls" word:"licen"*))"_s;
        QTest::newRow("fields") << u"company:nvidia chip:\"ascend 910b\" region:\"southeast asia\""_s
                                << uR"((AND company:"nvidia" chip:"ascend 910b" region:"southeast asia"))"_s;
        QTest::newRow("field name ignores case") << u"Company:Nvidia"_s << uR"(company:"Nvidia")"_s;
        QTest::newRow("dates") << u"since:2025-04 until:2025"_s << uR"((AND since:"2025-04" until:"2025"))"_s;
        QTest::newRow("negated field") << u"-company:nvidia"_s << uR"((NOT company:"nvidia"))"_s;
        QTest::newRow("negated group") << u"-(a OR b)"_s << uR"((NOT (OR word:"a" word:"b")))"_s;
        QTest::newRow("dash alone is ignored") << u"huawei – malaysia"_s << uR"((AND word:"huawei" word:"malaysia"))"_s;
        QTest::newRow("chinese") << u"英伟达 輸出規制"_s << uR"((AND word:"英伟达" word:"輸出規制"))"_s;
        QTest::newRow("others")
            << u"outlet:reuters has:annotation tag:chips color:yellow title:export"_s
            << uR"((AND outlet:"reuters" has:"annotation" tag:"chips" color:"yellow" title:"export"))"_s;
    }

    void parse()
    {
        QFETCH(QString, query);
        QFETCH(QString, tree);
        const Lede::Query::ParseResult r = Lede::Query::parse(query);
        QVERIFY2(r.ok(), qPrintable(r.errors.value(0).message));
        QCOMPARE(r.root.debugString(), tree);
        // The canonical form parses to the same tree.
        const Lede::Query::ParseResult again = Lede::Query::parse(r.root.toString());
        QVERIFY(again.ok());
        QCOMPARE(again.root.debugString(), tree);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("end");
        QTest::addColumn<QString>("words"); // part of the message

        QTest::newRow("unclosed quote") << u"huawei \"ascend"_s << 7 << 14 << u"never closed"_s;
        QTest::newRow("unclosed bracket") << u"a (b OR c"_s << 2 << 3 << u"never closed"_s;
        QTest::newRow("stray bracket") << u"a b)"_s << 3 << 4 << u"closes nothing"_s;
        QTest::newRow("empty brackets") << u"a ()"_s << 2 << 4 << u"nothing between"_s;
        QTest::newRow("unknown field") << u"huawei foo:bar"_s << 7 << 11 << u"no field"_s;
        QTest::newRow("empty value") << u"company: nvidia"_s << 0 << 8 << u"needs a value"_s;
        QTest::newRow("bad date") << u"since:2025-13"_s << 6 << 13 << u"not a date"_s;
        QTest::newRow("bad has") << u"has:coffee"_s << 4 << 10 << u"annotation or note"_s;
        QTest::newRow("or at the start") << u"OR huawei"_s << 0 << 2 << u"before"_s;
        QTest::newRow("or at the end") << u"huawei OR"_s << 7 << 9 << u"after"_s;
        QTest::newRow("and at the end") << u"huawei AND"_s << 7 << 10 << u"after"_s;
        QTest::newRow("not at the end") << u"huawei NOT"_s << 7 << 10 << u"after"_s;
        QTest::newRow("lone star") << u"huawei *"_s << 7 << 8 << u"*"_s;
        QTest::newRow("empty phrase") << u"\"\" huawei"_s << 0 << 2 << u"nothing between"_s;
    }

    void errors()
    {
        QFETCH(QString, query);
        QFETCH(int, start);
        QFETCH(int, end);
        QFETCH(QString, words);
        const Lede::Query::ParseResult r = Lede::Query::parse(query);
        QVERIFY(!r.ok());
        const Lede::Query::Error &e = r.errors.first();
        QCOMPARE(e.range.start, start);
        QCOMPARE(e.range.end, end);
        QVERIFY2(e.message.contains(words), qPrintable(e.message));
    }

    void resolveEntities()
    {
        Lede::Query::Search s = Lede::Query::prepare(u"region:\"southeast asia\" chip:\"ascend 910b\""_s, {}, *m_kb);
        QVERIFY(s.ok());
        const QStringList regions = s.query.children.at(0).entityIds;
        QVERIFY(regions.contains(u"region/my"_s));
        QVERIFY(regions.contains(u"region/johor"_s));
        QCOMPARE(s.query.children.at(1).entityIds.first(), u"chip/huawei-ascend-910b"_s);
        // By another name: 英伟达 is Nvidia.
        s = Lede::Query::prepare(u"company:英伟达"_s, {}, *m_kb);
        QVERIFY(s.ok());
        QVERIFY(s.query.entityIds.contains(u"company/nvidia"_s));
        // An unknown name is an error at the value.
        s = Lede::Query::prepare(u"huawei company:nosuchco"_s, {}, *m_kb);
        QVERIFY(!s.ok());
        QCOMPARE(s.errors.first().range.start, 15);
        QCOMPARE(s.errors.first().range.end, 23);
    }

    void cjkText()
    {
        QCOMPARE(Lede::Query::indexText(u"英伟达公司"_s).simplified(), u"英伟 伟达 达公 公司 司"_s);
        QCOMPARE(Lede::Query::indexText(u"Nvidia 英伟达H20"_s).simplified(), u"Nvidia 英伟 伟达 达 H20"_s);
        bool prefix = true;
        QCOMPARE(Lede::Query::phraseText(u"伟达公"_s, &prefix), u"伟达 达公"_s);
        QVERIFY(!prefix);
        QCOMPARE(Lede::Query::phraseText(u"达"_s, &prefix), u"达"_s);
        QVERIFY(prefix);
        QCOMPARE(Lede::Query::phraseText(u"英伟达H20"_s, &prefix), u"英伟 伟达 达 H20"_s);
    }

    void sqlIsParameterised()
    {
        // Quotes and FTS5 syntax typed in the field stay words inside one bound string.
        const Lede::Query::Search s
            = Lede::Query::prepare(u"\"a\"\" OR b\" NEAR(x) company:nvidia outlet:\"o'brien\""_s, {}, *m_kb);
        const Lede::Query::SqliteDialect dialect;
        const Lede::Query::SqlStatement st = Lede::Query::SqlTranslator(dialect).search(s);
        QVERIFY(!st.sql.contains(u"o'brien"_s));
        QVERIFY(!st.sql.contains(u"NEAR"_s));
        QVERIFY(st.params.contains(u"o'brien"_s));
    }

    void results_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QList<int>>("expected");

        QTest::newRow("everything") << u""_s << QList<int>{0, 1, 2, 3, 4, 5};
        QTest::newRow("the issue's question")
            << u"company:huawei region:malaysia -company:nvidia since:2025-04"_s << QList<int>{0};
        QTest::newRow("region with its members") << u"region:\"southeast asia\""_s << QList<int>{0, 1, 2};
        QTest::newRow("free text") << u"accelerators"_s << QList<int>{0, 1};
        QTest::newRow("headline") << u"title:malaysia"_s << QList<int>{0, 1};
        QTest::newRow("phrase") << u"\"export controls\""_s << QList<int>{3};
        QTest::newRow("prefix") << u"licen*"_s << QList<int>{3};
        QTest::newRow("or") << u"tsmc OR licences"_s << QList<int>{3, 5};
        QTest::newRow("not") << u"NOT company:huawei"_s << QList<int>{3, 5};
        QTest::newRow("text and not text") << u"huawei -nvidia"_s << QList<int>{0};
        QTest::newRow("chinese word") << u"华为"_s << QList<int>{2};
        QTest::newRow("chinese inside a run") << u"数据中心"_s << QList<int>{2};
        QTest::newRow("chinese place") << u"柔佛"_s << QList<int>{2};
        QTest::newRow("one chinese character") << u"柔"_s << QList<int>{2};
        QTest::newRow("japanese") << u"輸出規制"_s << QList<int>{4};
        QTest::newRow("katakana") << u"ファーウェイ"_s << QList<int>{4};
        QTest::newRow("chinese entity name") << u"company:华为"_s << QList<int>{0, 1, 2, 4};
        QTest::newRow("since and until") << u"since:2025-04 until:2025-05"_s << QList<int>{0, 1};
        QTest::newRow("until leaves out undated") << u"until:2025-03"_s << QList<int>{3, 4};
        QTest::newRow("a day") << u"since:2025-05-02 until:2025-05-02"_s << QList<int>{1};
        QTest::newRow("has annotation") << u"has:annotation"_s << QList<int>{0, 3};
        QTest::newRow("has note") << u"has:note"_s << QList<int>{3};
        QTest::newRow("colour") << u"color:GREEN"_s << QList<int>{0};
        QTest::newRow("outlet") << u"outlet:reuters"_s << QList<int>{0};
        QTest::newRow("outlet prefix") << u"outlet:financ*"_s << QList<int>{3};
        QTest::newRow("tag") << u"tag:Chips"_s << QList<int>{0};
        QTest::newRow("mixed or") << u"company:tsmc OR \"export controls\" OR has:note"_s << QList<int>{3, 5};
        QTest::newRow("bracketed not") << u"-(huawei OR tsmc)"_s << QList<int>{2, 3, 4};
    }

    void results()
    {
        QFETCH(QString, query);
        QFETCH(QList<int>, expected);
        const Lede::Query::Search s = Lede::Query::prepare(query, {}, *m_kb);
        QVERIFY2(s.ok(), qPrintable(s.errors.value(0).message));
        const auto r = m_library.search(s, Lede::Library::SearchIds);
        QVERIFY2(r, qPrintable(m_library.lastError()));
        QCOMPARE(indexesOf(r->ids), expected);
    }

    void facets()
    {
        // OR within a kind, AND across kinds.
        Lede::Query::FacetFilter f;
        f.chosen[u"company"_s] = {u"company/huawei"_s, u"company/nvidia"_s};
        auto r = m_library.search(Lede::Query::prepare(u""_s, f, *m_kb));
        QVERIFY(r);
        QCOMPARE(indexesOf(r->ids), (QList<int>{0, 1, 2, 3, 4}));
        f.chosen[u"region"_s] = {u"region/my"_s};
        r = m_library.search(Lede::Query::prepare(u""_s, f, *m_kb));
        QVERIFY(r);
        QCOMPARE(indexesOf(r->ids), (QList<int>{0, 1, 2}));
        // A kind's counts leave out its own choices; the others count the whole result.
        QCOMPARE(r->entityCounts.value(u"company/huawei"_s), 3);
        QCOMPARE(r->entityCounts.value(u"company/nvidia"_s), 2);
        QCOMPARE(r->entityCounts.value(u"region/johor"_s), 2);
        QCOMPARE(r->entityCounts.value(u"region/jp"_s), 1); // Huawei OR Nvidia, any region
        QCOMPARE(r->entityCounts.value(u"company/tsmc"_s), 0);
        // Excluding an entity.
        f.chosen.remove(u"region"_s);
        f.excluded = {u"company/nvidia"_s};
        r = m_library.search(Lede::Query::prepare(u""_s, f, *m_kb));
        QVERIFY(r);
        QCOMPARE(indexesOf(r->ids), (QList<int>{0, 4}));
    }

    void weeks()
    {
        const auto r = m_library.search(Lede::Query::prepare(u"company:nvidia OR company:tsmc"_s, {}, *m_kb));
        QVERIFY(r);
        const QList<Lede::Query::WeekCount> expected
            = {{QDate(2025, 3, 10), 1}, {QDate(2025, 4, 28), 1}, {QDate(2025, 5, 26), 1}};
        QCOMPARE(r->weeks, expected);
        QCOMPARE(r->undated, 1);
        QCOMPARE(r->entityCounts.value(u"company/nvidia"_s), 3);
        QCOMPARE(r->ids.first(), m_ids.at(2)); // newest first
        QCOMPARE(r->ids.last(), m_ids.at(5)); // undated last
    }

    void tallyAgreesWithGroupBy()
    {
        // tally() (the facet counts' and weeks' aggregate) gives what GROUP BY gives: each value
        // once with its count, integers and text apart, NULL as one value, text that JSON escapes.
        const auto rows = [&](const QString &sql) {
            QStringList out;
            QSqlQuery q(m_library.database());
            if (!q.exec(sql))
                return QStringList{q.lastError().text()};
            while (q.next())
                out.append(u"%1 %2 %3"_s.arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString()));
            out.sort();
            return out;
        };
        const QString values = uR"(WITH v(x) AS (VALUES (1), (1), (7), (-3), (5000000000), (5000000000), (0), ('a'),
            ('a'), ('1'), ('say "hi"'), (char(9, 10)), ('华为'), (NULL), (NULL), (2), (1048576), (1048576)) )"_s;
        const QStringList expected = rows(values + u"SELECT typeof(x), x, count(*) FROM v GROUP BY x"_s);
        QCOMPARE(expected.size(), 13);
        QCOMPARE(rows(values
                     + u"SELECT typeof(t.value ->> 0), t.value ->> 0, t.value ->> 1 FROM json_each((SELECT tally(x) "
                       "FROM v)) t"_s),
            expected);
        QCOMPARE(rows(u"SELECT tally(x), 0, 0 FROM (SELECT 1 AS x WHERE 0)"_s), QStringList{u"[] 0 0"_s});
        // tally_keys() counts the integers in lists such as article_facets.entities the same way.
        QCOMPARE(rows(values
                     + u"SELECT typeof(t.value ->> 0), t.value ->> 0, t.value ->> 1 FROM json_each((SELECT "
                       "tally_keys(l) FROM (SELECT ',' || group_concat(x, ',') || ',' AS l FROM v WHERE typeof(x) = "
                       "'integer' GROUP BY x % 3))) t"_s),
            rows(values + u"SELECT typeof(x), x, count(*) FROM v WHERE typeof(x) = 'integer' GROUP BY x"_s));
        QSqlQuery bad(m_library.database());
        QVERIFY(!bad.exec(u"SELECT tally_keys(',3,x,')"_s));
        QSqlQuery q(m_library.database());
        QVERIFY(!q.exec(u"SELECT tally(x) FROM (SELECT 1.5 AS x)"_s)); // a real is no facet key
    }

    void inIdsAgreesWithIn()
    {
        // in_ids(id, id_set(...)), how entity terms test an article, says what IN says: with the
        // ids dense (a bitmap) and sparse (sorted), NULL ids left out of the set, an empty set.
        for (const QString &ids : {u"(3), (5), (5), (64), (0), (NULL), (9)"_s, u"(3), (5000000000), (64), (7)"_s}) {
            const QString sql = u"WITH v(id) AS (VALUES "_s + ids
                + uR"(), t(x) AS (VALUES (0), (1), (3), (5), (6), (7), (9), (63), (64), (65), (1000), (5000000000),
                   (5000000001), (-1))
                   SELECT x, in_ids(x, (SELECT id_set(id) FROM v WHERE id >= 0)), x IN (SELECT id FROM v WHERE id >= 0)
                   FROM t)"_s;
            QSqlQuery q(m_library.database());
            QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
            int rows = 0;
            while (q.next()) {
                QCOMPARE(q.value(1).toInt(), q.value(2).toInt());
                ++rows;
            }
            QCOMPARE(rows, 14);
        }
        QSqlQuery q(m_library.database());
        QVERIFY(q.exec(u"SELECT in_ids(3, (SELECT id_set(1) WHERE 0))"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(!q.exec(u"SELECT id_set(-4)"_s));
    }

    void idsDescendingAgreesWithOrderBy()
    {
        // ids_descending() (the result's order, packed) orders as ORDER BY key DESC, id DESC:
        // dates with and without a time, times that differ past the 16 bytes compared first, ties
        // broken by id, text that is a prefix of other text, NULL last.
        const QString values = uR"(WITH v(k, id) AS (VALUES ('2025-04-01', 3), ('2025-04-01T09:00:00Z', 9),
            ('2025-04-01', 12), ('', 4), (NULL, 5), ('2024-12-31', 40), ('2025-04-01T09:00:00Z', 1), (NULL, 7),
            ('2025-04', 8), ('2025-04-02', 2), ('', 6), ('2025-04-01T09:00:30Z', 10)) )"_s;
        QList<qint64> expected, packed;
        QSqlQuery q(m_library.database());
        QVERIFY(q.exec(values + u"SELECT id FROM v ORDER BY k DESC, id DESC"_s));
        while (q.next())
            expected.append(q.value(0).toLongLong());
        QCOMPARE(expected.size(), 12);
        QVERIFY2(
            q.exec(values + u"SELECT ids_descending(k, id) FROM v"_s) && q.next(), qPrintable(q.lastError().text()));
        const QByteArray bytes = q.value(0).toByteArray();
        for (qsizetype i = 0; i + 8 <= bytes.size(); i += 8)
            packed.append(qFromLittleEndian<qint64>(bytes.constData() + i));
        QCOMPARE(packed, expected);
        QVERIFY(q.exec(u"SELECT length(ids_descending(k, id)) FROM (SELECT 'x' AS k, 1 AS id WHERE 0)"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(!q.exec(u"SELECT ids_descending(1.5, 1)"_s)); // keys are dates as text
    }

    void indexCatchesUpAfterMigration()
    {
        // A library from before the index: its articles are indexed when it opens.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"old.lede"_s);
        {
            Lede::Library lib;
            QVERIFY(lib.open(path));
            QVERIFY(lib.addArticle(article(fixtures.at(2))));
            QSqlQuery q(lib.database());
            QVERIFY(q.exec(u"DELETE FROM search_text"_s));
            QVERIFY(q.exec(u"INSERT INTO search_pending SELECT id FROM articles"_s));
        }
        Lede::Library lib;
        QVERIFY2(lib.open(path), qPrintable(lib.lastError()));
        const auto r = lib.search(Lede::Query::prepare(u"柔佛"_s, {}, *m_kb));
        QVERIFY(r);
        QCOMPARE(r->ids.size(), 1);
    }

    void articleEntitiesFollowMentions()
    {
        // Each entity an article names, once, and how many articles name it, kept as mentions
        // are written, replaced and removed with their article.
        QTemporaryDir dir;
        Lede::Library lib;
        QVERIFY(lib.open(dir.filePath(u"e.lede"_s)));
        Lede::Article a = article(fixtures.at(1)); // Nvidia, Huawei, Malaysia
        const qsizetype again = a.text.size() + 1;
        a.text += u" Nvidia again."_s;
        a.entities.append({u"company/nvidia"_s, again, again + 6, u"Nvidia"_s}); // a second mention
        const auto added = lib.addArticle(a);
        QVERIFY(added);
        const auto b = lib.addArticle(article(fixtures.at(3))); // Nvidia, US
        QVERIFY(b);
        const auto pairs = [&] {
            QStringList out;
            QSqlQuery q(lib.database());
            q.exec(uR"(SELECT p.article_id, k.entity_id, p.mentions FROM article_entities p
                       JOIN entity_keys k ON k.id = p.entity ORDER BY 1, 2)"_s);
            while (q.next())
                out.append(u"%1 %2 %3"_s.arg(q.value(0).toLongLong() == added->id ? u"a"_s : u"b"_s,
                    q.value(1).toString(), q.value(2).toString()));
            return out;
        };
        // article_facets holds each article's keys as one list: the same pairs, read by tally_keys().
        const auto facetsAgree = [&] {
            QSqlQuery f(lib.database());
            QStringList fromPairs, fromFacets;
            f.exec(u"SELECT article_id || ':' || entity FROM article_entities ORDER BY 1"_s);
            while (f.next())
                fromPairs.append(f.value(0).toString());
            f.exec(uR"(SELECT a.id || ':' || (t.value ->> 0), t.value ->> 1 FROM article_facets a,
                       json_each((SELECT tally_keys(entities) FROM article_facets WHERE id = a.id)) t ORDER BY 1)"_s);
            while (f.next()) {
                if (f.value(1).toInt() != 1)
                    return false;
                fromFacets.append(f.value(0).toString());
            }
            f.exec(u"SELECT count(*) FROM article_facets"_s);
            return fromPairs == fromFacets && f.next() && f.value(0).toInt() == lib.articleCount();
        };
        const auto totals = [&] {
            if (!facetsAgree())
                return QHash<QString, int>{{u"article_facets differs from article_entities"_s, -1}};
            const auto r = lib.search(Lede::Query::prepare(u""_s, {}, *m_kb), Lede::Library::SearchEntityCounts);
            return r ? r->entityCounts : QHash<QString, int>();
        };
        QCOMPARE(pairs(),
            (QStringList{u"a company/huawei 1"_s, u"a company/nvidia 2"_s, u"a region/my 1"_s, u"b company/nvidia 1"_s,
                u"b region/us 1"_s}));
        QCOMPARE(totals(),
            (QHash<QString, int>{
                {u"company/huawei"_s, 1}, {u"company/nvidia"_s, 2}, {u"region/my"_s, 1}, {u"region/us"_s, 1}}));
        // Replacing the mentions: Huawei goes, one Nvidia mention of two goes.
        QVERIFY(lib.replaceMentions(added->id,
            {{u"company/nvidia"_s, 0, 6, u"Nvidia"_s},
                {u"region/my"_s, a.entities.at(2).start, a.entities.at(2).end, u"Malaysia"_s}}));
        QCOMPARE(pairs(),
            (QStringList{u"a company/nvidia 1"_s, u"a region/my 1"_s, u"b company/nvidia 1"_s, u"b region/us 1"_s}));
        QCOMPARE(totals(), (QHash<QString, int>{{u"company/nvidia"_s, 2}, {u"region/my"_s, 1}, {u"region/us"_s, 1}}));
        // The counts of a narrower result come from the same pairs.
        const auto r = lib.search(Lede::Query::prepare(u"region:us"_s, {}, *m_kb));
        QVERIFY(r);
        QCOMPARE(r->entityCounts, (QHash<QString, int>{{u"company/nvidia"_s, 1}, {u"region/us"_s, 1}}));
        // An article removed takes its pairs with it.
        QSqlQuery q(lib.database());
        QVERIFY(q.exec(u"DELETE FROM articles WHERE id = %1"_s.arg(b->id)));
        QCOMPARE(pairs(), (QStringList{u"a company/nvidia 1"_s, u"a region/my 1"_s}));
        QCOMPARE(totals(), (QHash<QString, int>{{u"company/nvidia"_s, 1}, {u"region/my"_s, 1}}));
    }

    void wholeLibraryCounts()
    {
        // The whole library's counts (kept totals) equal the articles that name each entity.
        const auto r = m_library.search(Lede::Query::prepare(u""_s, {}, *m_kb));
        QVERIFY(r);
        QHash<QString, int> expected;
        QSqlQuery q(m_library.database());
        QVERIFY(q.exec(u"SELECT entity_id, count(DISTINCT article_id) FROM mentions GROUP BY entity_id"_s));
        while (q.next())
            expected.insert(q.value(0).toString(), q.value(1).toInt());
        QCOMPARE(r->entityCounts, expected);
        QCOMPARE(r->ids.size(), m_ids.size());
    }

    void manyWaitingArticlesAreIndexedByAJob()
    {
        // Opening does not index more than a few waiting articles itself; the job does, in batches.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"many.lede"_s);
        const qsizetype count = Lede::Library::openCatchUpLimit + 50;
        {
            Lede::Library lib;
            QVERIFY(lib.open(path));
            Lede::LibraryGenerator generator(*m_kb, 7);
            QCOMPARE(generator.generate(lib, count).value_or(0), count);
            QSqlQuery q(lib.database());
            QVERIFY(q.exec(u"DELETE FROM search_text"_s));
            QVERIFY(q.exec(u"INSERT INTO search_pending SELECT id FROM articles"_s));
        }
        const auto search = Lede::Query::prepare(u"company:nvidia OR nvidia"_s, {}, *m_kb);
        const auto textOnly = Lede::Query::prepare(u"nvidia"_s, {}, *m_kb);
        qsizetype entityHits = 0;
        {
            Lede::Library lib;
            QVERIFY2(lib.open(path), qPrintable(lib.lastError()));
            QCOMPARE(lib.searchIndexPending().value_or(-1), count);
            const auto r = lib.search(textOnly, Lede::Library::SearchIds);
            QVERIFY(r);
            QCOMPARE(r->ids.size(), 0); // not indexed yet
            entityHits = lib.search(search, Lede::Library::SearchIds).value_or(Lede::Query::SearchResult()).ids.size();
            QVERIFY(entityHits > 0);
        }
        Lede::SearchIndexJob job(path);
        QSignalSpy progress(&job, &Lede::SearchIndexJob::progress);
        QSignalSpy finished(&job, &Lede::SearchIndexJob::finished);
        QCOMPARE(job.run(), int(count));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).toString(), QString());
        QCOMPARE(progress.last().at(0).toInt(), int(count));
        Lede::Library lib;
        QVERIFY(lib.open(path));
        QCOMPARE(lib.searchIndexPending().value_or(-1), 0);
        const auto r = lib.search(textOnly, Lede::Library::SearchIds);
        QVERIFY(r);
        QVERIFY(r->ids.size() > 0);
        // Both halves of the OR now answer: the names found in the text and the linked mentions.
        const auto both = lib.search(search, Lede::Library::SearchIds);
        QVERIFY(both);
        QVERIFY(both->ids.size() >= std::max(r->ids.size(), entityHits));
    }

    void deskUpgradesOffTheGuiThread()
    {
        // A library from an older Lede: the desk opens it at once, upgrades it in the background,
        // then reads it; the upgraded file searches like any other.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"v1.lede"_s);
        QVERIFY(QFile::copy(LedeTest::dataFile(u"libraries/schema-v1.lede"_s), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(Lede::Library::needsUpgrade(path));
        Lede::Controller desk(std::make_shared<const Lede::Linker>(m_kb));
        QSignalSpy loaded(&desk, &Lede::Controller::libraryLoaded);
        QSignalSpy failed(&desk, &Lede::Controller::errorOccurred);
        QVERIFY(desk.openLibrary(path));
        QVERIFY(desk.isLoading());
        QVERIFY(!desk.library().isOpen()); // not yet: the upgrade runs on another thread
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        QCOMPARE(failed.size(), 0);
        QVERIFY(!Lede::Library::needsUpgrade(path));
        QCOMPARE(desk.library().schemaVersion(), Lede::Library::currentSchemaVersion());
        QCOMPARE(desk.articleCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!desk.isBusy(), 60000);
        QCOMPARE(desk.library().searchIndexPending().value_or(-1), 0);
    }

    void syntaxDefinition()
    {
        // The definition shipped for the search field loads and colours each part of a query.
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(u"syntax"_s));
        QVERIFY(QFile::copy(QStringLiteral(LEDE_SOURCE_DIR "/resources/query/lede-query.xml"),
            dir.filePath(u"syntax/lede-query.xml"_s)));
        KSyntaxHighlighting::Repository repository;
        repository.addCustomSearchPath(dir.path());
        const KSyntaxHighlighting::Definition def = repository.definitionForName(u"Lede Query"_s);
        QVERIFY(def.isValid());
        Recorder r;
        r.setDefinition(def);
        r.setTheme(repository.defaultTheme());
        r.run(u"company:nvidia AND \"export controls\" -(licen* OR foo:bar)"_s);
        QVERIFY2(r.formats.contains(u"company:=Field"_s), qPrintable(r.formats.join(u", "_s)));
        QVERIFY(r.formats.contains(u"nvidia=Value"_s));
        QVERIFY(r.formats.contains(u"AND=Operator"_s));
        QVERIFY(r.formats.contains(u"OR=Operator"_s));
        QVERIFY(r.formats.contains(u"\"export controls\"=Phrase"_s) || r.formats.contains(u"\"=Phrase"_s));
        QVERIFY(r.formats.contains(u"-=Operator"_s));
        QVERIFY(r.formats.contains(u"(=Bracket"_s));
        QVERIFY(r.formats.contains(u"*=Prefix"_s));
        QVERIFY(r.formats.contains(u"foo:=Error"_s));
    }
};

QTEST_GUILESS_MAIN(TestQuery)
#include "tst_query.moc"
