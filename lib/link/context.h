// SPDX-License-Identifier: MIT
#pragma once

#include "kb/knowledgebase.h"

#include <QVarLengthArray>

namespace Lede {

/// Which of the rules chooseCandidate() reads an entity's record writes for itself (entityRules()).
enum EntityRule : quint16 {
    RuleCapitalised = 1, // `case = capitalised`
    RuleAvoid = 2, // an `avoid` word
    RuleContext = 4, // a `context` word
    RuleContextFor = 8, // a `context_for` name
    RuleContextAtStart = 16, // a `context_at_start` name
    RuleCountry = 32, // `type = country`
    RuleTerritory = 64, // `type = territory`
    RuleNotBeforeAfter = 128, // a `not_before` or `not_after` word
    RuleSurname = 256, // a `surname` name
};
using EntityRules = quint16;

/// The rules of `e`'s record, read once from its facts so that a match need not look for them.
EntityRules entityRules(const Entity &e);

/// An entity a match could name, after the alias's case rules passed.
struct LinkCandidate
{
    qsizetype entity; // index into the knowledge base
    Alias::Role role;
    EntityRules rules; // entityRules() of the entity
};
using LinkCandidates = QVarLengthArray<LinkCandidate, 4>;

/// What chooseCandidate() read of a line, kept for the next name on it.
struct ChoiceMemo
{
    qsizetype promoLineStart = -1; // the line [promoLineStart, promoLineEnd) …
    qsizetype promoLineEnd = -1;
    bool promo = false; // … promotes the outlet's services ("click here", "sign up here")
};

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
///
/// `memo`, when given, keeps what one call read of a line for the next call on the same text (one
/// memo per text, its names asked about in any order).
qsizetype chooseCandidate(QStringView text, qsizetype start, qsizetype end, const LinkCandidates &candidates,
    const KnowledgeBase &kb, ChoiceMemo *memo = nullptr);

} // namespace Lede
