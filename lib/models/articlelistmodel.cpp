// SPDX-License-Identifier: MIT
#include "articlelistmodel.h"

#include "roles.h"
#include "store/library.h"

#include <QFileInfo>
#include <QFont>
#include <QLocale>

namespace Lede {

namespace {

const QList<qint64> &noCopies()
{
    static const QList<qint64> none;
    return none;
}

} // namespace

ArticleListModel::ArticleListModel(QObject *parent)
    : QAbstractItemModel(parent), m_rows(std::make_shared<ArticleRows>()), m_cache(cachedRows)
{ }

bool ArticleListModel::betterCopy(const ArticleSummary &a, const ArticleSummary &b)
{
    const int qa = copyQuality(a), qb = copyQuality(b);
    return qa != qb ? qa > qb : a.id < b.id; // the first imported among equals
}

void ArticleListModel::setLibrary(const Library *library)
{
    m_library = library;
    dataChangedInLibrary();
}

std::shared_ptr<const ArticleRows> ArticleListModel::arrange(ArticleKeys keys, const ArticleOrder &order)
{
    auto rows = std::make_shared<ArticleRows>();
    rows->keys = std::move(keys);
    rows->order = order;
    rows->placeOf.reserve(rows->keys.leads.size());
    const QList<qint64> &leads = rows->keys.leads;
    for (int row = 0; row < leads.size(); ++row) {
        rows->placeOf.insert(leads.at(row), {row, 0});
        const auto copies = rows->keys.copies.constFind(leads.at(row));
        if (copies == rows->keys.copies.cend())
            continue;
        for (int c = 0; c < copies->size(); ++c)
            rows->placeOf.insert(copies->at(c), {row, c + 1});
    }
    return rows;
}

void ArticleListModel::setRows(std::shared_ptr<const ArticleRows> rows)
{
    if (!rows)
        rows = std::make_shared<ArticleRows>();
    if (rows->keys.leads == m_rows->keys.leads && rows->keys.copies == m_rows->keys.copies) {
        // The same rows: only what they say may have changed (a copy added elsewhere, the totals).
        m_rows = std::move(rows);
        dataChangedInLibrary();
        return;
    }
    if (m_rows->keys.leads.isEmpty() || rows->keys.leads.isEmpty()) {
        beginResetModel();
        m_rows = std::move(rows);
        m_cache.clear();
        endResetModel();
        return;
    }
    // A new key list swapped in: every index a view keeps (its current row, the selection, the
    // stories opened) follows its article to its new row, or goes when the article is not listed.
    Q_EMIT layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    QList<qint64> ids;
    ids.reserve(before.size());
    for (const QModelIndex &i : before)
        ids.append(articleAt(i));
    m_rows = std::move(rows);
    m_cache.clear();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(indexOfArticle(ids.at(i), before.at(i).column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged();
}

void ArticleListModel::clear()
{
    setRows(nullptr);
}

void ArticleListModel::dataChangedInLibrary()
{
    m_cache.clear();
    if (const int rows = rowCount(); rows > 0)
        Q_EMIT dataChanged(index(0, 0), index(rows - 1, ColumnCount - 1));
}

int ArticleListModel::columnOf(ArticleOrder::Column column)
{
    switch (column) {
    case ArticleOrder::Title:
        return TitleColumn;
    case ArticleOrder::Outlet:
        return OutletColumn;
    case ArticleOrder::Date:
        break;
    }
    return DateColumn;
}

void ArticleListModel::sort(int column, Qt::SortOrder order)
{
    ArticleOrder wanted;
    wanted.column = column == TitleColumn ? ArticleOrder::Title
        : column == OutletColumn          ? ArticleOrder::Outlet
                                          : ArticleOrder::Date;
    wanted.descending = order == Qt::DescendingOrder;
    if (wanted == m_order)
        return;
    m_order = wanted;
    Q_EMIT orderChanged();
}

QModelIndex ArticleListModel::indexOfArticle(qint64 id, int column) const
{
    const auto it = m_rows->placeOf.constFind(id);
    if (it == m_rows->placeOf.cend())
        return {};
    if (it->second == 0)
        return index(it->first, column);
    return index(it->second - 1, column, index(it->first, 0));
}

const QList<qint64> &ArticleListModel::copiesOf(int row) const
{
    if (row < 0 || row >= m_rows->keys.leads.size())
        return noCopies();
    const auto it = m_rows->keys.copies.constFind(m_rows->keys.leads.at(row));
    return it == m_rows->keys.copies.cend() ? noCopies() : *it;
}

qint64 ArticleListModel::articleAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return 0;
    if (index.internalId() == 0)
        return index.row() < m_rows->keys.leads.size() ? m_rows->keys.leads.at(index.row()) : 0;
    const QList<qint64> &copies = copiesOf(int(index.internalId() - 1));
    return index.row() < copies.size() ? copies.at(index.row()) : 0;
}

const ArticleSummary *ArticleListModel::cached(const QModelIndex &index) const
{
    const qint64 id = articleAt(index);
    if (!id)
        return nullptr;
    if (const ArticleSummary *s = m_cache.object(id))
        return s;
    if (!m_library || !m_library->isOpen())
        return nullptr;
    // A page of rows around the one asked for: the stories on screen, or a story's copies.
    QList<qint64> page;
    if (index.internalId() == 0) {
        const QList<qint64> &leads = m_rows->keys.leads;
        const int first = index.row() - index.row() % pageSize;
        const int last = std::min(int(leads.size()), first + pageSize);
        page.reserve(last - first);
        for (int row = first; row < last; ++row) {
            if (!m_cache.contains(leads.at(row)))
                page.append(leads.at(row));
        }
    } else {
        const QList<qint64> &copies = copiesOf(int(index.internalId() - 1));
        const int first = index.row() - index.row() % pageSize;
        for (int c = first; c < std::min(int(copies.size()), first + pageSize); ++c) {
            if (!m_cache.contains(copies.at(c)))
                page.append(copies.at(c));
        }
    }
    std::sort(page.begin(), page.end());
    ++m_pagesRead;
    for (const ArticleSummary &s : m_library->articles(page))
        m_cache.insert(s.id, new ArticleSummary(s));
    return m_cache.object(id);
}

std::optional<ArticleSummary> ArticleListModel::summaryAt(const QModelIndex &index) const
{
    const ArticleSummary *s = cached(index);
    return s ? std::optional<ArticleSummary>(*s) : std::nullopt;
}

QModelIndex ArticleListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_rows->keys.leads.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.column() != 0)
        return {};
    return row < copiesOf(parent.row()).size() ? createIndex(row, column, quintptr(parent.row() + 1)) : QModelIndex();
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
        return int(m_rows->keys.leads.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(copiesOf(parent.row()).size());
}

int ArticleListModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ArticleListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (role == ArticleIdRole)
        return articleAt(index);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::FontRole && role != SortRole)
        return {};
    const ArticleSummary *found = cached(index);
    if (!found)
        return {};
    const ArticleSummary &a = *found;
    // The story's size counts every copy in the library, listed or not.
    const int others = index.internalId() == 0 ? a.storySize - 1 : 0;
    const bool leadsCopies = others > 0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return a.title.isEmpty() ? QFileInfo(a.sourcePath).fileName() : a.title;
        case OutletColumn:
            if (leadsCopies) {
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
                tip += u'\n' + tr("Other copies of this story: %1, below").arg(others);
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
