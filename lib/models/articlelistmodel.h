// SPDX-License-Identifier: MIT
#pragma once

#include "store/articlesummary.h"

#include <QAbstractItemModel>
#include <QHash>

namespace Lede {

/// The library's articles: title, outlet, date, one row per story. Copies of a story (a wire story
/// and its reprints) are the children of its best copy (see copyQuality()), so the list shows the story once and
/// each copy is still there. Filled from Library::articles(); Qt::DisplayRole is for reading,
/// SortRole the raw value to sort by. Two levels only.
class ArticleListModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { TitleColumn, OutletColumn, DateColumn, ColumnCount };

    explicit ArticleListModel(QObject *parent = nullptr);

    void setArticles(const QList<ArticleSummary> &articles);
    /// Adds articles as rows, without a reset: a copy of a story already listed becomes a child of
    /// its first copy, anything else a new story row. Give a story's first copy before its copies.
    void addArticles(const QList<ArticleSummary> &articles);
    const ArticleSummary *summary(qint64 id) const;
    /// The article a valid index of this model shows (a story's row shows its best copy).
    const ArticleSummary &summaryAt(const QModelIndex &index) const { return at(index); }
    /// Articles, counting every copy; rowCount() counts stories.
    qsizetype articleCount() const { return m_articles.size(); }
    QModelIndex indexOfArticle(qint64 id, int column = TitleColumn) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// How much a copy tells a reader who cites it; the best copy of a story leads it.
    static int copyQuality(const ArticleSummary &a);
    static bool betterCopy(const ArticleSummary &a, const ArticleSummary &b);

private:
    const ArticleSummary &at(const QModelIndex &index) const;
    QList<ArticleSummary> m_articles;
    QList<QList<int>> m_stories; // per story: indexes into m_articles, first copy first
    QHash<qint64, std::pair<int, int>> m_placeOf; // article id → (story row, copy: 0 is the story's row)
};

} // namespace Lede
