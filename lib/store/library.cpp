// SPDX-License-Identifier: MIT
#include "library.h"

#include "annotations.h"
#include "articles.h"
#include "kbedits.h"
#include "mentions.h"
#include "search.h"
#include "sources.h"
#include "stories.h"
#include "text/anchoring.h"

#include <QDir>
#include <QObject>
#include <QSqlQuery>
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
    // A few articles that a migration left for the search index are indexed before anything reads
    // it; many would keep the caller waiting, so they are left for catchUpSearchIndex().
    m_storySignatures.reset();
    if (!m_db.open(path))
        return false;
    const std::optional<qsizetype> pending = SearchStore(m_db).pending();
    if (!pending)
        return false;
    return *pending == 0 || *pending > openCatchUpLimit || SearchStore(m_db).catchUp();
}

bool Library::needsUpgrade(const QString &path)
{
    const int stored = Database::storedSchemaVersion(path);
    return stored > 0 && stored < currentSchemaVersion();
}

std::optional<qsizetype> Library::searchIndexPending() const
{
    return SearchStore(m_db).pending();
}

std::optional<qsizetype> Library::catchUpSearchIndex(qsizetype limit)
{
    return SearchStore(m_db).catchUp(limit);
}

void Library::close()
{
    m_storySignatures.reset();
    m_db.close();
}

// Articles and mentions

std::optional<AddedArticle> Library::addArticle(const Article &a)
{
    return addArticle(a, ArticleSource{});
}

std::optional<AddedArticle> Library::addArticle(const Article &a, const ArticleSource &source)
{
    m_db.prepareForImport();
    Transaction tx(m_db);
    if (!tx.isActive())
        return std::nullopt;
    const auto added = insertArticle(a, source);
    if (!added || (!added->duplicate && !tx.commit(QObject::tr("cannot add \"%1\"").arg(a.title))))
        return std::nullopt;
    return added;
}

std::optional<AddedArticle> Library::insertArticle(const Article &a, const ArticleSource &source)
{
    ArticleStore articles(m_db);
    const QString hash = ArticleStore::contentHash(a.text);
    const auto existing = articles.find(hash);
    if (!existing)
        return std::nullopt;
    if (*existing)
        return AddedArticle{*existing, true, 0, false};
    const auto id = articles.insert(a, hash);
    if (!id || !MentionStore(m_db).insert(*id, a.entities) || !SearchStore(m_db).add(*id, a.title, a.text))
        return std::nullopt;
    if (!source.isNull() && !SourceStore(m_db).attach(*id, source))
        return std::nullopt;
    if (!m_storySignatures)
        m_storySignatures = std::make_unique<StorySignatureCache>();
    const auto story = StoryGrouping(m_db, m_storySignatures.get()).assign(*id, a.text);
    if (!story)
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

std::optional<ArticleKeys> Library::articleKeys(
    const ArticleOrder &order, const std::optional<QList<qint64>> &only) const
{
    return ArticleStore(m_db).keys(order, only ? &*only : nullptr);
}

QList<std::pair<qint64, QString>> Library::articleTexts(qint64 afterId, int limit) const
{
    return ArticleStore(m_db).texts(afterId, limit).value_or(QList<std::pair<qint64, QString>>{});
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

EntityCounts Library::entityCounts(const KnowledgeBase &kb) const
{
    return MentionStore(m_db).entityCounts(kb).value_or(EntityCounts{});
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

std::optional<QList<AddedArticle>> Library::addArticles(const QList<Article> &batch)
{
    m_db.prepareForImport();
    Transaction tx(m_db);
    if (!tx.isActive())
        return std::nullopt;
    QList<AddedArticle> out;
    out.reserve(batch.size());
    for (const Article &a : batch) {
        const auto added = insertArticle(a);
        if (!added)
            return std::nullopt;
        out.append(*added);
    }
    if (!tx.commit(QObject::tr("cannot add %n articles", nullptr, int(batch.size()))))
        return std::nullopt;
    return out;
}

std::optional<Query::SearchResult> Library::search(const Query::Search &search, int parts) const
{
    return SearchStore(m_db).search(search, parts);
}

QString Library::contentHash(const QString &text)
{
    return ArticleStore::contentHash(text);
}

qint64 Library::findArticle(const QString &contentHash, const QString &url) const
{
    const ArticleStore articles(m_db);
    if (const auto id = articles.find(contentHash); !id || *id)
        return id.value_or(0);
    return url.isEmpty() ? 0 : articles.findByUrl(url).value_or(0);
}

std::optional<ArticleSource> Library::articleSource(qint64 articleId) const
{
    return SourceStore(m_db).forArticle(articleId);
}

bool Library::setArticleSource(qint64 articleId, const ArticleSource &source)
{
    Transaction tx(m_db);
    return tx.isActive() && SourceStore(m_db).attach(articleId, source)
        && tx.commit(QObject::tr("cannot keep the original file of article %1").arg(articleId));
}

bool Library::setSourceEncoding(qint64 articleId, const QByteArray &encoding)
{
    Transaction tx(m_db);
    return tx.isActive() && SourceStore(m_db).setEncoding(articleId, encoding)
        && tx.commit(QObject::tr("cannot record the encoding of article %1").arg(articleId));
}

std::optional<ReextractedArticle> Library::reextractArticle(qint64 articleId, const Article &parsed)
{
    const QString action = QObject::tr("cannot update article %1 from its file").arg(articleId);
    Transaction tx(m_db);
    if (!tx.isActive())
        return std::nullopt;
    ArticleStore articles(m_db);
    const auto old = articles.article(articleId);
    if (!old)
        return std::nullopt;
    ReextractedArticle result;
    result.textChanged = old->text != parsed.text;
    const QString hash = ArticleStore::contentHash(parsed.text);
    if (result.textChanged) {
        const auto other = articles.find(hash);
        if (!other)
            return std::nullopt;
        if (*other && *other != articleId) {
            result.duplicateOf = *other;
            return result;
        }
    }
    MentionStore mentions(m_db);
    if (!articles.updateParsed(articleId, parsed, hash) || !SearchStore(m_db).add(articleId, parsed.title, parsed.text)
        || !mentions.replace(articleId, parsed.entities))
        return std::nullopt;
    // Mentions the journalist rejected stay out: each follows its words into the new text.
    KbEditStore edits(m_db);
    const auto allEdits = edits.all();
    if (!allEdits)
        return std::nullopt;
    for (const KbEdit &e : *allEdits) {
        if (e.action != KbEdit::RejectMention || e.articleId != articleId)
            continue;
        qsizetype start = e.start;
        qsizetype end = e.end;
        if (result.textChanged) {
            const Reanchored r = reanchor(TextAnchor::fromText(old->text, e.start, e.end), parsed.text);
            if (r.status == Reanchored::Orphan)
                continue; // its words are gone; the edit stays as it was
            start = r.start;
            end = r.end;
            if ((start != e.start || end != e.end) && !edits.moveMention(e.id, start, end))
                return std::nullopt;
        }
        if (!mentions.removeOne(articleId, e.entityId, start, end))
            return std::nullopt;
    }
    AnnotationStore annotations(m_db);
    const auto existing = annotations.forArticle(articleId);
    if (!existing)
        return std::nullopt;
    for (Annotation a : *existing) {
        const Reanchored r = reanchor(a.anchor(), parsed.text);
        if (r.status == Reanchored::Orphan) {
            ++result.orphaned;
            if (a.orphan)
                continue;
            a.orphan = true;
        } else {
            ++(r.status == Reanchored::Exact ? result.exact : result.moved);
            const TextAnchor placed = TextAnchor::fromText(parsed.text, r.start, r.end);
            a.start = placed.start;
            a.end = placed.end;
            a.quote = placed.exact;
            a.prefix = placed.prefix;
            a.suffix = placed.suffix;
            a.orphan = false;
        }
        if (!annotations.place(a))
            return std::nullopt;
    }
    if (!tx.commit(action))
        return std::nullopt;
    return result;
}

// Annotations

std::optional<Annotation> Library::addAnnotation(const Annotation &annotation)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return std::nullopt;
    Annotation a = annotation;
    if (const auto article = ArticleStore(m_db).article(a.articleId); article && a.end > a.start && a.start >= 0) {
        const QString &text = article->text;
        TextAnchor anchor = TextAnchor::fromText(text, a.start, a.end);
        if (!a.quote.isEmpty() && anchor.exact != a.quote) {
            const Reanchored r = reanchor(TextAnchor{a.start, a.end, a.quote, a.prefix, a.suffix}, text);
            a.orphan = r.status == Reanchored::Orphan;
            if (!a.orphan)
                anchor = TextAnchor::fromText(text, r.start, r.end);
        }
        if (!a.orphan) {
            a.start = anchor.start;
            a.end = anchor.end;
            a.quote = anchor.exact;
            a.prefix = anchor.prefix;
            a.suffix = anchor.suffix;
        }
    }
    const auto stored = AnnotationStore(m_db).add(a);
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

QStringList Library::annotationEntities(const Annotation &annotation) const
{
    QStringList out;
    if (!annotation.orphan) {
        for (const EntityMention &m : mentions(annotation.articleId)) {
            if (m.start >= annotation.start && m.end <= annotation.end && !out.contains(m.entityId))
                out.append(m.entityId);
        }
    }
    for (const QString &id : annotation.entityIds) {
        if (!out.contains(id))
            out.append(id);
    }
    return out;
}

QList<AnnotationColor> Library::annotationPalette() const
{
    return AnnotationStore(m_db).palette().value_or(QList<AnnotationColor>{});
}

bool Library::setColorMeaning(const QString &color, const QString &meaning)
{
    Transaction tx(m_db);
    return tx.isActive() && AnnotationStore(m_db).setMeaning(color, meaning)
        && tx.commit(QObject::tr("cannot name the colour %1").arg(color));
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

// Saved searches --------------------------------------------------------------------------------

std::optional<SavedSearch> Library::saveSearch(const QString &name, const QString &query)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return std::nullopt;
    std::optional<SavedSearch> saved = SavedSearchStore(m_db).save(name, query);
    if (!saved || !tx.commit(QObject::tr("cannot save the search")))
        return std::nullopt;
    return saved;
}

bool Library::renameSavedSearch(qint64 id, const QString &name)
{
    Transaction tx(m_db);
    return tx.isActive() && SavedSearchStore(m_db).rename(id, name)
        && tx.commit(QObject::tr("cannot rename the saved search"));
}

bool Library::removeSavedSearch(qint64 id)
{
    Transaction tx(m_db);
    return tx.isActive() && SavedSearchStore(m_db).remove(id)
        && tx.commit(QObject::tr("cannot delete the saved search"));
}

QList<SavedSearch> Library::savedSearches() const
{
    return SavedSearchStore(m_db).all().value_or(QList<SavedSearch>{});
}

// The knowledge base the mentions came from -------------------------------------------------------

QString Library::linkFingerprint() const
{
    QSqlQuery q(m_db.connection());
    const bool ready = q.prepare(u"SELECT value FROM meta WHERE key = 'link_fingerprint'"_s);
    if (!ready || !q.exec()) {
        m_db.readFailed(QObject::tr("the knowledge base the mentions were found with"), q);
        return {};
    }
    return q.next() ? q.value(0).toString() : QString();
}

bool Library::setLinkFingerprint(const QString &fingerprint)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return false;
    QSqlQuery q(m_db.connection());
    // Empty: the mentions are not known to come from any base (a re-link is under way).
    const bool ready = fingerprint.isEmpty()
        ? q.prepare(u"DELETE FROM meta WHERE key = 'link_fingerprint'"_s)
        : q.prepare(u"INSERT OR REPLACE INTO meta (key, value) VALUES ('link_fingerprint', ?)"_s);
    if (!fingerprint.isEmpty())
        q.addBindValue(fingerprint);
    const QString action = QObject::tr("cannot record the knowledge base the mentions were found with");
    if (!ready || !q.exec())
        return m_db.writeFailed(action, q);
    return tx.commit(action);
}

} // namespace Lede
