// SPDX-License-Identifier: MIT
// The HTML pre-tokenizer, alone: it must never read past the input, and must keep its depth bound.
// The first byte picks the depth bound, so small bounds are reached too.

#include "fuzzcommon.h"
#include "html/pretokenizer.h"

LEDE_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const int maxDepth = data[0] % 64;
    bool capped = false;
    const QByteArray out = Lede::Extract::prepareForParser(LedeFuzz::bytes(data + 1, size - 1), maxDepth, &capped);
    if (out.size() > qsizetype(size - 1))
        __builtin_trap(); // it only ever removes
    return 0;
}
