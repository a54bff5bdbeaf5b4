// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QTreeView;

namespace Lede {

class Controller;
class FilterBar;
class SearchField;
class WeekHistogram;

/// The article list with what narrows it: the search field and the result by week above the list,
/// the active entity filters (click one to remove it), one row per story, and the count below.
/// The title column gets the room.
class ArticleListPane : public QWidget
{
    Q_OBJECT
public:
    explicit ArticleListPane(Controller *controller, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    FilterBar *filterBar() const { return m_filterBar; }
    SearchField *searchField() const { return m_searchField; }
    WeekHistogram *histogram() const { return m_histogram; }

    void updateFilterBar();
    void updateCount();

Q_SIGNALS:
    /// The current row changed to this article.
    void articleActivated(qint64 articleId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Controller *m_controller;
    SearchField *m_searchField;
    WeekHistogram *m_histogram;
    FilterBar *m_filterBar;
    QTreeView *m_view;
    QLabel *m_count;
    bool m_fittingColumns = false;
    bool m_outletSizedByHand = false;
};

} // namespace Lede
