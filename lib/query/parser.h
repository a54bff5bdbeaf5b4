// SPDX-License-Identifier: MIT
#pragma once

#include "query/ast.h"

#include <QStringView>

namespace Lede::Query {

/// A query as typed, parsed: the tree (as much of it as could be read) and the mistakes, each with
/// where it is. A query with errors is not searched; the field shows them inline.
struct ParseResult
{
    Node root;
    QList<Error> errors;
    bool ok() const { return errors.isEmpty(); }
};

/// Parses the search field's language:
///
///   huawei malaysia -nvidia since:2025-04        words are ANDed; -word or NOT word leaves out
///   "export controls" OR licen*                   phrases, prefixes, OR (binds looser than AND)
///   (h20 OR h800) company:nvidia                  brackets; fields: see Field
///   chip:"ascend 910b" region:"southeast asia"    quoted values
///   英伟达 輸出規制                                Chinese and Japanese need no spaces
///
/// AND, OR and NOT are operators only in capitals; `and` is a word. Precedence: NOT, then AND,
/// then OR. A word of punctuation alone (a dash between words) is ignored. Entity values are
/// checked against the knowledge base by resolve(), not here.
ParseResult parse(QStringView query);

} // namespace Lede::Query
