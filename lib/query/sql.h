// SPDX-License-Identifier: MIT
#pragma once

#include "query/search.h"

#include <QVariantList>

namespace Lede::Query {

/// A statement and the values of its placeholders (?), in order. Nothing typed is ever spliced
/// into the SQL text: every value is bound, and the full-text expression is one bound string.
struct SqlStatement
{
    QString sql;
    QVariantList params;
};

/// What differs between the SQL stores Lede can search: the full-text index, binding a list of
/// values, reading a JSON array, the week of a date. The rest of the translation is shared.
///
/// The tables a dialect may assume: articles (id, published as ISO text, outlet, tags as a JSON
/// array), entity_keys (id, entity_id: an integer key per entity), article_entities (article_id,
/// entity: each entity an article names, once), entity_totals (entity, articles: how many name it),
/// annotations (article_id, color, note) and the store's
/// full-text index of headline and body.
class SqlDialect
{
public:
    virtual ~SqlDialect();
    /// A predicate true for the articles whose text matches `node`: a Word, Phrase or title: term,
    /// an Or of such, or an And of such with at least one not negated (SqlTranslator::textOnly()).
    virtual QString textMatch(const Node &node, QVariantList &params) const = 0;
    /// `column` is one of `values` (bound as one value where the database allows).
    virtual QString inList(const QString &column, const QStringList &values, QVariantList &params) const = 0;
    /// The JSON array of strings in `column` holds `lowered`, ignoring case.
    virtual QString jsonArrayHas(const QString &column, const QString &lowered, QVariantList &params) const = 0;
    /// The ISO date of the Monday of the week of the ISO date (or date and time) in `column`;
    /// NULL when the column is empty.
    virtual QString mondayOf(const QString &column) const = 0;
    /// The table a result is found in under the alias `a`: a row per article with its id and
    /// published (the other columns predicates name are read from `articles` by id), with
    /// whatever hint the database needs to read it narrowly.
    virtual QString articles() const { return QStringLiteral("articles a"); }
    /// The columns of `a` a result keeps for its parts: id and published, and what entityCounts() reads.
    virtual QString resultColumns() const { return QStringLiteral("a.id, a.published"); }
    /// Rows (value, n): each entity key (entity_keys.id) the articles of `rows` (a result kept
    /// with resultColumns()) name, and how many of them name it. From article_entities here.
    virtual QString entityCounts(const QString &rows) const;
    /// The articles table (no alias) read in the order of their dates, for the whole library.
    virtual QString articlesByDate() const { return QStringLiteral("articles"); }
    /// Rows (value, n): each distinct value of `expression` over the rows of `from` (a FROM
    /// clause, with its WHERE if any) and how many rows have it. GROUP BY here; a database with a
    /// cheaper way to count a large result overrides it.
    virtual QString countBy(const QString &expression, const QString &from) const;
    /// Rows (k, n) of the ids of `rows` (a table or subquery with id and published) in the
    /// result's order, ORDER BY published DESC, id DESC: one id per row in k (n NULL) here; a
    /// dialect may instead give one row, k NULL, with all the ids in that order packed into n as
    /// 64-bit little-endian integers.
    virtual QString orderedIds(const QString &rows) const;
    /// A predicate: `column` is one of the ids `subquery` (a parenthesised SELECT of one column
    /// named id) gives. IN here.
    virtual QString idIn(const QString &column, const QString &subquery) const;
};

/// SQLite with FTS5: the index is the table search_text(title, body), rowid = article id, filled
/// with indexText(); its MATCH expression is built here from the words, each quoted.
class SqliteDialect final : public SqlDialect
{
public:
    QString textMatch(const Node &node, QVariantList &params) const override;
    QString inList(const QString &column, const QStringList &values, QVariantList &params) const override;
    QString jsonArrayHas(const QString &column, const QString &lowered, QVariantList &params) const override;
    QString mondayOf(const QString &column) const override;
    QString articlesByDate() const override;
    /// With tally() (lib/store/sqlfunctions.h), which counts in one pass into a hash table where
    /// GROUP BY sorts every row first: the facet counts of a result of tens of thousands of
    /// articles (several entities each) several times faster.
    QString countBy(const QString &expression, const QString &from) const override;
    /// Packed by ids_descending() (lib/store/sqlfunctions.h): one sort in memory and one value
    /// handed over, where ORDER BY goes through SQLite's sorter and hands over a row per id.
    QString orderedIds(const QString &rows) const override;
    /// article_facets, a row per article with its entity keys as one list (schema step 10).
    QString articles() const override;
    QString resultColumns() const override;
    /// tally_keys() over the result's lists of entity keys: no lookup per article.
    QString entityCounts(const QString &rows) const override;
    /// in_ids() over a bitmap from id_set(): a large set of ids is gathered once and each article
    /// tested against it, where IN first sorts the ids into a temporary index and then looks
    /// each one up.
    QString idIn(const QString &column, const QString &subquery) const override;
    /// The FTS5 expression for a text-only node: "export controls" AND ("licen"* OR "h20") NOT "nvidia".
    static QString matchExpression(const Node &node);
};

/// The one translation of a Search to SQL, over any dialect. A PostgreSQL store adds its dialect
/// beside SqliteDialect (tsvector for the index, = ANY(?) for lists, jsonb for tags) and reuses this.
class SqlTranslator
{
public:
    explicit SqlTranslator(const SqlDialect &dialect) : m_dialect(dialect) { }

    /// The predicate over `articles a` for the query and the facet choices, leaving out the facet
    /// list `skipList` when it is given (for that list's counts).
    QString where(const Search &search, QVariantList &params, const QString &skipList = {}) const;
    enum Part { Ids = 0x1, EntityCounts = 0x2, Weeks = 0x4, Everything = 0x7 };
    /// One statement for the parts asked for, the result found once (a materialised CTE) and read
    /// by each part. Its rows are (part, key, count): part 0 the ids in the result's order
    /// (newest first, undated last, then by id descending), one per row or packed into one
    /// (SqlDialect::orderedIds()); part 1 an entity id and how many
    /// articles mention it (for a kind with facet choices, counted over the result without that
    /// kind's choices); part 2 the Monday of a week as an ISO date (NULL for undated) and its articles.
    SqlStatement search(const Search &search, int parts = Everything) const;

    /// True when `node` can be answered by the full-text index alone (see SqlDialect::textMatch).
    static bool textOnly(const Node &node);

private:
    QString predicate(const Node &node, QVariantList &params) const;
    QString term(const Node &node, QVariantList &params) const;
    /// The articles that name one of these entities (a subquery).
    QString naming(const QStringList &entityIds, QVariantList &params) const;
    const SqlDialect &m_dialect;
};

} // namespace Lede::Query
