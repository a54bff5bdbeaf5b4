// SPDX-License-Identifier: MIT
#include "entitymodel.h"

#include "roles.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace Lede {

using namespace Qt::StringLiterals;

QHash<QString, QSet<qint64>> expandEntityArticles(const KnowledgeBase &kb, const QHash<QString, QSet<qint64>> &direct)
{
    QHash<QString, QSet<qint64>> out;
    for (auto it = direct.cbegin(); it != direct.cend(); ++it) {
        QSet<qint64> all;
        for (const QString &inside : kb.descendantsAndSelf(it.key()))
            all.unite(direct.value(inside));
        out.insert(it.key(), all);
    }
    return out;
}

EntityCounts countEntityArticles(const KnowledgeBase &kb, const QHash<QString, QSet<qint64>> &direct)
{
    EntityCounts out;
    const QHash<QString, QSet<qint64>> widened = expandEntityArticles(kb, direct);
    for (auto it = direct.cbegin(); it != direct.cend(); ++it) {
        out.direct.insert(it.key(), int(it.value().size()));
        out.widened.insert(it.key(), int(widened.value(it.key()).size()));
    }
    return out;
}

EntityModel::EntityModel(QObject *parent) : QAbstractItemModel(parent)
{ }

namespace {

QString detailsOf(const KnowledgeBase &kb, const Entity &e)
{
    QStringList lines{e.name};
    auto nameOf = [&](const QString &id) {
        const Entity *other = kb.entity(id);
        return other ? other->name : id;
    };
    const QList<std::pair<QString, QString>> labelled = {{u"maker"_s, QObject::tr("Made by %1")},
        {u"family"_s, QObject::tr("Family: %1")}, {u"parent"_s, QObject::tr("Part of %1")},
        {u"hq"_s, QObject::tr("Based in %1")}, {u"part_of"_s, QObject::tr("In %1")}};
    for (const auto &[key, label] : labelled) {
        QStringList names;
        for (const QString &id : e.values(key))
            names.append(nameOf(id));
        if (!names.isEmpty())
            lines.append(label.arg(names.join(u", ")));
    }
    for (const QString &t : e.values(u"ticker"))
        lines.append(QObject::tr("Ticker %1").arg(t));
    for (const QString &c : e.values(u"export_control"))
        lines.append(QObject::tr("Export control: %1").arg(c));
    return lines.join(u'\n');
}

} // namespace

void EntityModel::setEntities(std::shared_ptr<const KnowledgeBase> kb, const EntityCounts &counts)
{
    beginResetModel();
    for (int g = 0; g < KindGroups; ++g)
        m_groups[g].clear();
    for (auto it = counts.direct.cbegin(); it != counts.direct.cend(); ++it) {
        const Entity *e = kb->entity(it.key());
        if (!e)
            continue;
        Row row{e->id, e->name, counts.widened.value(e->id, it.value()), detailsOf(*kb, *e)};
        m_groups[int(e->kind)].append(row);
    }
    for (auto &g : m_groups) {
        std::sort(g.begin(), g.end(), [](const Row &a, const Row &b) {
            return a.count != b.count ? a.count > b.count : a.name.localeAwareCompare(b.name) < 0;
        });
    }
    endResetModel();
}

void EntityModel::updateEntities(std::shared_ptr<const KnowledgeBase> kb, const EntityCounts &counts)
{
    QHash<QString, std::pair<int, int>> listed; // id → (group, row)
    for (int g = 0; g < KindGroups; ++g) {
        for (int r = 0; r < m_groups[g].size(); ++r)
            listed.insert(m_groups[g].at(r).id, {g, r});
    }
    std::array<QList<Row>, KindGroups> added;
    for (auto it = counts.direct.cbegin(); it != counts.direct.cend(); ++it) {
        const Entity *e = kb->entity(it.key());
        if (!e)
            continue;
        const int count = counts.widened.value(e->id, it.value());
        const auto place = listed.constFind(e->id);
        if (place == listed.cend()) {
            added[int(e->kind)].append(Row{e->id, e->name, count, detailsOf(*kb, *e)});
            continue;
        }
        Row &row = m_groups[place->first][place->second];
        if (row.count != count) {
            row.count = count;
            const QModelIndex at = createIndex(place->second, CountColumn, quintptr(place->first + 1));
            Q_EMIT dataChanged(at.siblingAtColumn(NameColumn), at);
        }
    }
    for (int g = 0; g < KindGroups; ++g) {
        if (added[g].isEmpty())
            continue;
        const int first = int(m_groups[g].size());
        beginInsertRows(index(g, 0), first, first + int(added[g].size()) - 1);
        m_groups[g].append(added[g]);
        endInsertRows();
    }
}

void EntityModel::setSuggestions(const QList<std::pair<QString, EntityKind>> &suggestions)
{
    const QModelIndex group = index(SuggestedGroup, 0);
    if (!m_groups[SuggestedGroup].isEmpty()) {
        beginRemoveRows(group, 0, int(m_groups[SuggestedGroup].size() - 1));
        m_groups[SuggestedGroup].clear();
        endRemoveRows();
    }
    if (suggestions.isEmpty())
        return;
    beginInsertRows(group, 0, int(suggestions.size() - 1));
    for (const auto &[name, kind] : suggestions)
        m_groups[SuggestedGroup].append(
            Row{QString(), name, int(kind), tr("%1 not in the knowledge base yet: click to add it").arg(name)});
    endInsertRows();
}

void EntityModel::setResultCounts(std::optional<QHash<QString, int>> counts)
{
    if (!counts && !m_resultCounts)
        return;
    m_resultCounts = std::move(counts);
    allEntitiesChanged();
}

void EntityModel::setChoices(const QStringList &chosen, const QStringList &excluded)
{
    QSet<QString> c(chosen.cbegin(), chosen.cend());
    QSet<QString> x(excluded.cbegin(), excluded.cend());
    if (c == m_chosen && x == m_excluded)
        return;
    m_chosen = std::move(c);
    m_excluded = std::move(x);
    allEntitiesChanged();
}

int EntityModel::shownCount(const Row &row) const
{
    return m_resultCounts ? m_resultCounts->value(row.id) : row.count;
}

void EntityModel::allEntitiesChanged()
{
    for (int g = 0; g < KindGroups; ++g) {
        if (m_groups[g].isEmpty())
            continue;
        const QModelIndex group = index(g, 0);
        Q_EMIT dataChanged(index(0, NameColumn, group), index(int(m_groups[g].size()) - 1, CountColumn, group));
    }
}

QModelIndex EntityModel::indexOfEntity(const QString &entityId, int column) const
{
    for (int g = 0; g < GroupCount; ++g) {
        for (int r = 0; r < m_groups[g].size(); ++r) {
            if (m_groups[g].at(r).id == entityId)
                return createIndex(r, column, quintptr(g + 1));
        }
    }
    return {};
}

QModelIndex EntityModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < GroupCount ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.column() != 0)
        return {};
    const int g = parent.row();
    return row < m_groups[g].size() ? createIndex(row, column, quintptr(g + 1)) : QModelIndex();
}

QModelIndex EntityModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int EntityModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return GroupCount;
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_groups[parent.row()].size());
}

int EntityModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant EntityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0) {
        const auto kind = EntityKind(std::min(index.row(), KindGroups - 1));
        switch (role) {
        case Qt::DisplayRole:
            if (index.row() == SuggestedGroup)
                return index.column() == NameColumn ? tr("Suggested") : QVariant(int(m_groups[index.row()].size()));
            return index.column() == NameColumn ? kindTitle(kind) : QVariant(int(m_groups[index.row()].size()));
        case Qt::FontRole: {
            QFont f;
            f.setBold(true);
            return f;
        }
        case IsGroupRole:
            return true;
        case EntityKindRole:
            return int(kind);
        case SortRole:
            return index.row();
        }
        return {};
    }
    const int g = int(index.internalId() - 1);
    const Row &row = m_groups[g].at(index.row());
    if (g == SuggestedGroup) {
        // count holds the suggested kind here.
        switch (role) {
        case Qt::DisplayRole:
            return index.column() == NameColumn ? QVariant(row.name) : QVariant(kindTitle(EntityKind(row.count)));
        case Qt::ToolTipRole:
            return row.details;
        case EntityKindRole:
            return row.count;
        case IsSuggestionRole:
            return true;
        case IsGroupRole:
            return false;
        case SortRole:
            return row.name.toCaseFolded();
        }
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? QVariant(row.name) : QVariant(shownCount(row));
    case Qt::CheckStateRole:
        if (index.column() == NameColumn && (!m_chosen.isEmpty() || !m_excluded.isEmpty()))
            return m_chosen.contains(row.id) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::FontRole:
        if (m_excluded.contains(row.id) && index.column() == NameColumn) {
            QFont f;
            f.setStrikeOut(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        // Not in the current result: still listed (to choose with OR), but quieter.
        if (m_resultCounts && shownCount(row) == 0 && !m_chosen.contains(row.id))
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::ToolTipRole:
        return row.details;
    case Qt::TextAlignmentRole:
        return index.column() == CountColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case EntityIdRole:
        return row.id;
    case EntityKindRole:
        return g;
    case ArticleCountRole:
        return shownCount(row);
    case IsGroupRole:
        return false;
    case SortRole:
        return index.column() == NameColumn ? QVariant(row.name.toCaseFolded()) : QVariant(shownCount(row));
    }
    return {};
}

QVariant EntityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Entity") : tr("Articles");
}

Qt::ItemFlags EntityModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == 0)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

} // namespace Lede
