// SPDX-License-Identifier: MIT
#pragma once

#include "query/search.h"

#include <QDate>

namespace Lede::Query {

/// The sidebar's view of a query's text: the entity terms at its top level, where clicking an
/// entity adds or removes one. `company:nvidia` or `(company:nvidia OR company:amd)` chooses
/// (OR within a kind, AND across kinds); `-company:intel` leaves out.
struct TextFacets
{
    /// Kind key ("company", "chip", "region", "organisation") → the entities its top-level group
    /// names, in the order typed (not widened to what lies inside them).
    QMap<QString, QStringList> chosen;
    /// The entities a top-level `-company:x` (or NOT company:x) leaves out.
    QStringList excluded;
    bool isEmpty() const { return chosen.isEmpty() && excluded.isEmpty(); }
    QStringList allChosen() const;
};

/// Prepares the search field's text for a store: like prepare(), but the first top-level group of
/// each kind's entity terms becomes that kind's facet list, and top-level exclusions the excluded
/// list, so the sidebar's counts for a kind are those that choosing one more would add. The
/// articles found are the same as for the query read as written. `facets` gets what the text
/// chooses, for the sidebar's checked state.
Search prepareText(QStringView text, const KnowledgeBase &kb, TextFacets *facets = nullptr);

/// What the text chooses and leaves out, without preparing a search.
TextFacets facetsOf(QStringView text, const KnowledgeBase &kb);

/// The term that names an entity: company:nvidia, region:"southeast asia". Empty for an id of no
/// kind.
QString entityTerm(const QString &entityId);

/// Clicking an entity: removes it when the text chooses or leaves it out; otherwise adds it, with
/// OR to its kind's group when there is one (`company:nvidia` → `(company:nvidia OR company:amd)`),
/// else at the end (AND).
QString toggleEntity(QStringView text, const QString &entityId, const KnowledgeBase &kb);
/// Leaves an entity out: `-company:intel` at the end, taking back a choice of it first.
QString excludeEntity(QStringView text, const QString &entityId, const KnowledgeBase &kb);
/// Takes an entity's choice or exclusion out of the text.
QString removeEntity(QStringView text, const QString &entityId, const KnowledgeBase &kb);
/// Takes every top-level entity choice and exclusion out, keeping the rest.
QString removeAllEntities(QStringView text, const KnowledgeBase &kb);
/// Sets the dates: replaces top-level since: and until: terms with these (an invalid date adds none).
QString withDates(QStringView text, QDate since, QDate until);
/// A phrase for the text selected in the reader: quoted, its spaces folded to one.
QString phraseTerm(const QString &selection);

} // namespace Lede::Query
