// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Lede {

/// Text decoded from bytes of unknown or declared encoding.
struct DecodedText
{
    QString text;
    QByteArray encoding; ///< canonical name of the encoding used, e.g. "UTF-8", "windows-1252", "GB18030"
    QStringList warnings; ///< human-readable notes: invalid bytes replaced, declaration ignored, …
};

/// Decodes an HTML document. Order of evidence: byte-order mark, the HTTP charset (declaredHttpCharset),
/// <meta charset>, <meta http-equiv="Content-Type">, an XML declaration, detection with uchardet, UTF-8 when
/// the bytes are valid UTF-8, and Windows-1252 as the last resort. Never fails: undecodable bytes become
/// U+FFFD and a warning.
DecodedText decodeHtml(const QByteArray &bytes, const QByteArray &declaredHttpCharset = {});

/// Decodes an XML document (feeds): byte-order mark, HTTP charset, the XML declaration, detection, UTF-8.
DecodedText decodeXml(const QByteArray &bytes, const QByteArray &declaredHttpCharset = {});

/// Decodes plain text with no declaration: byte-order mark, valid UTF-8, detection, Windows-1252.
DecodedText decodeText(const QByteArray &bytes);

/// Maps a charset label (as found in HTTP headers and meta tags) to a name QStringDecoder accepts, following
/// the WHATWG Encoding Standard where it matters (latin1 and ascii mean windows-1252, gb2312 and gbk mean
/// GB18030). Returns an empty array for labels no decoder here supports.
QByteArray normalizeCharsetLabel(const QByteArray &label);

} // namespace Lede
