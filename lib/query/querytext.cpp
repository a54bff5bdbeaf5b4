// SPDX-License-Identifier: MIT
#include "querytext.h"

#include "kb/entity.h"
#include "parser.h"

#include <QSet>

#include <algorithm>
#include <optional>

namespace Lede::Query {

using namespace Qt::StringLiterals;

namespace {

// How the sidebar reads one top-level part of a query.
struct Item
{
    enum Kind { Rest, Group, Extra, Excluded };
    const Node *node = nullptr;
    Kind kind = Rest;
    QString key; // the entity kind of a Group, Extra or Excluded
    QList<const Node *> terms; // the entity terms of a Group or Extra; the one of Excluded
    QList<QStringList> named; // for each term, the entities it names
};

bool isEntityTerm(const Node &n)
{
    return n.type == Node::Term && isEntityField(n.field);
}

QList<const Node *> topLevel(const Node &root)
{
    QList<const Node *> out;
    if (root.isEmpty())
        return out;
    if (root.type == Node::And) {
        for (const Node &c : root.children)
            out.append(&c);
    } else {
        out.append(&root);
    }
    return out;
}

QList<Item> itemsOf(const Node &root, const KnowledgeBase &kb)
{
    QList<Item> items;
    QSet<QString> grouped;
    for (const Node *n : topLevel(root)) {
        Item item;
        item.node = n;
        if (isEntityTerm(*n)) {
            item.terms = {n};
        } else if (n->type == Node::Or && std::all_of(n->children.cbegin(), n->children.cend(), [&](const Node &c) {
                       return isEntityTerm(c) && c.field == n->children.front().field;
                   })) {
            for (const Node &c : n->children)
                item.terms.append(&c);
        } else if (n->type == Node::Not && isEntityTerm(n->children.front())) {
            item.terms = {&n->children.front()};
        }
        for (const Node *t : std::as_const(item.terms))
            item.named.append(namedEntities(kb, t->field, t->value));
        const bool known = !item.terms.isEmpty()
            && std::none_of(item.named.cbegin(), item.named.cend(), [](const QStringList &l) { return l.isEmpty(); });
        if (known) {
            item.key = fieldName(item.terms.front()->field);
            if (n->type == Node::Not)
                item.kind = Item::Excluded;
            else if (grouped.contains(item.key))
                item.kind = Item::Extra; // a second group of the kind: ANDed, kept in the query
            else {
                item.kind = Item::Group;
                grouped.insert(item.key);
            }
        }
        items.append(item);
    }
    return items;
}

void addUnique(QStringList &to, const QStringList &ids)
{
    for (const QString &id : ids) {
        if (!to.contains(id))
            to.append(id);
    }
}

// Takes [start, end) out of the text with one of the spaces around it.
QString removeSpan(QString text, qsizetype start, qsizetype end)
{
    text.remove(start, end - start);
    if (start > 0 && text.at(start - 1) == u' '
        && (start == text.size() || text.at(start) == u' ' || text.at(start) == u')'))
        text.remove(start - 1, 1);
    else if (start < text.size() && text.at(start) == u' ' && (start == 0 || text.at(start - 1) == u'('))
        text.remove(start, 1);
    return text.trimmed();
}

// True when the whole text is one bracketed group: "(a OR b)", not "(a) OR (b)".
bool bracketedWhole(QStringView t)
{
    if (t.size() < 2 || t.front() != u'(' || t.back() != u')')
        return false;
    int depth = 0;
    bool quoted = false;
    for (qsizetype i = 0; i < t.size(); ++i) {
        const QChar c = t.at(i);
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && c == u'(')
            ++depth;
        else if (!quoted && c == u')' && --depth == 0)
            return i == t.size() - 1;
    }
    return false;
}

QString appended(const QString &text, const Node &root, const QString &piece)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return piece;
    if (root.type == Node::Or && !bracketedWhole(t))
        return u'(' + t + u") "_s + piece; // OR binds looser than AND: keep the whole as one
    return t + u' ' + piece;
}

// Takes one term (index `i` of the item's terms) out of the text.
QString withoutTerm(const QString &text, const Item &item, qsizetype i)
{
    const Node &n = *item.node;
    if (n.type != Node::Or)
        return removeSpan(text, n.range.start, n.range.end);
    const auto &c = n.children;
    if (c.size() == 2) {
        // (a OR b) without b is a: no brackets around one term.
        const SourceRange keep = c.at(i == 0 ? 1 : 0).range;
        QString out = text;
        out.replace(n.range.start, n.range.length(), text.mid(keep.start, keep.length()));
        return out.trimmed();
    }
    if (i > 0)
        return removeSpan(text, c.at(i - 1).range.end, c.at(i).range.end);
    return removeSpan(text, c.at(0).range.start, c.at(1).range.start);
}

// The text without the first choice or exclusion of `entityId`; nothing when there is none.
std::optional<QString> withoutEntity(
    const QString &text, const QString &entityId, const KnowledgeBase &kb, bool chosen, bool excluded)
{
    const ParseResult parsed = parse(text);
    for (const Item &item : itemsOf(parsed.root, kb)) {
        if (item.kind == Item::Rest || (item.kind == Item::Excluded ? !excluded : !chosen))
            continue;
        for (qsizetype i = 0; i < item.terms.size(); ++i) {
            if (item.named.at(i).contains(entityId))
                return withoutTerm(text, item, i);
        }
    }
    return std::nullopt;
}

} // namespace

QStringList TextFacets::allChosen() const
{
    QStringList out;
    for (const QStringList &ids : chosen)
        addUnique(out, ids);
    return out;
}

Search prepareText(QStringView text, const KnowledgeBase &kb, TextFacets *facets)
{
    Search s;
    s.text = text.toString();
    ParseResult parsed = parse(text);
    s.errors = std::move(parsed.errors);
    resolve(parsed.root, kb, s.errors);
    std::stable_sort(
        s.errors.begin(), s.errors.end(), [](const Error &a, const Error &b) { return a.range.start < b.range.start; });
    TextFacets found;
    std::vector<Node> rest;
    for (const Item &item : itemsOf(parsed.root, kb)) {
        switch (item.kind) {
        case Item::Rest:
            rest.push_back(*item.node);
            break;
        case Item::Extra:
            rest.push_back(*item.node);
            for (const QStringList &named : item.named)
                addUnique(found.chosen[item.key], named);
            break;
        case Item::Group:
            for (qsizetype i = 0; i < item.terms.size(); ++i) {
                addUnique(s.chosen[item.key], item.terms.at(i)->entityIds);
                addUnique(found.chosen[item.key], item.named.at(i));
            }
            break;
        case Item::Excluded:
            addUnique(s.excluded, item.terms.front()->entityIds);
            addUnique(found.excluded, item.named.front());
            break;
        }
    }
    if (rest.size() == 1) {
        s.query = std::move(rest.front());
    } else {
        s.query.type = Node::And;
        s.query.range = parsed.root.range;
        s.query.children = std::move(rest);
    }
    for (QStringList &ids : s.chosen)
        ids.sort();
    s.excluded.sort();
    if (facets)
        *facets = std::move(found);
    return s;
}

TextFacets facetsOf(QStringView text, const KnowledgeBase &kb)
{
    TextFacets facets;
    prepareText(text, kb, &facets);
    return facets;
}

QString entityTerm(const QString &entityId)
{
    const std::optional<EntityKind> kind = kindOfId(entityId);
    const qsizetype slash = entityId.indexOf(u'/');
    if (!kind || slash < 0 || slash + 1 == entityId.size())
        return {};
    QString value = entityId.mid(slash + 1);
    value.replace(u'-', u' ');
    bool plain = true;
    for (QChar c : std::as_const(value))
        plain = plain && (c.isLetterOrNumber() || c == u'.' || c == u'_');
    return kindKey(*kind) + u':' + (plain ? value : QString(u'"' + value + u'"'));
}

QString toggleEntity(QStringView view, const QString &entityId, const KnowledgeBase &kb)
{
    const QString text = view.toString();
    if (std::optional<QString> without = withoutEntity(text, entityId, kb, true, true))
        return *without;
    const QString term = entityTerm(entityId);
    if (term.isEmpty())
        return text;
    const ParseResult parsed = parse(text);
    const QString key = term.left(term.indexOf(u':'));
    for (const Item &item : itemsOf(parsed.root, kb)) {
        if (item.kind != Item::Group || item.key != key)
            continue;
        QString out = text;
        const Node &n = *item.node;
        if (n.type == Node::Or)
            return out.insert(n.children.back().range.end, QString(u" OR "_s + term));
        return out.replace(n.range.start, n.range.length(),
            QString(u'(' + text.mid(n.range.start, n.range.length()) + u" OR "_s + term + u')'));
    }
    return appended(text, parsed.root, term);
}

QString excludeEntity(QStringView view, const QString &entityId, const KnowledgeBase &kb)
{
    QString text = view.toString();
    while (std::optional<QString> without = withoutEntity(text, entityId, kb, true, false))
        text = *without;
    if (withoutEntity(text, entityId, kb, false, true))
        return text; // already left out
    const QString term = entityTerm(entityId);
    if (term.isEmpty())
        return text;
    return appended(text, parse(text).root, u'-' + term);
}

QString removeEntity(QStringView view, const QString &entityId, const KnowledgeBase &kb)
{
    QString text = view.toString();
    while (std::optional<QString> without = withoutEntity(text, entityId, kb, true, true))
        text = *without;
    return text;
}

QString removeAllEntities(QStringView view, const KnowledgeBase &kb)
{
    QString text = view.toString();
    while (true) {
        const ParseResult parsed = parse(text);
        const QList<Item> items = itemsOf(parsed.root, kb);
        const auto it = std::find_if(items.cbegin(), items.cend(), [](const Item &i) { return i.kind != Item::Rest; });
        if (it == items.cend())
            return text;
        text = removeSpan(text, it->node->range.start, it->node->range.end);
    }
}

QString withDates(QStringView view, QDate since, QDate until)
{
    QString text = view.toString();
    while (true) {
        const ParseResult parsed = parse(text);
        const QList<const Node *> parts = topLevel(parsed.root);
        const auto it = std::find_if(parts.cbegin(), parts.cend(), [](const Node *n) {
            return n->type == Node::Term && (n->field == Field::Since || n->field == Field::Until);
        });
        if (it == parts.cend())
            break;
        text = removeSpan(text, (*it)->range.start, (*it)->range.end);
    }
    QStringList pieces;
    if (since.isValid())
        pieces.append(u"since:"_s + since.toString(Qt::ISODate));
    if (until.isValid())
        pieces.append(u"until:"_s + until.toString(Qt::ISODate));
    if (pieces.isEmpty())
        return text;
    return appended(text, parse(text).root, pieces.join(u' '));
}

QString phraseTerm(const QString &selection)
{
    QString s = selection.simplified();
    s.remove(u'"');
    return s.isEmpty() ? QString() : QString(u'"' + s + u'"');
}

} // namespace Lede::Query
