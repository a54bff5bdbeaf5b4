// SPDX-License-Identifier: MIT
// Search on a generated library of 100,000 articles: p50 and p95 of typical queries (free text,
// entity facets, combined; each with its entity counts and weeks), beside the same result fetched
// by one hand-written SQLite statement per query, and ripgrep over the same texts written out as
// files for the free-text queries. Also the time and memory to open the library and find its first
// result (store.open_s, store.open_rss_mb); the window's, to a painted list, is bench_open's.
//
// Generating the library also measures the import pace at scale: articles per second in the first
// and the last tenth (the figures are kept beside the cached library and printed on every run).
//
// The app's own import path (ImportJob: a transaction per file, as from the window) is then timed
// over the same texts written out as files, into a new library: import.app.*.
//
//   bench_search [--cache DIR] [ARTICLES]
//
// ARTICLES defaults to 100000. The library is generated once into DIR (packaging/bench gives one
// under build/; else $TMPDIR), keyed on the generator's version, the seed and the schema version.
#include "jobs/importjob.h"
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "query/search.h"
#include "searchlibrary.h"
#include "store/generator.h"
#include "store/library.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;

namespace {

constexpr quint64 seed = LedeBench::searchSeed;

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(std::min(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5)));
}

void figure(const char *name, double value, const char *format = "%.2f")
{
    std::printf("%s: ", name);
    std::printf(format, value);
    std::printf("\n");
    std::fflush(stdout);
}

// The processor time this thread has used, in ms: beside the elapsed time, what a query costs when
// other programs share the processor (elapsed time then includes their turns).
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

QString json(const QStringList &ids)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
}

// One typical query: as typed in the field, and the same result by hand in SQL (`ids` selects the
// matching article ids; the shared tail adds the list order, entity counts and weeks).
struct Case
{
    QString name;
    QString query;
    QString ids;
    QVariantList params;
    QString rgTerm; // free text: what ripgrep looks for
};

// Written as someone who knows the schema would: the ids and dates from the narrow index, each
// article's entities once by integer key (article_entities), the weeks from the dates.
QString handWritten(const QString &ids)
{
    return u"WITH r(id, published) AS MATERIALIZED (SELECT id, published FROM articles INDEXED BY articles_by_id_published WHERE id IN ("_s
        + ids + uR"())
SELECT * FROM (SELECT 0, id, NULL FROM r ORDER BY published DESC, id DESC)
UNION ALL SELECT 1, k.entity_id, c.n FROM (SELECT entity, count(*) AS n FROM article_entities
          WHERE article_id IN (SELECT id FROM r) GROUP BY entity) c JOIN entity_keys k ON k.id = c.entity
UNION ALL SELECT 2, date(substr(published, 1, 10), 'weekday 0', '-6 days') AS w, count(*) FROM r GROUP BY w)"_s;
}

// The app's own import path over the generated texts written out as files, into a new library:
// ImportJob reads, parses, links and adds each file in a transaction of its own, as an import from
// the window or lede-cli does. Prints the articles per second of the first and the last tenth.
void importThroughTheApp(const QString &texts, const std::shared_ptr<const Lede::KnowledgeBase> &kb)
{
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "no temporary folder: no import.app figures\n");
        return;
    }
    Lede::ImportJob job(dir.filePath(u"import.lede"_s), {texts}, std::make_shared<const Lede::Linker>(kb));
    QElapsedTimer clock;
    QList<qint64> tenthEnds; // ns at which each tenth of the files was done
    int files = 0;
    QObject::connect(&job, &Lede::ImportJob::progress, &job, [&](int done, int total, const QString &) {
        files = total;
        while (total > 0 && tenthEnds.size() < 10 && qint64(done) * 10 >= qint64(total) * (tenthEnds.size() + 1))
            tenthEnds.append(clock.nsecsElapsed());
    });
    clock.start();
    const Lede::ImportSummary summary = job.run();
    if (tenthEnds.size() < 10 || summary.added == 0) {
        std::fprintf(stderr, "the import through the app did not finish: %s\n", qPrintable(summary.describe()));
        return;
    }
    const auto perSecond = [&](int tenth) {
        const qint64 begin = tenth ? tenthEnds[tenth - 1] : 0;
        return (files / 10.0) / (double(tenthEnds[tenth] - begin) / 1e9);
    };
    figure("import.app.articles", double(summary.added), "%.0f");
    figure("import.app.per_s", summary.added / (double(tenthEnds.last()) / 1e9), "%.0f");
    figure("import.app.first_tenth_per_s", perSecond(0), "%.0f");
    figure("import.app.last_tenth_per_s", perSecond(9), "%.0f");
    figure("import.app.pace_first_vs_last", perSecond(0) / std::max(0.001, perSecond(9)));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString cacheDir = LedeBench::defaultSearchCache();
    if (const qsizetype i = args.indexOf(u"--cache"_s); i >= 0 && i + 1 < args.size()) {
        cacheDir = args.at(i + 1);
        args.remove(i, 2);
    }
    const qsizetype articles = args.isEmpty() ? 100000 : args.first().toLongLong();
    QDir().mkpath(cacheDir);
    const QString path = LedeBench::searchLibraryPath(cacheDir, articles);
    const QString key = QFileInfo(path).completeBaseName().mid(QStringLiteral("library-").size());
    const QString pacePath = path + u".pace"_s;
    const auto kb = Lede::KnowledgeBase::loadBuiltin();

    if (!QFile::exists(path)) {
        QElapsedTimer t;
        t.start();
        const QString part = path + u".part"_s;
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::remove(part + suffix);
        {
            Lede::Library lib;
            if (!lib.open(part)) {
                std::fprintf(stderr, "%s\n", qPrintable(lib.lastError()));
                return 1;
            }
            Lede::LibraryGenerator generator(*kb, seed);
            // The pace of each tenth: articles added (in batches, as an import commits them) per second.
            QList<double> tenths;
            QElapsedTimer tenth;
            tenth.start();
            qsizetype tenthStart = 0;
            if (!generator.generate(lib, articles, [&](qsizetype done) {
                    if (done - tenthStart >= articles / 10 || done == articles) {
                        tenths.append(double(done - tenthStart) / (double(tenth.nsecsElapsed()) / 1e9));
                        tenthStart = done;
                        tenth.restart();
                        std::fprintf(
                            stderr, "generated %lld (%.0f articles/s)\n", static_cast<long long>(done), tenths.last());
                    }
                })) {
                std::fprintf(stderr, "%s\n", qPrintable(lib.lastError()));
                return 1;
            }
            QFile pace(pacePath);
            if (!tenths.isEmpty() && pace.open(QIODevice::WriteOnly)) {
                pace.write(
                    QByteArray("import.first_tenth_per_s: ") + QByteArray::number(tenths.first(), 'f', 0) + '\n');
                pace.write(QByteArray("import.last_tenth_per_s: ") + QByteArray::number(tenths.last(), 'f', 0) + '\n');
                pace.write(QByteArray("import.pace_first_vs_last: ")
                    + QByteArray::number(tenths.first() / std::max(0.001, tenths.last()), 'f', 2) + '\n');
            }
        }
        QFile::rename(part, path);
        std::fprintf(stderr, "generated %lld articles in %.0f s into %s\n", static_cast<long long>(articles),
            double(t.elapsed()) / 1000.0, qPrintable(path));
    }

    // Opening for the desk: the file, then the first result (everything, with counts and weeks).
    QElapsedTimer open;
    open.start();
    Lede::Library lib;
    if (!lib.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(lib.lastError()));
        return 1;
    }
    const auto first = lib.search(Lede::Query::prepare(u""_s, {}, *kb));
    if (!first) {
        std::fprintf(stderr, "%s\n", qPrintable(lib.lastError()));
        return 1;
    }
    figure("store.open_s", double(open.nsecsElapsed()) / 1e9, "%.3f");
    if (QFile pace(pacePath); pace.open(QIODevice::ReadOnly)) // measured when the library was generated
        std::printf("%s", pace.readAll().constData());
    figure("store.open_rss_mb", LedeBench::rssMb(), "%.0f");
    figure("library.articles", double(first->ids.size()), "%.0f");

    const auto ids = [&](const QString &id) { return json(QStringList(kb->descendantsAndSelf(id).values())); };
    const QString mentioning
        = u"SELECT article_id FROM article_entities WHERE entity IN (SELECT id FROM entity_keys WHERE entity_id IN (SELECT value FROM json_each(?)))"_s;
    const QString match = u"SELECT rowid FROM search_text WHERE search_text MATCH ?"_s;
    const QList<Case> cases = {
        {u"word"_s, u"accelerators"_s, match, {u"accelerators"_s}, u"accelerators"_s},
        {u"prose"_s, u"lithography"_s, match, {u"lithography"_s}, u"lithography"_s},
        {u"phrase"_s, u"\"export controls\""_s, match, {u"\"export controls\""_s}, u"export controls"_s},
        {u"prefix"_s, u"smuggl*"_s, match, {u"smuggl*"_s}, u"smuggl"_s},
        {u"chinese"_s, u"华为"_s, match, {u"华为"_s}, u"华为"_s},
        {u"rare"_s, u"permission"_s, match, {u"permission"_s}, u"permission"_s},
        {u"company"_s, u"company:huawei"_s, mentioning, {ids(u"company/huawei"_s)}, {}},
        {u"region"_s, u"region:\"southeast asia\""_s, mentioning, {ids(u"region/southeast-asia"_s)}, {}},
        {u"chip"_s, u"chip:\"ascend 910b\""_s, mentioning, {ids(u"chip/huawei-ascend-910b"_s)}, {}},
        {u"issue"_s, u"company:huawei region:malaysia -company:nvidia since:2025-04"_s,
            u"SELECT id FROM articles WHERE published >= '2025-04-01' AND id IN ("_s + mentioning + u") AND id IN ("_s
                + mentioning + u") AND id NOT IN ("_s + mentioning + u")"_s,
            {ids(u"company/huawei"_s), ids(u"region/my"_s), ids(u"company/nvidia"_s)}, {}},
        {u"text+entity"_s, u"\"export controls\" company:nvidia since:2024"_s,
            u"SELECT id FROM articles WHERE published >= '2024-01-01' AND id IN ("_s + match + u") AND id IN ("_s
                + mentioning + u")"_s,
            {u"\"export controls\""_s, ids(u"company/nvidia"_s)}, {}},
        {u"or"_s, u"(h20 OR h200) -licence"_s, match, {u"(\"h20\" OR \"h200\") NOT \"licence\""_s}, {}},
    };

    constexpr int runs = 15;
    QList<double> ours, theirs, oursCpu, theirsCpu;
    for (const Case &c : cases) {
        const Lede::Query::Search search = Lede::Query::prepare(c.query, {}, *kb);
        if (!search.ok()) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(c.query), qPrintable(search.errors.first().message));
            return 1;
        }
        QList<double> a, b, aCpu, bCpu;
        qsizetype found = 0, foundSql = 0;
        for (int i = 0; i < runs + 2; ++i) {
            QElapsedTimer t;
            double cpu = threadCpuMs();
            t.start();
            const auto r = lib.search(search);
            const double ms = double(t.nsecsElapsed()) / 1e6;
            const double cpuMs = threadCpuMs() - cpu;
            if (!r) {
                std::fprintf(stderr, "%s\n", qPrintable(lib.lastError()));
                return 1;
            }
            found = r->ids.size();
            cpu = threadCpuMs();
            t.restart();
            QSqlQuery q(lib.database());
            q.setForwardOnly(true);
            q.prepare(handWritten(c.ids));
            for (const QVariant &v : c.params)
                q.addBindValue(v);
            if (!q.exec()) {
                std::fprintf(stderr, "%s: %s\n", qPrintable(c.name), qPrintable(q.lastError().text()));
                return 1;
            }
            Lede::Query::SearchResult sql;
            while (q.next()) {
                switch (q.value(0).toInt()) {
                case 0:
                    sql.ids.append(q.value(1).toLongLong());
                    break;
                case 1:
                    sql.entityCounts.insert(q.value(1).toString(), q.value(2).toInt());
                    break;
                default:
                    if (q.value(1).isNull())
                        sql.undated += q.value(2).toInt();
                    else
                        sql.weeks.append({QDate::fromString(q.value(1).toString(), Qt::ISODate), q.value(2).toInt()});
                }
            }
            const qsizetype n = sql.ids.size();
            const double sqlMs = double(t.nsecsElapsed()) / 1e6;
            const double sqlCpuMs = threadCpuMs() - cpu;
            foundSql = n;
            if (i == 0) { // the same result: ids in the same order, the same counts and weeks
                std::sort(sql.weeks.begin(), sql.weeks.end(),
                    [](const Lede::Query::WeekCount &x, const Lede::Query::WeekCount &y) {
                        return x.monday < y.monday;
                    });
                const char *differs = r->ids != sql.ids                  ? "ids"
                    : r->entityCounts != sql.entityCounts                ? "entity counts"
                    : r->weeks != sql.weeks || r->undated != sql.undated ? "weeks"
                                                                         : nullptr;
                if (differs) {
                    std::fprintf(
                        stderr, "%s: the %s differ from the hand-written query's\n", qPrintable(c.name), differs);
                    return 1;
                }
            }
            if (i >= 2) { // two to warm the cache
                a.append(ms);
                b.append(sqlMs);
                aCpu.append(cpuMs);
                bCpu.append(sqlCpuMs);
            }
        }
        if (found != foundSql)
            std::fprintf(stderr, "warning: %s found %lld, the hand-written query %lld\n", qPrintable(c.name),
                static_cast<long long>(found), static_cast<long long>(foundSql));
        std::printf("search.%s: %lld articles, p50 %.1f ms, p95 %.1f ms (cpu %.1f); sql p95 %.1f ms (cpu %.1f)\n",
            qPrintable(c.name), static_cast<long long>(found), percentile(a, 0.5), percentile(a, 0.95),
            percentile(aCpu, 0.95), percentile(b, 0.95), percentile(bCpu, 0.95));
        ours += a;
        theirs += b;
        oursCpu += aCpu;
        theirsCpu += bCpu;
    }
    figure("search.p50_ms", percentile(ours, 0.5));
    figure("search.p95_ms", percentile(ours, 0.95));
    figure("sql.p50_ms", percentile(theirs, 0.5));
    figure("sql.p95_ms", percentile(theirs, 0.95));
    figure("search.ratio_vs_sql", percentile(ours, 0.95) / std::max(0.001, percentile(theirs, 0.95)));
    figure("search.cpu_p95_ms", percentile(oursCpu, 0.95));
    figure("sql.cpu_p95_ms", percentile(theirsCpu, 0.95));

    // The library's texts as files: ripgrep's input, and the app's import path's.
    const QString texts = cacheDir + u"/texts-"_s + key;
    if (!QFile::exists(texts + u"/done"_s)) {
        QDir().mkpath(texts);
        QSqlQuery q(lib.database());
        q.setForwardOnly(true);
        q.exec(u"SELECT id, title, body FROM articles"_s);
        while (q.next()) {
            QFile f(texts + u"/%1.txt"_s.arg(q.value(0).toLongLong()));
            if (f.open(QIODevice::WriteOnly))
                f.write((q.value(1).toString() + u"\n\n"_s + q.value(2).toString()).toUtf8());
        }
        QFile done(texts + u"/done"_s);
        done.open(QIODevice::WriteOnly);
    }
    importThroughTheApp(texts, kb);

    // ripgrep over the same texts as files, for the free-text queries.
    const QString rg = QStandardPaths::findExecutable(u"rg"_s);
    if (rg.isEmpty()) {
        std::fprintf(stderr, "rg not found: no rg.p50_ms\n");
        return 0;
    }
    QList<double> rgTimes;
    for (const Case &c : cases) {
        if (c.rgTerm.isEmpty())
            continue;
        for (int i = 0; i < 4; ++i) {
            QElapsedTimer t;
            t.start();
            QProcess p;
            p.start(rg, {u"-c"_s, u"-F"_s, u"-i"_s, c.rgTerm, texts});
            p.waitForFinished(-1);
            p.readAllStandardOutput();
            if (i > 0)
                rgTimes.append(double(t.nsecsElapsed()) / 1e6);
        }
    }
    figure("rg.p50_ms", percentile(rgTimes, 0.5));
    return 0;
}
