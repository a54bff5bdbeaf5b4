// SPDX-License-Identifier: MIT
#include "filterbar.h"

#include <QColor>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace Lede {

using namespace Qt::StringLiterals;

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent), m_chips(new QHBoxLayout), m_label(new QLabel(tr("Mentioning:"), this))
{
    setObjectName(u"filterBar"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(6);
    layout->addWidget(m_label);
    m_chips->setSpacing(4);
    layout->addLayout(m_chips);
    layout->addStretch(1);
    auto *clear = new QToolButton(this);
    clear->setObjectName(u"clearFilters"_s);
    clear->setText(tr("Clear"));
    clear->setToolTip(tr("Show all articles (Esc)"));
    clear->setAutoRaise(true);
    connect(clear, &QToolButton::clicked, this, &FilterBar::clearRequested);
    layout->addWidget(clear);
    // The chips never widen the list's pane: showing the bar must not move the columns below it.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    setVisible(false);
}

void FilterBar::setFilters(const QList<std::tuple<QString, QString, QColor>> &filters)
{
    while (QLayoutItem *item = m_chips->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const auto &[id, name, color] : filters) {
        auto *chip = new QToolButton(this);
        chip->setObjectName(u"filterChip:"_s + id);
        chip->setText(name + u"  ✕"_s);
        chip->setToolTip(tr("Remove the filter “%1”").arg(name));
        chip->setStyleSheet(u"QToolButton { border: 1px solid %1; border-radius: 9px; padding: 1px 8px; color: %1; "
                            "background: %2; }"_s.arg(color.name(), color.lighter(185).name()));
        connect(chip, &QToolButton::clicked, this, [this, id = id] { Q_EMIT removeRequested(id); });
        m_chips->addWidget(chip);
    }
    setVisible(!filters.isEmpty());
}

} // namespace Lede
