// SPDX-License-Identifier: MIT
#pragma once

#include "query/ast.h"

#include <QDate>
#include <QHash>
#include <QMap>

namespace Lede {
class KnowledgeBase;
}

namespace Lede::Query {

/// The sidebar's choices beside the typed query: entity ids as clicked.
struct FacetFilter
{
    /// An article must mention one of each list's entities (or what lies inside one): OR within a
    /// list, AND across lists. The sidebar keeps one list per kind ("company", "chip", "region").
    QMap<QString, QStringList> chosen;
    /// Articles that mention any of these (or what lies inside them) are left out.
    QStringList excluded;
    bool isEmpty() const { return chosen.isEmpty() && excluded.isEmpty(); }
};

/// A search ready for a store: the parsed query with its entity terms resolved, and the facet
/// choices with what lies inside each entity. Made by prepare(); searched only when ok().
struct Search
{
    QString text; // as typed
    Node query;
    QMap<QString, QStringList> chosen; // list key → entity ids, each with what lies inside it
    QStringList excluded; // with what lies inside them
    QList<Error> errors;
    bool ok() const { return errors.isEmpty(); }
};

/// Parses `text`, resolves its entity terms against `kb` and expands the facet choices.
Search prepare(QStringView text, const FacetFilter &facets, const KnowledgeBase &kb);

/// Finds the entities an entity term names and adds what lies inside them (Node::entityIds);
/// a name the knowledge base does not know is an error at the term's value.
void resolve(Node &node, const KnowledgeBase &kb, QList<Error> &errors);
/// The entities an entity field's value names, by id, display name or other name, not widened to
/// what lies inside them (empty for a field that names no entities).
QStringList namedEntities(const KnowledgeBase &kb, Field field, const QString &value);

/// Articles in one week of the result.
struct WeekCount
{
    QDate monday;
    int articles = 0;
    friend bool operator==(const WeekCount &, const WeekCount &) = default;
};

/// What a store answers to a Search.
struct SearchResult
{
    /// The matching articles, newest first (undated last), then by id.
    QList<qint64> ids;
    /// Entity id → how many articles of the result mention it. For a facet list with choices the
    /// count is over the result without that list's choices, so its other entities keep the
    /// number that choosing them too (OR) would add.
    QHash<QString, int> entityCounts;
    /// The result by week of publication, oldest first; weeks without articles are left out.
    QList<WeekCount> weeks;
    int undated = 0; // articles of the result without a publication date
};

} // namespace Lede::Query
