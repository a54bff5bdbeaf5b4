// SPDX-License-Identifier: MIT
// Re-anchoring: a passage of an old text (the first four bytes pick its start and length) is
// anchored, then placed again in a new text (the input after the first NUL). The result must lie
// inside the new text, and a text that did not change must give the passage back where it was.

#include "fuzzcommon.h"
#include "text/anchoring.h"

#include <cstdlib>

LEDE_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4)
        return 0;
    const quint32 a = quint32(data[0]) << 8 | data[1];
    const quint32 b = quint32(data[2]) << 8 | data[3];
    const QByteArray rest = LedeFuzz::bytes(data + 4, size - 4);
    const qsizetype nul = rest.indexOf('\0');
    const QString before = QString::fromUtf8(nul < 0 ? rest : rest.left(nul));
    const QString after = nul < 0 ? before : QString::fromUtf8(rest.mid(nul + 1));
    if (before.isEmpty())
        return 0;
    const qsizetype start = qsizetype(a % quint32(before.size()));
    const qsizetype end = std::min<qsizetype>(before.size(), start + 1 + qsizetype(b % 600));

    const Lede::TextAnchor anchor = Lede::TextAnchor::fromText(before, start, end);
    if (anchor.start < 0 || anchor.end > before.size() || anchor.start > anchor.end)
        std::abort();
    if (anchor.prefix.size() > Lede::anchorContextLength || anchor.suffix.size() > Lede::anchorContextLength)
        std::abort();
    if (anchor.exact != QStringView(before).mid(anchor.start, anchor.end - anchor.start))
        std::abort();

    const Lede::Reanchored placed = Lede::reanchor(anchor, after);
    if (placed.status != Lede::Reanchored::Orphan
        && (placed.start < 0 || placed.end > after.size() || placed.start > placed.end))
        std::abort();
    if (placed.score < 0 || placed.score > 1.0001 || placed.quoteErrors < 0)
        std::abort();
    if (nul < 0 && anchor.isValid()
        && (placed.status != Lede::Reanchored::Exact || placed.start != anchor.start || placed.end != anchor.end))
        std::abort(); // the same text: the passage is where it was
    // The edit distance of two short pieces agrees with its definition's bounds.
    const QStringView x = QStringView(before).left(64), y = QStringView(after).left(64);
    const int d = Lede::editDistance(x, y);
    if (d < std::abs(int(x.size()) - int(y.size())) || d > std::max(x.size(), y.size()))
        std::abort();
    return 0;
}
