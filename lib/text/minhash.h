// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QStringView>

#include <array>

namespace Lede {

/// Near-duplicate detection for the same story in several copies: a wire story and its syndicated
/// reprint, one story on two outlets.
///
/// A text becomes a set of shingles (runs of five tokens; a token is a word in spaced scripts and
/// one character in CJK text, so Chinese copies compare as well as English ones), summarised by a
/// MinHash signature whose agreement estimates the shingle sets' Jaccard similarity. Locality-
/// sensitive hashing splits the signature into bands: two texts become candidates when any band is
/// equal, so finding a text's near-duplicates is an index lookup per band, not a comparison with
/// every stored article.
namespace MinHash {

inline constexpr int SignatureSize = 64;
inline constexpr int Bands = 16; // 16 bands of 4 rows: candidates from about 0.4 similarity up
inline constexpr int RowsPerBand = SignatureSize / Bands;
/// Estimated similarity from which two texts are copies of one story.
inline constexpr double SameStoryThreshold = 0.5;

using Signature = std::array<quint32, SignatureSize>;

/// The signature of a text; texts too short to judge (fewer than 30 tokens) get std::nullopt.
std::optional<Signature> signature(QStringView text);
/// The share of positions where two signatures agree: an estimate of Jaccard similarity.
double similarity(const Signature &a, const Signature &b);
/// One 64-bit key per band, for the LSH index.
std::array<qint64, Bands> bandKeys(const Signature &s);

QByteArray toBytes(const Signature &s);
std::optional<Signature> fromBytes(const QByteArray &bytes);

} // namespace MinHash
} // namespace Lede
