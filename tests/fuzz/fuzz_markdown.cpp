// SPDX-License-Identifier: MIT
// Markdown clippings and their front matter.

#include "fuzzcommon.h"
#include "parse/frontmatter.h"
#include "parse/markdownparser.h"

using namespace Qt::StringLiterals;

LEDE_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString in = LedeFuzz::text(data, size);
    const Lede::FrontMatter front = Lede::parseFrontMatter(in);
    front.first({u"title", u"date"});
    front.all({u"tags", u"author"});
    Lede::parseMarkdown(in);
    Lede::markdownInlineToText(in);
    return 0;
}
