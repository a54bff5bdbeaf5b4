// SPDX-License-Identifier: MIT
// lede-cli: the library's parser, linker, importer and knowledge base from the command line.
//
//   lede-cli parse FILE…                     one JSON object per article on stdout
//   lede-cli import [--library PATH] FILE|DIR… progress on stderr, then a summary
//   lede-cli kb [--counts]                     the knowledge base as JSON lines, or its counts
//   lede-cli restore [--library PATH] [BACKUP|latest]  lists the backups, or puts one in place
#include "jobs/importjob.h"
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "parse/documentparser.h"
#include "store/database.h"
#include "store/library.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <cstdio>

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
      "       lede-cli COMMAND --help\n"
      "parse prints one JSON object per article (a feed gives one per item); import adds the files\n"
      "to a library (default: Lede's own) with progress on stderr; kb lists the knowledge base;\n"
      "restore lists a library's backups or puts one in its place.\n";

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

int parseCommand(const QStringList &files)
{
    if (files.isEmpty())
        return usage();
    const auto linker = makeLinker();
    int failures = 0;
    for (const QString &file : files) {
        const Lede::ParseResult result = Lede::ImportJob::parseAndLink(file, *linker);
        if (!result.ok()) {
            err(u"%1: %2"_s.arg(file, result.error));
            ++failures;
            continue;
        }
        for (const Lede::Article &a : result.articles)
            printLine(articleJson(a, linker->knowledgeBase()));
    }
    std::fflush(stdout);
    return failures ? 1 : 0;
}

// Takes "--library PATH" out of args into *path; false when PATH is missing.
bool takeLibraryOption(QStringList &args, QString *path)
{
    const qsizetype at = args.indexOf(u"--library"_s);
    if (at < 0)
        return true;
    if (at + 1 >= args.size())
        return false;
    *path = args.at(at + 1);
    args.remove(at, 2);
    return true;
}

int importCommand(QStringList args)
{
    QString libraryPath = Lede::Library::defaultPath();
    if (!takeLibraryOption(args, &libraryPath))
        return usage();
    if (args.isEmpty())
        return usage();
    Lede::ImportJob job(libraryPath, args, makeLinker()); // it walks the folders itself
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
    if (!takeLibraryOption(args, &libraryPath))
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
        std::fprintf(stderr, "the library it replaced is kept as %s\n", qPrintable(aside));
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
    err(u"unknown command \"%1\""_s.arg(command));
    return usage();
}
