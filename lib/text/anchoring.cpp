// SPDX-License-Identifier: MIT
#include "anchoring.h"

#include <QHash>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <vector>

namespace Lede {

namespace {

// Weights of a candidate's score, as Hypothesis uses them: the quote counts most, then its
// context, and the distance from the old position only breaks ties.
constexpr double quoteWeight = 50;
constexpr double prefixWeight = 20;
constexpr double suffixWeight = 20;
constexpr double positionWeight = 2;
// A quote shorter than this is found in many places; away from its old position it needs context.
constexpr qsizetype shortQuote = 32;
constexpr double minimumContext = 0.5;
// Distinct places an approximate search considers.
constexpr int maxCandidates = 8;
// Work (text characters x 64-character blocks) spent finding where approximate matches start.
constexpr qint64 maxStartWork = 50'000'000;
// Ends of equal distance scored around each of those places.
constexpr int maxSameRegion = 16;
// Copies of an exact quote that are scored.
constexpr int maxExactCopies = 2000;

bool splitsPair(QStringView text, qsizetype at)
{
    return at > 0 && at < text.size() && text.at(at - 1).isHighSurrogate() && text.at(at).isLowSurrogate();
}

// One step of Myers' bit-parallel edit distance for one 64-row block of the pattern (Myers 1999,
// "advance_block"): `hin` is the horizontal delta entering the block's lowest row, the result is
// the one leaving its highest (`high`).
int advanceBlock(std::uint64_t &pv, std::uint64_t &mv, std::uint64_t eq, int hin, std::uint64_t high)
{
    const std::uint64_t xv = eq | mv;
    if (hin < 0)
        eq |= 1;
    const std::uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
    std::uint64_t ph = mv | ~(xh | pv);
    std::uint64_t mh = pv & xh;
    int hout = 0;
    if (ph & high)
        hout = 1;
    else if (mh & high)
        hout = -1;
    ph <<= 1;
    mh <<= 1;
    if (hin < 0)
        mh |= 1;
    else if (hin > 0)
        ph |= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    return hout;
}

// d[j], j in [0, text.size()]: the least edit distance between `pattern` and a substring of `text`
// ending at j (free start), or the prefix text[0, j) (anchored).
std::vector<int> distances(QStringView pattern, QStringView text, bool anchored)
{
    const qsizetype m = pattern.size();
    const qsizetype blocks = (m + 63) / 64;
    QHash<char16_t, qsizetype> index;
    std::vector<std::uint64_t> peq;
    for (qsizetype i = 0; i < m; ++i) {
        const char16_t c = pattern.at(i).unicode();
        auto it = index.constFind(c);
        if (it == index.constEnd()) {
            it = index.insert(c, qsizetype(peq.size()) / blocks);
            peq.resize(peq.size() + size_t(blocks), 0);
        }
        peq[size_t(*it * blocks + i / 64)] |= std::uint64_t(1) << (i % 64);
    }
    std::vector<std::uint64_t> pv(size_t(blocks), ~std::uint64_t(0));
    std::vector<std::uint64_t> mv(size_t(blocks), 0);
    const std::uint64_t lastHigh = std::uint64_t(1) << ((m - 1) % 64);
    constexpr std::uint64_t fullHigh = std::uint64_t(1) << 63;
    std::vector<int> d(size_t(text.size()) + 1);
    int score = int(m);
    d[0] = score;
    for (qsizetype j = 0; j < text.size(); ++j) {
        const auto it = index.constFind(text.at(j).unicode());
        const qsizetype row = it == index.constEnd() ? -1 : *it;
        int hin = anchored ? 1 : 0;
        for (qsizetype b = 0; b < blocks; ++b) {
            const std::uint64_t eq = row < 0 ? 0 : peq[size_t(row * blocks + b)];
            hin = advanceBlock(pv[size_t(b)], mv[size_t(b)], eq, hin, b == blocks - 1 ? lastHigh : fullHigh);
        }
        score += hin;
        d[size_t(j) + 1] = score;
    }
    return d;
}

QString reversed(QStringView s)
{
    QString out(s.size(), Qt::Uninitialized);
    std::reverse_copy(s.begin(), s.end(), out.begin());
    return out;
}

double similarity(QStringView before, QStringView now)
{
    if (before.isEmpty())
        return now.isEmpty() ? 1.0 : 0.5;
    const qsizetype longest = std::max(before.size(), now.size());
    return 1.0 - double(editDistance(before, now)) / double(longest);
}

struct Candidate
{
    qsizetype start = 0;
    qsizetype end = 0;
    int errors = 0;
    double quote = 0;
    double context = 0;
    double score = 0;
};

Candidate scored(const TextAnchor &anchor, QStringView text, qsizetype start, qsizetype end, int errors)
{
    Candidate c{start, end, errors};
    const qsizetype m = anchor.exact.size();
    c.quote = 1.0 - double(errors) / double(std::max<qsizetype>(m, 1));
    const qsizetype prefixFrom = std::max<qsizetype>(0, start - anchor.prefix.size());
    const double prefix = similarity(anchor.prefix, text.sliced(prefixFrom, start - prefixFrom));
    const double suffix
        = similarity(anchor.suffix, text.sliced(end, std::min(anchor.suffix.size(), text.size() - end)));
    c.context = (prefix + suffix) / 2;
    const double distance = double(std::abs(start - anchor.start)) / double(std::max<qsizetype>(text.size(), 1));
    const double position = 1.0 - std::min(1.0, distance);
    c.score = (quoteWeight * c.quote + prefixWeight * prefix + suffixWeight * suffix + positionWeight * position)
        / (quoteWeight + prefixWeight + suffixWeight + positionWeight);
    return c;
}

// Where the substring of text ending at `end` with `errors` edits to the quote starts.
qsizetype matchStart(QStringView quote, QStringView text, qsizetype end, int errors)
{
    const qsizetype from = std::max<qsizetype>(0, end - quote.size() - errors);
    const QString window = reversed(text.sliced(from, end - from));
    const std::vector<int> d = distances(reversed(quote), window, true);
    qsizetype bestLength = quote.size();
    int best = -1;
    for (qsizetype length = 0; length < qsizetype(d.size()); ++length) {
        const int v = d[size_t(length)];
        if (best < 0 || v < best
            || (v == best && std::abs(length - quote.size()) < std::abs(bestLength - quote.size()))) {
            best = v;
            bestLength = length;
        }
    }
    return end - bestLength;
}

Reanchored placed(const Candidate &c, Reanchored::Status status, QStringView text)
{
    Reanchored r;
    r.status = status;
    r.start = c.start;
    r.end = c.end;
    if (splitsPair(text, r.start))
        --r.start;
    if (splitsPair(text, r.end))
        ++r.end;
    r.score = c.score;
    r.quoteErrors = c.errors;
    return r;
}

} // namespace

TextAnchor TextAnchor::fromText(QStringView text, qsizetype start, qsizetype end)
{
    TextAnchor a;
    a.start = std::clamp<qsizetype>(start, 0, text.size());
    a.end = std::clamp<qsizetype>(end, a.start, text.size());
    if (splitsPair(text, a.start))
        --a.start;
    if (splitsPair(text, a.end))
        ++a.end;
    a.exact = text.sliced(a.start, a.end - a.start).toString();
    qsizetype prefixFrom = std::max<qsizetype>(0, a.start - anchorContextLength);
    if (splitsPair(text, prefixFrom))
        ++prefixFrom;
    a.prefix = text.sliced(prefixFrom, a.start - prefixFrom).toString();
    qsizetype suffixTo = std::min(text.size(), a.end + anchorContextLength);
    if (splitsPair(text, suffixTo))
        --suffixTo;
    a.suffix = text.sliced(a.end, suffixTo - a.end).toString();
    return a;
}

int editDistance(QStringView a, QStringView b)
{
    if (a.size() < b.size())
        std::swap(a, b);
    std::vector<int> row(size_t(b.size()) + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[size_t(j)] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int up = row[size_t(j)];
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            row[size_t(j)] = std::min({up + 1, row[size_t(j) - 1] + 1, diagonal + cost});
            diagonal = up;
        }
    }
    return row[size_t(b.size())];
}

Reanchored reanchor(const TextAnchor &anchor, QStringView text)
{
    const QStringView quote = anchor.exact;
    const qsizetype m = quote.size();
    if (m == 0 || text.isEmpty())
        return {};
    const auto trusted = [m](const Candidate &c) { return m >= shortQuote || c.context >= minimumContext; };

    // The quote verbatim: at its old position, or the copy whose context and place fit best.
    std::optional<Candidate> atPosition;
    std::optional<Candidate> bestCopy;
    int copies = 0;
    for (qsizetype at = text.indexOf(quote); at >= 0 && copies < maxExactCopies;
         at = text.indexOf(quote, at + 1), ++copies) {
        const Candidate c = scored(anchor, text, at, at + m, 0);
        if (at == anchor.start)
            atPosition = c;
        if (!bestCopy || c.score > bestCopy->score)
            bestCopy = c;
    }
    if (atPosition && atPosition->score >= bestCopy->score - 1e-9)
        return placed(*atPosition, Reanchored::Exact, text);
    if (bestCopy && trusted(*bestCopy))
        return placed(*bestCopy, Reanchored::Moved, text);

    // The quote with some of its words changed: the places with the fewest edits, scored.
    const int maxErrors = int(m / 4);
    if (maxErrors == 0)
        return {};
    const std::vector<int> d = distances(quote, text, false);
    std::vector<qsizetype> ends;
    for (qsizetype j = 1; j < qsizetype(d.size()); ++j) {
        if (d[size_t(j)] <= maxErrors)
            ends.push_back(j);
    }
    std::stable_sort(ends.begin(), ends.end(), [&d](qsizetype a, qsizetype b) { return d[size_t(a)] < d[size_t(b)]; });
    // The region around the old place is always looked at, however many others match as well.
    const qsizetype nearFrom = std::max<qsizetype>(1, anchor.end - m - maxErrors);
    const qsizetype nearTo = std::min<qsizetype>(qsizetype(d.size()) - 1, anchor.end + m + maxErrors);
    std::optional<qsizetype> near;
    for (qsizetype j = nearFrom; j <= nearTo; ++j) {
        if (d[size_t(j)] <= maxErrors && (!near || d[size_t(j)] < d[size_t(*near)]))
            near = j;
    }
    if (near)
        ends.insert(ends.begin(), *near);
    std::vector<qsizetype> chosen;
    std::optional<Candidate> best;
    // Finding where a match starts costs (quote + errors) x blocks; a very long quote gets fewer tries.
    const qint64 blocks = (m + 63) / 64;
    qint64 budget = std::max<qint64>(2, maxStartWork / ((m + maxErrors) * blocks));
    const auto consider = [&](qsizetype end) {
        if (budget-- <= 0)
            return;
        const int errors = d[size_t(end)];
        const qsizetype start = matchStart(quote, text, end, errors);
        if (start >= end)
            return;
        const Candidate c = scored(anchor, text, start, end, errors);
        if (trusted(c) && (!best || c.score > best->score))
            best = c;
    };
    for (qsizetype end : ends) {
        if (int(chosen.size()) >= maxCandidates)
            break;
        if (std::any_of(chosen.cbegin(), chosen.cend(), [&](qsizetype e) { return std::abs(e - end) <= m / 2; }))
            continue;
        chosen.push_back(end);
        // Ends as good as this one nearby (a word cut short or run on): the context tells them apart.
        int tried = 0;
        for (qsizetype delta = 0; delta <= maxErrors && tried < maxSameRegion; ++delta) {
            const qsizetype sides[2] = {end - delta, end + delta};
            for (int side = 0; side < (delta ? 2 : 1); ++side) {
                const qsizetype e = sides[side];
                if (e >= 1 && e < qsizetype(d.size()) && d[size_t(e)] == d[size_t(end)]) {
                    consider(e);
                    ++tried;
                }
            }
        }
    }
    if (best)
        return placed(*best, Reanchored::Moved, text);
    return {};
}

} // namespace Lede
