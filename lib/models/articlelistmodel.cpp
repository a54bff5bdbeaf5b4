// SPDX-License-Identifier: MIT
#include "articlelistmodel.h"

#include "roles.h"

#include <QFileInfo>
#include <QFont>
#include <QLocale>

namespace Lede {

ArticleListModel::ArticleListModel(QObject *parent) : QAbstractItemModel(parent)
{ }

int ArticleListModel::copyQuality(const ArticleSummary &a)
{
    // What a reader needs to cite a copy first (headline, outlet, date), then a byline; a saved
    // page beats a text dump of it only when they tell as much.
    return (a.title.isEmpty() ? 0 : 8) + (a.outlet.isEmpty() ? 0 : 4) + (a.published.isEmpty() ? 0 : 4)
        + (a.byline.isEmpty() ? 0 : 2) + (a.format == SourceFormat::Html ? 1 : 0);
}

bool ArticleListModel::betterCopy(const ArticleSummary &a, const ArticleSummary &b)
{
    const int qa = copyQuality(a), qb = copyQuality(b);
    return qa != qb ? qa > qb : a.id < b.id; // the first imported among equals
}

void ArticleListModel::setArticles(const QList<ArticleSummary> &articles)
{
    beginResetModel();
    m_articles = articles;
    m_stories.clear();
    m_placeOf.clear();
    QHash<qint64, int> storyRow;
    for (int i = 0; i < m_articles.size(); ++i) {
        const ArticleSummary &a = m_articles.at(i);
        const qint64 story = a.storyId ? a.storyId : a.id;
        auto it = storyRow.constFind(story);
        if (it == storyRow.cend()) {
            it = storyRow.insert(story, int(m_stories.size()));
            m_stories.append(QList<int>());
        }
        m_stories[*it].append(i);
    }
    // The story's best copy leads; the others follow in the order they were imported.
    for (QList<int> &copies : m_stories) {
        std::sort(
            copies.begin(), copies.end(), [this](int x, int y) { return m_articles.at(x).id < m_articles.at(y).id; });
        const auto best = std::min_element(copies.begin(), copies.end(),
            [this](int x, int y) { return betterCopy(m_articles.at(x), m_articles.at(y)); });
        std::rotate(copies.begin(), best, best + 1);
    }
    for (int row = 0; row < m_stories.size(); ++row) {
        for (int c = 0; c < m_stories.at(row).size(); ++c)
            m_placeOf.insert(m_articles.at(m_stories.at(row).at(c)).id, {row, c});
    }
    endResetModel();
}

void ArticleListModel::addArticles(const QList<ArticleSummary> &articles)
{
    for (const ArticleSummary &a : articles) {
        if (m_placeOf.contains(a.id))
            continue;
        const qint64 story = a.storyId ? a.storyId : a.id;
        const auto head = m_placeOf.constFind(story);
        const int at = int(m_articles.size());
        if (story != a.id && head != m_placeOf.cend()) {
            const int row = head->first;
            const int copies = int(m_stories.at(row).size());
            beginInsertRows(index(row, 0), copies - 1, copies - 1);
            m_articles.append(a);
            m_stories[row].append(at);
            m_placeOf.insert(a.id, {row, copies});
            endInsertRows();
            QModelIndex changedChild;
            if (betterCopy(a, m_articles.at(m_stories.at(row).first()))) {
                // The new copy tells more: it leads the story, the old lead goes beneath it.
                QList<int> &order = m_stories[row];
                std::swap(order.first(), order.last());
                m_placeOf.insert(m_articles.at(order.first()).id, {row, 0});
                m_placeOf.insert(m_articles.at(order.last()).id, {row, copies});
                changedChild = index(copies - 1, 0, index(row, 0));
            }
            // The story's row says how many copies it has.
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            if (changedChild.isValid())
                Q_EMIT dataChanged(changedChild, changedChild.siblingAtColumn(ColumnCount - 1));
            continue;
        }
        const int row = int(m_stories.size());
        beginInsertRows({}, row, row);
        m_articles.append(a);
        m_stories.append(QList<int>{at});
        m_placeOf.insert(a.id, {row, 0});
        endInsertRows();
    }
}

const ArticleSummary *ArticleListModel::summary(qint64 id) const
{
    const auto it = m_placeOf.constFind(id);
    return it == m_placeOf.cend() ? nullptr : &m_articles.at(m_stories.at(it->first).at(it->second));
}

QModelIndex ArticleListModel::indexOfArticle(qint64 id, int column) const
{
    const auto it = m_placeOf.constFind(id);
    if (it == m_placeOf.cend())
        return {};
    if (it->second == 0)
        return index(it->first, column);
    return index(it->second - 1, column, index(it->first, 0));
}

QModelIndex ArticleListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_stories.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.column() != 0)
        return {};
    return row < m_stories.at(parent.row()).size() - 1 ? createIndex(row, column, quintptr(parent.row() + 1))
                                                       : QModelIndex();
}

QModelIndex ArticleListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int ArticleListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_stories.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_stories.at(parent.row()).size() - 1);
}

int ArticleListModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

const ArticleSummary &ArticleListModel::at(const QModelIndex &index) const
{
    if (index.internalId() == 0)
        return m_articles.at(m_stories.at(index.row()).first());
    return m_articles.at(m_stories.at(int(index.internalId() - 1)).at(index.row() + 1));
}

QVariant ArticleListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ArticleSummary &a = at(index);
    const bool leadsCopies = index.internalId() == 0 && m_stories.at(index.row()).size() > 1;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return a.title.isEmpty() ? QFileInfo(a.sourcePath).fileName() : a.title;
        case OutletColumn:
            if (leadsCopies) {
                const int others = int(m_stories.at(index.row()).size() - 1);
                return a.outlet.isEmpty() ? (others == 1 ? tr("1 more copy") : tr("%1 more copies").arg(others))
                                          : tr("%1 +%2").arg(a.outlet).arg(others);
            }
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
        if (index.column() == TitleColumn) {
            QString tip = a.byline.isEmpty() ? a.title : tr("%1\nby %2").arg(a.title, a.byline);
            if (leadsCopies)
                tip += u'\n' + tr("Other copies of this story: %1, below").arg(m_stories.at(index.row()).size() - 1);
            return tip;
        }
        break;
    case Qt::FontRole:
        if (leadsCopies) {
            QFont f;
            f.setBold(true);
            return f;
        }
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
