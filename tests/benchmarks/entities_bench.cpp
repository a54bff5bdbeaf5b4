// SPDX-License-Identifier: MIT
// Scores the real parse + link (and the suggestions) on every article of the dev gold,
// tests/data/gold/<file>.tsv, written by tests/data/gold/GUIDELINE.md.
//
//   bench_entities SHARED_DIR
//
// Prints, micro-averaged over (article, distinct entity) pairs:
//   entities.<kind>.precision / .recall for company, chip, region, organisation. A gold entity of a
//     kind the knowledge base does not have yet (organisation) counts as a miss of that kind; what
//     the linker finds instead (a body the base files as a company) counts against its own kind.
//   entities.company_multi.recall: recall on the companies that two or more gold articles name.
//   suggest.precision: share of suggestions (lib/link/suggest.h) that name a gold entity the base
//     does not know; suggest.recall: share of the gold companies and chips the base does not know
//     that some suggestion names. A suggestion names a gold entity when it overlaps a place where
//     the entity's surface is written, or when the two names agree once case, punctuation and
//     corporate suffixes are set aside.
//
// LEDE_GOLD_KB=a.kb:b.kb… scores other knowledge-base files; LEDE_GOLD_VERBOSE=1 lists every miss
// (-) and false find (+) on stderr.
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "link/suggest.h"
#include "parse/documentparser.h"
#include "text/article.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

const QStringList kinds = {u"company"_s, u"chip"_s, u"region"_s, u"organisation"_s};

struct Score
{
    int truePositives = 0;
    int falsePositives = 0;
    int falseNegatives = 0;
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

struct GoldEntry
{
    QString id;
    QString surface;
};

QString kindOf(const QString &id)
{
    return id.section(u'/', 0, 0);
}

/// Lowercase letters and digits only, without a trailing corporate suffix.
QString normalisedName(const QString &name)
{
    static const QStringList suffixes = {u"incorporated"_s, u"corporation"_s, u"company"_s, u"holdings"_s, u"limited"_s,
        u"group"_s, u"corp"_s, u"inc"_s, u"ltd"_s, u"plc"_s, u"llc"_s, u"co"_s, u"ag"_s, u"sa"_s, u"股份有限公司"_s,
        u"有限责任公司"_s, u"有限公司"_s, u"集团"_s};
    QString s;
    for (const QChar c : name) {
        if (c.isLetterOrNumber())
            s.append(c.toLower());
        else
            s.append(u' ');
    }
    QStringList words = s.split(u' ', Qt::SkipEmptyParts);
    bool stripped = true;
    while (stripped && words.size() > 1) {
        stripped = false;
        for (const QString &suffix : suffixes) {
            if (words.last() == suffix) {
                words.removeLast();
                stripped = true;
                break;
            }
        }
    }
    QString joined = words.join(QString());
    for (const QString &suffix : suffixes) {
        if (suffix.front().unicode() > 0x2e80 && joined.size() > suffix.size() + 1 && joined.endsWith(suffix)) {
            joined.chop(suffix.size());
            break;
        }
    }
    return joined;
}

bool sameName(const QString &a, const QString &b)
{
    const QString x = normalisedName(a);
    const QString y = normalisedName(b);
    if (x.isEmpty() || y.isEmpty())
        return false;
    if (x == y)
        return true;
    const QString &shorter = x.size() < y.size() ? x : y;
    const QString &longer = x.size() < y.size() ? y : x;
    const bool cjk = shorter.front().unicode() > 0x2e80;
    return shorter.size() >= (cjk ? 2 : 4) && longer.startsWith(shorter);
}

bool overlapsSurface(const QString &text, const QString &surface, qsizetype start, qsizetype end)
{
    if (surface.isEmpty())
        return false;
    for (qsizetype at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
        if (at < end && start < at + surface.size())
            return true;
    }
    return false;
}

void print(const char *name, double value)
{
    std::printf("%s: %.3f\n", name, value);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_entities SHARED_DIR\n");
        return 2;
    }
    const QDir shared(QString::fromLocal8Bit(argv[1]));
    const QDir goldDir(QDir(QStringLiteral(LEDE_SOURCE_DIR)).filePath(u"tests/data/gold"_s));
    const bool verbose = qEnvironmentVariableIsSet("LEDE_GOLD_VERBOSE");

    std::shared_ptr<const Lede::KnowledgeBase> kb;
    const QString kbFiles = qEnvironmentVariable("LEDE_GOLD_KB");
    QStringList errors;
    if (kbFiles.isEmpty())
        kb = Lede::KnowledgeBase::loadBuiltin(&errors);
    else
        kb = Lede::KnowledgeBase::loadFiles(kbFiles.split(u':', Qt::SkipEmptyParts), &errors);
    for (const QString &e : std::as_const(errors))
        std::fprintf(stderr, "knowledge base: %s\n", qPrintable(e));
    const Lede::Linker linker(kb);

    QHash<QString, Score> scores; // by kind
    QHash<QString, QSet<QString>> articlesNaming; // company id → gold articles naming it
    QHash<QString, QSet<QString>> foundIn; // article → ids the linker found
    Score suggestScore; // true positives: right suggestions; false positives: wrong ones
    int unknownWanted = 0;
    int unknownNamed = 0;
    int articles = 0;

    const QStringList goldFiles = goldDir.entryList({u"*.tsv"_s}, QDir::Files, QDir::Name);
    for (const QString &goldName : goldFiles) {
        const QString article = goldName.chopped(4);
        QString path = shared.filePath(u"corpus/articles/"_s + article);
        if (!QFileInfo::exists(path))
            path = shared.filePath(u"seeds/"_s + article);
        QFile f(goldDir.filePath(goldName));
        if (!QFileInfo::exists(path) || !f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "skipped %s: no article or unreadable gold\n", qPrintable(goldName));
            continue;
        }
        QList<GoldEntry> gold;
        QSet<QString> goldIds;
        for (const QString &line : QString::fromUtf8(f.readAll()).split(u'\n')) {
            if (line.trimmed().isEmpty() || line.startsWith(u'#'))
                continue;
            const GoldEntry e{line.section(u'\t', 0, 0).trimmed(), line.section(u'\t', 1)};
            if (goldIds.contains(e.id))
                continue;
            goldIds.insert(e.id);
            gold.append(e);
        }
        const Lede::ParseResult parsed = Lede::parseFile(path);
        if (!parsed.ok()) {
            std::fprintf(stderr, "skipped %s: %s\n", qPrintable(article), qPrintable(parsed.error));
            continue;
        }
        ++articles;

        QHash<QString, QString> found; // id → first surface
        QList<Lede::EntitySuggestion> suggestions;
        QString allText;
        QSet<QString> suggested; // one suggestion per name per article
        for (const Lede::Article &a : parsed.articles) {
            const QList<Lede::EntityMention> mentions = linker.link(a.text);
            for (const Lede::EntityMention &m : mentions) {
                if (!found.contains(m.entityId))
                    found.insert(m.entityId, m.surface);
            }
            for (const Lede::EntitySuggestion &s : Lede::suggestEntities(a.text, mentions, *kb)) {
                if (suggested.contains(s.name))
                    continue;
                suggested.insert(s.name);
                Lede::EntitySuggestion shifted = s;
                shifted.start += allText.size();
                shifted.end += allText.size();
                suggestions.append(shifted);
            }
            allText += a.text + u'\n';
        }

        for (auto it = found.cbegin(); it != found.cend(); ++it) {
            Score &s = scores[kindOf(it.key())];
            if (goldIds.contains(it.key())) {
                ++s.truePositives;
            } else {
                ++s.falsePositives;
                if (verbose)
                    std::fprintf(stderr, "%s: +%s (\"%s\")\n", qPrintable(article), qPrintable(it.key()),
                        qPrintable(it.value()));
            }
        }
        for (const GoldEntry &e : std::as_const(gold)) {
            if (kindOf(e.id) == u"company"_s)
                articlesNaming[e.id].insert(article);
            if (!found.contains(e.id)) {
                ++scores[kindOf(e.id)].falseNegatives;
                if (verbose)
                    std::fprintf(
                        stderr, "%s: -%s (\"%s\")\n", qPrintable(article), qPrintable(e.id), qPrintable(e.surface));
            }
        }
        foundIn.insert(article, QSet<QString>(found.keyBegin(), found.keyEnd()));

        // Suggestions against the gold entities the knowledge base does not know.
        QList<GoldEntry> unknown;
        for (const GoldEntry &e : std::as_const(gold)) {
            if (!kb->entity(e.id))
                unknown.append(e);
        }
        QSet<QString> named;
        for (const Lede::EntitySuggestion &s : std::as_const(suggestions)) {
            bool right = false;
            for (const GoldEntry &e : std::as_const(unknown)) {
                if (overlapsSurface(allText, e.surface, s.start, s.end) || sameName(s.name, e.surface)) {
                    named.insert(e.id);
                    right = true;
                }
            }
            if (right) {
                ++suggestScore.truePositives;
            } else {
                ++suggestScore.falsePositives;
                if (verbose)
                    std::fprintf(stderr, "%s: suggestion +\"%s\" (%s)\n", qPrintable(article), qPrintable(s.name),
                        qPrintable(s.reason));
            }
        }
        for (const GoldEntry &e : std::as_const(unknown)) {
            const QString kind = kindOf(e.id);
            if (kind != u"company"_s && kind != u"chip"_s)
                continue;
            ++unknownWanted;
            if (named.contains(e.id))
                ++unknownNamed;
            else if (verbose)
                std::fprintf(stderr, "%s: suggestion -%s (\"%s\")\n", qPrintable(article), qPrintable(e.id),
                    qPrintable(e.surface));
        }
    }

    Score multi;
    int multiCompanies = 0;
    for (auto it = articlesNaming.cbegin(); it != articlesNaming.cend(); ++it) {
        if (it.value().size() < 2)
            continue;
        ++multiCompanies;
        for (const QString &article : it.value()) {
            if (foundIn.value(article).contains(it.key()))
                ++multi.truePositives;
            else
                ++multi.falseNegatives;
        }
    }

    std::printf("entities.articles: %d\n", articles);
    for (const QString &kind : kinds) {
        const Score s = scores.value(kind);
        const QByteArray k = kind.toUtf8();
        std::printf("entities.%s.precision: %.3f\n", k.constData(), s.precision());
        std::printf("entities.%s.recall: %.3f\n", k.constData(), s.recall());
        std::printf("entities.%s.gold: %d\n", k.constData(), s.truePositives + s.falseNegatives);
        std::printf("entities.%s.found: %d\n", k.constData(), s.truePositives + s.falsePositives);
    }
    print("entities.company_multi.recall", multi.recall());
    std::printf("entities.company_multi.companies: %d\n", multiCompanies);
    std::printf("entities.company_multi.gold: %d\n", multi.truePositives + multi.falseNegatives);
    print("suggest.precision", suggestScore.precision());
    print("suggest.recall", unknownWanted ? double(unknownNamed) / unknownWanted : 1.0);
    std::printf("suggest.suggestions: %d\n", suggestScore.truePositives + suggestScore.falsePositives);
    std::printf("suggest.unknown_gold: %d\n", unknownWanted);
    return articles > 0 ? 0 : 1;
}
