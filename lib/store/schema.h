// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QStringList>

namespace Lede {
class Database;
}

namespace Lede::Schema {

/// The ordered upgrade steps of the library file: step i takes a library from version i to i + 1,
/// and the current version is their count. Never edit a step that has shipped; add a new one.
const QList<QStringList> &migrations();

/// What step `step` does beyond its statements, in the same transaction: filling new columns from
/// what the library already holds or from files (see upgrades.cpp). True when there is nothing to do.
bool runStepCode(int step, const Database &db);

} // namespace Lede::Schema
