// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

namespace Lede {

/// Characters of context kept on each side of an anchored passage.
inline constexpr qsizetype anchorContextLength = 32;

/// Where a passage sits in a text, as the W3C Web Annotation model describes it: a position
/// (TextPositionSelector, UTF-16 offsets, end exclusive) and the exact quote with the text just
/// before and after it (TextQuoteSelector). The quote and its context find the passage again when
/// the text around it changes; the position tells repeated quotes apart.
struct TextAnchor
{
    qsizetype start = 0;
    qsizetype end = 0;
    QString exact;
    QString prefix; // up to anchorContextLength characters before start
    QString suffix; // up to anchorContextLength characters after end

    /// The anchor of text[start, end): the quote and its context, never splitting a surrogate pair.
    static TextAnchor fromText(QStringView text, qsizetype start, qsizetype end);
    bool isValid() const { return end > start && !exact.isEmpty(); }
};

/// Where an anchor landed in a changed text.
struct Reanchored
{
    enum Status {
        Exact, // the quote is still at its position (and its context agrees)
        Moved, // found elsewhere, or found with its words changed a little
        Orphan, // cannot be placed: kept with its old anchor, listed apart
    };
    Status status = Orphan;
    qsizetype start = 0;
    qsizetype end = 0;
    /// How well the place matches, 0…1: the quote, its prefix and suffix and the distance from the
    /// old position, weighted as Hypothesis does (the quote counts most).
    double score = 0;
    /// Edits (insertions, deletions, substitutions) between the old quote and the new passage.
    int quoteErrors = 0;
};

/// Finds the passage of `anchor` in `text`: by position when the quote is still there (and no
/// other copy of it fits its context better), else by searching for the quote, exactly first, then
/// approximately (Myers' bit-parallel edit distance, up to a quarter of the quote's length in
/// errors), each candidate scored on the quote, the prefix, the suffix and the distance from the old
/// position. A short quote found away from its context is not trusted: it is an orphan. Linear in
/// the text's length times the quote's length / 64, so a 20,000-character text takes well under a
/// millisecond for a sentence.
Reanchored reanchor(const TextAnchor &anchor, QStringView text);

/// The edit distance (Levenshtein, UTF-16 units) between a and b.
int editDistance(QStringView a, QStringView b);

} // namespace Lede
