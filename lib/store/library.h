// SPDX-License-Identifier: MIT
#pragma once

#include "kb/kbedit.h"
#include "query/search.h"
#include "store/annotation.h"
#include "store/articlesummary.h"
#include "store/database.h"
#include "store/mentions.h"
#include "store/savedsearches.h"
#include "text/article.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>

#include <memory>
#include <optional>

namespace Lede {

class StorySignatureCache;

/// What parsing an article again did to it and its annotations (Library::reextractArticle()).
struct ReextractedArticle
{
    bool textChanged = false;
    qint64 duplicateOf = 0; // the new text is already another article's: nothing was changed
    int exact = 0; // annotations still on their passage at the same place
    int moved = 0; // found again elsewhere, or with their words changed a little
    int orphaned = 0; // could not be placed: kept and flagged
};

/// A journalist's library: articles, their entity mentions and annotations in one SQLite file.
///
/// The one way in for the rest of Lede, over the parts of the store: the Database (connection,
/// schema, migrations, transactions), ArticleStore, MentionStore, StoryGrouping, AnnotationStore
/// and KbEditStore. Each Library owns its own database connection, so use one per thread. Every
/// write runs in a transaction and leaves the file as it was when it fails. The schema is
/// versioned and upgraded by ordered migrations when an older library is opened. Every failed read
/// or write sets lastError() with text a person can act on and logs it (lcStore); a read that
/// failed returns nothing (an empty list, 0, or no value).
class Library
{
public:
    Library();
    ~Library();
    Library(const Library &) = delete;
    Library &operator=(const Library &) = delete;

    /// Opens (creating it if needed) the library file at `path`, upgrading its schema. Articles a
    /// migration left for the search index are indexed here only when they are few
    /// (openCatchUpLimit); more wait for catchUpSearchIndex(), which the desk runs as a job.
    bool open(const QString &path);
    static constexpr qsizetype openCatchUpLimit = 200;
    /// How many articles wait for the search index (searches do not find them yet); nothing when
    /// the read failed.
    std::optional<qsizetype> searchIndexPending() const;
    /// Indexes up to `limit` (all when negative) of the articles waiting for the search index, in
    /// one transaction. Returns how many, nothing when it failed.
    std::optional<qsizetype> catchUpSearchIndex(qsizetype limit = -1);
    bool isOpen() const;
    void close();
    QString path() const { return m_db.path(); }
    QString lastError() const { return m_db.lastError(); }
    int schemaVersion() const;
    static int currentSchemaVersion();
    /// True when the file at `path` is a library of an older schema that open() would upgrade
    /// (which can take a while for a large one); read without changing anything.
    static bool needsUpgrade(const QString &path);
    /// The default location: the platform's application-data folder.
    static QString defaultPath();

    /// Adds an article with its mentions. An article whose canonical text is already in the
    /// library is not added again: the existing id comes back with duplicate set. A near-duplicate
    /// (a reprint, the same story elsewhere) is added and joins the story of its closest copy.
    std::optional<AddedArticle> addArticle(const Article &article);
    /// Adds many articles as addArticle() does, in one transaction: all or none.
    std::optional<QList<AddedArticle>> addArticles(const QList<Article> &articles);
    /// The same, keeping the article's original file with it.
    std::optional<AddedArticle> addArticle(const Article &article, const ArticleSource &source);
    std::optional<Article> article(qint64 id) const;
    QList<ArticleSummary> articles() const;
    /// The summaries of just these articles, in id order (ids not in the library are left out);
    /// storyId and storySize count every copy in the library.
    QList<ArticleSummary> articles(const QList<qint64> &ids) const;
    qsizetype articleCount() const;
    /// The article list's keys in `order` (ArticleStore::keys()): every story, or the stories of the
    /// articles in `only` (a search's result); nothing when the read failed.
    std::optional<ArticleKeys> articleKeys(
        const ArticleOrder &order, const std::optional<QList<qint64>> &only = {}) const;
    QList<EntityMention> mentions(qint64 articleId) const;
    /// For each entity, the articles that mention it.
    QHash<QString, QSet<qint64>> entityArticles() const;
    /// For each entity, which of these articles mention it.
    QHash<QString, QSet<qint64>> entityArticles(const QList<qint64> &ids) const;
    /// How many articles name each entity, directly and widened by `kb` (MentionStore::entityCounts);
    /// empty when the read failed (see lastError()).
    EntityCounts entityCounts(const KnowledgeBase &kb) const;
    /// Replaces an article's mentions (after the knowledge base changed).
    bool replaceMentions(qint64 articleId, const QList<EntityMention> &mentions);
    /// The id and canonical text of the articles after `afterId`, in id order, at most `limit` of them
    /// (every article by default): re-linking reads the library a page at a time this way.
    QList<std::pair<qint64, QString>> articleTexts(qint64 afterId = 0, int limit = -1) const;
    /// Replaces the mentions of many articles in one transaction, writing only the articles whose
    /// mentions differ from the stored ones. Returns how many changed, or nothing when it failed
    /// (then nothing was written).
    std::optional<qsizetype> replaceMentions(const QList<std::pair<qint64, QList<EntityMention>>> &articles);

    /// What to compute in search(); the values of Query::SqlTranslator::Part.
    enum SearchPart { SearchIds = 0x1, SearchEntityCounts = 0x2, SearchWeeks = 0x4, SearchEverything = 0x7 };
    /// Runs a search made by Query::prepare() (the typed query and the sidebar's facet choices):
    /// the matching ids newest first, how many of them mention each entity, and the result by
    /// week — all computed by SQLite. Nothing when the search has errors or the read failed.
    std::optional<Query::SearchResult> search(const Query::Search &search, int parts = SearchEverything) const;

    /// The key that makes the same text one article.
    static QString contentHash(const QString &text);
    /// The article with this content hash, else the first with this URL (when not empty); 0 when none.
    qint64 findArticle(const QString &contentHash, const QString &url = {}) const;
    /// The article's original file: a null ArticleSource when the library has none, nothing when
    /// the read failed.
    std::optional<ArticleSource> articleSource(qint64 articleId) const;
    /// Keeps (or replaces) the article's original file.
    bool setArticleSource(qint64 articleId, const ArticleSource &source);
    /// Records the encoding detected in the article's file.
    bool setSourceEncoding(qint64 articleId, const QByteArray &encoding);
    /// Replaces an article with the result of parsing its file again (text, metadata, and the
    /// mentions in `parsed.entities`) and places each of its annotations again in the new text
    /// (reanchor()): on the same words, moved, or kept as an orphan. Mentions the journalist
    /// rejected follow their words and stay out. One transaction. When the new text is already
    /// another article's, nothing changes and duplicateOf says which.
    std::optional<ReextractedArticle> reextractArticle(qint64 articleId, const Article &parsed);

    /// Saves a new annotation; it comes back with its new id and its times. The quote (when empty)
    /// and its context are taken from the article's text; a quote that is not at start…end is
    /// looked for in the text as reanchor() does, and kept as an orphan when it is not there.
    std::optional<Annotation> addAnnotation(const Annotation &annotation);
    /// Puts back an annotation that was removed, exactly as it was: the same id, passage, colour,
    /// note and times (undo of a remove, redo of an add). Fails if that id is in use.
    bool restoreAnnotation(const Annotation &annotation);
    /// Changes an annotation's colour, note, tags and linked entities; fails if it is not in the library.
    bool updateAnnotation(const Annotation &annotation);
    /// Removes an annotation; fails if it is not in the library.
    bool removeAnnotation(qint64 id);
    std::optional<Annotation> annotation(qint64 id) const;
    QList<Annotation> annotations(qint64 articleId) const;
    QList<Annotation> allAnnotations() const;
    /// The entities of an annotation: those mentioned inside its passage, then those linked to it.
    QStringList annotationEntities(const Annotation &annotation) const;
    /// The highlight colours in menu order with the meanings the journalist gave them.
    QList<AnnotationColor> annotationPalette() const;
    /// Names what a colour means ("claim", "follow up"…); empty to clear.
    bool setColorMeaning(const QString &color, const QString &meaning);

    /// What the journalist taught the linker, oldest first. Rejecting a mention also removes it.
    std::optional<KbEdit> addKbEdit(const KbEdit &edit);
    bool removeKbEdit(qint64 id);
    QList<KbEdit> kbEdits() const;

    /// Saves a query under a name; a search of that name (ignoring case) gets the new query.
    std::optional<SavedSearch> saveSearch(const QString &name, const QString &query);
    /// Renames a saved search; false when another has the name.
    bool renameSavedSearch(qint64 id, const QString &name);
    bool removeSavedSearch(qint64 id);
    /// The saved searches, by name.
    QList<SavedSearch> savedSearches() const;

    /// Which shipped knowledge base and linker found the stored mentions (linkFingerprint() in
    /// lib/link); empty for a library whose mentions came from an older Lede, or none yet.
    QString linkFingerprint() const;
    /// Records it, after every article was linked with that base and linker.
    bool setLinkFingerprint(const QString &fingerprint);

    QSqlDatabase database() const;
    /// Whether a restore has put a backup in place of the library since it was opened here
    /// (Database::replacedSinceOpen()); writes are then refused.
    bool replacedSinceOpen() const { return m_db.replacedSinceOpen(); }

    /// Backs the library up now into its rotating set beside it (Database::backup); `kind` names
    /// the backup. Returns the new file, or an empty string (see lastError()).
    QString backup(const QString &kind);
    /// A daily backup, when the newest is older than a day (Database::backupIfDue).
    bool backupIfDue();

private:
    // In the caller's transaction.
    std::optional<AddedArticle> insertArticle(const Article &article, const ArticleSource &source = {});
    Database m_db;
    // Signatures of candidate copies read while adding articles (StoryGrouping).
    std::unique_ptr<StorySignatureCache> m_storySignatures;
};

} // namespace Lede
