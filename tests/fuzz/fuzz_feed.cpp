// SPDX-License-Identifier: MIT
// Feeds: RSS, Atom (with their XML decoding) and JSON Feed. The first byte picks which.

#include "fuzzcommon.h"
#include "html/encoding.h"
#include "parse/feedparser.h"

LEDE_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray in = LedeFuzz::bytes(data + 1, size - 1);
    QString error;
    switch (data[0] % 3) {
    case 0:
        Lede::parseXmlFeed(Lede::decodeXml(in).text, Lede::SourceFormat::Rss, &error);
        break;
    case 1:
        Lede::parseXmlFeed(Lede::decodeXml(in).text, Lede::SourceFormat::Atom, &error);
        break;
    default:
        Lede::parseJsonFeed(in, &error);
        break;
    }
    return 0;
}
