// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

namespace Lede::Query {

/// The text the full-text index is given for an article's headline or body.
///
/// The index splits words at spaces and punctuation (SQLite FTS5's unicode61 tokenizer), which
/// leaves a line of Chinese or Japanese as one long "word". So every run of CJK characters (Han,
/// kana, Hangul) is written as its overlapping pairs followed by its last character alone:
/// "英伟达公司" → "英伟 伟达 达公 公司 司". A word of two or more characters is then a phrase of
/// pairs ("伟达公" → "伟达 达公"), and a single character is a prefix ("达" finds "达公" and "达").
/// Pairs rather than trigrams because most Chinese words are two characters long (华为, 芯片,
/// 出口), which a trigram index cannot find without reading every row.
QString indexText(QStringView text);

/// A word or phrase as typed, as the words of an FTS phrase over indexText(): CJK runs become their
/// pairs (and their last character when more words follow). `needsPrefix` is set when the phrase
/// ends in a single CJK character, which must be searched as a prefix.
QString phraseText(QStringView text, bool *needsPrefix);

/// True for the characters written without spaces between words: Han, Hiragana, Katakana, Hangul.
bool isCjk(char32_t c);

} // namespace Lede::Query
