// SPDX-License-Identifier: MIT
#pragma once

#include "models/roles.h"

#include <QAbstractItemModel>
#include <QString>
#include <QTreeView>

namespace LedeTest {

/// The sidebar row of an entity (`company/nvidia`), searched in every kind's group; invalid when
/// the sidebar does not list it.
inline QModelIndex findEntity(QTreeView *view, const QString &id)
{
    QAbstractItemModel *model = view->model();
    for (int g = 0; g < model->rowCount(); ++g) {
        const QModelIndex group = model->index(g, 0);
        for (int r = 0; r < model->rowCount(group); ++r) {
            const QModelIndex index = model->index(r, 0, group);
            if (index.data(Lede::EntityIdRole).toString() == id)
                return index;
        }
    }
    return {};
}

} // namespace LedeTest
