// SPDX-License-Identifier: MIT
#include "kindstyle.h"

namespace Lede {

KindStyle kindStyle(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Company:
        return {QColor(0x1f, 0x5f, 0xbf), QColor(0xdc, 0xe8, 0xfb)};
    case EntityKind::Chip:
        return {QColor(0xb3, 0x50, 0x00), QColor(0xfd, 0xe4, 0xcc)};
    case EntityKind::Region:
        return {QColor(0x1e, 0x7a, 0x3c), QColor(0xd6, 0xf0, 0xdc)};
    case EntityKind::Organisation:
        // Purple: apart from company blue in hue, dark enough to read on its own tint and on white.
        return {QColor(0x7a, 0x2e, 0x9e), QColor(0xef, 0xe0, 0xf7)};
    }
    return {QColor(Qt::black), QColor(Qt::white)};
}

KindStyle kindStyle(EntityKind kind, const QPalette &palette)
{
    const KindStyle day = kindStyle(kind);
    if (palette.color(QPalette::Base).lightness() >= 128)
        return day;
    return {day.text.lighter(175), day.text.darker(300)};
}

} // namespace Lede
