// SPDX-License-Identifier: MIT
#include "encoding.h"

#include <QStringDecoder>

#include <uchardet.h>

#include <algorithm>
#include <cstring>
#include <optional>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

constexpr qsizetype kPrescanLimit = 16 * 1024; // bytes searched for <meta charset> and friends
constexpr qsizetype kDetectLimit = 256 * 1024; // bytes fed to uchardet

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
}

bool startsWithCi(const char *p, const char *end, const char *lit)
{
    for (; *lit; ++p, ++lit) {
        if (p >= end || asciiLower(*p) != *lit)
            return false;
    }
    return true;
}

/// Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF). Sets hasMultibyte when at
/// least one non-ASCII sequence is present.
bool isValidUtf8(const QByteArray &bytes, bool *hasMultibyte = nullptr)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const auto *end = p + bytes.size();
    bool multi = false;
    while (p < end) {
        // ASCII, which is most of a page's markup, eight bytes at a time
        while (end - p >= 8) {
            quint64 word;
            std::memcpy(&word, p, sizeof word);
            if (word & 0x8080808080808080ULL)
                break;
            p += 8;
        }
        if (p >= end)
            break;
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        multi = true;
        int need;
        unsigned int min;
        unsigned int cp;
        if ((c & 0xE0) == 0xC0) {
            need = 1;
            min = 0x80;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            need = 2;
            min = 0x800;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            need = 3;
            min = 0x10000;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= need)
            return false;
        for (int i = 1; i <= need; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        p += need + 1;
    }
    if (hasMultibyte)
        *hasMultibyte = multi;
    return true;
}

struct Bom
{
    QByteArray encoding;
    int length = 0;
};

Bom detectBom(const QByteArray &bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return {"UTF-8"_ba, 3};
    if (bytes.startsWith(QByteArrayView("\xFF\xFE\x00\x00", 4)))
        return {"UTF-32LE"_ba, 4};
    if (bytes.startsWith(QByteArrayView("\x00\x00\xFE\xFF", 4)))
        return {"UTF-32BE"_ba, 4};
    if (bytes.startsWith("\xFF\xFE"))
        return {"UTF-16LE"_ba, 2};
    if (bytes.startsWith("\xFE\xFF"))
        return {"UTF-16BE"_ba, 2};
    return {};
}

/// Extracts the charset parameter from a Content-Type value such as "text/html; charset=utf-8".
QByteArray charsetFromContentType(const QByteArray &value)
{
    const QByteArray lower = value.toLower();
    qsizetype pos = 0;
    while ((pos = lower.indexOf("charset", pos)) >= 0) {
        qsizetype i = pos + 7;
        while (i < lower.size() && isAsciiSpace(lower[i]))
            ++i;
        if (i >= lower.size() || lower[i] != '=') {
            pos = i;
            continue;
        }
        ++i;
        while (i < lower.size() && isAsciiSpace(lower[i]))
            ++i;
        if (i < lower.size() && (lower[i] == '"' || lower[i] == '\'')) {
            const char q = lower[i];
            const qsizetype close = lower.indexOf(q, i + 1);
            return value.mid(i + 1, close < 0 ? -1 : close - i - 1).trimmed();
        }
        qsizetype j = i;
        while (j < lower.size() && !isAsciiSpace(lower[j]) && lower[j] != ';')
            ++j;
        return value.mid(i, j - i).trimmed();
    }
    return {};
}

/// A small version of the WHATWG "prescan a byte stream to determine its encoding" algorithm: finds <meta
/// charset> or <meta http-equiv=content-type content="…charset=…"> outside comments. Byte scanning of the
/// head only; the document itself is parsed by gumbo.
QByteArray prescanMetaCharset(const QByteArray &bytes)
{
    const char *begin = bytes.constData();
    const char *end = begin + std::min(bytes.size(), kPrescanLimit);
    const char *p = begin;
    while (p < end) {
        if (*p != '<') {
            ++p;
            continue;
        }
        if (startsWithCi(p, end, "<!--")) {
            const char *q = p + 4;
            while (q + 2 < end && !(q[0] == '-' && q[1] == '-' && q[2] == '>'))
                ++q;
            p = q + 3;
            continue;
        }
        const bool isMeta = startsWithCi(p, end, "<meta") && p + 5 < end && (isAsciiSpace(p[5]) || p[5] == '/');
        if (!isMeta) {
            ++p;
            continue;
        }
        p += 5;
        QByteArray httpEquiv, content, charset;
        while (p < end && *p != '>') {
            while (p < end && (isAsciiSpace(*p) || *p == '/'))
                ++p;
            if (p >= end || *p == '>')
                break;
            const char *nameStart = p;
            while (p < end && !isAsciiSpace(*p) && *p != '=' && *p != '>' && *p != '/')
                ++p;
            const QByteArray name = QByteArray(nameStart, p - nameStart).toLower();
            while (p < end && isAsciiSpace(*p))
                ++p;
            QByteArray value;
            if (p < end && *p == '=') {
                ++p;
                while (p < end && isAsciiSpace(*p))
                    ++p;
                if (p < end && (*p == '"' || *p == '\'')) {
                    const char q = *p++;
                    const char *vs = p;
                    while (p < end && *p != q)
                        ++p;
                    value = QByteArray(vs, p - vs);
                    if (p < end)
                        ++p;
                } else {
                    const char *vs = p;
                    while (p < end && !isAsciiSpace(*p) && *p != '>')
                        ++p;
                    value = QByteArray(vs, p - vs);
                }
            }
            if (name == "charset")
                charset = value.trimmed();
            else if (name == "http-equiv")
                httpEquiv = value.trimmed().toLower();
            else if (name == "content")
                content = value;
        }
        if (!charset.isEmpty())
            return charset;
        if (httpEquiv == "content-type") {
            const QByteArray cs = charsetFromContentType(content);
            if (!cs.isEmpty())
                return cs;
        }
    }
    return {};
}

/// The encoding named in an XML declaration (<?xml version="1.0" encoding="…"?>) at the start of the bytes.
QByteArray xmlDeclarationEncoding(const QByteArray &bytes)
{
    qsizetype start = 0;
    while (start < bytes.size() && start < 64 && isAsciiSpace(bytes[start]))
        ++start;
    if (!bytes.mid(start, 5).startsWith("<?xml"))
        return {};
    const qsizetype close = bytes.indexOf("?>", start);
    if (close < 0 || close - start > 512)
        return {};
    const QByteArray decl = bytes.mid(start, close - start);
    const qsizetype pos = decl.indexOf("encoding");
    if (pos < 0)
        return {};
    qsizetype i = pos + 8;
    while (i < decl.size() && (isAsciiSpace(decl[i]) || decl[i] == '='))
        ++i;
    if (i >= decl.size() || (decl[i] != '"' && decl[i] != '\''))
        return {};
    const char q = decl[i];
    const qsizetype e = decl.indexOf(q, i + 1);
    if (e < 0)
        return {};
    return decl.mid(i + 1, e - i - 1).trimmed();
}

QByteArray detectWithUchardet(const QByteArray &bytes)
{
    uchardet_t ud = uchardet_new();
    if (!ud)
        return {};
    const qsizetype n = std::min(bytes.size(), kDetectLimit);
    QByteArray result;
    if (uchardet_handle_data(ud, bytes.constData(), size_t(n)) == 0) {
        uchardet_data_end(ud);
        if (const char *cs = uchardet_get_charset(ud))
            result = QByteArray(cs);
    }
    uchardet_delete(ud);
    return result;
}

DecodedText decodeWith(const QByteArray &bytes, qsizetype skip, const QByteArray &encoding, QStringList warnings)
{
    DecodedText out;
    out.encoding = encoding;
    out.warnings = std::move(warnings);
    QStringDecoder decoder(encoding.constData());
    if (!decoder.isValid()) {
        out.warnings << QStringLiteral("no decoder for %1; decoded as UTF-8").arg(QString::fromLatin1(encoding));
        out.encoding = "UTF-8"_ba;
        decoder = QStringDecoder(QStringDecoder::Utf8);
    }
    out.text = decoder.decode(QByteArrayView(bytes).sliced(skip));
    if (decoder.hasError())
        out.warnings << QStringLiteral("invalid byte sequences for %1 were replaced with U+FFFD")
                            .arg(QString::fromLatin1(out.encoding));
    return out;
}

enum class Kind { Html, Xml, Text };

DecodedText decode(const QByteArray &bytes, const QByteArray &httpCharset, Kind kind)
{
    QStringList warnings;
    const Bom bom = detectBom(bytes);
    if (bom.length)
        return decodeWith(bytes, bom.length, bom.encoding, warnings);

    bool multibyte = false;
    const bool validUtf8 = isValidUtf8(bytes, &multibyte);

    // A declaration is obeyed unless it names a single-byte legacy encoding while the bytes are valid UTF-8
    // with multi-byte sequences: saved pages are often re-encoded as UTF-8 without fixing their <meta>.
    auto useDeclared = [&](const QByteArray &label, const QString &where) -> std::optional<DecodedText> {
        if (label.isEmpty())
            return std::nullopt;
        QByteArray enc = normalizeCharsetLabel(label);
        if (enc.isEmpty()) {
            warnings
                << QStringLiteral("unsupported charset \"%1\" in %2 ignored").arg(QString::fromLatin1(label), where);
            return std::nullopt;
        }
        if (kind == Kind::Html && where != u"HTTP header"_s && enc.startsWith("UTF-16"))
            enc = "UTF-8"_ba; // WHATWG: a document that can declare itself in ASCII is not UTF-16
        const bool singleByte = enc.startsWith("windows-125") || enc.startsWith("ISO-8859") || enc == "KOI8-R";
        if (singleByte && validUtf8 && multibyte) {
            warnings << QStringLiteral("%1 declares %2 but the bytes are valid UTF-8; decoded as UTF-8")
                            .arg(where, QString::fromLatin1(enc));
            enc = "UTF-8"_ba;
        }
        return decodeWith(bytes, 0, enc, warnings);
    };

    if (kind != Kind::Text) {
        if (auto r = useDeclared(httpCharset, u"HTTP header"_s))
            return *r;
        if (kind == Kind::Html) {
            if (auto r = useDeclared(prescanMetaCharset(bytes), u"<meta>"_s))
                return *r;
        }
        if (auto r = useDeclared(xmlDeclarationEncoding(bytes), u"XML declaration"_s))
            return *r;
        if (kind == Kind::Xml && validUtf8)
            return decodeWith(bytes, 0, "UTF-8"_ba, warnings); // XML's default
    }

    // Valid UTF-8 is taken as UTF-8 before asking the detector: random legacy text is almost never valid
    // UTF-8, while detectors sometimes guess a legacy encoding for short UTF-8 input.
    if (validUtf8)
        return decodeWith(bytes, 0, "UTF-8"_ba, warnings);

    const QByteArray detected = normalizeCharsetLabel(detectWithUchardet(bytes));
    if (!detected.isEmpty() && detected != "UTF-8") {
        if (kind != Kind::Text)
            warnings << QStringLiteral("no charset declared; detected %1").arg(QString::fromLatin1(detected));
        return decodeWith(bytes, 0, detected, warnings);
    }
    if (detected == "UTF-8") {
        warnings << u"invalid UTF-8; undecodable bytes replaced"_s;
        return decodeWith(bytes, 0, "UTF-8"_ba, warnings);
    }
    warnings << u"encoding unknown; decoded as windows-1252"_s;
    return decodeWith(bytes, 0, "windows-1252"_ba, warnings);
}

} // namespace

QByteArray normalizeCharsetLabel(const QByteArray &label)
{
    QByteArray l = label.trimmed().toLower();
    while (!l.isEmpty() && (l.front() == '"' || l.front() == '\''))
        l.remove(0, 1);
    while (!l.isEmpty() && (l.back() == '"' || l.back() == '\''))
        l.chop(1);
    l = l.trimmed();
    if (l.isEmpty())
        return {};
    struct Alias
    {
        const char *label;
        const char *name;
    };
    static constexpr Alias aliases[] = {
        {"utf8", "UTF-8"},
        {"utf-8", "UTF-8"},
        {"unicode-1-1-utf-8", "UTF-8"},
        {"x-unicode20utf8", "UTF-8"},
        {"ascii", "windows-1252"},
        {"us-ascii", "windows-1252"},
        {"ansi_x3.4-1968", "windows-1252"},
        {"iso-8859-1", "windows-1252"},
        {"iso8859-1", "windows-1252"},
        {"iso_8859-1", "windows-1252"},
        {"iso88591", "windows-1252"},
        {"latin1", "windows-1252"},
        {"latin-1", "windows-1252"},
        {"l1", "windows-1252"},
        {"cp1252", "windows-1252"},
        {"x-cp1252", "windows-1252"},
        {"cp819", "windows-1252"},
        {"ibm819", "windows-1252"},
        {"windows-1252", "windows-1252"},
        {"iso-8859-9", "windows-1254"},
        {"latin5", "windows-1254"},
        {"iso-8859-11", "windows-874"},
        {"tis-620", "windows-874"},
        {"gb2312", "GB18030"},
        {"gbk", "GB18030"},
        {"x-gbk", "GB18030"},
        {"gb_2312-80", "GB18030"},
        {"gb_2312", "GB18030"},
        {"csgb2312", "GB18030"},
        {"chinese", "GB18030"},
        {"euc-cn", "GB18030"},
        {"cp936", "GB18030"},
        {"ms936", "GB18030"},
        {"windows-936", "GB18030"},
        {"gb18030", "GB18030"},
        {"big5", "Big5"},
        {"big5-hkscs", "Big5-HKSCS"},
        {"cn-big5", "Big5"},
        {"x-x-big5", "Big5"},
        {"csbig5", "Big5"},
        {"shift_jis", "Shift_JIS"},
        {"shift-jis", "Shift_JIS"},
        {"sjis", "Shift_JIS"},
        {"x-sjis", "Shift_JIS"},
        {"ms_kanji", "Shift_JIS"},
        {"csshiftjis", "Shift_JIS"},
        {"ms932", "windows-31j"},
        {"windows-31j", "windows-31j"},
        {"cp932", "windows-31j"},
        {"euc-jp", "EUC-JP"},
        {"x-euc-jp", "EUC-JP"},
        {"euc-kr", "EUC-KR"},
        {"ks_c_5601-1987", "EUC-KR"},
        {"ksc5601", "EUC-KR"},
        {"windows-949", "EUC-KR"},
        {"cp949", "EUC-KR"},
        {"utf-16", "UTF-16LE"},
        {"utf-16le", "UTF-16LE"},
        {"utf-16be", "UTF-16BE"},
        {"x-user-defined", "windows-1252"},
    };
    for (const Alias &a : aliases) {
        if (l == a.label) {
            const QByteArray name(a.name);
            if (QStringDecoder(name.constData()).isValid())
                return name;
            if (name == "windows-31j" && QStringDecoder("Shift_JIS").isValid())
                return "Shift_JIS"_ba;
            if (name == "Big5-HKSCS" && QStringDecoder("Big5").isValid())
                return "Big5"_ba;
            return {};
        }
    }
    if (l.startsWith("windows-") || l.startsWith("iso-8859-") || l.startsWith("koi8") || l.startsWith("ibm")
        || l.startsWith("mac") || l.startsWith("cp") || l.startsWith("euc-") || l.startsWith("iso-2022")) {
        QByteArray name = l;
        if (name.startsWith("iso-") || name.startsWith("koi8") || name.startsWith("euc-"))
            name = name.toUpper();
        if (QStringDecoder(name.constData()).isValid())
            return name;
    }
    if (QStringDecoder(l.constData()).isValid())
        return l;
    return {};
}

DecodedText decodeHtml(const QByteArray &bytes, const QByteArray &declaredHttpCharset)
{
    return decode(bytes, declaredHttpCharset, Kind::Html);
}

DecodedText decodeXml(const QByteArray &bytes, const QByteArray &declaredHttpCharset)
{
    return decode(bytes, declaredHttpCharset, Kind::Xml);
}

DecodedText decodeText(const QByteArray &bytes)
{
    return decode(bytes, {}, Kind::Text);
}

} // namespace Lede
