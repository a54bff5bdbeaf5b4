// SPDX-License-Identifier: MIT
// Scores the linker against hand-made gold lists: for each English and Chinese article of the shared
// corpus, tests/data/gold/<file>.tsv lists the companies, chips and regions its body names (one
// "entity_id<TAB>surface" a line). Precision and recall are micro-averaged per kind over
// (article, distinct entity) pairs and must reach 0.95 and 0.90.
//
// LEDE_GOLD_KB=a.kb:b.kb… scores another set of knowledge-base files instead of the shipped one.
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "parse/documentparser.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

constexpr double MinPrecision = 0.95;
constexpr double MinRecall = 0.90;

struct Score
{
    int truePositives = 0;
    int falsePositives = 0;
    int falseNegatives = 0;
    QStringList details; // "article: +id (surface)" for false positives, "-id" for misses
    double precision() const
    {
        const int found = truePositives + falsePositives;
        return found ? double(truePositives) / found : 1.0;
    }
    double recall() const
    {
        const int wanted = truePositives + falseNegatives;
        return wanted ? double(truePositives) / wanted : 1.0;
    }
};

QString kindOf(const QString &id)
{
    return id.section(u'/', 0, 0);
}

} // namespace

class TestLinkerGold : public QObject
{
    Q_OBJECT
    QHash<QString, Score> m_scores; // by kind
    QString m_skip;

private Q_SLOTS:
    void initTestCase()
    {
        const QString corpus = LedeTest::sharedFile(u"corpus/articles"_s);
        if (!QFileInfo::exists(corpus)) {
            m_skip = u"needs %1 (the shared corpus beside the checkout); not found"_s.arg(corpus);
            return;
        }
        std::shared_ptr<const Lede::KnowledgeBase> kb;
        const QString kbFiles = qEnvironmentVariable("LEDE_GOLD_KB");
        if (kbFiles.isEmpty()) {
            kb = Lede::KnowledgeBase::loadBuiltin();
        } else {
            QStringList errors;
            kb = Lede::KnowledgeBase::loadFiles(kbFiles.split(u':', Qt::SkipEmptyParts), &errors);
        }
        const Lede::Linker linker(kb);

        const QDir goldDir(LedeTest::dataFile(u"gold"_s));
        const QStringList goldFiles = goldDir.entryList({u"*.tsv"_s}, QDir::Files, QDir::Name);
        QVERIFY2(goldFiles.size() >= 20, "the gold lists are missing");
        for (const QString &goldName : goldFiles) {
            const QString article = goldName.chopped(4);
            QString path = LedeTest::sharedFile(u"corpus/articles/"_s + article);
            if (!QFileInfo::exists(path))
                path = LedeTest::sharedFile(u"seeds/"_s + article);
            QVERIFY2(QFileInfo::exists(path), qPrintable(u"no article for gold list "_s + goldName));

            QFile f(goldDir.filePath(goldName));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QSet<QString> gold;
            for (const QString &line : QString::fromUtf8(f.readAll()).split(u'\n')) {
                if (line.trimmed().isEmpty() || line.startsWith(u'#'))
                    continue;
                const QString id = line.section(u'\t', 0, 0).trimmed();
                QVERIFY2(Lede::kindOfId(id).has_value(), qPrintable(goldName + u": bad id "_s + id));
                gold.insert(id);
            }

            const Lede::ParseResult parsed = Lede::parseFile(path);
            QVERIFY2(parsed.ok(), qPrintable(path + u": "_s + parsed.error));
            QHash<QString, QString> found; // id → first surface
            for (const Lede::Article &a : parsed.articles) {
                for (const Lede::EntityMention &m : linker.link(a.text)) {
                    if (!found.contains(m.entityId))
                        found.insert(m.entityId, m.surface);
                }
            }
            for (auto it = found.cbegin(); it != found.cend(); ++it) {
                Score &s = m_scores[kindOf(it.key())];
                if (gold.contains(it.key())) {
                    ++s.truePositives;
                } else {
                    ++s.falsePositives;
                    s.details.append(u"%1: +%2 (\"%3\")"_s.arg(article, it.key(), it.value()));
                }
            }
            for (const QString &id : std::as_const(gold)) {
                if (!found.contains(id)) {
                    Score &s = m_scores[kindOf(id)];
                    ++s.falseNegatives;
                    s.details.append(u"%1: -%2"_s.arg(article, id));
                }
            }
        }
        for (const QString &kind : {u"company"_s, u"chip"_s, u"region"_s}) {
            const Score &s = m_scores[kind];
            qInfo("%s: precision %.3f (%d of %d), recall %.3f (%d of %d)", qPrintable(kind), s.precision(),
                s.truePositives, s.truePositives + s.falsePositives, s.recall(), s.truePositives,
                s.truePositives + s.falseNegatives);
        }
        if (qEnvironmentVariableIsSet("LEDE_GOLD_VERBOSE")) {
            for (const Score &s : std::as_const(m_scores)) {
                for (const QString &d : s.details)
                    qInfo().noquote() << d;
            }
        }
    }

    void perKind_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("company") << u"company"_s;
        QTest::newRow("chip") << u"chip"_s;
        QTest::newRow("region") << u"region"_s;
    }
    void perKind()
    {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
        QFETCH(QString, kind);
        const Score s = m_scores.value(kind);
        QVERIFY2(s.truePositives + s.falseNegatives > 0, "no gold entities of this kind");
        const bool pass = s.precision() >= MinPrecision && s.recall() >= MinRecall;
        if (!pass) {
            qInfo().noquote() << u"%1: false positives (+) and misses (-):"_s.arg(kind);
            for (const QString &d : s.details)
                qInfo().noquote() << u"  "_s + d;
        }
        QVERIFY2(s.precision() >= MinPrecision,
            qPrintable(u"%1 precision %2 < %3"_s.arg(kind).arg(s.precision(), 0, 'f', 3).arg(MinPrecision)));
        QVERIFY2(s.recall() >= MinRecall,
            qPrintable(u"%1 recall %2 < %3"_s.arg(kind).arg(s.recall(), 0, 'f', 3).arg(MinRecall)));
    }
};

QTEST_GUILESS_MAIN(TestLinkerGold)
#include "tst_linkergold.moc"
