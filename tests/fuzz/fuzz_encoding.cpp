// SPDX-License-Identifier: MIT
// Encoding detection and decoding of pages, feeds and text. The bytes up to the first newline are
// also tried as a charset label (from an HTTP header or a meta tag).

#include "fuzzcommon.h"
#include "html/encoding.h"

LEDE_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray in = LedeFuzz::bytes(data, size);
    const qsizetype newline = in.indexOf('\n');
    const QByteArray label = newline < 0 ? QByteArray() : in.left(newline);
    Lede::normalizeCharsetLabel(label);
    Lede::decodeHtml(in, label);
    Lede::decodeHtml(in);
    Lede::decodeXml(in, label);
    Lede::decodeText(in);
    return 0;
}
