// SPDX-License-Identifier: MIT
#include "library.h"

#include "annotations.h"
#include "articles.h"
#include "kbedits.h"
#include "mentions.h"
#include "stories.h"

#include <QDir>
#include <QObject>
#include <QStandardPaths>

namespace Lede {

using namespace Qt::StringLiterals;

Library::Library() = default;

Library::~Library() = default;

QString Library::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(u"library.lede"_s);
}

int Library::currentSchemaVersion()
{
    return Database::currentSchemaVersion();
}

int Library::schemaVersion() const
{
    return m_db.schemaVersion();
}

QSqlDatabase Library::database() const
{
    return m_db.connection();
}

bool Library::isOpen() const
{
    return m_db.isOpen();
}

QString Library::backup(const QString &kind)
{
    return m_db.backup(kind);
}

bool Library::backupIfDue()
{
    return m_db.backupIfDue();
}

bool Library::open(const QString &path)
{
    return m_db.open(path);
}

void Library::close()
{
    m_db.close();
}

// Articles and mentions

std::optional<AddedArticle> Library::addArticle(const Article &a)
{
    ArticleStore articles(m_db);
    const QString hash = ArticleStore::contentHash(a.text);
    const auto existing = articles.find(hash);
    if (!existing)
        return std::nullopt;
    if (*existing)
        return AddedArticle{*existing, true, 0, false};

    Transaction tx(m_db);
    if (!tx.isActive())
        return std::nullopt;
    const auto id = articles.insert(a, hash);
    if (!id || !MentionStore(m_db).insert(*id, a.entities))
        return std::nullopt;
    const auto story = StoryGrouping(m_db).assign(*id, a.text);
    if (!story || !tx.commit(QObject::tr("cannot add \"%1\"").arg(a.title)))
        return std::nullopt;
    return AddedArticle{*id, false, *story, *story != *id};
}

std::optional<Article> Library::article(qint64 id) const
{
    auto a = ArticleStore(m_db).article(id);
    if (!a)
        return std::nullopt;
    auto mentions = MentionStore(m_db).forArticle(id);
    if (!mentions)
        return std::nullopt;
    a->entities = std::move(*mentions);
    return a;
}

QList<ArticleSummary> Library::articles() const
{
    return ArticleStore(m_db).summaries().value_or(QList<ArticleSummary>{});
}

QList<ArticleSummary> Library::articles(const QList<qint64> &ids) const
{
    return ArticleStore(m_db).summaries(ids).value_or(QList<ArticleSummary>{});
}

qsizetype Library::articleCount() const
{
    return ArticleStore(m_db).count().value_or(0);
}

QList<std::pair<qint64, QString>> Library::articleTexts() const
{
    return ArticleStore(m_db).texts().value_or(QList<std::pair<qint64, QString>>{});
}

QList<EntityMention> Library::mentions(qint64 articleId) const
{
    return MentionStore(m_db).forArticle(articleId).value_or(QList<EntityMention>{});
}

QHash<QString, QSet<qint64>> Library::entityArticles() const
{
    return MentionStore(m_db).entityArticles().value_or(QHash<QString, QSet<qint64>>{});
}

QHash<QString, QSet<qint64>> Library::entityArticles(const QList<qint64> &ids) const
{
    return MentionStore(m_db).entityArticles(ids).value_or(QHash<QString, QSet<qint64>>{});
}

bool Library::replaceMentions(qint64 articleId, const QList<EntityMention> &mentions)
{
    Transaction tx(m_db);
    return tx.isActive() && MentionStore(m_db).replace(articleId, mentions)
        && tx.commit(QObject::tr("cannot update the mentions of article %1").arg(articleId));
}

std::optional<qsizetype> Library::replaceMentions(const QList<std::pair<qint64, QList<EntityMention>>> &articles)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return std::nullopt;
    const auto changed = MentionStore(m_db).replaceChanged(articles);
    if (!changed || !tx.commit(QObject::tr("cannot update mentions")))
        return std::nullopt;
    return changed;
}

// Annotations

std::optional<Annotation> Library::addAnnotation(const Annotation &annotation)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return std::nullopt;
    const auto stored = AnnotationStore(m_db).add(annotation);
    if (!stored || !tx.commit(QObject::tr("cannot save the annotation")))
        return std::nullopt;
    return stored;
}

bool Library::restoreAnnotation(const Annotation &annotation)
{
    Transaction tx(m_db);
    return tx.isActive() && AnnotationStore(m_db).restore(annotation)
        && tx.commit(QObject::tr("cannot bring back annotation %1").arg(annotation.id));
}

bool Library::updateAnnotation(const Annotation &annotation)
{
    Transaction tx(m_db);
    return tx.isActive() && AnnotationStore(m_db).update(annotation)
        && tx.commit(QObject::tr("cannot update the annotation"));
}

bool Library::removeAnnotation(qint64 id)
{
    Transaction tx(m_db);
    return tx.isActive() && AnnotationStore(m_db).remove(id) && tx.commit(QObject::tr("cannot remove the annotation"));
}

std::optional<Annotation> Library::annotation(qint64 id) const
{
    return AnnotationStore(m_db).find(id);
}

QList<Annotation> Library::annotations(qint64 articleId) const
{
    return AnnotationStore(m_db).forArticle(articleId).value_or(QList<Annotation>{});
}

QList<Annotation> Library::allAnnotations() const
{
    return AnnotationStore(m_db).all().value_or(QList<Annotation>{});
}

// Knowledge-base edits

std::optional<KbEdit> Library::addKbEdit(const KbEdit &edit)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return std::nullopt;
    const auto stored = KbEditStore(m_db).add(edit);
    if (!stored)
        return std::nullopt;
    // The wrong mention goes at once; re-linking keeps it out.
    if (stored->action == KbEdit::RejectMention
        && !MentionStore(m_db).removeOne(stored->articleId, stored->entityId, stored->start, stored->end))
        return std::nullopt;
    if (!tx.commit(QObject::tr("cannot save the change to the knowledge base")))
        return std::nullopt;
    return stored;
}

bool Library::removeKbEdit(qint64 id)
{
    Transaction tx(m_db);
    return tx.isActive() && KbEditStore(m_db).remove(id) && tx.commit(QObject::tr("cannot undo the change"));
}

QList<KbEdit> Library::kbEdits() const
{
    return KbEditStore(m_db).all().value_or(QList<KbEdit>{});
}

} // namespace Lede
