// SPDX-License-Identifier: MIT
#pragma once

#include <string>

/// Character classes and UTF-8 helpers shared by the whole library: the one place that says which
/// characters are CJK, which are space, and how UTF-8 is read and written.
namespace Lede::Unicode {

/// A character of the scripts written without spaces between words, each of which stands for a
/// word of its own when matching and hashing: CJK radicals, symbols and punctuation, kana and the
/// unified ideographs (U+2E80–9FFF), Hangul syllables, compatibility ideographs, half-width
/// katakana and the supplementary ideographs (planes 2 and 3).
bool isCjk(char32_t c);

/// The part of isCjk() that holds radicals, ideographic description characters, and CJK symbols and
/// punctuation (U+2E80–303F): CJK, but not the letters of a word.
bool isCjkPunctuation(char32_t c);

/// The "Halfwidth and Fullwidth Forms" block (U+FF00–FFEF): full-width Latin letters, digits and
/// punctuation set in CJK text (，！？), half-width katakana and Hangul.
bool isFullwidthForm(char32_t c);

/// Space as pages use it: ASCII white space, no-break and typographic spaces, the ideographic space,
/// and the zero-width space and byte-order mark that editors leave between words.
bool isSpace(char32_t c);

/// Decodes one code point at p and advances p. The input is expected to be valid UTF-8 (as an HTML
/// parser or QString::toUtf8() produce); a truncated sequence yields what was read.
char32_t nextCodePoint(const char *&p, const char *end);

/// Appends one code point to out, encoded as UTF-8.
void appendUtf8(std::string &out, char32_t cp);

} // namespace Lede::Unicode
