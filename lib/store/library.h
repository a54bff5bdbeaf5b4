// SPDX-License-Identifier: MIT
#pragma once

#include "kb/kbedit.h"
#include "text/article.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>

#include <optional>

namespace Lede {

/// One row of the article list.
struct ArticleSummary
{
    qint64 id = 0;
    QString title;
    QString outlet;
    QString byline;
    QString published; // ISO 8601 as stored, empty when unknown
    SourceFormat format = SourceFormat::Unknown;
    QString sourcePath;
    QDateTime importedAt;
    qint64 storyId = 0; // the id of the story's first copy; equal to id for a story of one
    int storySize = 1; // copies of the story in the library
};

/// A passage a journalist marked: UTF-16 offsets into the article's canonical text.
struct Annotation
{
    qint64 id = 0;
    qint64 articleId = 0;
    qsizetype start = 0;
    qsizetype end = 0;
    QString color; // a name from annotationColors()
    QString note;
    QString quote; // the passage's text when it was marked
    QDateTime created;
    QDateTime modified;
};

/// The colours a highlight can take, by name ("yellow", …), in menu order.
QStringList annotationColors();

/// Result of adding an article: its id, and whether it was new or an exact duplicate.
struct AddedArticle
{
    qint64 id = 0;
    bool duplicate = false; // the same canonical text was already there
    qint64 storyId = 0;
    bool grouped = false; // a near-duplicate of an article already there: joined its story
};

/// A journalist's library: articles, their entity mentions and annotations in one SQLite file.
///
/// Each Library owns its own database connection, so use one per thread. Every write runs in a
/// transaction and leaves the file as it was when it fails. The schema is versioned and upgraded
/// by ordered migrations when an older library is opened. Errors are returned as text a person
/// can act on; lastError() keeps the latest.
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
    QString path() const { return m_path; }
    QString lastError() const { return m_error; }
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
    /// The summaries of just these articles (for a list that grows as an import commits).
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

    std::optional<Annotation> addAnnotation(const Annotation &annotation);
    bool updateAnnotation(const Annotation &annotation);
    bool removeAnnotation(qint64 id);
    QList<Annotation> annotations(qint64 articleId) const;
    QList<Annotation> allAnnotations() const;

    /// What the journalist taught the linker, oldest first. Rejecting a mention also removes it.
    std::optional<KbEdit> addKbEdit(const KbEdit &edit);
    bool removeKbEdit(qint64 id);
    QList<KbEdit> kbEdits() const;

    QSqlDatabase database() const;

private:
    QList<ArticleSummary> articles(const std::optional<QList<qint64>> &ids) const;
    bool migrate();
    std::optional<qint64> assignStory(qint64 id, const QString &text);
    bool fail(const QString &message) const;
    QString m_connection;
    QString m_path;
    mutable QString m_error;
};

} // namespace Lede
