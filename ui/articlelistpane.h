// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QTreeView;

namespace Lede {

class Controller;
class FilterBar;

/// The article list with what narrows it: the active filters above the list (click one to remove
/// it), one row per story, and the count below. The title column gets the room.
class ArticleListPane : public QWidget
{
    Q_OBJECT
public:
    explicit ArticleListPane(Controller *controller, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    FilterBar *filterBar() const { return m_filterBar; }

    void updateFilterBar();
    void updateCount();

Q_SIGNALS:
    /// The current row changed to this article.
    void articleActivated(qint64 articleId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Controller *m_controller;
    FilterBar *m_filterBar;
    QTreeView *m_view;
    QLabel *m_count;
    bool m_fittingColumns = false;
    bool m_outletSizedByHand = false;
};

} // namespace Lede
