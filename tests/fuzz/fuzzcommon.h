// SPDX-License-Identifier: MIT
#pragma once

// What every fuzz target shares: the libFuzzer entry points, a quiet Qt log, and the input as the
// types the parsers take.

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);

namespace LedeFuzz {

/// Drops Qt's warnings: a parser that warns about a hostile input is doing its job, and the log
/// would slow the fuzzer down by orders of magnitude.
inline void quietQt()
{
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
}

/// The input without a copy; valid while the fuzzer's buffer is.
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// The input read as UTF-8 (invalid sequences become U+FFFD), as the parsers receive decoded text.
inline QString text(const uint8_t *data, size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace LedeFuzz

#define LEDE_FUZZ_INIT                                                                                                 \
    extern "C" int LLVMFuzzerInitialize(int *, char ***)                                                               \
    {                                                                                                                  \
        LedeFuzz::quietQt();                                                                                           \
        return 0;                                                                                                      \
    }
