// SPDX-License-Identifier: MIT
#pragma once

#include "kb/entity.h"

#include <QColor>

namespace Lede {

/// The colour that marks each kind of entity, in the sidebar and in the reader.
struct KindStyle
{
    QColor text; // strong colour, for swatches and mention text
    QColor background; // light tint behind a mention
};

KindStyle kindStyle(EntityKind kind);

} // namespace Lede
