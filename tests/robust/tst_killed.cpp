// SPDX-License-Identifier: MIT
// Killed at any moment: lede-crashchild (an import, teaching the linker and re-linking, a burst of
// annotations) is killed with SIGKILL at seeded random moments, at least 50 times. After each kill
// the library opens, passes PRAGMA integrity_check, holds every annotation the child said was
// saved, and every article has its mentions (those of the linker before the edit or after it, never
// none or a mixture); running the work again to the end gives the same library as a run that was
// never interrupted.

#include "store/library.h"
#include "testpaths.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

QString hashOf(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
}

QString mentionsKey(const QList<Lede::EntityMention> &mentions)
{
    QStringList parts;
    for (const Lede::EntityMention &m : mentions)
        parts.append(u"%1@%2-%3"_s.arg(m.entityId).arg(m.start).arg(m.end));
    parts.sort();
    return parts.join(u',');
}

/// Everything a journalist would see of a library, without its ids and times.
struct Snapshot
{
    QStringList lines; // sorted
    QHash<QString, QString> mentionsByText; // text hash → mentions
    QSet<QString> notes;
};

Snapshot snapshot(const Lede::Library &library)
{
    Snapshot s;
    QHash<qint64, QString> textHash;
    for (const Lede::ArticleSummary &summary : library.articles()) {
        const std::optional<Lede::Article> article = library.article(summary.id);
        if (!article)
            continue;
        const QString hash = hashOf(article->text);
        const QString mentions = mentionsKey(library.mentions(summary.id));
        textHash.insert(summary.id, hash);
        s.mentionsByText.insert(hash, mentions);
        s.lines.append(u"article %1 %2 %3 story of %4: %5"_s.arg(
            hash, summary.sourcePath, summary.title, QString::number(summary.storySize), mentions));
    }
    for (const Lede::KbEdit &edit : library.kbEdits())
        s.lines.append(u"taught %1 %2 %3"_s.arg(Lede::KbEdit::actionName(edit.action), edit.entityId, edit.value));
    for (const Lede::Annotation &a : library.allAnnotations()) {
        s.notes.insert(a.note);
        s.lines.append(u"annotation %1 %2-%3 %4 %5 %6"_s.arg(textHash.value(a.articleId))
                           .arg(a.start)
                           .arg(a.end)
                           .arg(a.color, a.note, a.quote));
    }
    s.lines.sort();
    return s;
}

} // namespace

class TestKilled : public QObject
{
    Q_OBJECT

private:
    QStringList m_files;
    Snapshot m_imported; // after the import alone (the linker before the edit)
    Snapshot m_finished; // after the whole work
    qint64 m_duration = 0; // ms, of an uninterrupted run
    static constexpr int annotationCount = 400;

    bool runChild(const QString &library, int annotations, int killAfterMs, QStringList *lines, bool *killed)
    {
        QProcess child;
        child.setProgram(QStringLiteral(LEDE_CRASH_CHILD));
        child.setArguments(QStringList{library, QString::number(annotations)} + m_files);
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start();
        if (!child.waitForStarted())
            return false;
        *killed = false;
        if (killAfterMs >= 0 && !child.waitForFinished(killAfterMs)) {
            child.kill(); // SIGKILL
            *killed = true;
        }
        child.waitForFinished(-1);
        *lines = QString::fromUtf8(child.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        if (!*killed && (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)) {
            qWarning().noquote() << "lede-crashchild failed:" << child.readAllStandardError();
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QDir samples(LedeTest::sourceFile(u"resources/samples"_s));
        for (const QString &name : samples.entryList({u"*.txt"_s, u"*.md"_s, u"*.html"_s}, QDir::Files, QDir::Name)) {
            if (name != u"README.md"_s)
                m_files.append(samples.filePath(name));
        }
        const QDir html(LedeTest::dataFile(u"html"_s));
        for (const QString &name : html.entryList({u"*.html"_s}, QDir::Files, QDir::Name))
            m_files.append(html.filePath(name));
        QVERIFY(m_files.size() >= 10);

        QTemporaryDir dir;
        QStringList lines;
        bool killed = false;
        QVERIFY(runChild(dir.filePath(u"imported.lede"_s), -1, -1, &lines, &killed));
        {
            Lede::Library library;
            QVERIFY2(library.open(dir.filePath(u"imported.lede"_s)), qPrintable(library.lastError()));
            m_imported = snapshot(library);
        }
        QElapsedTimer timer;
        timer.start();
        QVERIFY(runChild(dir.filePath(u"finished.lede"_s), annotationCount, -1, &lines, &killed));
        m_duration = timer.elapsed();
        Lede::Library library;
        QVERIFY2(library.open(dir.filePath(u"finished.lede"_s)), qPrintable(library.lastError()));
        m_finished = snapshot(library);
        QCOMPARE(m_finished.notes.size(), annotationCount);
        QVERIFY(m_imported.mentionsByText.size() >= 10);
        QVERIFY(m_imported.mentionsByText != m_finished.mentionsByText); // the edit changed something
        qInfo("an uninterrupted run takes %lld ms", m_duration);
    }

    void killedAtRandom()
    {
        const quint32 seed = qEnvironmentVariableIsSet("LEDE_KILL_SEED")
            ? quint32(qEnvironmentVariableIntValue("LEDE_KILL_SEED"))
            : 20261201u;
        QRandomGenerator random(seed);
        constexpr int wantedKills = 50;
        int kills = 0, runs = 0, writesChecked = 0, articlesChecked = 0;
        QHash<QString, int> phases;
        while (kills < wantedKills) {
            QVERIFY2(++runs < wantedKills * 3, "the child finished before the kill too often");
            QTemporaryDir dir;
            const QString path = dir.filePath(u"library.lede"_s);
            // Some kills land in the same library twice: a killed run, a second killed run, then the rest.
            const int rounds = random.bounded(4) == 0 ? 2 : 1;
            QStringList lines;
            for (int round = 0; round < rounds; ++round) {
                bool killed = false;
                const int after = int(random.bounded(qint64(m_duration * 11 / 10 + 1)));
                QVERIFY(runChild(path, annotationCount, after, &lines, &killed));
                if (!killed)
                    continue;
                ++kills;
                phases[lines.isEmpty() ? u"start"_s : lines.last().section(u' ', 0, 0)]++;

                Lede::Library library;
                QVERIFY2(library.open(path), qPrintable(library.lastError()));
                QSqlQuery q(library.database());
                QVERIFY(q.exec(u"PRAGMA integrity_check"_s) && q.next());
                QCOMPARE(q.value(0).toString(), u"ok"_s);
                const Snapshot after_ = snapshot(library);
                for (const QString &line : std::as_const(lines)) {
                    if (!line.startsWith(u"saved "_s))
                        continue;
                    const QString note = line.mid(6);
                    QVERIFY2(after_.notes.contains(note), qPrintable(u"lost the saved annotation "_s + note));
                    ++writesChecked;
                }
                for (auto it = after_.mentionsByText.cbegin(); it != after_.mentionsByText.cend(); ++it) {
                    QVERIFY2(m_imported.mentionsByText.contains(it.key()), "an article no run imports");
                    QVERIFY2(it.value() == m_imported.mentionsByText.value(it.key())
                            || it.value() == m_finished.mentionsByText.value(it.key()),
                        qPrintable(u"an article's mentions are neither the old nor the new ones: "_s + it.value()));
                    ++articlesChecked;
                }
            }
            bool killed = false;
            QVERIFY(runChild(path, annotationCount, -1, &lines, &killed));
            Lede::Library library;
            QVERIFY2(library.open(path), qPrintable(library.lastError()));
            QCOMPARE(snapshot(library).lines, m_finished.lines);
        }
        QStringList where;
        for (auto it = phases.cbegin(); it != phases.cend(); ++it)
            where.append(u"%1 %2"_s.arg(it.key()).arg(it.value()));
        where.sort();
        qInfo("killed.kills_survived: %d", kills);
        qInfo("killed.writes_checked: %d", writesChecked);
        qInfo("killed.articles_checked: %d", articlesChecked);
        qInfo("killed.runs: %d (seed %u); kills by step: %s", runs, seed, qPrintable(where.join(u", "_s)));
    }
};

QTEST_GUILESS_MAIN(TestKilled)
#include "tst_killed.moc"
