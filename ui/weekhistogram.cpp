// SPDX-License-Identifier: MIT
#include "weekhistogram.h"

#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

constexpr int labelHeight = 12;
constexpr int barsTop = 2;

} // namespace

WeekHistogram::WeekHistogram(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"weekHistogram"_s);
    setMouseTracking(true);
    setCursor(Qt::CrossCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setToolTip(tr("Articles by week. Drag across the weeks to search only those."));
}

QSize WeekHistogram::sizeHint() const
{
    return {240, 44};
}

QSize WeekHistogram::minimumSizeHint() const
{
    return {60, 44};
}

void WeekHistogram::setWeeks(const QList<Query::WeekCount> &weeks)
{
    m_weeks = weeks;
    m_known = true;
    m_byMonday.clear();
    m_max = 0;
    for (const Query::WeekCount &w : weeks) {
        m_byMonday.insert(w.monday, w.articles);
        m_max = std::max(m_max, w.articles);
    }
    update();
}

QDate WeekHistogram::first() const
{
    return m_weeks.isEmpty() ? QDate() : m_weeks.first().monday;
}

qsizetype WeekHistogram::weekCount() const
{
    if (m_weeks.isEmpty())
        return 0;
    return m_weeks.first().monday.daysTo(m_weeks.last().monday) / 7 + 1;
}

QRect WeekHistogram::barRect(QDate monday) const
{
    const qsizetype n = weekCount();
    if (!n || !monday.isValid())
        return {};
    const qsizetype i = first().daysTo(monday) / 7;
    if (i < 0 || i >= n)
        return {};
    const double w = double(width()) / double(n);
    const int left = int(i * w);
    const int right = int((i + 1) * w);
    return QRect(left, barsTop, std::max(1, right - left), height() - labelHeight - barsTop);
}

QDate WeekHistogram::weekAt(int x) const
{
    const qsizetype n = weekCount();
    if (!n || width() <= 0)
        return {};
    const qsizetype i = std::clamp<qsizetype>(qsizetype(double(x) * double(n) / double(width())), 0, n - 1);
    return first().addDays(7 * i);
}

void WeekHistogram::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette &pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const qsizetype n = weekCount();
    if (!n || m_max == 0) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        if (m_known)
            p.drawText(rect(), Qt::AlignCenter, tr("No dated articles"));
        return;
    }
    const QDate from = std::min(m_dragFrom, m_dragTo);
    const QDate to = std::max(m_dragFrom, m_dragTo);
    if (m_dragFrom.isValid()) {
        const QRect a = barRect(from);
        const QRect b = barRect(to);
        QColor sel = pal.color(QPalette::Highlight);
        sel.setAlpha(60);
        p.fillRect(QRect(QPoint(a.left(), 0), QPoint(b.right(), height() - labelHeight)), sel);
    }
    const QColor bar = pal.color(QPalette::Highlight);
    const int barsHeight = height() - labelHeight - barsTop;
    for (qsizetype i = 0; i < n; ++i) {
        const QDate monday = first().addDays(7 * i);
        const int count = m_byMonday.value(monday);
        if (!count)
            continue;
        QRect r = barRect(monday);
        const int h = std::max(2, int(double(barsHeight) * count / m_max));
        r.setTop(barsTop + barsHeight - h);
        if (r.width() > 3)
            r.setWidth(r.width() - 1); // a hairline between neighbours
        else if (r.width() < 2)
            r.setWidth(2); // a lone week stays visible among many
        p.fillRect(r, bar);
    }
    // The first and last week, and the tallest bar's count.
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    p.setFont(small);
    p.setPen(pal.color(QPalette::PlaceholderText));
    const QLocale locale;
    const QRect labels(2, height() - labelHeight, width() - 4, labelHeight);
    p.drawText(labels, Qt::AlignLeft | Qt::AlignVCenter, locale.toString(first(), u"d MMM yyyy"_s));
    p.drawText(labels, Qt::AlignRight | Qt::AlignVCenter, locale.toString(m_weeks.last().monday, u"d MMM yyyy"_s));
    p.drawText(labels, Qt::AlignHCenter | Qt::AlignVCenter, tr("most in a week: %1").arg(m_max));
}

void WeekHistogram::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !weekCount())
        return;
    m_dragFrom = m_dragTo = weekAt(int(event->position().x()));
    update();
}

void WeekHistogram::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton) || !m_dragFrom.isValid())
        return;
    m_dragTo = weekAt(int(event->position().x()));
    update();
}

void WeekHistogram::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_dragFrom.isValid())
        return;
    m_dragTo = weekAt(int(event->position().x()));
    const QDate since = std::min(m_dragFrom, m_dragTo);
    const QDate until = std::max(m_dragFrom, m_dragTo).addDays(6);
    m_dragFrom = m_dragTo = QDate();
    update();
    Q_EMIT rangeChosen(since, until);
}

bool WeekHistogram::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QDate monday = weekAt(help->pos().x());
        if (monday.isValid()) {
            const int count = m_byMonday.value(monday);
            const QLocale locale;
            QToolTip::showText(help->globalPos(),
                tr("Week of %1: %2 %3")
                    .arg(locale.toString(monday, QLocale::ShortFormat))
                    .arg(count)
                    .arg(count == 1 ? tr("article") : tr("articles")),
                this);
            return true;
        }
    }
    return QWidget::event(event);
}

} // namespace Lede
