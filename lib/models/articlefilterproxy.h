// SPDX-License-Identifier: MIT
#pragma once

#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace Lede {

/// Keeps the articles that mention every required entity (AND), and sorts by SortRole.
///
/// The caller gives, for each entity, the set of article ids that count as mentioning it
/// (already widened to what lies inside it: Southeast Asia includes Malaysia). Does not filter by
/// text; chain another proxy for that.
class ArticleFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ArticleFilterProxy(QObject *parent = nullptr);

    /// The articles matching each entity id. Call again when the library changes.
    void setEntityArticles(QHash<QString, QSet<qint64>> entityArticles);
    void setRequiredEntities(const QStringList &entityIds);
    QStringList requiredEntities() const { return m_required; }
    /// The articles a search found; nullopt when no search narrows the list.
    void setMatchingArticles(std::optional<QSet<qint64>> articleIds);
    bool isSearchApplied() const { return m_matching.has_value(); }
    /// Whether the search found the article (true when no search narrows the list).
    bool isMatching(qint64 articleId) const { return !m_matching || m_matching->contains(articleId); }

    void setSourceModel(QAbstractItemModel *model) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    /// Over an ArticleListModel, compares the rows' summaries directly, as SortRole would: a
    /// library of 100,000 stories sorts in a fraction of the time the QVariants of data() take.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void recompute();
    QHash<QString, QSet<qint64>> m_entityArticles;
    QStringList m_required;
    std::optional<QSet<qint64>> m_allowed; // nullopt: no filter
    std::optional<QSet<qint64>> m_matching; // nullopt: no search
    const class ArticleListModel *m_articles = nullptr; // the source, when it is one
};

} // namespace Lede
