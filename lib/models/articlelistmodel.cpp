// SPDX-License-Identifier: MIT
#include "articlelistmodel.h"

#include "roles.h"

#include <QFileInfo>
#include <QLocale>

namespace Lede {

ArticleListModel::ArticleListModel(QObject *parent) : QAbstractTableModel(parent)
{ }

void ArticleListModel::setArticles(const QList<ArticleSummary> &articles)
{
    beginResetModel();
    m_articles = articles;
    m_rowOf.clear();
    for (int i = 0; i < m_articles.size(); ++i)
        m_rowOf.insert(m_articles.at(i).id, i);
    endResetModel();
}

const ArticleSummary *ArticleListModel::summary(qint64 id) const
{
    const auto it = m_rowOf.constFind(id);
    return it == m_rowOf.cend() ? nullptr : &m_articles.at(*it);
}

QModelIndex ArticleListModel::indexOfArticle(qint64 id, int column) const
{
    const auto it = m_rowOf.constFind(id);
    return it == m_rowOf.cend() ? QModelIndex() : index(*it, column);
}

int ArticleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_articles.size());
}

int ArticleListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ArticleListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ArticleSummary &a = m_articles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return a.title.isEmpty() ? QFileInfo(a.sourcePath).fileName() : a.title;
        case OutletColumn:
            return a.outlet;
        case DateColumn: {
            if (a.published.isEmpty())
                return QString();
            const QDate d = QDate::fromString(a.published.left(10), Qt::ISODate);
            return d.isValid() ? QLocale().toString(d, QLocale::ShortFormat) : a.published;
        }
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TitleColumn)
            return a.byline.isEmpty() ? a.title : tr("%1\nby %2").arg(a.title, a.byline);
        break;
    case SortRole:
        switch (index.column()) {
        case TitleColumn:
            return a.title.toCaseFolded();
        case OutletColumn:
            return a.outlet.toCaseFolded();
        case DateColumn:
            return a.published;
        }
        break;
    case ArticleIdRole:
        return a.id;
    default:
        break;
    }
    return {};
}

QVariant ArticleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case OutletColumn:
        return tr("Outlet");
    case DateColumn:
        return tr("Date");
    }
    return {};
}

} // namespace Lede
