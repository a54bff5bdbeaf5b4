// SPDX-License-Identifier: MIT
#include "text/minhash.h"
#include "text/unicode.h"

#include <QtEndian>

#include <vector>

namespace Lede::MinHash {

namespace {

constexpr int ShingleTokens = 5;

// A CJK letter is a token of its own; CJK punctuation separates tokens like any other.
bool isCjk(char16_t c)
{
    return Unicode::isCjk(c) && !Unicode::isCjkPunctuation(c);
}

// FNV-1a over the case-folded token, then mixed: cheap and stable across runs and platforms.
quint64 mix(quint64 x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

std::vector<quint64> tokenHashes(QStringView text)
{
    std::vector<quint64> tokens;
    tokens.reserve(size_t(text.size() / 5));
    quint64 h = 0;
    bool inWord = false;
    auto endWord = [&] {
        if (inWord)
            tokens.push_back(mix(h));
        inWord = false;
    };
    for (QChar qc : text) {
        const char16_t c = qc.unicode();
        if (isCjk(c)) {
            endWord();
            tokens.push_back(mix(0xcbf29ce484222325ULL ^ c));
        } else if (qc.isLetterOrNumber()) {
            if (!inWord) {
                h = 0xcbf29ce484222325ULL;
                inWord = true;
            }
            h = (h ^ QChar::toCaseFolded(c)) * 0x100000001b3ULL;
        } else {
            endWord();
        }
    }
    endWord();
    return tokens;
}

} // namespace

std::optional<Signature> signature(QStringView text)
{
    const std::vector<quint64> tokens = tokenHashes(text);
    if (tokens.size() < 30)
        return std::nullopt;
    Signature sig;
    sig.fill(0xFFFFFFFFu);
    for (size_t i = 0; i + ShingleTokens <= tokens.size(); ++i) {
        quint64 shingle = 0;
        for (int k = 0; k < ShingleTokens; ++k)
            shingle = mix(shingle ^ tokens[i + k]) + quint64(k);
        // Each signature position is the minimum of an independent hash of the shingles.
        for (int p = 0; p < SignatureSize; ++p) {
            const quint32 v = quint32(mix(shingle + 0x9e3779b97f4a7c15ULL * quint64(p + 1)) >> 32);
            if (v < sig[p])
                sig[p] = v;
        }
    }
    return sig;
}

double similarity(const Signature &a, const Signature &b)
{
    int same = 0;
    for (int i = 0; i < SignatureSize; ++i)
        same += a[i] == b[i] ? 1 : 0;
    return double(same) / SignatureSize;
}

std::array<qint64, Bands> bandKeys(const Signature &s)
{
    std::array<qint64, Bands> keys{};
    for (int b = 0; b < Bands; ++b) {
        quint64 h = quint64(b) * 0x9e3779b97f4a7c15ULL;
        for (int r = 0; r < RowsPerBand; ++r)
            h = mix(h ^ s[b * RowsPerBand + r]);
        keys[b] = qint64(h >> 1); // SQLite integers are signed
    }
    return keys;
}

QByteArray toBytes(const Signature &s)
{
    QByteArray out(SignatureSize * 4, Qt::Uninitialized);
    for (int i = 0; i < SignatureSize; ++i)
        qToLittleEndian<quint32>(s[i], out.data() + 4 * i);
    return out;
}

std::optional<Signature> fromBytes(const QByteArray &bytes)
{
    if (bytes.size() != SignatureSize * 4)
        return std::nullopt;
    Signature s;
    for (int i = 0; i < SignatureSize; ++i)
        s[i] = qFromLittleEndian<quint32>(bytes.constData() + 4 * i);
    return s;
}

} // namespace Lede::MinHash
