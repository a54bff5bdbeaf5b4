// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QStringList>

namespace Lede::Schema {

/// The ordered upgrade steps of the library file: step i takes a library from version i to i + 1,
/// and the current version is their count. Never edit a step that has shipped; add a new one.
const QList<QStringList> &migrations();

} // namespace Lede::Schema
