// SPDX-License-Identifier: MIT
// lede-cli: the library's parser, linker, importer and knowledge base from the command line.
//
//   lede-cli parse FILE…                     one JSON object per article on stdout
//   lede-cli import [--library PATH] FILE|DIR… progress on stderr, then a summary
//   lede-cli kb [--counts]                     the knowledge base as JSON lines, or its counts
//   lede-cli restore [--library PATH] [BACKUP|latest]  lists the backups, or puts one in place
//   lede-cli search [--library PATH] QUERY     matching articles as JSON lines, then the facet counts
//   lede-cli generate --articles N --library PATH [--seed S]   a made-up library for tests and benchmarks
//   lede-cli reextract [--library PATH]        parses every article again from its kept file
//   lede-cli annotations export|import|add …   annotations as JSON-LD, Markdown or CSV, and back
#include "export/annotationexport.h"
#include "export/webannotation.h"
#include "jobs/importjob.h"
#include "jobs/reextractjob.h"
#include "jobs/relinkjob.h"
#include "kb/kbedit.h"
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "parse/documentparser.h"
#include "query/search.h"
#include "store/database.h"
#include "store/generator.h"
#include "store/library.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QThread>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

void printLine(const QJsonObject &o)
{
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
}

void err(const QString &message)
{
    std::fprintf(stderr, "lede-cli: %s\n", qPrintable(message));
}

const char *const usageText
    = "usage: lede-cli parse FILE…\n"
      "       lede-cli import [--library PATH] FILE|DIR…\n"
      "       lede-cli kb [--counts]\n"
      "       lede-cli restore [--library PATH] [BACKUP|latest]\n"
      "       lede-cli search [--library PATH] QUERY\n"
      "       lede-cli generate --articles N --library PATH [--seed S]\n"
      "       lede-cli reextract [--library PATH]\n"
      "       lede-cli annotations export --format jsonld|markdown|csv [--library PATH] [QUERY…]\n"
      "       lede-cli annotations import [--library PATH] FILE\n"
      "       lede-cli annotations add [--library PATH] --article ID|TITLE --quote TEXT [--note TEXT] [--color NAME]\n"
      "       lede-cli COMMAND --help\n"
      "parse prints one JSON object per article (a feed gives one per item); import adds the files\n"
      "to a library (default: Lede's own) with progress on stderr; kb lists the knowledge base;\n"
      "restore lists a library's backups or puts one in its place; search prints the articles a\n"
      "query finds and the facet counts; generate makes a test library; reextract parses a\n"
      "library's articles again; annotations exports, imports and adds annotations.\n";

// Asked for: on standard output, success. After a mistake: on standard error, exit code 2.
int usage(bool asked = false)
{
    std::fputs(usageText, asked ? stdout : stderr);
    return asked ? 0 : 2;
}

// The help of one command, printed to standard output.
int commandHelp(const QString &command)
{
    const char *text = nullptr;
    if (command == u"parse")
        text = "usage: lede-cli parse FILE…\n"
               "Parses each file (scraped text, Markdown, HTML, RSS/Atom/JSON feeds) and prints one JSON\n"
               "object per article: metadata, canonical text, and the entities found with UTF-16 offsets\n"
               "into the text. A file that cannot be parsed is reported on standard error and the rest go\n"
               "on; the exit code is 1 when any failed.\n";
    else if (command == u"import")
        text = "usage: lede-cli import [--library PATH] FILE|DIR…\n"
               "Imports files and folders (walked recursively) into a library: Lede's own by default, or\n"
               "PATH, created if missing. Progress goes to standard error, then a summary; files that\n"
               "cannot be read are named with the reason and the rest are imported.\n";
    else if (command == u"kb")
        text = "usage: lede-cli kb [--counts]\n"
               "Prints the built-in knowledge base, one JSON object per entity: id, kind (company, chip,\n"
               "region or organisation), name, aliases, relations and facts (`set` names the criterion\n"
               "sets an entity is listed for, see resources/kb/README.md). With --counts, prints instead\n"
               "one `name: value` line per kind (kind company: 3001) and per criterion set\n"
               "(set sp500: 503).\n";
    else if (command == u"restore")
        text = "usage: lede-cli restore [--library PATH] [BACKUP|latest]\n"
               "Without BACKUP, lists the backups of a library (Lede's own by default, or PATH), newest\n"
               "first. Lede backs a library up before it upgrades its schema and once a day while it runs,\n"
               "into the folder LIBRARY.backups beside it. With BACKUP (a file, or latest for the newest),\n"
               "checks it and puts it in place of the library; the library it replaces is kept beside it\n"
               "as LIBRARY.replaced-TIME. Close Lede first.\n";
    else if (command == u"search")
        text = "usage: lede-cli search [--library PATH] QUERY…\n"
               "Searches a library (Lede's own by default) with the search field's language and prints one\n"
               "JSON object per matching article, newest first (id, title, outlet, published), then one\n"
               "line {\"total\", \"facets\": {kind: {entity id: articles}}, \"weeks\", \"undated\"}.\n"
               "Several arguments are one query. Examples:\n"
               "  lede-cli search 'company:huawei region:malaysia -company:nvidia since:2025-04'\n"
               "  lede-cli search '\"export controls\" OR licen* chip:\"ascend 910b\" has:annotation'\n"
               "A malformed query is shown with the place of each mistake; the exit code is then 2.\n";
    else if (command == u"generate")
        text = "usage: lede-cli generate --articles N --library PATH [--seed S]\n"
               "Adds N made-up articles (news about the knowledge base's companies, chips and regions, in\n"
               "English, Chinese and Japanese, with reprints and annotations) to the library at PATH. The\n"
               "same seed (default 1) gives the same articles. For tests and benchmarks.\n";
    else if (command == u"reextract")
        text = "usage: lede-cli reextract [--library PATH]\n"
               "Parses every article of a library (Lede's own by default) again from the file the library\n"
               "kept, after an upgrade of the extractor or the knowledge base: mentions are linked again\n"
               "and every annotation is placed again on its words, or listed as an orphan. Progress goes to\n"
               "standard error, then a summary (re-anchored exactly, moved, orphaned). Each article is\n"
               "written in its own transaction: an interrupted run loses nothing.\n";
    else if (command == u"annotations")
        text = "usage: lede-cli annotations export --format jsonld|markdown|csv [--library PATH] [QUERY…]\n"
               "       lede-cli annotations import [--library PATH] FILE\n"
               "       lede-cli annotations add [--library PATH] --article ID|TITLE --quote TEXT\n"
               "                                [--note TEXT] [--color NAME]\n"
               "export prints the annotations as W3C Web Annotation JSON-LD, a Markdown dossier with\n"
               "citations, or CSV. QUERY narrows them to some articles; its terms all apply: an entity id\n"
               "or name (the articles that mention it), article:ID, or words of the headline.\n"
               "import reads Web Annotation JSON-LD into the articles with the same text (by content\n"
               "hash, else URL), each placed by its quote; a quote no longer there is kept as an orphan.\n"
               "add highlights the first place the quote appears in the article (an id, or words of its\n"
               "headline) and prints the annotation as JSON-LD.\n";
    if (!text)
        return usage(false);
    std::fputs(text, stdout);
    return 0;
}

QJsonObject articleJson(const Lede::Article &a, const Lede::KnowledgeBase &kb)
{
    QJsonArray entities;
    for (const Lede::EntityMention &m : a.entities) {
        const Lede::Entity *e = kb.entity(m.entityId);
        entities.append(QJsonObject{
            {u"kind"_s, e ? Lede::kindKey(e->kind) : QString()},
            {u"id"_s, m.entityId},
            {u"name"_s, e ? e->name : QString()},
            {u"start"_s, m.start},
            {u"end"_s, m.end},
            {u"surface"_s, m.surface},
        });
    }
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
    return QJsonObject{
        {u"file"_s, a.sourcePath},
        {u"format"_s, Lede::formatName(a.format)},
        {u"title"_s, a.title},
        {u"byline"_s, orNull(a.byline)},
        {u"published"_s, orNull(a.publishedIso())},
        {u"outlet"_s, orNull(a.outlet)},
        {u"url"_s, orNull(a.url)},
        {u"language"_s, orNull(a.language)},
        {u"tags"_s, QJsonArray::fromStringList(a.tags)},
        {u"text"_s, a.text},
        {u"entities"_s, entities},
        {u"warnings"_s, QJsonArray::fromStringList(a.warnings)},
    };
}

std::shared_ptr<const Lede::Linker> makeLinker()
{
    QStringList errors;
    auto kb = Lede::KnowledgeBase::loadBuiltin(&errors);
    for (const QString &e : std::as_const(errors))
        err(u"knowledge base: "_s + e);
    return std::make_shared<const Lede::Linker>(kb);
}

// Files parsed ahead of the one being printed, at most: bounds the memory a long list of large pages takes.
constexpr qsizetype kParseLookAhead = 16;

/// One file's output: its JSON lines, or why it could not be parsed.
struct ParsedOutput
{
    QByteArray lines;
    QString error;
    bool done = false;
};

/// Parses, links and serialises the files on every core (each file on one thread, the whole path), and prints the
/// results in the order of the files as soon as each is ready. Same output as one file after the other.
int parseCommand(const QStringList &files)
{
    if (files.isEmpty())
        return usage();
    // The knowledge base loads and the linker is built while the first files are parsed.
    const std::shared_future<std::shared_ptr<const Lede::Linker>> linker
        = std::async(std::launch::async, makeLinker).share();
    std::vector<ParsedOutput> outputs(size_t(files.size()));
    std::mutex mutex;
    std::condition_variable changed;
    qsizetype next = 0; // the next file a thread takes up
    qsizetype printing = 0; // the file the printer waits for
    auto work = [&] {
        for (;;) {
            qsizetype i;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return next >= files.size() || next < printing + kParseLookAhead; });
                if (next >= files.size())
                    return;
                i = next++;
            }
            ParsedOutput out;
            Lede::ParseResult result = Lede::parseFile(files.at(i));
            if (!result.ok()) {
                out.error = result.error;
            } else {
                const Lede::Linker &l = *linker.get();
                for (Lede::Article &a : result.articles) {
                    a.entities = l.link(a.text);
                    out.lines += QJsonDocument(articleJson(a, l.knowledgeBase())).toJson(QJsonDocument::Compact);
                    out.lines += '\n';
                }
            }
            out.done = true;
            {
                std::lock_guard lock(mutex);
                outputs[size_t(i)] = std::move(out);
            }
            changed.notify_all();
        }
    };
    const int threads = int(std::clamp<qsizetype>(QThread::idealThreadCount(), 1, files.size()));
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back(work);
    int failures = 0;
    for (qsizetype i = 0; i < files.size(); ++i) {
        ParsedOutput out;
        {
            std::unique_lock lock(mutex);
            printing = i;
            changed.notify_all();
            changed.wait(lock, [&] { return outputs[size_t(i)].done; });
            out = std::move(outputs[size_t(i)]);
        }
        if (!out.error.isEmpty()) {
            err(u"%1: %2"_s.arg(files.at(i), out.error));
            ++failures;
            continue;
        }
        std::fwrite(out.lines.constData(), 1, size_t(out.lines.size()), stdout);
    }
    for (std::thread &t : pool)
        t.join();
    std::fflush(stdout);
    return failures ? 1 : 0;
}

// Takes "--name VALUE" out of args; false when the value is missing.
bool takeOption(QStringList &args, const QString &name, QString *value)
{
    const qsizetype opt = args.indexOf(name);
    if (opt < 0)
        return true;
    if (opt + 1 >= args.size())
        return false;
    *value = args.at(opt + 1);
    args.remove(opt, 2);
    return true;
}

// The linker Lede uses for this library: the shipped knowledge base with what the journalist taught
// in the app (aliases, new entities, merges) applied on top.
std::shared_ptr<const Lede::Linker> libraryLinker(
    const Lede::Library &library, const std::shared_ptr<const Lede::KnowledgeBase> &base)
{
    const QList<Lede::KbEdit> edits = library.kbEdits();
    if (edits.isEmpty())
        return std::make_shared<const Lede::Linker>(base);
    QStringList skipped;
    auto kb = Lede::applyEdits(*base, edits, &skipped);
    for (const QString &s : std::as_const(skipped))
        err(u"a knowledge-base change no longer applies: "_s + s);
    return std::make_shared<const Lede::Linker>(std::move(kb));
}

std::shared_ptr<const Lede::KnowledgeBase> loadShippedBase()
{
    QStringList errors;
    auto kb = Lede::KnowledgeBase::loadBuiltin(&errors);
    for (const QString &e : std::as_const(errors))
        err(u"knowledge base: "_s + e);
    return kb;
}

// A library whose mentions were found with another knowledge base or linker is linked again first,
// keeping what the journalist taught and rejected; the fingerprint is recorded once that is done.
bool relinkIfBaseChanged(
    Lede::Library &library, const std::shared_ptr<const Lede::Linker> &linker, const Lede::KnowledgeBase &base)
{
    const QString fingerprint = Lede::Linker::fingerprint(base);
    if (library.linkFingerprint() == fingerprint)
        return true;
    if (library.articleCount() == 0) {
        if (library.setLinkFingerprint(fingerprint))
            return true;
        err(library.lastError());
        return false;
    }
    Lede::RelinkJob job(library.path(), linker);
    job.setFingerprint(fingerprint);
    QObject::connect(&job, &Lede::RelinkJob::progress, &job, [](int done, int total) {
        if (done == 0 || done == total || done % 1000 == 0)
            std::fprintf(stderr, "re-linking with the updated knowledge base [%d/%d]\n", done, total);
    });
    const Lede::RelinkSummary summary = job.run();
    if (!summary.error.isEmpty()) {
        err(u"re-linking failed: "_s + summary.error);
        return false;
    }
    std::fprintf(stderr, "re-linked %d articles, %d changed\n", summary.done, summary.changed);
    return true;
}

int importCommand(QStringList args)
{
    QString libraryPath = Lede::Library::defaultPath();
    if (!takeOption(args, u"--library"_s, &libraryPath))
        return usage();
    if (args.isEmpty())
        return usage();
    const auto base = loadShippedBase();
    std::shared_ptr<const Lede::Linker> linker;
    {
        Lede::Library library;
        if (!library.open(libraryPath)) {
            err(library.lastError());
            return 1;
        }
        linker = libraryLinker(library, base);
        if (!relinkIfBaseChanged(library, linker, *base))
            return 1;
    }
    Lede::ImportJob job(libraryPath, args, linker); // it walks the folders itself
    QObject::connect(&job, &Lede::ImportJob::progress, &job, [](int done, int total, const QString &file) {
        if (!file.isEmpty())
            std::fprintf(stderr, "[%d/%d] %s\n", done + 1, total, qPrintable(QFileInfo(file).fileName()));
    });
    QObject::connect(&job, &Lede::ImportJob::fileFailed, &job,
        [](const QString &path, const QString &reason) { err(u"%1: %2"_s.arg(path, reason)); });
    const Lede::ImportSummary summary = job.run();
    std::fprintf(stderr, "%s\nlibrary: %s\n", qPrintable(summary.describe()), qPrintable(libraryPath));
    int missing = 0;
    for (const QString &p : std::as_const(args))
        missing += QFileInfo::exists(p) ? 0 : 1;
    return (summary.failed || missing || !summary.libraryError.isEmpty()) ? 1 : 0;
}

int restoreCommand(QStringList args)
{
    QString libraryPath = Lede::Library::defaultPath();
    if (!takeOption(args, u"--library"_s, &libraryPath))
        return usage();
    if (args.size() > 1)
        return usage();
    const QStringList backups = Lede::Database::backups(libraryPath);
    if (args.isEmpty()) {
        if (backups.isEmpty())
            std::fprintf(stderr, "no backups of %s (in %s)\n", qPrintable(libraryPath),
                qPrintable(Lede::Database::backupFolder(libraryPath)));
        for (const QString &backup : backups)
            std::printf("%s\n", qPrintable(backup));
        return 0;
    }
    QString backup = args.first();
    if (backup == u"latest") {
        if (backups.isEmpty()) {
            err(u"no backups of %1 (in %2)"_s.arg(libraryPath, Lede::Database::backupFolder(libraryPath)));
            return 1;
        }
        backup = backups.first();
    }
    QString error, aside;
    if (!Lede::Database::restore(backup, libraryPath, &error, &aside)) {
        err(error);
        return 1;
    }
    std::fprintf(stderr, "restored %s from %s\n", qPrintable(libraryPath), qPrintable(backup));
    if (!aside.isEmpty())
        std::fprintf(stderr, "the library as it was is kept as %s\n", qPrintable(aside));
    return 0;
}

int kbCounts(const Lede::KnowledgeBase &kb)
{
    QMap<QString, int> kinds;
    QMap<QString, int> sets;
    for (Lede::EntityKind kind : Lede::allEntityKinds)
        kinds.insert(Lede::kindKey(kind), 0);
    for (const Lede::Entity &e : kb.entities()) {
        ++kinds[Lede::kindKey(e.kind)];
        for (const QString &set : e.values(u"set"))
            ++sets[set];
    }
    QByteArray out;
    for (Lede::EntityKind kind : Lede::allEntityKinds)
        out += "kind " + Lede::kindKey(kind).toUtf8() + ": " + QByteArray::number(kinds.value(Lede::kindKey(kind)))
            + '\n';
    for (auto it = sets.cbegin(); it != sets.cend(); ++it)
        out += "set " + it.key().toUtf8() + ": " + QByteArray::number(it.value()) + '\n';
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    return 0;
}

int kbCommand(const QStringList &args)
{
    const bool counts = args.contains(u"--counts"_s);
    for (const QString &a : args) {
        if (a != u"--counts") {
            err(u"kb: unexpected argument \"%1\""_s.arg(a));
            return usage();
        }
    }
    const auto linker = makeLinker();
    if (counts)
        return kbCounts(linker->knowledgeBase());
    for (const Lede::Entity &e : linker->knowledgeBase().entities()) {
        QJsonArray aliases;
        for (const Lede::Alias &a : e.aliases) {
            if (a.role != Lede::Alias::Name)
                aliases.append(a.text);
        }
        QJsonObject relations;
        QJsonObject facts;
        for (const auto &[k, v] : e.facts) {
            QJsonObject &target = v.contains(u'/') && !v.contains(u' ') ? relations : facts;
            QJsonArray values = target.value(k).toArray();
            values.append(v);
            target.insert(k, values);
        }
        printLine(QJsonObject{{u"id"_s, e.id}, {u"kind"_s, Lede::kindKey(e.kind)}, {u"name"_s, e.name},
            {u"aliases"_s, aliases}, {u"relations"_s, relations}, {u"facts"_s, facts}});
    }
    return 0;
}

int searchCommand(QStringList args)
{
    QString libraryPath = Lede::Library::defaultPath();
    if (!takeOption(args, u"--library"_s, &libraryPath) || args.isEmpty())
        return usage();
    const QString text = args.join(u' ');
    Lede::Library library;
    if (!library.open(libraryPath)) {
        err(library.lastError());
        return 1;
    }
    // Articles an upgrade left out of the search index are indexed first, so none is missed.
    if (library.searchIndexPending().value_or(0) > 0) {
        err(u"indexing the library's older articles for search…"_s);
        if (!library.catchUpSearchIndex()) {
            err(library.lastError());
            return 1;
        }
    }
    QStringList skipped;
    const auto base = Lede::KnowledgeBase::loadBuiltin();
    const auto kb = Lede::applyEdits(*base, library.kbEdits(), &skipped);
    const Lede::Query::Search search = Lede::Query::prepare(text, {}, *kb);
    if (!search.ok()) {
        std::fprintf(stderr, "lede-cli: the query has mistakes:\n  %s\n", qPrintable(text));
        for (const Lede::Query::Error &e : search.errors) {
            const QString marks
                = QString(e.range.start, u' ') + QString(std::max<qsizetype>(1, e.range.length()), u'^');
            std::fprintf(stderr, "  %s %s (at %lld)\n", qPrintable(marks), qPrintable(e.message),
                static_cast<long long>(e.range.start));
        }
        return 2;
    }
    const auto result = library.search(search);
    if (!result) {
        err(library.lastError());
        return 1;
    }
    // Summaries come in id order; print them in the result's order.
    QHash<qint64, Lede::ArticleSummary> byId;
    for (const Lede::ArticleSummary &a : library.articles(result->ids))
        byId.insert(a.id, a);
    for (qint64 id : result->ids) {
        const Lede::ArticleSummary a = byId.value(id);
        printLine(QJsonObject{{u"id"_s, id}, {u"title"_s, a.title}, {u"outlet"_s, a.outlet},
            {u"published"_s, a.published}, {u"story"_s, a.storyId}});
    }
    QJsonObject facets;
    for (auto it = result->entityCounts.cbegin(); it != result->entityCounts.cend(); ++it) {
        const QString kind = it.key().section(u'/', 0, 0);
        QJsonObject counts = facets.value(kind).toObject();
        counts.insert(it.key(), it.value());
        facets.insert(kind, counts);
    }
    QJsonArray weeks;
    for (const Lede::Query::WeekCount &w : result->weeks)
        weeks.append(QJsonObject{{u"week"_s, w.monday.toString(Qt::ISODate)}, {u"articles"_s, w.articles}});
    printLine(QJsonObject{
        {u"total"_s, result->ids.size()}, {u"facets"_s, facets}, {u"weeks"_s, weeks}, {u"undated"_s, result->undated}});
    std::fflush(stdout);
    return 0;
}

int generateCommand(QStringList args)
{
    QString libraryPath, count, seed = u"1"_s;
    if (!takeOption(args, u"--library"_s, &libraryPath) || !takeOption(args, u"--articles"_s, &count)
        || !takeOption(args, u"--seed"_s, &seed) || !args.isEmpty() || libraryPath.isEmpty())
        return usage();
    bool countOk = false, seedOk = false;
    const qsizetype n = count.toLongLong(&countOk);
    const quint64 s = seed.toULongLong(&seedOk);
    if (!countOk || n < 0 || !seedOk) {
        err(u"--articles takes a number of articles and --seed a number"_s);
        return 2;
    }
    Lede::Library library;
    if (!library.open(libraryPath)) {
        err(library.lastError());
        return 1;
    }
    const auto kb = Lede::KnowledgeBase::loadBuiltin();
    // A new library made from this base has the mentions this base gives: no re-link when opened.
    const bool fresh = library.articleCount() == 0;
    Lede::LibraryGenerator generator(*kb, s);
    const auto added = generator.generate(library, n, [n](qsizetype done) {
        if (done % 5000 == 0 || done == n)
            std::fprintf(stderr, "[%lld/%lld]\n", static_cast<long long>(done), static_cast<long long>(n));
    });
    if (!added || (fresh && !library.setLinkFingerprint(Lede::Linker::fingerprint(*kb)))) {
        err(library.lastError());
        return 1;
    }
    std::fprintf(stderr, "%lld articles added\nlibrary: %s\n", static_cast<long long>(*added), qPrintable(libraryPath));
    return 0;
}

bool openLibrary(Lede::Library &library, const QString &path)
{
    if (!QFileInfo::exists(path)) {
        err(u"there is no library at %1"_s.arg(path));
        return false;
    }
    if (!library.open(path)) {
        err(library.lastError());
        return false;
    }
    return true;
}

int reextractCommand(QStringList args)
{
    QString libraryPath = Lede::Library::defaultPath();
    if (!takeOption(args, u"--library"_s, &libraryPath) || !args.isEmpty())
        return usage();
    std::shared_ptr<const Lede::Linker> linker;
    {
        Lede::Library library;
        if (!openLibrary(library, libraryPath))
            return 1;
        linker = libraryLinker(library, loadShippedBase());
    }
    Lede::ReextractJob job(libraryPath, linker);
    QObject::connect(&job, &Lede::ReextractJob::progress, &job, [](int done, int total) {
        if (done > 0 && (done == total || done % 50 == 0))
            std::fprintf(stderr, "[%d/%d]\n", done, total);
    });
    const Lede::ReextractSummary summary = job.run();
    std::fprintf(stderr, "%s\nlibrary: %s\n", qPrintable(summary.describe()), qPrintable(libraryPath));
    return summary.error.isEmpty() ? 0 : 1;
}

// The articles a query names: every term applies (an entity id or name, article:ID, headline words).
std::optional<QList<qint64>> queryArticles(const Lede::Library &library, const QStringList &terms)
{
    const QList<Lede::ArticleSummary> all = library.articles();
    QSet<qint64> result;
    for (const Lede::ArticleSummary &s : all)
        result.insert(s.id);
    if (terms.isEmpty())
        return QList<qint64>{}; // the whole library
    const auto linker = makeLinker();
    const Lede::KnowledgeBase &kb = linker->knowledgeBase();
    const QHash<QString, QSet<qint64>> byEntity = library.entityArticles();
    for (const QString &term : terms) {
        QSet<qint64> matching;
        const Lede::Entity *entity = kb.entity(term);
        for (qsizetype i = 0; !entity && i < kb.entities().size(); ++i) {
            const Lede::Entity &e = kb.entities().at(i);
            if (e.name.compare(term, Qt::CaseInsensitive) == 0
                || std::any_of(e.aliases.cbegin(), e.aliases.cend(),
                    [&](const Lede::Alias &a) { return a.text.compare(term, Qt::CaseInsensitive) == 0; }))
                entity = &e;
        }
        if (term.startsWith(u"article:"_s)) {
            matching.insert(term.mid(8).toLongLong());
        } else if (entity) {
            for (const QString &id : kb.descendantsAndSelf(entity->id))
                matching.unite(byEntity.value(id));
        } else {
            for (const Lede::ArticleSummary &s : all) {
                if (s.title.contains(term, Qt::CaseInsensitive))
                    matching.insert(s.id);
            }
        }
        result.intersect(matching);
    }
    if (result.isEmpty()) {
        err(u"no article matches \"%1\""_s.arg(terms.join(u' ')));
        return std::nullopt;
    }
    QList<qint64> ids(result.cbegin(), result.cend());
    std::sort(ids.begin(), ids.end());
    return ids;
}

int annotationsExport(QStringList args)
{
    QString libraryPath = Lede::Library::defaultPath();
    QString format;
    if (!takeOption(args, u"--library"_s, &libraryPath) || !takeOption(args, u"--format"_s, &format))
        return usage();
    if (format != u"jsonld" && format != u"markdown" && format != u"csv") {
        err(u"--format must be jsonld, markdown or csv"_s);
        return usage();
    }
    Lede::Library library;
    if (!openLibrary(library, libraryPath))
        return 1;
    const auto ids = queryArticles(library, args);
    if (!ids)
        return 1;
    const QList<Lede::Annotation> annotations = Lede::annotationsOf(library, *ids);
    QByteArray out;
    if (format == u"jsonld")
        out = Lede::exportAnnotationsJsonLd(library, annotations);
    else if (format == u"markdown")
        out = Lede::exportAnnotationsMarkdown(library, annotations).toUtf8();
    else
        out = Lede::exportAnnotationsCsv(library, annotations).toUtf8();
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    std::fflush(stdout);
    return library.lastError().isEmpty() ? 0 : 1;
}

int annotationsImport(QStringList args)
{
    QString libraryPath = Lede::Library::defaultPath();
    if (!takeOption(args, u"--library"_s, &libraryPath) || args.size() != 1)
        return usage();
    QFile file(args.first());
    if (!file.open(QIODevice::ReadOnly)) {
        err(u"%1: %2"_s.arg(args.first(), file.errorString()));
        return 1;
    }
    Lede::Library library;
    if (!openLibrary(library, libraryPath))
        return 1;
    QString error;
    const auto summary = Lede::importAnnotationsJsonLd(library, file.readAll(), &error);
    if (!summary) {
        err(u"%1: %2"_s.arg(args.first(), error));
        return 1;
    }
    std::fprintf(stderr, "%s\n", qPrintable(summary->describe()));
    return summary->problems.isEmpty() && summary->noArticle == 0 ? 0 : 1;
}

int annotationsAdd(QStringList args)
{
    QString libraryPath = Lede::Library::defaultPath();
    QString articleName, quote, note, color = Lede::annotationColors().first();
    if (!takeOption(args, u"--library"_s, &libraryPath) || !takeOption(args, u"--article"_s, &articleName)
        || !takeOption(args, u"--quote"_s, &quote) || !takeOption(args, u"--note"_s, &note)
        || !takeOption(args, u"--color"_s, &color) || !args.isEmpty() || articleName.isEmpty() || quote.isEmpty())
        return usage();
    if (!Lede::annotationColors().contains(color)) {
        err(u"no colour \"%1\"; the colours are %2"_s.arg(color, Lede::annotationColors().join(u", "_s)));
        return 2;
    }
    Lede::Library library;
    if (!openLibrary(library, libraryPath))
        return 1;
    // An id, else the one article whose headline is (or contains) the words.
    bool isId = false;
    qint64 articleId = articleName.toLongLong(&isId);
    if (!isId) {
        QList<qint64> exact, partial;
        for (const Lede::ArticleSummary &s : library.articles()) {
            if (s.title.compare(articleName, Qt::CaseInsensitive) == 0)
                exact.append(s.id);
            else if (s.title.contains(articleName, Qt::CaseInsensitive))
                partial.append(s.id);
        }
        const QList<qint64> &found = exact.isEmpty() ? partial : exact;
        if (found.size() != 1) {
            err(found.isEmpty() ? u"no article is called \"%1\""_s.arg(articleName)
                                : u"%1 articles match \"%2\"; give its id"_s.arg(found.size()).arg(articleName));
            return 1;
        }
        articleId = found.first();
    }
    const auto article = library.article(articleId);
    if (!article) {
        err(library.lastError());
        return 1;
    }
    const qsizetype at = article->text.indexOf(quote);
    if (at < 0) {
        err(u"the quote is not in \"%1\""_s.arg(article->title));
        return 1;
    }
    Lede::Annotation a;
    a.articleId = articleId;
    a.start = at;
    a.end = at + quote.size();
    a.quote = quote;
    a.note = note;
    a.color = color;
    const auto stored = library.addAnnotation(a);
    if (!stored) {
        err(library.lastError());
        return 1;
    }
    const QByteArray out = Lede::exportAnnotationsJsonLd(library, {*stored});
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    return 0;
}

int annotationsCommand(QStringList args)
{
    if (args.isEmpty())
        return usage();
    const QString sub = args.takeFirst();
    if (sub == u"export")
        return annotationsExport(args);
    if (sub == u"import")
        return annotationsImport(args);
    if (sub == u"add")
        return annotationsAdd(args);
    err(u"unknown annotations command \"%1\""_s.arg(sub));
    return usage();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"Lede"_s);
    QCoreApplication::setOrganizationName(u"Lede"_s);
    QStringList args = app.arguments().mid(1);
    const auto isHelp = [](const QString &a) { return a == u"--help" || a == u"-h" || a == u"help"; };
    if (args.isEmpty())
        return usage(false);
    if (isHelp(args.first()))
        return args.size() > 1 ? commandHelp(args.at(1)) : usage(true);
    const QString command = args.takeFirst();
    if (std::any_of(args.cbegin(), args.cend(), isHelp))
        return commandHelp(command);
    if (command == u"parse")
        return parseCommand(args);
    if (command == u"import")
        return importCommand(args);
    if (command == u"kb")
        return kbCommand(args);
    if (command == u"restore")
        return restoreCommand(args);
    if (command == u"search")
        return searchCommand(args);
    if (command == u"generate")
        return generateCommand(args);
    if (command == u"reextract")
        return reextractCommand(args);
    if (command == u"annotations")
        return annotationsCommand(args);
    err(u"unknown command \"%1\""_s.arg(command));
    return usage();
}
