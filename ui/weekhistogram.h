// SPDX-License-Identifier: MIT
#pragma once

#include "query/search.h"

#include <QWidget>

namespace Lede {

/// The result by week, as a strip of bars above the article list: one bar per week from the first
/// to the last week of the result (weeks without articles stay empty). Dragging across it chooses
/// a stretch of weeks, from the Monday of the first to the Sunday of the last (rangeChosen); a
/// click on one bar chooses that week. The weeks the query's dates admit stay bright.
class WeekHistogram : public QWidget
{
    Q_OBJECT
public:
    explicit WeekHistogram(QWidget *parent = nullptr);

    void setWeeks(const QList<Query::WeekCount> &weeks);
    QList<Query::WeekCount> weeks() const { return m_weeks; }
    /// The Monday of the week at x, or an invalid date outside the bars.
    QDate weekAt(int x) const;
    /// Where the bar of a week is drawn (x of its left edge and its width).
    QRect barRect(QDate monday) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// Dragged (or clicked) across weeks: from `since` (a Monday) to `until` (a Sunday).
    void rangeChosen(QDate since, QDate until);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    qsizetype weekCount() const;
    QDate first() const;
    QList<Query::WeekCount> m_weeks;
    QHash<QDate, int> m_byMonday;
    int m_max = 0;
    bool m_known = false; // a result has been shown
    QDate m_dragFrom;
    QDate m_dragTo;
};

} // namespace Lede
