// SPDX-License-Identifier: MIT
// `lede-cli import` links with the library's own knowledge base: the shipped one with what the
// journalist taught in the app, and re-links a library whose mentions came from another base.
#include "kb/kbedit.h"
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "store/library.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

bool runImport(const QString &library, const QString &file, QString *output)
{
    QProcess cli;
    cli.start(QStringLiteral(LEDE_CLI), {u"import"_s, u"--library"_s, library, file});
    if (!cli.waitForFinished(120000))
        return false;
    *output = QString::fromUtf8(cli.readAllStandardError());
    return cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0;
}

QString writeText(const QTemporaryDir &dir, const QString &name, const QString &text)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text.toUtf8());
    return f.fileName();
}

QStringList entityIds(const QList<Lede::EntityMention> &mentions)
{
    QStringList out;
    for (const auto &m : mentions)
        out.append(m.entityId);
    return out;
}

} // namespace

class TestCliImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void importHonoursTheLibrarysEdits()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lib.lede"_s);
        QString entityId;
        {
            Lede::Library library;
            QVERIFY2(library.open(path), qPrintable(library.lastError()));
            // Taught in the app: a nickname for Nvidia, and a new company.
            Lede::KbEdit alias;
            alias.action = Lede::KbEdit::AddAlias;
            alias.entityId = u"company/nvidia"_s;
            alias.value = u"Team Zorblax"_s;
            QVERIFY(library.addKbEdit(alias));
            Lede::KbEdit entity;
            entity.action = Lede::KbEdit::AddEntity;
            entity.entityId = u"company/user-quuxly-optics"_s;
            entity.value = u"Quuxly Optics"_s;
            QVERIFY(library.addKbEdit(entity));
        }
        const QString file = writeText(dir, u"story.txt"_s,
            u"Chips for Team Zorblax\n\nTeam Zorblax ordered lasers from Quuxly Optics for its data centres.\n"_s);
        QString output;
        QVERIFY2(runImport(path, file, &output), qPrintable(output));

        Lede::Library library;
        QVERIFY(library.open(path));
        const auto articles = library.articles();
        QCOMPARE(articles.size(), 1);
        const QStringList ids = entityIds(library.mentions(articles.first().id));
        QVERIFY2(ids.contains(u"company/nvidia"_s), qPrintable(ids.join(u", ")));
        QVERIFY2(ids.contains(u"company/user-quuxly-optics"_s), qPrintable(ids.join(u", ")));
        // The library now says which base its mentions came from.
        QCOMPARE(library.linkFingerprint(), Lede::Linker::fingerprint(*Lede::KnowledgeBase::loadBuiltin()));
    }

    // A library linked by another base is re-linked first, keeping rejected mentions out.
    void importRelinksALibraryFromAnotherBase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lib.lede"_s);
        const QString first
            = writeText(dir, u"first.txt"_s, u"Nvidia and AMD\n\nNvidia sold chips to AMD in Taiwan.\n"_s);
        QString output;
        QVERIFY2(runImport(path, first, &output), qPrintable(output));
        qint64 articleId = 0;
        std::pair<qsizetype, qsizetype> rejected;
        {
            Lede::Library library;
            QVERIFY(library.open(path));
            articleId = library.articles().first().id;
            const auto mentions = library.mentions(articleId);
            QVERIFY(entityIds(mentions).contains(u"company/amd"_s));
            // The journalist rejects the AMD in the body; and the mentions are made stale, as an
            // older base would have left them.
            Lede::EntityMention amd; // the last one, in the body
            for (const auto &m : mentions) {
                if (m.entityId == u"company/amd")
                    amd = m;
            }
            QVERIFY(amd.end > amd.start);
            Lede::KbEdit reject;
            reject.action = Lede::KbEdit::RejectMention;
            reject.entityId = amd.entityId;
            reject.value = amd.surface;
            reject.articleId = articleId;
            reject.start = amd.start;
            reject.end = amd.end;
            QVERIFY(library.addKbEdit(reject));
            rejected = {amd.start, amd.end};
            QVERIFY(library.replaceMentions(articleId, {}));
            QVERIFY(library.setLinkFingerprint(u"kb-older linker-0"_s));
        }
        const QString second = writeText(dir, u"second.txt"_s, u"Intel news\n\nIntel hired staff.\n"_s);
        QVERIFY2(runImport(path, second, &output), qPrintable(output));
        QVERIFY2(output.contains(u"re-linked 1 articles"_s), qPrintable(output));

        Lede::Library library;
        QVERIFY(library.open(path));
        const auto mentions = library.mentions(articleId);
        QVERIFY2(entityIds(mentions).contains(u"company/nvidia"_s), qPrintable(entityIds(mentions).join(u", ")));
        for (const auto &m : mentions)
            QVERIFY(!(m.entityId == u"company/amd" && m.start == rejected.first && m.end == rejected.second));
        QCOMPARE(library.articles().size(), 2);
        QCOMPARE(library.linkFingerprint(), Lede::Linker::fingerprint(*Lede::KnowledgeBase::loadBuiltin()));
    }
};

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cliimport.moc"
