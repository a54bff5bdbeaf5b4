// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace Lede {

/// The active entity filters above the article list, each a chip with a remove button.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(QWidget *parent = nullptr);

    /// (entity id, display name, kind colour) for each active filter, in the order added.
    void setFilters(const QList<std::tuple<QString, QString, QColor>> &filters);

Q_SIGNALS:
    void removeRequested(const QString &entityId);
    void clearRequested();

private:
    QHBoxLayout *m_chips;
    QLabel *m_label;
};

} // namespace Lede
