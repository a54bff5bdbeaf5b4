// SPDX-License-Identifier: MIT
#include "kb/kbedit.h"
#include "link/linker.h"
#include "store/library.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

std::shared_ptr<Lede::KnowledgeBase> base()
{
    auto kb = std::make_shared<Lede::KnowledgeBase>();
    QStringList errors;
    kb->parse(u"[company/nvidia]\nname = Nvidia\n[company/nvidia-corp]\nname = Nvidia Corporation\nhq = region/us\n"
              "[region/us]\nname = United States\n[chip/nvidia-h20]\nname = H20\nmaker = company/nvidia-corp\n",
        u"test"_s, &errors);
    kb->finish(&errors);
    return kb;
}

Lede::KbEdit edit(Lede::KbEdit::Action action, const QString &id, const QString &value)
{
    Lede::KbEdit e;
    e.action = action;
    e.entityId = id;
    e.value = value;
    return e;
}

QStringList ids(const QList<Lede::EntityMention> &mentions)
{
    QStringList out;
    for (const auto &m : mentions)
        out.append(m.entityId + u':' + m.surface);
    return out;
}

} // namespace

class TestKbEdits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aliasEntityMerge()
    {
        using E = Lede::KbEdit;
        const QString text = u"Team Green's H20 outsold Acme Photonics' parts, Nvidia Corporation said."_s;
        const Lede::Linker before(base());
        QCOMPARE(ids(before.link(text)),
            (QStringList{u"chip/nvidia-h20:H20"_s, u"company/nvidia-corp:Nvidia Corporation"_s}));

        const QString acme = Lede::newEntityId(*base(), Lede::EntityKind::Company, u"Acme Photonics"_s);
        QCOMPARE(acme, u"company/user-acme-photonics"_s);
        QStringList skipped;
        const auto kb = Lede::applyEdits(*base(),
            {edit(E::AddAlias, u"company/nvidia"_s, u"Team Green"_s), edit(E::AddEntity, acme, u"Acme Photonics"_s),
                edit(E::Merge, u"company/nvidia-corp"_s, u"company/nvidia"_s),
                edit(E::AddAlias, u"company/gone"_s, u"Ghost"_s)},
            &skipped);
        QCOMPARE(skipped.size(), 1);
        QVERIFY(skipped.first().contains(u"company/gone"_s));
        QVERIFY(!kb->entity(u"company/nvidia-corp"));
        QCOMPARE(kb->related(u"chip/nvidia-h20", u"maker"), QStringList{u"company/nvidia"_s});
        const Lede::Linker after(kb);
        QCOMPARE(ids(after.link(text)),
            (QStringList{u"company/nvidia:Team Green"_s, u"chip/nvidia-h20:H20"_s,
                u"company/user-acme-photonics:Acme Photonics"_s, u"company/nvidia:Nvidia Corporation"_s}));
        // The base is untouched.
        QVERIFY(base()->entity(u"company/nvidia-corp"));
    }

    // An edit saved while an entity was a company still applies once the knowledge base files it as
    // an organisation: the record's `formerly` takes the old id to the new one.
    void editsFollowRenamedIds()
    {
        using E = Lede::KbEdit;
        auto kb = std::make_shared<Lede::KnowledgeBase>();
        QStringList errors;
        kb->parse(u"[organisation/bis]\nname = Bureau of Industry and Security\nformerly = company/bis\n"
                  u"[organisation/us-commerce]\nname = Commerce Department\nformerly = company/us-commerce\n"_s,
            u"test"_s, &errors);
        kb->finish(&errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QCOMPARE(kb->currentId(u"company/bis"), u"organisation/bis"_s);
        QStringList skipped;
        E reject = edit(E::RejectMention, u"company/bis"_s, QString());
        reject.articleId = 7;
        reject.start = 4;
        reject.end = 7;
        const auto edited = Lede::applyEdits(*kb,
            {edit(E::AddAlias, u"company/bis"_s, u"the Bureau"_s),
                edit(E::AddEntity, u"company/user-bis-unit"_s, u"BIS unit"_s),
                edit(E::Merge, u"company/user-bis-unit"_s, u"company/bis"_s), reject},
            &skipped);
        QVERIFY2(skipped.isEmpty(), qPrintable(skipped.join(u'\n')));
        const Lede::Linker linker(edited);
        QCOMPARE(ids(linker.link(u"the Bureau and the BIS unit"_s)),
            (QStringList{u"organisation/bis:the Bureau"_s, u"organisation/bis:BIS unit"_s}));
        // Rejected mentions saved under the old id are dropped from the new id's mentions.
        QList<Lede::EntityMention> mentions{{u"organisation/bis"_s, 4, 7, u"BIS"_s}};
        Lede::dropRejected(mentions, 7, Lede::rejectedMentions({reject}, edited.get()));
        QVERIFY(mentions.isEmpty());
    }

    void editsLiveInTheLibrary()
    {
        QStandardPaths::setTestModeEnabled(true);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lib.lede"_s);
        qint64 articleId = 0;
        {
            Lede::Library lib;
            QVERIFY(lib.open(path));
            Lede::Article a;
            a.title = u"t"_s;
            a.text = u"Nvidia and nvidia-like firms."_s;
            a.entities = {{u"company/nvidia"_s, 0, 6, u"Nvidia"_s}, {u"company/nvidia"_s, 11, 17, u"nvidia"_s}};
            articleId = lib.addArticle(a)->id;
            QVERIFY(lib.addKbEdit(edit(Lede::KbEdit::AddAlias, u"company/nvidia"_s, u"Team Green"_s)));
            Lede::KbEdit reject = edit(Lede::KbEdit::RejectMention, u"company/nvidia"_s, u"nvidia"_s);
            reject.articleId = articleId;
            reject.start = 11;
            reject.end = 17;
            QVERIFY(lib.addKbEdit(reject));
            QCOMPARE(lib.mentions(articleId).size(), 1);
        }
        Lede::Library lib;
        QVERIFY(lib.open(path));
        const auto edits = lib.kbEdits();
        QCOMPARE(edits.size(), 2);
        QCOMPARE(edits.at(0).action, Lede::KbEdit::AddAlias);
        QCOMPARE(edits.at(0).value, u"Team Green"_s);
        QCOMPARE(edits.at(1).action, Lede::KbEdit::RejectMention);
        QCOMPARE(edits.at(1).start, 11);
        QVERIFY(lib.removeKbEdit(edits.at(0).id));
        QCOMPARE(lib.kbEdits().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestKbEdits)
#include "tst_kbedits.moc"
