// SPDX-License-Identifier: MIT
// The search field's language: the parser, its canonical form written back and parsed again (which
// must give the same tree), and every error's position inside the query.

#include "fuzzcommon.h"
#include "query/parser.h"

#include <cstdlib>

LEDE_FUZZ_INIT

namespace {

void checkRanges(const Lede::Query::Node &node, qsizetype length)
{
    if (node.range.start < 0 || node.range.end < node.range.start || node.range.end > length)
        std::abort();
    for (const Lede::Query::Node &child : node.children)
        checkRanges(child, length);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString query = LedeFuzz::text(data, size);
    const Lede::Query::ParseResult parsed = Lede::Query::parse(query);
    for (const Lede::Query::Error &e : parsed.errors) {
        if (e.range.start < 0 || e.range.end < e.range.start || e.range.end > query.size() || e.message.isEmpty())
            std::abort();
    }
    (void)parsed.root.debugString();
    if (!parsed.ok())
        return 0;
    checkRanges(parsed.root, query.size());
    // A query that parsed is written back in its canonical form; that form parses to the same tree.
    const QString canonical = parsed.root.toString();
    const Lede::Query::ParseResult again = Lede::Query::parse(canonical);
    if (!again.ok() || again.root.debugString() != parsed.root.debugString())
        std::abort();
    return 0;
}
