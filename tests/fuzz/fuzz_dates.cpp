// SPDX-License-Identifier: MIT
// The one date parser: strict, lenient, and back to ISO 8601.

#include "fuzzcommon.h"
#include "text/datetime.h"

LEDE_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString in = LedeFuzz::text(data, size);
    const Lede::ParsedDate strict = Lede::parseDate(in);
    const QString iso = Lede::toIsoString(strict);
    // What it writes, it reads back as the same moment.
    if (strict.isValid() && Lede::parseDate(iso).value != strict.value)
        __builtin_trap();
    Lede::toIsoString(Lede::findDate(in));
    Lede::normalizeDateTime(in);
    return 0;
}
