// SPDX-License-Identifier: MIT
// Scraped text: decoding without a declaration, then the plain-text parser.

#include "fuzzcommon.h"
#include "html/encoding.h"
#include "parse/plaintextparser.h"

LEDE_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Lede::DecodedText decoded = Lede::decodeText(LedeFuzz::bytes(data, size));
    Lede::parsePlainText(decoded.text);
    return 0;
}
