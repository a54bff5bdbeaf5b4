// SPDX-License-Identifier: MIT
#include "articlefilterproxy.h"

#include "articlelistmodel.h"
#include "roles.h"

namespace Lede {

ArticleFilterProxy::ArticleFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    // A story stays in the list when any of its copies matches.
    setRecursiveFilteringEnabled(true);
}

void ArticleFilterProxy::setEntityArticles(QHash<QString, QSet<qint64>> entityArticles)
{
    m_entityArticles = std::move(entityArticles);
    if (m_required.isEmpty())
        return; // nothing is filtered: new rows are accepted as they come
    recompute();
    invalidateRowsFilter();
}

void ArticleFilterProxy::setRequiredEntities(const QStringList &entityIds)
{
    if (entityIds == m_required)
        return;
    m_required = entityIds;
    recompute();
    invalidateRowsFilter();
}

void ArticleFilterProxy::recompute()
{
    if (m_required.isEmpty()) {
        m_allowed.reset();
        return;
    }
    QSet<qint64> allowed = m_entityArticles.value(m_required.first());
    for (qsizetype i = 1; i < m_required.size(); ++i)
        allowed.intersect(m_entityArticles.value(m_required.at(i)));
    m_allowed = allowed;
}

void ArticleFilterProxy::setMatchingArticles(std::optional<QSet<qint64>> articleIds)
{
    if (!articleIds && !m_matching)
        return;
    m_matching = std::move(articleIds);
    invalidateRowsFilter();
}

void ArticleFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_articles = qobject_cast<const ArticleListModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

bool ArticleFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_articles || sortRole() != SortRole || sortCaseSensitivity() != Qt::CaseInsensitive)
        return QSortFilterProxyModel::lessThan(left, right);
    const ArticleSummary &a = m_articles->summaryAt(left);
    const ArticleSummary &b = m_articles->summaryAt(right);
    switch (left.column()) {
    case ArticleListModel::TitleColumn:
        return QString::compare(a.title, b.title, Qt::CaseInsensitive) < 0;
    case ArticleListModel::OutletColumn:
        return QString::compare(a.outlet, b.outlet, Qt::CaseInsensitive) < 0;
    case ArticleListModel::DateColumn:
        return a.published < b.published;
    default:
        return QSortFilterProxyModel::lessThan(left, right);
    }
}

bool ArticleFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_allowed && !m_matching)
        return true;
    const qint64 id = m_articles ? m_articles->summaryAt(m_articles->index(sourceRow, 0, sourceParent)).id
                                 : sourceModel()->index(sourceRow, 0, sourceParent).data(ArticleIdRole).toLongLong();
    return (!m_allowed || m_allowed->contains(id)) && (!m_matching || m_matching->contains(id));
}

} // namespace Lede
