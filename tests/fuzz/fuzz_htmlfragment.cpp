// SPDX-License-Identifier: MIT
// An HTML fragment that is all content (a feed item's body).

#include "fuzzcommon.h"
#include "html/htmlfragment.h"

LEDE_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Lede::htmlFragmentToText(LedeFuzz::text(data, size));
    return 0;
}
