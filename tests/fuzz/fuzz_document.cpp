// SPDX-License-Identifier: MIT
// A whole saved file, as import reads it: detection, decoding and the parser for its format. The
// first byte picks the file's name, so every parser is reached from any content.

#include "fuzzcommon.h"
#include "parse/documentparser.h"

#include <array>

using namespace Qt::StringLiterals;

LEDE_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const std::array names
        = {u"a.txt"_s, u"a.md"_s, u"a.html"_s, u"a.xml"_s, u"a.json"_s, u"a.rss"_s, u"a.atom"_s, u"a"_s};
    const QString &name = names[data[0] % names.size()];
    const Lede::ParseResult result = Lede::parseDocument(LedeFuzz::bytes(data + 1, size - 1), name);
    for (const Lede::Article &article : result.articles)
        (void)article.text.size();
    return 0;
}
