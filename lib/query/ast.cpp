// SPDX-License-Identifier: MIT
#include "ast.h"

namespace Lede::Query {

using namespace Qt::StringLiterals;

QStringList fieldNames()
{
    return {u"company"_s, u"chip"_s, u"region"_s, u"outlet"_s, u"since"_s, u"until"_s, u"has"_s, u"tag"_s, u"color"_s,
        u"title"_s, u"organisation"_s};
}

QString fieldName(Field field)
{
    return fieldNames().value(int(field));
}

bool isEntityField(Field field)
{
    return field == Field::Company || field == Field::Chip || field == Field::Region || field == Field::Organisation;
}

namespace {

QString quotedIfNeeded(const QString &value)
{
    for (QChar c : value) {
        if (c.isSpace() || c == u'(' || c == u')' || c == u':' || c == u'*')
            return u'"' + value + u'"';
    }
    return value;
}

} // namespace

QString Node::toString() const
{
    const QString star = prefix ? u"*"_s : QString();
    switch (type) {
    case Word:
        return text + star;
    case Phrase:
        return u'"' + text + u'"' + star;
    case Term:
        return fieldName(field) + u':' + quotedIfNeeded(value) + star;
    case Not: {
        const Node &c = children.front();
        if (c.type == And || c.type == Or)
            return u"-("_s + c.toString() + u')';
        return u'-' + c.toString();
    }
    case And:
    case Or: {
        QStringList parts;
        for (const Node &c : children) {
            const bool bracket = type == And && c.type == Or;
            parts.append(bracket ? QString(u'(' + c.toString() + u')') : c.toString());
        }
        return parts.join(type == And ? u" "_s : u" OR "_s);
    }
    }
    return {};
}

QString Node::debugString() const
{
    const QString star = prefix ? u"*"_s : QString();
    switch (type) {
    case Word:
        return u"word:\""_s + text + u'"' + star;
    case Phrase:
        return u"phrase:\""_s + text + u'"' + star;
    case Term:
        return fieldName(field) + u":\""_s + value + u'"' + star;
    case Not:
    case And:
    case Or: {
        QStringList parts{type == Not ? u"NOT"_s : type == And ? u"AND"_s : u"OR"_s};
        for (const Node &c : children)
            parts.append(c.debugString());
        return u'(' + parts.join(u' ') + u')';
    }
    }
    return {};
}

} // namespace Lede::Query
