// SPDX-License-Identifier: MIT
#pragma once

#include "kb/knowledgebase.h"

#include <QVarLengthArray>

namespace Lede {

/// An entity a match could name, after the alias's case rules passed.
struct LinkCandidate {
    qsizetype entity; // index into the knowledge base
    Alias::Role role;
};
using LinkCandidates = QVarLengthArray<LinkCandidate, 4>;

/// Decides what the name at [start, end) of `text` refers to, from the words around it: the
/// knowledge-base index of the entity, or -1 to link nothing. Wrong links cost a journalist more
/// than missed ones, so a name the context does not support is dropped.
///
/// A government metonym ("Washington", "Beijing") is the country unless the words make it a place
/// ("in Beijing", "Beijing-based"); then it is the city if the knowledge base has one, or nothing.
qsizetype chooseCandidate(QStringView text, qsizetype start, qsizetype end, const LinkCandidates &candidates,
                          const KnowledgeBase &kb);

} // namespace Lede
