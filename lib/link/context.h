// SPDX-License-Identifier: MIT
#pragma once

#include "kb/knowledgebase.h"

#include <QVarLengthArray>

namespace Lede {

/// An entity a match could name, after the alias's case rules passed.
struct LinkCandidate
{
    qsizetype entity; // index into the knowledge base
    Alias::Role role;
};
using LinkCandidates = QVarLengthArray<LinkCandidate, 4>;

/// Decides what the name at [start, end) of `text` refers to, from the words around it: the
/// knowledge-base index of the entity, or -1 to link nothing. Wrong links cost a journalist more
/// than missed ones, so a name the context does not support is dropped.
///
/// - A government metonym ("Washington", "Beijing") is the country unless the words make it a place
///   ("in Beijing", "Beijing-based", "eastern Washington", a dateline "LONDON, ENGLAND"); then it is
///   the city (or, after a compass word, the state) of that name if the knowledge base has one, or
///   nothing.
/// - A place name read as part of a person's name ("George Washington", "Mr Washington") or of an
///   institution's, a company's or a club's ("Zhejiang University", "University of Southern
///   California", "New York Federal Reserve Bank President", "FC Barcelona", a short name the text
///   writes in full elsewhere) is dropped; so is a city, province or macro-region opening the Chinese
///   name of a body (纽约联储, 北京市…管理局), where a country says whose body it is and stays.
/// - The record's own `context`, `context_for`, `context_at_start`, `avoid`, `not_before` and
///   `not_after` facts (see resources/kb/README.md) decide ambiguous names: "H20" needs chip words
///   nearby, "Arm" opening a sentence needs words about the company, "the Amazon rainforest" is not the
///   retailer, 高通 in 高通胀 ("high inflation") is not Qualcomm.
/// - A capitalised name written all in lower case ("intel on the rebels") is not the company, and an
///   exchange written as a ticker prefix ("NYSE: SEAS") names the listed company, not the exchange.
///
/// Reads only the entity records and the text around the match: cheap, allocation-free in the common
/// case, and safe to call from several threads at once.
qsizetype chooseCandidate(
    QStringView text, qsizetype start, qsizetype end, const LinkCandidates &candidates, const KnowledgeBase &kb);

} // namespace Lede
