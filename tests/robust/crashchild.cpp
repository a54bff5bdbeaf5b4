// SPDX-License-Identifier: MIT
// The work tst_killed kills at random moments: an import, teaching the linker an alias and
// re-linking the library, and a burst of annotations, in that order, on one library. Every step
// can be run again and finishes what an earlier, killed run left undone without doing anything
// twice. It says on standard output (flushed at once) which step it is on and each annotation that
// is saved, so the test knows what it may expect to find after the kill.
//
//   lede-crashchild LIBRARY ANNOTATIONS FILE…   (ANNOTATIONS -1: the import alone)
//   lede-crashchild --check LIBRARY             opens it, prints "integrity: ok" and its counts
//   lede-crashchild --hold LIBRARY MS           holds the write lock for MS milliseconds
//   lede-crashchild --in-tmpfs DIR KB SCRIPT     runs SCRIPT (sh) with a tmpfs of KB kilobytes on DIR
//   lede-crashchild --in-read-only DIR SCRIPT    runs SCRIPT with DIR mounted read-only
// (both in a mount namespace of their own; they print LEDE-NO-MOUNT when the system does not allow it)
// The annotations' notes are "burst N", or "TAG N" with LEDE_CHILD_TAG set (for several writers).

#include "jobs/importjob.h"
#include "jobs/relinkjob.h"
#include "kb/kbedit.h"
#include "link/linker.h"
#include "store/library.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QThread>

#include <cstdio>
#include <cstring>

#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

void say(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "lede-crashchild: %s\n", qPrintable(message));
    return 1;
}

/// The shipped knowledge base with the library's edits, as the controller builds it.
std::shared_ptr<const Lede::Linker> linkerFor(const Lede::Library &library)
{
    static const auto base = Lede::KnowledgeBase::loadBuiltin();
    const QList<Lede::KbEdit> edits = library.kbEdits();
    std::shared_ptr<const Lede::KnowledgeBase> kb = edits.isEmpty() ? base : Lede::applyEdits(*base, edits);
    return std::make_shared<const Lede::Linker>(kb);
}

} // namespace

/// A full disk or a read-only one, for the command in `script`: a mount namespace of its own.
int inMountNamespace(const char *mode, const char *dir, const char *size, const char *script)
{
    if (::unshare(CLONE_NEWNS) != 0) {
        std::printf("LEDE-NO-MOUNT: %s\n", std::strerror(errno));
        return 0;
    }
    ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr); // fails in a chroot, already private there
    int rc = 0;
    if (std::strcmp(mode, "--in-tmpfs") == 0) {
        const QByteArray options = QByteArray("size=") + size + "k";
        rc = ::mount("tmpfs", dir, "tmpfs", 0, options.constData());
    } else {
        rc = ::mount(dir, dir, nullptr, MS_BIND, nullptr);
        if (rc == 0)
            rc = ::mount(nullptr, dir, nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr);
    }
    if (rc != 0) {
        std::printf("LEDE-NO-MOUNT: %s\n", std::strerror(errno));
        return 0;
    }
    std::fflush(stdout);
    ::execl("/bin/sh", "sh", "-c", script, static_cast<char *>(nullptr));
    return 127;
}

int main(int argc, char **argv)
{
    if (argc == 5 && std::strcmp(argv[1], "--in-tmpfs") == 0)
        return inMountNamespace(argv[1], argv[2], argv[3], argv[4]);
    if (argc == 4 && std::strcmp(argv[1], "--in-read-only") == 0)
        return inMountNamespace(argv[1], argv[2], nullptr, argv[3]);
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args.at(1) == u"--hold") {
        Lede::Library library;
        if (!library.open(args.at(2)))
            return fail(library.lastError());
        QSqlQuery q(library.database());
        if (!q.exec(u"BEGIN IMMEDIATE"_s))
            return fail(u"cannot take the write lock"_s);
        say(u"holding"_s);
        QThread::msleep(args.at(3).toULong());
        if (!q.exec(u"COMMIT"_s))
            return fail(u"cannot commit"_s);
        say(u"released"_s);
        return 0;
    }
    if (args.size() == 3 && args.at(1) == u"--check") {
        Lede::Library library;
        if (!library.open(args.at(2)))
            return fail(library.lastError());
        QSqlQuery q(library.database());
        if (!q.exec(u"PRAGMA integrity_check"_s) || !q.next())
            return fail(library.lastError());
        say(u"integrity: "_s + q.value(0).toString());
        say(u"articles: "_s + QString::number(library.articleCount()));
        return 0;
    }
    if (args.size() < 4)
        return fail(u"usage: lede-crashchild LIBRARY ANNOTATIONS FILE…"_s);
    const QString path = args.at(1);
    const int annotations = args.at(2).toInt();
    const QStringList files = args.mid(3);

    Lede::Library library;
    if (!library.open(path))
        return fail(library.lastError());

    say(u"import"_s);
    Lede::ImportJob import(path, files, linkerFor(library));
    const Lede::ImportSummary summary = import.run();
    if (!summary.libraryError.isEmpty())
        return fail(summary.libraryError);
    if (annotations < 0) {
        say(u"done"_s);
        return 0;
    }

    say(u"teach"_s);
    const QString entity = u"region/us"_s;
    const QString alias = u"Entity List"_s;
    bool taught = false;
    for (const Lede::KbEdit &edit : library.kbEdits())
        taught = taught || (edit.action == Lede::KbEdit::AddAlias && edit.entityId == entity && edit.value == alias);
    if (!taught) {
        Lede::KbEdit edit;
        edit.action = Lede::KbEdit::AddAlias;
        edit.entityId = entity;
        edit.value = alias;
        if (!library.addKbEdit(edit))
            return fail(library.lastError());
    }
    say(u"relink"_s);
    Lede::RelinkJob relink(path, linkerFor(library));
    const Lede::RelinkSummary relinked = relink.run();
    if (!relinked.error.isEmpty())
        return fail(relinked.error);

    say(u"annotate"_s);
    const QList<Lede::ArticleSummary> articles = library.articles();
    if (articles.isEmpty())
        return fail(u"no article to annotate"_s);
    const QString tag
        = qEnvironmentVariableIsSet("LEDE_CHILD_TAG") ? qEnvironmentVariable("LEDE_CHILD_TAG") : u"burst"_s;
    QSet<QString> saved;
    for (const Lede::Annotation &a : library.allAnnotations())
        saved.insert(a.note);
    for (int i = 0; i < annotations; ++i) {
        const QString note = u"%1 %2"_s.arg(tag).arg(i);
        if (saved.contains(note))
            continue;
        const qint64 articleId = articles.at(i % articles.size()).id;
        const std::optional<Lede::Article> article = library.article(articleId);
        if (!article)
            return fail(library.lastError());
        const qsizetype length = article->text.size();
        Lede::Annotation a;
        a.articleId = articleId;
        a.start = length ? (i * 7) % length : 0;
        a.end = std::min(length, a.start + 5);
        a.color = Lede::annotationColors().value(i % Lede::annotationColors().size());
        a.note = note;
        a.quote = article->text.mid(a.start, a.end - a.start);
        if (!library.addAnnotation(a))
            return fail(library.lastError());
        say(u"saved "_s + note);
    }
    say(u"done"_s);
    return 0;
}
