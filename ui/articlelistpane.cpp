// SPDX-License-Identifier: MIT
#include "articlelistpane.h"

#include "controller/controller.h"
#include "filterbar.h"
#include "kindstyle.h"
#include "models/articlelistmodel.h"
#include "models/roles.h"
#include "searchfield.h"
#include "weekhistogram.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeView>
#include <QVBoxLayout>

namespace Lede {

using namespace Qt::StringLiterals;

ArticleListPane::ArticleListPane(Controller *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_searchField(new SearchField(this))
    , m_histogram(new WeekHistogram(this))
    , m_filterBar(new FilterBar(this))
    , m_view(new QTreeView(this))
    , m_count(new QLabel(this))
{
    setObjectName(u"articleListPane"_s);
    // Title, outlet, date; newest first.
    m_view->setObjectName(u"articleView"_s);
    m_view->setModel(controller->articleModel());
    m_view->setRootIsDecorated(true); // copies of a story sit under its best copy
    m_view->setIndentation(14);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ArticleListModel::DateColumn, Qt::DescendingOrder);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ArticleListModel::TitleColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ArticleListModel::OutletColumn, QHeaderView::Interactive);
    // Fixed widths beside the title: measuring every row's date to fit the column would cost the
    // GUI thread a pass over the whole list at each import batch.
    header->setSectionResizeMode(ArticleListModel::DateColumn, QHeaderView::Fixed);
    header->resizeSection(ArticleListModel::OutletColumn, 120);
    header->resizeSection(ArticleListModel::DateColumn,
        m_view->fontMetrics().horizontalAdvance(QLocale().toString(QDate(2025, 12, 28), QLocale::ShortFormat)) + 24);
    // The title gets the room: in a narrow list the outlet column narrows too, until the journalist
    // sets its width by hand.
    m_view->viewport()->installEventFilter(this);
    connect(header, &QHeaderView::sectionResized, this, [this](int section) {
        if (section == ArticleListModel::OutletColumn && !m_fittingColumns)
            m_outletSizedByHand = true;
    });
    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            if (current.isValid())
                Q_EMIT articleActivated(current.data(ArticleIdRole).toLongLong());
        });
    connect(m_filterBar, &FilterBar::removeRequested, controller, &Controller::removeFilter);
    connect(m_filterBar, &FilterBar::clearRequested, controller, &Controller::clearFilters);

    // The field and the controller's query are one: typing searches, a click elsewhere writes.
    connect(m_searchField, &SearchField::queryEdited, this, [this](const QString &text) {
        m_controller->setQuery(text);
        m_searchField->setErrors(m_controller->queryErrors());
    });
    connect(controller, &Controller::queryChanged, this, [this](const QString &text) {
        m_searchField->setText(text);
        m_searchField->setErrors(m_controller->queryErrors());
    });
    connect(controller, &Controller::searchFinished, this,
        [this] { m_histogram->setWeeks(m_controller->searchResult().weeks); });
    connect(m_histogram, &WeekHistogram::rangeChosen, controller, &Controller::setDateRange);

    auto *search = new QWidget(this);
    auto *searchLayout = new QVBoxLayout(search);
    searchLayout->setContentsMargins(0, 6, 4, 4);
    searchLayout->setSpacing(4);
    searchLayout->addWidget(m_searchField);
    searchLayout->addWidget(m_histogram);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(search);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_view, 1);
    m_count->setObjectName(u"articleCount"_s);
    m_count->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(m_count);
}

void ArticleListPane::updateFilterBar()
{
    QList<std::tuple<QString, QString, QColor>> chips;
    for (const QString &id : m_controller->filters()) {
        const Entity *e = m_controller->knowledgeBase().entity(id);
        chips.append({id, e ? e->name : id, kindStyle(e ? e->kind : EntityKind::Company).text});
    }
    for (const QString &id : m_controller->excludedFilters()) {
        const Entity *e = m_controller->knowledgeBase().entity(id);
        chips.append({id, tr("not %1").arg(e ? e->name : id), kindStyle(e ? e->kind : EntityKind::Company).text});
    }
    m_filterBar->setFilters(chips);
    updateCount();
}

void ArticleListPane::updateCount()
{
    const int shown = m_controller->articleModel()->rowCount();
    const int stories = int(m_controller->articleModel()->storyCount());
    const int articles = int(m_controller->articleCount());
    // English plurals without a translator installed: pick the form here.
    const QString storyWord = stories == 1 ? tr("story") : tr("stories");
    QString text = !m_controller->isSearchApplied() ? u"%1 %2"_s.arg(stories).arg(storyWord)
                                                    : tr("%1 of %2 %3").arg(shown).arg(stories).arg(storyWord);
    if (articles != stories)
        text += u" "_s + tr("(%1 articles in all)").arg(articles);
    m_count->setText(text);
}

bool ArticleListPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize && !m_outletSizedByHand) {
        constexpr int outletWidest = 120;
        constexpr int outletNarrowest = 60;
        const int width = std::clamp(m_view->viewport()->width() / 4, outletNarrowest, outletWidest);
        m_fittingColumns = true;
        m_view->header()->resizeSection(ArticleListModel::OutletColumn, width);
        m_fittingColumns = false;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Lede
