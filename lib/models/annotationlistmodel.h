// SPDX-License-Identifier: MIT
#pragma once

#include "kb/knowledgebase.h"
#include "store/annotation.h"

#include <QAbstractListModel>

#include <memory>

namespace Lede {

/// An annotation as the annotations panel lists it: with its article's headline and every entity it
/// is linked to (those mentioned inside the passage, then those the journalist added).
struct AnnotationEntry
{
    Annotation annotation;
    QString articleTitle;
    QStringList entityIds;
};

/// The annotations panel's list: the annotations of one article or of the whole library, filtered
/// by colour, tag, linked entity and free text. Orphans (passages the text no longer holds) are
/// always listed, after the placed annotations of their article, and say so.
///
/// It holds every annotation of the library it was given (setEntries(), read off the GUI thread)
/// and shows the rows the scope and filters keep, in article order then text order. An article's
/// annotations are replaced after each change (replaceArticle()), so the list follows edits, undo
/// and redo at once.
class AnnotationListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit AnnotationListModel(QObject *parent = nullptr);

    /// Names entities in rows and in the text filter.
    void setKnowledgeBase(std::shared_ptr<const KnowledgeBase> kb);
    /// What each colour means ("claim", …), shown with the colour.
    void setColorMeanings(const QHash<QString, QString> &meanings);

    void setEntries(QList<AnnotationEntry> entries);
    /// Replaces one article's annotations (after an edit, undo or redo, or a re-read).
    void replaceArticle(qint64 articleId, const QList<AnnotationEntry> &entries);
    void clear();
    const QList<AnnotationEntry> &entries() const { return m_entries; }

    // The scope and the filters; an empty string (or 0) does not filter.
    /// The current article, shown when the scope is one article.
    void setCurrentArticle(qint64 articleId);
    void setWholeLibrary(bool whole);
    bool wholeLibrary() const { return m_wholeLibrary; }
    void setColorFilter(const QString &color);
    void setTagFilter(const QString &tag);
    void setEntityFilter(const QString &entityId);
    void setTextFilter(const QString &text);
    QString colorFilter() const { return m_color; }
    QString tagFilter() const { return m_tag; }
    QString entityFilter() const { return m_entity; }
    QString textFilter() const { return m_text; }

    /// Tags and entities of the annotations in scope (before the other filters), for the filter menus;
    /// tags sorted, entities by name.
    QStringList tagsInScope() const;
    QStringList entitiesInScope() const;
    QString entityName(const QString &entityId) const;
    /// Rows shown, and how many of them are orphans.
    int orphanCount() const;

    const AnnotationEntry &entryAt(int row) const { return m_entries.at(m_rows.at(row)); }
    int rowOf(qint64 annotationId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// The scope or a filter changed, or the rows in scope did: the panel's filter menus follow.
    void filterChanged();

private:
    bool inScope(const AnnotationEntry &e) const;
    bool accepts(const AnnotationEntry &e) const;
    void sortEntries();
    void refilter();

    std::shared_ptr<const KnowledgeBase> m_kb;
    QHash<QString, QString> m_meanings;
    QList<AnnotationEntry> m_entries; // every annotation, by article then place
    QList<int> m_rows; // indices into m_entries of the rows shown
    qint64 m_currentArticle = 0;
    bool m_wholeLibrary = false;
    QString m_color, m_tag, m_entity, m_text;
    QSet<QString> m_entityWithin; // the filter's entity and what lies inside it
};

} // namespace Lede
