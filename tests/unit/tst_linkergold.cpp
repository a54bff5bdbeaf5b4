// SPDX-License-Identifier: MIT
// Checks the dev gold, tests/data/gold/<file>.tsv, written by tests/data/gold/GUIDELINE.md: one list
// per English or Chinese article of the shared corpus (or the seed), one "entity_id<TAB>surface" a
// line, each distinct entity once. Asserts what is solid: every list names an article that parses,
// every id has the shape kind/slug of the four kinds (company, chip, region, organisation), no id
// repeats, and every surface is written in the article. How well the linker does on the gold is a
// figure, not a pass/fail: `packaging/bench entities` prints it.
#include "parse/documentparser.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

struct GoldList
{
    QString name; // "<article>.tsv"
    QString articlePath;
    QStringList lines; // entry lines, comments and blank lines left out
};

} // namespace

class TestLinkerGold : public QObject
{
    Q_OBJECT
    QList<GoldList> m_lists;
    QString m_skip;

private Q_SLOTS:
    void initTestCase()
    {
        const QString corpus = LedeTest::sharedFile(u"corpus/articles"_s);
        if (!QFileInfo::exists(corpus)) {
            m_skip = u"needs %1 (the shared corpus beside the checkout); not found"_s.arg(corpus);
            return;
        }
        const QDir goldDir(LedeTest::dataFile(u"gold"_s));
        QVERIFY2(QFileInfo::exists(goldDir.filePath(u"GUIDELINE.md"_s)), "the gold guideline is missing");
        for (const QString &goldName : goldDir.entryList({u"*.tsv"_s}, QDir::Files, QDir::Name)) {
            GoldList list;
            list.name = goldName;
            const QString article = goldName.chopped(4);
            list.articlePath = LedeTest::sharedFile(u"corpus/articles/"_s + article);
            if (!QFileInfo::exists(list.articlePath))
                list.articlePath = LedeTest::sharedFile(u"seeds/"_s + article);
            QFile f(goldDir.filePath(goldName));
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(goldName));
            for (const QString &line : QString::fromUtf8(f.readAll()).split(u'\n')) {
                if (!line.trimmed().isEmpty() && !line.startsWith(u'#'))
                    list.lines.append(line);
            }
            m_lists.append(list);
        }
        QVERIFY2(m_lists.size() >= 50, "the dev gold has fewer than 50 articles");
    }

    void lists_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < m_lists.size(); ++i)
            QTest::newRow(qPrintable(m_lists.at(i).name)) << i;
        if (m_lists.isEmpty())
            QTest::newRow("none") << -1;
    }
    void lists()
    {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
        QFETCH(int, index);
        QVERIFY(index >= 0);
        const GoldList &list = m_lists.at(index);
        QVERIFY2(QFileInfo::exists(list.articlePath), qPrintable(u"no article for gold list "_s + list.name));

        const Lede::ParseResult parsed = Lede::parseFile(list.articlePath);
        QVERIFY2(parsed.ok(), qPrintable(list.articlePath + u": "_s + parsed.error));
        QVERIFY(!parsed.articles.isEmpty());
        QString text; // what the reader shows: titles and canonical texts
        for (const Lede::Article &a : parsed.articles)
            text += a.title + u'\n' + a.text + u'\n';
        QFile raw(list.articlePath);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QString source = QString::fromUtf8(raw.readAll());

        static const QRegularExpression idShape(u"^(company|chip|region|organisation)/[a-z0-9]+(-[a-z0-9]+)*$"_s);
        QVERIFY2(!list.lines.isEmpty(), qPrintable(list.name + u": no entities"_s));
        QSet<QString> ids;
        for (const QString &line : list.lines) {
            const QStringList fields = line.split(u'\t');
            QVERIFY2(fields.size() == 2, qPrintable(list.name + u": not id<TAB>surface: "_s + line));
            const QString &id = fields.at(0);
            const QString &surface = fields.at(1);
            QVERIFY2(idShape.match(id).hasMatch(), qPrintable(list.name + u": bad id "_s + id));
            QVERIFY2(!ids.contains(id), qPrintable(list.name + u": listed twice: "_s + id));
            ids.insert(id);
            QVERIFY2(!surface.trimmed().isEmpty() && surface == surface.trimmed(),
                qPrintable(list.name + u": bad surface for "_s + id));
            // The surface is written in the article: in the text Lede shows, or (for a name the
            // extraction loses, which the benchmark then counts as a miss) in the saved file.
            if (!text.contains(surface)) {
                QVERIFY2(source.contains(surface) || source.contains(surface.toHtmlEscaped()),
                    qPrintable(u"%1: \"%2\" (%3) is not in the article"_s.arg(list.name, surface, id)));
                qInfo().noquote() << u"%1: \"%2\" (%3) is in the saved file but not in the parsed text"_s.arg(
                    list.name, surface, id);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestLinkerGold)
#include "tst_linkergold.moc"
