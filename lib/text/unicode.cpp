// SPDX-License-Identifier: MIT
#include "text/unicode.h"

namespace Lede::Unicode {

bool isCjk(char32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) // radicals, kana, CJK unified ideographs
        || (c >= 0xAC00 && c <= 0xD7AF) // Hangul syllables
        || (c >= 0xF900 && c <= 0xFAFF) // compatibility ideographs
        || (c >= 0xFF66 && c <= 0xFF9F) // half-width katakana
        || (c >= 0x20000 && c <= 0x3FFFF); // supplementary ideographs
}

bool isCjkPunctuation(char32_t c)
{
    return c >= 0x2E80 && c <= 0x303F;
}

bool isFullwidthForm(char32_t c)
{
    return c >= 0xFF00 && c <= 0xFFEF;
}

bool isSpace(char32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0 || c == 0x200B || c == 0x2009
        || c == 0x202F || c == 0x3000 || c == 0xFEFF || (c >= 0x2000 && c <= 0x200A);
}

char32_t nextCodePoint(const char *&p, const char *end)
{
    const auto c = static_cast<unsigned char>(*p++);
    if (c < 0x80)
        return c;
    int extra = (c >= 0xF0) ? 3 : (c >= 0xE0) ? 2 : (c >= 0xC0) ? 1 : 0;
    char32_t cp = c & (0x3F >> extra);
    while (extra-- > 0 && p < end && (static_cast<unsigned char>(*p) & 0xC0) == 0x80)
        cp = (cp << 6) | (static_cast<unsigned char>(*p++) & 0x3F);
    return cp;
}

void appendUtf8(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(char(cp));
    } else if (cp < 0x800) {
        out.push_back(char(0xC0 | (cp >> 6)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(char(0xE0 | (cp >> 12)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (cp >> 18)));
        out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    }
}

} // namespace Lede::Unicode
