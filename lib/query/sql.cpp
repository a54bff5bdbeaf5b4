// SPDX-License-Identifier: MIT
// The translation of the query language to SQL, in one place: SqlTranslator builds the statements
// any SQL store runs; a SqlDialect supplies what differs between databases (SQLite's is here).
#include "sql.h"

#include "searchtext.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Lede::Query {

using namespace Qt::StringLiterals;

SqlDialect::~SqlDialect() = default;

QString SqlDialect::orderedIds(const QString &rows) const
{
    return u"SELECT id AS k, NULL AS n FROM "_s + rows + u" ORDER BY published DESC, id DESC"_s;
}

QString SqlDialect::idIn(const QString &column, const QString &subquery) const
{
    return column + u" IN "_s + subquery;
}

QString SqlDialect::entityCounts(const QString &rows) const
{
    return countBy(u"m.entity"_s, u"article_entities m WHERE m.article_id IN (SELECT id FROM "_s + rows + u')');
}

QString SqlDialect::countBy(const QString &expression, const QString &from) const
{
    return u"SELECT "_s + expression + u" AS value, count(*) AS n FROM "_s + from + u" GROUP BY "_s + expression;
}

namespace {

bool isTextLeaf(const Node &n)
{
    return n.isText() || (n.type == Node::Term && n.field == Field::Title);
}

bool negatedText(const Node &n)
{
    return n.type == Node::Not && SqlTranslator::textOnly(n.children.front());
}

QString like(const QString &lowered)
{
    QString out = lowered;
    out.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return out + u'%';
}

// The key range of one kind's entity ids ("chip/" ≤ id < "chip0"), so an index serves it.
QString kindRange(const QString &kind, QVariantList &params)
{
    params << QString(kind + u'/') << QString(kind + u'0');
    return u"(k.entity_id >= ? AND k.entity_id < ?)"_s;
}

// An FTS5 string: in double quotes, a quote doubled. Inside quotes FTS5 reads no operators, so
// anything typed is only ever words.
QString ftsString(const QString &text)
{
    QString out = text;
    out.replace(u'"', u"\"\""_s);
    return u'"' + out + u'"';
}

QString ftsLeaf(const Node &n)
{
    const QString typed = n.type == Node::Term ? n.value : n.text;
    bool cjkPrefix = false;
    const QString words = phraseText(typed, &cjkPrefix);
    QString out = ftsString(words);
    if (n.prefix || cjkPrefix)
        out += u" *"_s;
    if (n.type == Node::Term)
        out = u"title : "_s + out;
    return out;
}

} // namespace

// SQLite

QString SqliteDialect::matchExpression(const Node &node)
{
    if (isTextLeaf(node))
        return ftsLeaf(node);
    QStringList positive, negative;
    for (const Node &c : node.children) {
        if (c.type == Node::Not)
            negative.append(u'(' + matchExpression(c.children.front()) + u')');
        else
            positive.append(isTextLeaf(c) ? matchExpression(c) : QString(u'(' + matchExpression(c) + u')'));
    }
    QString out = positive.join(node.type == Node::Or ? u" OR "_s : u" AND "_s);
    if (!negative.isEmpty())
        out = u'(' + out + u") NOT "_s + negative.join(u" NOT "_s);
    return out;
}

QString SqliteDialect::textMatch(const Node &node, QVariantList &params) const
{
    params << matchExpression(node);
    return u"a.id IN (SELECT rowid FROM search_text WHERE search_text MATCH ?)"_s;
}

QString SqliteDialect::inList(const QString &column, const QStringList &values, QVariantList &params) const
{
    if (values.size() == 1) {
        params << values.first();
        return column + u" = ?"_s;
    }
    params << QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
    return column + u" IN (SELECT value FROM json_each(?))"_s;
}

QString SqliteDialect::jsonArrayHas(const QString &column, const QString &lowered, QVariantList &params) const
{
    params << lowered;
    return u"EXISTS (SELECT 1 FROM json_each("_s + column + u") WHERE lower(value) = ?)"_s;
}

QString SqliteDialect::articlesByDate() const
{
    return u"articles INDEXED BY articles_by_published"_s;
}

QString SqliteDialect::articles() const
{
    // Not the articles table, whose rows hold the whole text: a row per article with its id, date
    // and entity keys alone, so a large result is read from a few pages.
    return u"article_facets a"_s;
}

QString SqliteDialect::resultColumns() const
{
    return u"a.id, a.published, a.entities"_s;
}

QString SqliteDialect::entityCounts(const QString &rows) const
{
    return u"SELECT c.value ->> 0 AS value, c.value ->> 1 AS n FROM json_each((SELECT tally_keys(entities) FROM "_s
        + rows + u")) c"_s;
}

QString SqliteDialect::mondayOf(const QString &column) const
{
    // 'weekday 0' moves to the next Sunday (or stays on one); six days back is that week's Monday.
    return u"date(substr("_s + column + u", 1, 10), 'weekday 0', '-6 days')"_s;
}

QString SqliteDialect::countBy(const QString &expression, const QString &from) const
{
    // tally() gives [[value, n], ...] as one JSON text; json_each reads it back as rows.
    return u"SELECT c.value ->> 0 AS value, c.value ->> 1 AS n FROM json_each((SELECT tally("_s + expression
        + u") FROM "_s + from + u")) c"_s;
}

QString SqliteDialect::orderedIds(const QString &rows) const
{
    return u"SELECT NULL AS k, ids_descending(published, id) AS n FROM "_s + rows;
}

QString SqliteDialect::idIn(const QString &column, const QString &subquery) const
{
    return u"in_ids("_s + column + u", (SELECT id_set(id) FROM "_s + subquery + u"))"_s;
}

// The translation

bool SqlTranslator::textOnly(const Node &node)
{
    if (isTextLeaf(node))
        return true;
    if (node.type == Node::Or)
        return std::all_of(node.children.cbegin(), node.children.cend(), [](const Node &c) { return textOnly(c); });
    if (node.type == Node::And && !node.children.empty()) {
        bool positive = false;
        for (const Node &c : node.children) {
            if (textOnly(c))
                positive = true;
            else if (!negatedText(c))
                return false;
        }
        return positive;
    }
    return false;
}

QString SqlTranslator::naming(const QStringList &entityIds, QVariantList &params) const
{
    return u"(SELECT m.article_id AS id FROM article_entities m WHERE m.entity IN (SELECT k.id FROM entity_keys k WHERE "_s
        + m_dialect.inList(u"k.entity_id"_s, entityIds, params) + u"))"_s;
}

QString SqlTranslator::term(const Node &n, QVariantList &params) const
{
    const auto annotation = [&](const QString &condition) {
        return u"EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id"_s + condition + u')';
    };
    switch (n.field) {
    case Field::Company:
    case Field::Chip:
    case Field::Region:
    case Field::Organisation:
        return m_dialect.idIn(u"a.id"_s, naming(n.entityIds, params));
    case Field::Outlet:
        params << QString(n.prefix ? like(n.value.toLower()) : n.value.toLower());
        return n.prefix ? u"a.id IN (SELECT o.id FROM articles o WHERE lower(o.outlet) LIKE ? ESCAPE '\\')"_s
                        : u"a.id IN (SELECT o.id FROM articles o WHERE lower(o.outlet) = ?)"_s;
    case Field::Since:
        params << n.dateStart;
        return u"a.published >= ?"_s;
    case Field::Until:
        params << n.dateEnd;
        return u"(a.published <> '' AND a.published < ?)"_s;
    case Field::Has:
        return annotation(n.has == u"note" ? u" AND n.note <> ''"_s : QString());
    case Field::Tag:
        return u"a.id IN (SELECT t.id FROM articles t WHERE "_s
            + m_dialect.jsonArrayHas(u"t.tags"_s, n.value.toLower(), params) + u')';
    case Field::Color:
        params << n.value.toLower();
        return annotation(u" AND lower(n.color) = ?"_s);
    case Field::Title:
        return m_dialect.textMatch(n, params);
    }
    return u"0"_s;
}

QString SqlTranslator::predicate(const Node &n, QVariantList &params) const
{
    if (n.isEmpty())
        return u"1"_s;
    if (textOnly(n))
        return m_dialect.textMatch(n, params);
    switch (n.type) {
    case Node::Word:
    case Node::Phrase:
        return m_dialect.textMatch(n, params);
    case Node::Term:
        return term(n, params);
    case Node::Not:
        return u"NOT ("_s + predicate(n.children.front(), params) + u')';
    case Node::And:
    case Node::Or: {
        // The text parts go to the index as one expression; the rest are joined around it.
        Node text;
        text.type = n.type;
        QList<const Node *> rest;
        for (const Node &c : n.children) {
            if (textOnly(c) || (n.type == Node::And && negatedText(c)))
                text.children.push_back(c);
            else
                rest.append(&c);
        }
        QStringList parts;
        if (text.children.size() == 1 && text.children.front().type != Node::Not)
            parts.append(m_dialect.textMatch(text.children.front(), params));
        else if (text.children.size() > 1 && textOnly(text))
            parts.append(m_dialect.textMatch(text, params));
        else
            for (const Node &c : text.children)
                rest.prepend(&c);
        for (const Node *c : std::as_const(rest))
            parts.append(u'(' + predicate(*c, params) + u')');
        return parts.join(n.type == Node::And ? u" AND "_s : u" OR "_s);
    }
    }
    return u"0"_s;
}

QString SqlTranslator::where(const Search &search, QVariantList &params, const QString &skipList) const
{
    QStringList parts{predicate(search.query, params)};
    for (auto it = search.chosen.cbegin(); it != search.chosen.cend(); ++it) {
        if (it.key() == skipList || it.value().isEmpty())
            continue;
        parts.append(m_dialect.idIn(u"a.id"_s, naming(it.value(), params)));
    }
    if (!search.excluded.isEmpty())
        parts.append(u"NOT "_s + m_dialect.idIn(u"a.id"_s, naming(search.excluded, params)));
    if (parts.size() > 1 && parts.first() == u"1")
        parts.removeFirst();
    return parts.size() == 1 ? parts.first() : u'(' + parts.join(u") AND ("_s) + u')';
}

SqlStatement SqlTranslator::search(const Search &search, int parts) const
{
    SqlStatement s;
    QStringList chosenKinds;
    for (auto it = search.chosen.cbegin(); it != search.chosen.cend(); ++it) {
        if (!it.value().isEmpty())
            chosenKinds.append(it.key());
    }
    const QString from = m_dialect.articles();
    QVariantList unused;
    const bool everything = chosenKinds.isEmpty() && where(search, unused) == u"1";
    // The result with its dates, found once; for each kind with choices the result without them
    // (for that kind's counts).
    const QString columns = m_dialect.resultColumns();
    QStringList ctes{
        u"r AS MATERIALIZED (SELECT "_s + columns + u" FROM "_s + from + u" WHERE "_s + where(search, s.params) + u')'};
    if (parts & EntityCounts) {
        for (qsizetype k = 0; k < chosenKinds.size(); ++k)
            ctes.append(u"r%1 AS MATERIALIZED (SELECT "_s.arg(k) + columns + u" FROM "_s + from + u" WHERE "_s
                + where(search, s.params, chosenKinds.at(k)) + u')');
    }
    // The whole library is read in date order from its index; a narrower result is sorted.
    const QString rows = everything ? u"(SELECT id, published FROM "_s + m_dialect.articlesByDate() + u')' : u"r"_s;
    QStringList selects;
    if (parts & Ids)
        selects.append(u"SELECT * FROM (SELECT 0 AS part, o.k, o.n FROM ("_s + m_dialect.orderedIds(rows) + u") o)"_s);
    if (parts & EntityCounts) {
        if (everything) {
            // Kept as articles come and go (entity_totals).
            selects.append(
                u"SELECT 1, k.entity_id, t.articles FROM entity_totals t JOIN entity_keys k ON k.id = t.entity"_s);
        } else {
            // Each result article's entities, once each, grouped by their integer keys, then named.
            const QString count = u"SELECT 1, k.entity_id, c.n FROM ("_s + m_dialect.entityCounts(u"%1"_s)
                + u") c JOIN entity_keys k ON k.id = c.value WHERE %2"_s;
            QStringList others;
            for (const QString &kind : std::as_const(chosenKinds))
                others.append(u"NOT "_s + kindRange(kind, s.params));
            selects.append(count.arg(u"r"_s, others.isEmpty() ? u"1"_s : others.join(u" AND "_s)));
            for (qsizetype k = 0; k < chosenKinds.size(); ++k)
                selects.append(count.arg(u"r%1"_s.arg(k), kindRange(chosenKinds.at(k), s.params)));
        }
    }
    // By day first (a few hundred groups), then the days to their weeks.
    if (parts & Weeks)
        selects.append(u"SELECT 2, "_s + m_dialect.mondayOf(u"d.value"_s) + u" AS monday, sum(d.n) FROM ("_s
            + m_dialect.countBy(u"substr(published, 1, 10)"_s, rows) + u") d GROUP BY monday"_s);
    if (selects.isEmpty())
        selects.append(u"SELECT 0, 0, 0 WHERE 0"_s);
    s.sql = u"WITH "_s + ctes.join(u", "_s) + u'\n' + selects.join(u"\nUNION ALL "_s);
    return s;
}

} // namespace Lede::Query
