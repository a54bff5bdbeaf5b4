// SPDX-License-Identifier: MIT
#include "articlefilterproxy.h"

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

bool ArticleFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_allowed && !m_matching)
        return true;
    const qint64 id = sourceModel()->index(sourceRow, 0, sourceParent).data(ArticleIdRole).toLongLong();
    return (!m_allowed || m_allowed->contains(id)) && (!m_matching || m_matching->contains(id));
}

} // namespace Lede
