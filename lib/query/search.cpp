// SPDX-License-Identifier: MIT
#include "search.h"

#include "kb/knowledgebase.h"
#include "parser.h"

#include <QObject>

namespace Lede::Query {

using namespace Qt::StringLiterals;

namespace {

QString folded(QStringView s)
{
    return s.toString().simplified().toCaseFolded();
}

// The entities of `kind` that `value` names: by id, else by display name, else by another name.
QStringList lookup(const KnowledgeBase &kb, EntityKind kind, const QString &value)
{
    const QString wanted = folded(value);
    QString slug = wanted;
    slug.replace(u' ', u'-');
    QStringList byId, byName, byAlias;
    for (const Entity &e : kb.entities()) {
        if (e.kind != kind)
            continue;
        const QStringView eslug = QStringView(e.id).sliced(e.id.indexOf(u'/') + 1);
        if (eslug == slug || e.id == wanted) {
            byId.append(e.id);
        } else if (folded(e.name) == wanted) {
            byName.append(e.id);
        } else if (byId.isEmpty() && byName.isEmpty()) {
            for (const Alias &a : e.aliases) {
                if (folded(a.text) == wanted) {
                    byAlias.append(e.id);
                    break;
                }
            }
        }
    }
    return !byId.isEmpty() ? byId : !byName.isEmpty() ? byName : byAlias;
}

QStringList expanded(const KnowledgeBase &kb, const QStringList &ids)
{
    QSet<QString> all;
    for (const QString &id : ids) {
        const QSet<QString> inside = kb.descendantsAndSelf(id);
        all.unite(inside.isEmpty() ? QSet<QString>{id} : inside);
    }
    QStringList out(all.cbegin(), all.cend());
    out.sort();
    return out;
}

} // namespace

QStringList namedEntities(const KnowledgeBase &kb, Field field, const QString &value)
{
    if (!isEntityField(field))
        return {};
    const EntityKind kind = field == Field::Company ? EntityKind::Company
        : field == Field::Chip                      ? EntityKind::Chip
        : field == Field::Organisation              ? EntityKind::Organisation
                                                    : EntityKind::Region;
    return lookup(kb, kind, value);
}

void resolve(Node &node, const KnowledgeBase &kb, QList<Error> &errors)
{
    for (Node &c : node.children)
        resolve(c, kb, errors);
    if (node.type != Node::Term || !isEntityField(node.field))
        return;
    const QStringList found = namedEntities(kb, node.field, node.value);
    if (found.isEmpty()) {
        errors.append(Error{node.valueRange,
            QObject::tr("the knowledge base has no %1 called \"%2\"").arg(fieldName(node.field), node.value)});
        return;
    }
    node.entityIds = expanded(kb, found);
}

Search prepare(QStringView text, const FacetFilter &facets, const KnowledgeBase &kb)
{
    Search s;
    s.text = text.toString();
    ParseResult parsed = parse(text);
    s.query = std::move(parsed.root);
    s.errors = std::move(parsed.errors);
    resolve(s.query, kb, s.errors);
    std::stable_sort(
        s.errors.begin(), s.errors.end(), [](const Error &a, const Error &b) { return a.range.start < b.range.start; });
    for (auto it = facets.chosen.cbegin(); it != facets.chosen.cend(); ++it) {
        if (!it.value().isEmpty())
            s.chosen.insert(it.key(), expanded(kb, it.value()));
    }
    s.excluded = expanded(kb, facets.excluded);
    return s;
}

} // namespace Lede::Query
