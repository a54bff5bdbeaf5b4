// SPDX-License-Identifier: MIT
// JSON-LD blocks of a page: bytes split into scripts at each NUL.

#include "fuzzcommon.h"
#include "html/jsonld.h"

#include <vector>

LEDE_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    std::vector<QByteArray> scripts;
    for (const QByteArray &part : LedeFuzz::bytes(data, size).split('\0'))
        scripts.push_back(part);
    Lede::Extract::readJsonLd(scripts);
    return 0;
}
