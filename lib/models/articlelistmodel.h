// SPDX-License-Identifier: MIT
#pragma once

#include "store/library.h"

#include <QAbstractTableModel>

namespace Lede {

/// The library's articles as a table: title, outlet, date. Filled from Library::articles();
/// Qt::DisplayRole is for reading, SortRole the raw value to sort by.
class ArticleListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TitleColumn, OutletColumn, DateColumn, ColumnCount };

    explicit ArticleListModel(QObject *parent = nullptr);

    void setArticles(const QList<ArticleSummary> &articles);
    const ArticleSummary *summary(qint64 id) const;
    QModelIndex indexOfArticle(qint64 id, int column = TitleColumn) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ArticleSummary> m_articles;
    QHash<qint64, int> m_rowOf;
};

} // namespace Lede
