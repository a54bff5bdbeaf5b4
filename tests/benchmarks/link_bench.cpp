// SPDX-License-Identifier: MIT
// Links a corpus of at least 100 MB with the full knowledge base and prints its speed beside
// Hyperscan's (literal mode, caseless, the same aliases) and ripgrep's (rg --count-matches -F -i -f on
// a 25 MB sample, its start-up timed apart; its version is printed), all in one run; then times re-linking a library of
// 10,000 articles after one alias is added.
//
//   bench_link SHARED_DIR
//
// MB is 10^6 bytes of UTF-8 input for all three. The linker works on UTF-16 (QString, the form the
// app keeps articles in); the conversion from UTF-8 is done once beforehand and not timed. Each
// figure is the best of three runs (ripgrep's: one run when it takes over a minute). Other details go to stderr.
//
// LEDE_BENCH_LINK_MENTIONS=FILE writes every mention the linker found (start, end, entity, one a line) to
// FILE, so that a change meant to make the linker faster can be shown to find the same ones (diff two
// files). LEDE_BENCH_LINK_MB=N links N MB instead of 100 and stops after the linker and Hyperscan (for
// profiling the linker on a slice). The user CPU time of the best run of each is printed beside it
// (link.user_s, hyperscan.user_s), as a machine others are using changes it less.
#include "corpustext.h"
#include "jobs/relinkjob.h"
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "store/library.h"
#include "text/article.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <hs.h>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype defaultCorpusBytes = 100'000'000;
constexpr int libraryArticles = 10'000;
constexpr int runs = 3;

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench_link: %s\n", qPrintable(message));
    std::exit(1);
}

QStringList aliasList(const Lede::KnowledgeBase &kb)
{
    QStringList out;
    QSet<QString> seen;
    for (const Lede::Entity &e : kb.entities()) {
        for (const Lede::Alias &a : e.aliases) {
            const QString t = a.text.trimmed();
            if (!t.isEmpty() && !seen.contains(t)) {
                seen.insert(t);
                out.append(t);
            }
        }
    }
    return out;
}

// CPU time this thread has spent in user mode, which other programs on a busy machine change less
// than the wall-clock time.
double threadUserSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return double(usage.ru_utime.tv_sec) + double(usage.ru_utime.tv_usec) / 1e6;
}

// The best wall-clock time of `runs` runs; the best user CPU time of them in *userSeconds.
template <typename F> double bestSeconds(F &&f, double *userSeconds = nullptr)
{
    double best = 1e300;
    double bestUser = 1e300;
    for (int r = 0; r < runs; ++r) {
        const double user = threadUserSeconds();
        QElapsedTimer t;
        t.start();
        f();
        best = std::min(best, double(t.nsecsElapsed()) / 1e9);
        bestUser = std::min(bestUser, threadUserSeconds() - user);
    }
    if (userSeconds)
        *userSeconds = bestUser;
    return best;
}

int countHit(unsigned int, unsigned long long, unsigned long long, unsigned int, void *context)
{
    ++*static_cast<qint64 *>(context);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2)
        die(u"usage: bench_link SHARED_DIR"_s);
    const QString shared = QString::fromLocal8Bit(argv[1]);

    // The corpus: articles of real paragraphs until at least 100 MB of UTF-8.
    const QStringList paragraphs = LedeBench::realParagraphs(shared);
    if (paragraphs.isEmpty())
        die(u"no text found under "_s + shared + u"/corpus"_s);
    const qsizetype sliceMb = qEnvironmentVariableIntValue("LEDE_BENCH_LINK_MB");
    const bool slice = sliceMb > 0;
    const qsizetype corpusBytes = slice ? sliceMb * 1'000'000 : defaultCorpusBytes;
    std::mt19937 rng(20250201);
    QByteArray utf8;
    utf8.reserve(corpusBytes + 1'000'000);
    while (utf8.size() < corpusBytes) {
        utf8 += LedeBench::randomArticle(paragraphs, rng, 4, 30).toUtf8();
        utf8 += "\n\n";
    }
    const QString cachePath = QDir::tempPath()
        + (slice ? u"/lede-bench-link-corpus-%1mb.txt"_s.arg(sliceMb) : u"/lede-bench-link-corpus.txt"_s);
    {
        QFile cache(cachePath);
        if (!(cache.exists() && cache.size() == utf8.size())) {
            if (!cache.open(QIODevice::WriteOnly | QIODevice::Truncate) || cache.write(utf8) != utf8.size())
                die(u"cannot write "_s + cachePath);
        }
    }
    const double mb = double(utf8.size()) / 1e6;
    const QString text = QString::fromUtf8(utf8); // not timed: the app keeps texts as UTF-16
    std::fprintf(stderr, "corpus: %.1f MB UTF-8, %lld UTF-16 units, from %lld real paragraphs (%s)\n", mb,
        qlonglong(text.size()), qlonglong(paragraphs.size()), qPrintable(cachePath));

    QStringList kbErrors;
    const auto kb = Lede::KnowledgeBase::loadBuiltin(&kbErrors);
    const QStringList aliases = aliasList(*kb);
    QElapsedTimer buildTimer;
    buildTimer.start();
    const auto linker = std::make_shared<const Lede::Linker>(kb);
    std::fprintf(stderr, "knowledge base: %lld entities, %lld aliases, %lld patterns; linker built in %.1f ms\n",
        qlonglong(kb->size()), qlonglong(aliases.size()), qlonglong(linker->patternCount()),
        double(buildTimer.nsecsElapsed()) / 1e6);

    // Our linker over the whole text.
    qsizetype mentions = 0;
    double linkUserS = 0;
    const double linkS = bestSeconds([&] { mentions = linker->link(text).size(); }, &linkUserS);
    std::fprintf(stderr, "link: %lld mentions in %.3f s\n", qlonglong(mentions), linkS);
    if (const QString dumpPath = qEnvironmentVariable("LEDE_BENCH_LINK_MENTIONS"); !dumpPath.isEmpty()) {
        // From a run of its own, so that the timed runs are the same with and without the file.
        QFile dump(dumpPath);
        if (!dump.open(QIODevice::WriteOnly | QIODevice::Truncate))
            die(u"cannot write "_s + dumpPath);
        QByteArray lines;
        for (const Lede::EntityMention &m : linker->link(text))
            lines += QByteArray::number(m.start) + ' ' + QByteArray::number(m.end) + ' ' + m.entityId.toUtf8() + '\n';
        if (dump.write(lines) != lines.size())
            die(u"cannot write "_s + dumpPath);
        std::fprintf(stderr, "mentions written to %s\n", qPrintable(dumpPath));
    }

    // Hyperscan, literal mode, caseless, over the UTF-8 bytes.
    QList<QByteArray> hsAliases;
    for (const QString &a : aliases)
        hsAliases.append(a.toUtf8());
    std::vector<const char *> exprs;
    std::vector<unsigned> flags, ids;
    std::vector<size_t> lens;
    for (qsizetype i = 0; i < hsAliases.size(); ++i) {
        exprs.push_back(hsAliases.at(i).constData());
        lens.push_back(size_t(hsAliases.at(i).size()));
        flags.push_back(HS_FLAG_CASELESS);
        ids.push_back(unsigned(i));
    }
    hs_database_t *db = nullptr;
    hs_compile_error_t *compileError = nullptr;
    if (hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(), lens.data(), unsigned(exprs.size()), HS_MODE_BLOCK,
            nullptr, &db, &compileError)
        != HS_SUCCESS) {
        const QString message = QString::fromUtf8(compileError->message);
        hs_free_compile_error(compileError);
        die(u"hyperscan: "_s + message);
    }
    hs_scratch_t *scratch = nullptr;
    if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS)
        die(u"hyperscan: cannot allocate scratch"_s);
    qint64 hsMatches = 0;
    double hsUserS = 0;
    const double hsS = bestSeconds(
        [&] {
            hsMatches = 0;
            if (hs_scan(db, utf8.constData(), unsigned(utf8.size()), 0, scratch, countHit, &hsMatches) != HS_SUCCESS)
                die(u"hyperscan: scan failed"_s);
        },
        &hsUserS);
    hs_free_scratch(scratch);
    hs_free_database(db);
    std::fprintf(stderr, "hyperscan: %lld matches in %.3f s\n", qlonglong(hsMatches), hsS);
    if (slice) {
        std::printf("link.slice_mb: %.1f\n", mb);
        std::printf("link.mentions: %lld\n", qlonglong(mentions));
        std::printf("link.s: %.3f\n", linkS);
        std::printf("hyperscan.s: %.3f\n", hsS);
        std::printf("link.user_s: %.3f\n", linkUserS);
        std::printf("hyperscan.user_s: %.3f\n", hsUserS);
        std::printf("link.user_ratio_vs_hyperscan: %.2f\n", hsUserS / linkUserS);
        std::printf("link.ratio_vs_hyperscan: %.2f\n", (mb / linkS) / (mb / hsS));
        return 0;
    }

    // ripgrep on the cached file, the same aliases one per line.
    // Files of this run only: benchmarks running at the same time must not cut each other's.
    QTemporaryDir rgDir;
    if (!rgDir.isValid())
        die(u"cannot make a temporary folder"_s);
    const QString aliasPath = rgDir.filePath(u"aliases.txt"_s);
    {
        QFile f(aliasPath);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            die(u"cannot write "_s + aliasPath);
        f.write(aliases.join(u'\n').toUtf8() + '\n');
    }
    const QString rg = QStandardPaths::findExecutable(u"rg"_s);
    if (rg.isEmpty())
        die(u"ripgrep (rg) is not installed"_s);
    QString rgVersion;
    {
        QProcess p;
        p.start(rg, {u"--version"_s});
        p.waitForFinished();
        const QString first = QString::fromLocal8Bit(p.readAllStandardOutput()).section(u'\n', 0, 0);
        rgVersion = first.section(u' ', 1, 1); // "ripgrep 14.1.1 (rev …)"
        std::fprintf(stderr, "ripgrep: %s\n", qPrintable(first));
    }
    // ripgrep in the same mode as Hyperscan: the same aliases as caseless literals (-F -i), counting
    // every match, on a sample of at least 20 MB of the corpus (cut at a line end), so that its
    // start-up and the compilation of the patterns are a small part of the time. Whole-word
    // matching (-w) is left out for both: it takes ripgrep off its literal search altogether (it
    // did not finish 100 MB in 15 CPU-minutes here), which would measure that choice, not a scan.
    // Its start-up and compilation are also timed alone, on an empty file, and taken out for the
    // scan rate.
    constexpr qint64 rgSampleBytes = 25'000'000;
    const QString samplePath = rgDir.filePath(u"sample.txt"_s);
    const QString emptyPath = rgDir.filePath(u"empty.txt"_s);
    qint64 sampleBytes = 0;
    {
        QFile in(cachePath);
        QFile out(samplePath);
        QFile empty(emptyPath);
        if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || !empty.open(QIODevice::WriteOnly | QIODevice::Truncate))
            die(u"cannot write "_s + samplePath);
        QByteArray head = in.read(rgSampleBytes + 100'000);
        const qsizetype cut = head.indexOf('\n', rgSampleBytes);
        if (cut > 0)
            head.truncate(cut + 1);
        out.write(head);
        sampleBytes = head.size();
    }
    constexpr int rgLimitMs = 300'000;
    QByteArray rgOut;
    bool rgTimedOut = false;
    const auto runRg = [&](const QString &input) {
        QElapsedTimer t;
        t.start();
        QProcess p;
        p.start(rg, {u"--no-config"_s, u"--count-matches"_s, u"-F"_s, u"-i"_s, u"-f"_s, aliasPath, input});
        if (!p.waitForFinished(rgLimitMs)) {
            p.kill();
            p.waitForFinished();
            rgTimedOut = true;
            return rgLimitMs / 1000.0;
        }
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() > 1)
            die(u"rg failed: "_s + QString::fromLocal8Bit(p.readAllStandardError()));
        rgOut = p.readAllStandardOutput().trimmed();
        return double(t.nsecsElapsed()) / 1e9;
    };
    double rgStartS = 1e300;
    for (int r = 0; r < runs; ++r)
        rgStartS = std::min(rgStartS, runRg(emptyPath));
    double rgS = runRg(samplePath);
    for (int r = 1; r < runs && rgS < 60 && !rgTimedOut; ++r)
        rgS = std::min(rgS, runRg(samplePath));
    std::fprintf(stderr, "ripgrep: %s matches in %.3f s on a %.1f MB sample, %.3f s of it start-up and compilation%s\n",
        rgOut.constData(), rgS, double(sampleBytes) / 1e6, rgStartS,
        rgTimedOut ? " (stopped at the time limit: the rate is an upper bound)" : "");

    const double linkMbs = mb / linkS;
    const double hsMbs = mb / hsS;
    const double rgMbs = double(sampleBytes) / 1e6 / rgS;
    const double rgScanMbs = double(sampleBytes) / 1e6 / std::max(1e-6, rgS - rgStartS);
    std::printf("ripgrep.version: %s\n", qPrintable(rgVersion));
    std::printf("ripgrep.sample_mb: %.1f\n", double(sampleBytes) / 1e6);
    std::printf("ripgrep.startup_s: %.3f\n", rgStartS);
    std::printf("ripgrep.mb_per_s: %.1f\n", rgMbs);
    std::printf("ripgrep.scan_mb_per_s: %.1f\n", rgScanMbs);
    std::printf("link.mentions: %lld\n", qlonglong(mentions));
    std::printf("link.mb_per_s: %.1f\n", linkMbs);
    std::printf("hyperscan.mb_per_s: %.1f\n", hsMbs);
    std::printf("link.ratio_vs_hyperscan: %.2f\n", linkMbs / hsMbs);
    std::printf("link.user_s: %.3f\n", linkUserS);
    std::printf("hyperscan.user_s: %.3f\n", hsUserS);
    std::printf("link.user_ratio_vs_hyperscan: %.2f\n", hsUserS / linkUserS);
    std::printf("link.ratio_vs_ripgrep: %.2f\n", linkMbs / rgScanMbs);
    std::fflush(stdout);

    // A library of 10,000 articles, linked, then re-linked after the journalist adds an alias.
    QTemporaryDir dir;
    if (!dir.isValid())
        die(u"cannot make a temporary folder"_s);
    const QString libraryPath = dir.filePath(u"library.lede"_s);
    {
        Lede::Library library;
        if (!library.open(libraryPath))
            die(library.lastError());
        std::mt19937 articleRng(7);
        QElapsedTimer fill;
        fill.start();
        qint64 libraryBytes = 0;
        for (int i = 0; i < libraryArticles;) {
            Lede::Article a;
            a.format = Lede::SourceFormat::PlainText;
            a.sourcePath = u"bench/%1.txt"_s.arg(i);
            a.title = u"Article %1"_s.arg(i);
            a.text = LedeBench::randomArticle(paragraphs, articleRng, 3, 12);
            a.blocks = Lede::TextBlocks(a.text.count(u"\n\n"_s) + 1);
            a.entities = linker->link(a.text);
            const auto added = library.addArticle(a);
            if (!added)
                die(library.lastError());
            if (!added->duplicate) {
                libraryBytes += a.text.toUtf8().size();
                ++i;
            }
        }
        std::fprintf(stderr, "library: %d articles, %.1f MB, filled in %.1f s\n", libraryArticles,
            double(libraryBytes) / 1e6, double(fill.nsecsElapsed()) / 1e9);
    }
    auto taught = std::make_shared<Lede::KnowledgeBase>(*kb);
    if (!taught->addAlias(u"company/deepseek", Lede::Alias{u"DeepSeek-V3"_s, Lede::Alias::Other, false}))
        die(u"company/deepseek is not in the knowledge base"_s);
    const auto relinker = std::make_shared<const Lede::Linker>(taught);
    Lede::RelinkJob job(libraryPath, relinker);
    QElapsedTimer relinkTimer;
    relinkTimer.start();
    const Lede::RelinkSummary summary = job.run();
    const double relinkS = double(relinkTimer.nsecsElapsed()) / 1e9;
    if (!summary.error.isEmpty())
        die(u"re-link failed: "_s + summary.error);
    std::fprintf(stderr, "relink: %d of %d articles, %d changed\n", summary.done, summary.total, summary.changed);
    std::printf("relink.10k_articles_s: %.2f\n", relinkS);
    return 0;
}
