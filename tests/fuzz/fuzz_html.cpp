// SPDX-License-Identifier: MIT
// A whole web page: decoding, the pre-tokenizer, gumbo, scoring, cleaning, metadata and JSON-LD.

#include "fuzzcommon.h"
#include "html/htmlextractor.h"

using namespace Qt::StringLiterals;

LEDE_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Lede::HtmlExtractOptions options;
    options.sourceUrl = u"https://example.com/news/2025/article.html"_s;
    const Lede::ExtractedPage page = Lede::extractHtmlBytes(LedeFuzz::bytes(data, size), options);
    if (page.blocks.size() != (page.text.isEmpty() ? 0 : page.text.count(u"\n\n"_s) + 1))
        __builtin_trap(); // one block per paragraph of the canonical text
    return 0;
}
