// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace Lede {

/// Front matter at the top of a Markdown clipping: YAML between "---" lines or TOML between
/// "+++" lines. Only what clippers and static sites write is read: scalars (plain or quoted),
/// flow lists [a, b], block lists ("- a"), one level of nested maps (read as "parent.child") and
/// TOML tables. Keys are lower-cased.
struct FrontMatter
{
    QHash<QString, QStringList> values;
    qsizetype bodyStart = 0; // offset of the body in the input
    bool present = false;

    QString first(std::initializer_list<QStringView> keys) const;
    QStringList all(std::initializer_list<QStringView> keys) const;
};

FrontMatter parseFrontMatter(QStringView text);

} // namespace Lede
