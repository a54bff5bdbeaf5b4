// SPDX-License-Identifier: MIT
#pragma once

#include "kb/knowledgebase.h"
#include "store/mentions.h"

#include <QAbstractItemModel>
#include <QSet>

#include <memory>
#include <optional>

namespace Lede {

/// Widens each entity's article set with the articles of what lies inside it (part_of, parent):
/// the articles "about Southeast Asia" include those that only name Malaysia.
QHash<QString, QSet<qint64>> expandEntityArticles(const KnowledgeBase &kb, const QHash<QString, QSet<qint64>> &direct);
/// The counts EntityModel shows, from article sets held in memory (a library reads them from
/// SQL: Library::entityCounts()).
EntityCounts countEntityArticles(const KnowledgeBase &kb, const QHash<QString, QSet<qint64>> &direct);

/// The entity sidebar: groups Companies, Chips, Regions and Organisations, each listing the entities the library
/// mentions with the number of articles for each, most-mentioned first, and a group of suggested
/// names the knowledge base does not know yet.
///
/// Two levels only: group rows (IsGroupRole true) whose children are entities. Column 0 is the
/// name, column 1 the article count.
class EntityModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, CountColumn, ColumnCount };

    explicit EntityModel(QObject *parent = nullptr);

    /// The entities shown are those named directly, each with its widened count.
    void setEntities(std::shared_ptr<const KnowledgeBase> kb, const EntityCounts &counts);
    /// Updates the counts in place and adds rows for entities not listed yet (at the end of their
    /// group: a view sorts them), without a reset. For a library that grew.
    void updateEntities(std::shared_ptr<const KnowledgeBase> kb, const EntityCounts &counts);
    QModelIndex indexOfEntity(const QString &entityId, int column = NameColumn) const;
    /// The counts of the current search's result (entity id → articles that mention it), shown
    /// instead of the library's; nullopt shows the library's again.
    void setResultCounts(std::optional<QHash<QString, int>> counts);
    /// The entities the query chooses (shown checked) and leaves out (shown struck through).
    void setChoices(const QStringList &chosen, const QStringList &excluded);
    /// Names the knowledge base does not know, shown in a last group, "Suggested".
    void setSuggestions(const QList<std::pair<QString, EntityKind>> &suggestions);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Row
    {
        QString id;
        QString name;
        int count = 0;
        QString details; // tooltip: maker, parent, region
    };
    // One group per kind, in EntityKind's order (group g holds EntityKind(g)), then Suggested.
    static constexpr int KindGroups = int(allEntityKinds.size());
    static constexpr int SuggestedGroup = KindGroups;
    static constexpr int GroupCount = KindGroups + 1;
    int shownCount(const Row &row) const;
    void allEntitiesChanged();
    std::array<QList<Row>, GroupCount> m_groups;
    std::optional<QHash<QString, int>> m_resultCounts;
    QSet<QString> m_chosen;
    QSet<QString> m_excluded;
};

} // namespace Lede
