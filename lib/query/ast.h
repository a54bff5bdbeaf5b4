// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace Lede::Query {

/// A stretch of the query as typed: UTF-16 offsets, end exclusive.
struct SourceRange
{
    qsizetype start = 0;
    qsizetype end = 0;
    qsizetype length() const { return end - start; }
    friend bool operator==(const SourceRange &, const SourceRange &) = default;
};

/// What a `name:value` term asks about.
enum class Field : quint8 {
    Company, // company:nvidia — an entity of the knowledge base, with what lies inside it
    Chip, // chip:"ascend 910b"
    Region, // region:"southeast asia" — with its members (Malaysia, Johor …)
    Outlet, // outlet:reuters — the outlet's name, ignoring case; reuters* for a prefix
    Since, // since:2025-04 — published on or after the first day of the year, month or day
    Until, // until:2025-06 — published on or before its last day
    Has, // has:annotation, has:note
    Tag, // tag:chips
    Color, // color:yellow — an annotation of that colour
    Title, // title:export — words in the headline only
    Organisation, // organisation:"european commission" — with what lies inside it
};

/// "company", "chip" …: the name typed before the colon.
QString fieldName(Field field);
/// Every field name, in the order above (for completion and the syntax definition).
QStringList fieldNames();
/// True for company:, chip:, region: and organisation:, whose values are entities of the knowledge base.
bool isEntityField(Field field);

/// One node of a parsed query. Leaves are free text (Word, Phrase) and field terms; And, Or and Not
/// combine them. Every node keeps where it was typed, so errors and highlighting point at it.
struct Node
{
    enum Type : quint8 { Word, Phrase, Term, And, Or, Not };
    Type type = And;
    SourceRange range;

    /// Word and Phrase: the text as typed, without quotes; prefix for `chip*` or `"export con"*`.
    QString text;
    bool prefix = false;

    /// Term: the field, its value as typed (without quotes) and where the value is.
    Field field = Field::Company;
    QString value;
    SourceRange valueRange;
    /// Term of an entity field, after resolve(): the entity ids it stands for, each with what lies
    /// inside it (a region's members, a company's subsidiaries). Empty before resolve().
    QStringList entityIds;
    /// Since and Until: the first day the term admits, and the first day after it ("2025-04-01",
    /// "2025-05-01" for 2025-04), as ISO dates. Until keeps its bound in `dateEnd`.
    QString dateStart;
    QString dateEnd;
    /// Has: "annotation" or "note".
    QString has;

    /// And, Or: two or more children. Not: exactly one. An empty And is the query that admits
    /// every article (an empty search field).
    std::vector<Node> children;

    bool isText() const { return type == Word || type == Phrase; }
    bool isEmpty() const { return type == And && children.empty(); }
    /// The query written back in a canonical form: AND/OR/NOT in capitals, brackets where needed,
    /// values quoted when they hold spaces. Parsing it gives the same tree.
    QString toString() const;
    /// A compact form for tests: (AND word:"x" (NOT company:"nvidia")).
    QString debugString() const;
};

/// A mistake in a query: where it is and what is wrong, in words for the person typing it.
struct Error
{
    SourceRange range;
    QString message;
};

} // namespace Lede::Query
