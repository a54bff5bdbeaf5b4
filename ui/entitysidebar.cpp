// SPDX-License-Identifier: MIT
#include "entitysidebar.h"

#include "kindstyle.h"
#include "models/entitymodel.h"
#include "models/roles.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

// Draws a small swatch of the kind's colour before each entity's name.
class EntityDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() != 0 || index.data(IsGroupRole).toBool())
            return;
        const auto kind = EntityKind(index.data(EntityKindRole).toInt());
        QPixmap swatch(10, 10);
        swatch.fill(Qt::transparent);
        QPainter p(&swatch);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(kindStyle(kind).text);
        p.drawRoundedRect(QRectF(1, 1, 8, 8), 2, 2);
        option->icon = QIcon(swatch);
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->decorationSize = QSize(10, 10);
    }
};

// Name search that keeps the groups and shows only matching entities inside them, most-mentioned
// first: the model appends entities as a library grows, and this keeps them in order.
class EntitySearchProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        if (!left.parent().isValid() || left.data(IsSuggestionRole).toBool())
            return left.row() < right.row();
        const int a = left.siblingAtColumn(EntityModel::CountColumn).data().toInt();
        const int b = right.siblingAtColumn(EntityModel::CountColumn).data().toInt();
        if (a != b)
            return a > b;
        return left.siblingAtColumn(EntityModel::NameColumn)
                   .data()
                   .toString()
                   .localeAwareCompare(right.siblingAtColumn(EntityModel::NameColumn).data().toString())
            < 0;
    }

    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (!parent.isValid())
            return true;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }
};

} // namespace

EntitySidebar::EntitySidebar(EntityModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_search(new EntitySearchProxy(this))
    , m_searchField(new QLineEdit(this))
    , m_view(new QTreeView(this))
{
    setObjectName(u"entitySidebar"_s);
    m_search->setSourceModel(model);
    m_search->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_search->setFilterKeyColumn(EntityModel::NameColumn);
    m_search->setRecursiveFilteringEnabled(false);
    m_search->sort(EntityModel::NameColumn);

    m_searchField->setObjectName(u"entitySearch"_s);
    m_searchField->setPlaceholderText(tr("Find an entity…"));
    m_searchField->setClearButtonEnabled(true);
    connect(m_searchField, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_search->setFilterFixedString(text);
        m_view->expandAll();
    });

    m_view->setObjectName(u"entityView"_s);
    m_view->setModel(m_search);
    m_view->setItemDelegate(new EntityDelegate(m_view));
    m_view->setHeaderHidden(false);
    m_view->setRootIsDecorated(true);
    m_view->setUniformRowHeights(true);
    m_view->setTextElideMode(Qt::ElideMiddle); // the full name and details are in the tooltip
    m_view->setAlternatingRowColors(false);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(EntityModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(EntityModel::CountColumn, QHeaderView::ResizeToContents);
    m_view->setToolTip(tr("Click an entity to show only the articles that mention it. More of one kind widen the "
                          "search (OR), another kind narrows it (AND); right-click to exclude one."));

    auto activate = [this](const QModelIndex &index) {
        if (index.data(IsSuggestionRole).toBool()) {
            Q_EMIT suggestionActivated(index.siblingAtColumn(0).data().toString(), index.data(EntityKindRole).toInt());
            return;
        }
        const QString id = index.data(EntityIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT entityActivated(id);
    };
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QString id = m_view->indexAt(pos).data(EntityIdRole).toString();
        if (id.isEmpty())
            return;
        QMenu menu(this);
        const QModelIndex at = m_view->indexAt(pos).siblingAtColumn(0);
        const bool chosen = at.data(Qt::CheckStateRole).toInt() == Qt::Checked;
        menu.addAction(chosen ? tr("Stop Searching for It") : tr("Show Articles Mentioning It"), this,
            [this, id] { Q_EMIT entityActivated(id); });
        QAction *exclude = menu.addAction(tr("Exclude"), this, [this, id] { Q_EMIT entityExcluded(id); });
        exclude->setObjectName(u"excludeEntityAction"_s);
        exclude->setToolTip(tr("Leave out the articles that mention it"));
        menu.addSeparator();
        menu.addAction(tr("Merge Into…"), this, [this, id] { Q_EMIT mergeRequested(id); });
        Q_EMIT entityMenuRequested(id, &menu);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view, &QTreeView::clicked, this, activate);
    connect(m_view, &QTreeView::activated, this, activate);
    connect(m_model, &QAbstractItemModel::modelReset, this, &EntitySidebar::restoreExpansion);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_searchField);
    layout->addWidget(m_view, 1);
    restoreExpansion();
}

void EntitySidebar::addTopWidget(QWidget *widget)
{
    static_cast<QVBoxLayout *>(layout())->insertWidget(0, widget);
}

void EntitySidebar::restoreExpansion()
{
    m_view->expandAll();
}

void EntitySidebar::revealEntity(const QString &entityId)
{
    const QModelIndex source = m_model->indexOfEntity(entityId);
    const QModelIndex index = m_search->mapFromSource(source);
    if (!index.isValid())
        return;
    m_view->scrollTo(index);
    m_view->setCurrentIndex(index);
}

} // namespace Lede
