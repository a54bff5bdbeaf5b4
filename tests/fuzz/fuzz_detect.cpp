// SPDX-License-Identifier: MIT
// Format detection: any bytes under any of the names a saved file may have.

#include "fuzzcommon.h"
#include "parse/documentparser.h"

#include <array>

using namespace Qt::StringLiterals;

LEDE_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const std::array names = {u"a.txt"_s, u"a.md"_s, u"a.html"_s, u"a.xml"_s, u"a.json"_s, u"a.rss"_s,
        u"a.atom"_s, u"a"_s, u"a.htm"_s, u"a.markdown"_s, u".txt"_s, u"a.TXT"_s, u"a.xhtml"_s, u"feed"_s};
    const QByteArray in = LedeFuzz::bytes(data, size);
    for (const QString &name : names)
        Lede::detectFormat(in, name);
    return 0;
}
