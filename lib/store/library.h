// SPDX-License-Identifier: MIT
#pragma once

#include "kb/kbedit.h"
#include "store/annotation.h"
#include "store/articlesummary.h"
#include "store/database.h"
#include "text/article.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>

#include <optional>

namespace Lede {

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

    /// Opens (creating it if needed) the library file at `path`, upgrading its schema.
    bool open(const QString &path);
    bool isOpen() const;
    void close();
    QString path() const { return m_db.path(); }
    QString lastError() const { return m_db.lastError(); }
    int schemaVersion() const;
    static int currentSchemaVersion();
    /// The default location: the platform's application-data folder.
    static QString defaultPath();

    /// Adds an article with its mentions. An article whose canonical text is already in the
    /// library is not added again: the existing id comes back with duplicate set. A near-duplicate
    /// (a reprint, the same story elsewhere) is added and joins the story of its closest copy.
    std::optional<AddedArticle> addArticle(const Article &article);
    std::optional<Article> article(qint64 id) const;
    QList<ArticleSummary> articles() const;
    /// The summaries of just these articles, in id order (ids not in the library are left out);
    /// storyId and storySize count every copy in the library.
    QList<ArticleSummary> articles(const QList<qint64> &ids) const;
    qsizetype articleCount() const;
    QList<EntityMention> mentions(qint64 articleId) const;
    /// For each entity, the articles that mention it.
    QHash<QString, QSet<qint64>> entityArticles() const;
    /// For each entity, which of these articles mention it.
    QHash<QString, QSet<qint64>> entityArticles(const QList<qint64> &ids) const;
    /// Replaces an article's mentions (after the knowledge base changed).
    bool replaceMentions(qint64 articleId, const QList<EntityMention> &mentions);
    /// Every article's id and canonical text, in id order (for re-linking the whole library).
    QList<std::pair<qint64, QString>> articleTexts() const;
    /// Replaces the mentions of many articles in one transaction, writing only the articles whose
    /// mentions differ from the stored ones. Returns how many changed, or nothing when it failed
    /// (then nothing was written).
    std::optional<qsizetype> replaceMentions(const QList<std::pair<qint64, QList<EntityMention>>> &articles);

    /// Saves a new annotation; it comes back with its new id and its times.
    std::optional<Annotation> addAnnotation(const Annotation &annotation);
    /// Puts back an annotation that was removed, exactly as it was: the same id, passage, colour,
    /// note and times (undo of a remove, redo of an add). Fails if that id is in use.
    bool restoreAnnotation(const Annotation &annotation);
    /// Changes an annotation's colour and note; fails if it is not in the library.
    bool updateAnnotation(const Annotation &annotation);
    /// Removes an annotation; fails if it is not in the library.
    bool removeAnnotation(qint64 id);
    std::optional<Annotation> annotation(qint64 id) const;
    QList<Annotation> annotations(qint64 articleId) const;
    QList<Annotation> allAnnotations() const;

    /// What the journalist taught the linker, oldest first. Rejecting a mention also removes it.
    std::optional<KbEdit> addKbEdit(const KbEdit &edit);
    bool removeKbEdit(qint64 id);
    QList<KbEdit> kbEdits() const;

    QSqlDatabase database() const;

    /// Backs the library up now into its rotating set beside it (Database::backup); `kind` names
    /// the backup. Returns the new file, or an empty string (see lastError()).
    QString backup(const QString &kind);
    /// A daily backup, when the newest is older than a day (Database::backupIfDue).
    bool backupIfDue();

private:
    Database m_db;
};

} // namespace Lede
