// SPDX-License-Identifier: MIT
#include "savedsearchlist.h"

#include "controller/controller.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

constexpr int IdRole = Qt::UserRole + 1;
constexpr int shownRows = 6; // more scroll

} // namespace

SavedSearchList::SavedSearchList(Controller *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_view(new QTreeWidget(this)), m_save(new QToolButton(this))
{
    setObjectName(u"savedSearches"_s);
    auto *title = new QLabel(tr("Saved Searches"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_save->setObjectName(u"saveSearchButton"_s);
    m_save->setText(tr("Save…"));
    m_save->setAutoRaise(true);
    m_save->setToolTip(tr("Save the query in the search field under a name"));
    connect(m_save, &QToolButton::clicked, this, &SavedSearchList::saveCurrent);

    m_view->setObjectName(u"savedSearchView"_s);
    m_view->setColumnCount(2);
    m_view->setHeaderHidden(true);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QTreeWidget::itemActivated, this,
        [this](QTreeWidgetItem *item) { m_controller->setQuery(item->data(0, Qt::ToolTipRole).toString()); });
    connect(m_view, &QTreeWidget::itemClicked, this,
        [this](QTreeWidgetItem *item) { m_controller->setQuery(item->data(0, Qt::ToolTipRole).toString()); });
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QTreeWidgetItem *item = m_view->itemAt(pos);
        if (!item)
            return;
        const qint64 id = item->data(0, IdRole).toLongLong();
        QMenu menu(this);
        menu.addAction(
            tr("Search"), this, [this, item] { m_controller->setQuery(item->data(0, Qt::ToolTipRole).toString()); });
        QAction *rename = menu.addAction(tr("Rename…"), this, [this, id] { this->rename(id); });
        rename->setObjectName(u"renameSavedSearchAction"_s);
        QAction *remove = menu.addAction(tr("Delete"), this, [this, id] { m_controller->removeSavedSearch(id); });
        remove->setObjectName(u"deleteSavedSearchAction"_s);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    connect(controller, &Controller::savedSearchesChanged, this, &SavedSearchList::refill);
    connect(controller, &Controller::queryChanged, this, &SavedSearchList::refill);

    auto *head = new QHBoxLayout;
    head->setContentsMargins(0, 0, 0, 0);
    head->addWidget(title, 1);
    head->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(head);
    layout->addWidget(m_view);
    refill();
}

void SavedSearchList::refill()
{
    const QList<SavedSearch> saved = m_controller->savedSearches();
    const QString current = m_controller->query().trimmed();
    const QLocale locale;
    m_view->clear();
    for (const SavedSearch &s : saved) {
        auto *item = new QTreeWidgetItem(m_view);
        item->setText(0, s.name);
        item->setData(0, IdRole, s.id);
        item->setData(0, Qt::ToolTipRole, s.query);
        const int count = m_controller->savedSearchCount(s.id);
        item->setText(1, count < 0 ? u"…"_s : locale.toString(count));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        if (s.query == current) {
            QFont f = item->font(0);
            f.setBold(true);
            item->setFont(0, f);
        }
    }
    m_view->setVisible(!saved.isEmpty());
    fitHeight();
}

void SavedSearchList::fitHeight()
{
    const int rows = std::clamp(m_view->topLevelItemCount(), 1, shownRows);
    const int row = m_view->sizeHintForRow(0) > 0 ? m_view->sizeHintForRow(0) : fontMetrics().height() + 4;
    m_view->setFixedHeight(rows * row + 2 * m_view->frameWidth() + 2);
}

void SavedSearchList::saveCurrent()
{
    const QString query = m_controller->query().trimmed();
    if (query.isEmpty())
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Save Search"), tr("Name for “%1”:").arg(query), QLineEdit::Normal, query, &ok);
    if (ok && !name.trimmed().isEmpty())
        m_controller->saveSearch(name);
}

void SavedSearchList::rename(qint64 id)
{
    QString name;
    for (const SavedSearch &s : m_controller->savedSearches()) {
        if (s.id == id)
            name = s.name;
    }
    bool ok = false;
    const QString renamed
        = QInputDialog::getText(this, tr("Rename Saved Search"), tr("New name:"), QLineEdit::Normal, name, &ok);
    if (ok && !renamed.trimmed().isEmpty() && renamed != name)
        m_controller->renameSavedSearch(id, renamed);
}

} // namespace Lede
