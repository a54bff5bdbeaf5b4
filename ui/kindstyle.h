// SPDX-License-Identifier: MIT
#pragma once

#include "kb/entity.h"

#include <QColor>
#include <QPalette>

namespace Lede {

/// The colour that marks each kind of entity, in the sidebar and in the reader.
struct KindStyle
{
    QColor text; // strong colour, for swatches and mention text
    QColor background; // light tint behind a mention
};

KindStyle kindStyle(EntityKind kind);

/// The same colours made for a palette: on a dark one the text is lighter and the tint deeper, so a
/// mention reads as well at night as by day.
KindStyle kindStyle(EntityKind kind, const QPalette &palette);

} // namespace Lede
