// SPDX-License-Identifier: MIT
#include "text/datetime.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

int monthFromName(QStringView name)
{
    static const QStringList months = {u"january"_s, u"february"_s, u"march"_s, u"april"_s, u"may"_s, u"june"_s,
        u"july"_s, u"august"_s, u"september"_s, u"october"_s, u"november"_s, u"december"_s};
    const QString key = name.toString().toLower();
    if (key.size() < 3)
        return 0;
    for (int i = 0; i < months.size(); ++i) {
        // The full name, its three-letter abbreviation, or "Sept".
        if (key == months.at(i) || key == months.at(i).left(3) || (i == 8 && key == u"sept"))
            return i + 1;
    }
    return 0;
}

ParsedDate fromParts(int y, int mo, int d, int h = -1, int mi = 0, int s = 0, std::optional<int> offsetSecs = {})
{
    ParsedDate out;
    const QDate date(y, mo, d);
    if (!date.isValid() || y < 1900 || y > 2200)
        return out;
    if (h < 0) {
        out.value = QDateTime(date, QTime(0, 0), QTimeZone::UTC);
        out.hasTime = false;
        return out;
    }
    const QTime time(h, mi, s);
    if (!time.isValid())
        return out;
    out.value = offsetSecs ? QDateTime(date, time, QTimeZone::fromSecondsAheadOfUtc(*offsetSecs))
                           : QDateTime(date, time, QTimeZone::LocalTime);
    out.hasTime = true;
    return out;
}

std::optional<int> parseOffset(QStringView tz)
{
    tz = tz.trimmed();
    if (tz.isEmpty())
        return std::nullopt;
    if (tz == u"Z" || tz == u"z" || tz == u"GMT" || tz == u"UTC" || tz == u"UT")
        return 0;
    static const QRegularExpression re(u"^(?:GMT|UTC)?([+-])(\\d{1,2}):?(\\d{2})?$"_s);
    const auto m = re.matchView(tz);
    if (m.hasMatch()) {
        const int sign = m.capturedView(1) == u"-" ? -1 : 1;
        return sign * (m.capturedView(2).toInt() * 3600 + m.capturedView(3).toInt() * 60);
    }
    static const QHash<QString, int> named = {{u"EST"_s, -5}, {u"EDT"_s, -4}, {u"CST"_s, -6}, {u"CDT"_s, -5},
        {u"MST"_s, -7}, {u"MDT"_s, -6}, {u"PST"_s, -8}, {u"PDT"_s, -7}, {u"BST"_s, 1}, {u"CET"_s, 1}, {u"CEST"_s, 2},
        {u"JST"_s, 9}, {u"HKT"_s, 8}, {u"SGT"_s, 8}};
    const auto it = named.constFind(tz.toString().toUpper());
    if (it != named.cend())
        return *it * 3600;
    return std::nullopt;
}

} // namespace

ParsedDate parseDate(QStringView input)
{
    const QStringView text = input.trimmed();
    if (text.isEmpty() || text.size() > 80)
        return {};

    // ISO 8601 and its common relatives.
    static const QRegularExpression iso(
        u"^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2}|UTC|GMT)?)?$"_s);
    if (const auto m = iso.matchView(text); m.hasMatch()) {
        const int y = m.capturedView(1).toInt(), mo = m.capturedView(2).toInt(), d = m.capturedView(3).toInt();
        if (!m.hasCaptured(4))
            return fromParts(y, mo, d);
        return fromParts(y, mo, d, m.capturedView(4).toInt(), m.capturedView(5).toInt(), m.capturedView(6).toInt(),
            parseOffset(m.capturedView(7)));
    }
    // Compact ISO: 20250213T114908Z
    static const QRegularExpression compact(u"^(\\d{4})(\\d{2})(\\d{2})(?:T(\\d{2})(\\d{2})(\\d{2})?(Z)?)?$"_s);
    if (const auto m = compact.matchView(text); m.hasMatch()) {
        if (!m.hasCaptured(4))
            return fromParts(m.capturedView(1).toInt(), m.capturedView(2).toInt(), m.capturedView(3).toInt());
        return fromParts(m.capturedView(1).toInt(), m.capturedView(2).toInt(), m.capturedView(3).toInt(),
            m.capturedView(4).toInt(), m.capturedView(5).toInt(), m.capturedView(6).toInt(),
            parseOffset(m.capturedView(7)));
    }
    // RFC 2822: "Thu, 13 Feb 2025 11:49:08 GMT", also without weekday or seconds.
    static const QRegularExpression rfc(
        u"^(?:[A-Za-z]{3},?\\s+)?(\\d{1,2})\\s+([A-Za-z]{3,9})\\.?\\s+(\\d{4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([A-Za-z]{1,4}|[+-]\\d{4})?)?$"_s);
    if (const auto m = rfc.matchView(text); m.hasMatch()) {
        const int mo = monthFromName(m.capturedView(2));
        if (mo == 0)
            return {};
        if (!m.hasCaptured(4))
            return fromParts(m.capturedView(3).toInt(), mo, m.capturedView(1).toInt());
        return fromParts(m.capturedView(3).toInt(), mo, m.capturedView(1).toInt(), m.capturedView(4).toInt(),
            m.capturedView(5).toInt(), m.capturedView(6).toInt(), parseOffset(m.capturedView(7)));
    }
    // "February 13, 2025", "Feb. 13, 2025 11:49 AM", optionally after a weekday.
    static const QRegularExpression us(
        u"^(?:[A-Za-z]+,?\\s+)?([A-Za-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?:,?\\s+(?:at\\s+)?(\\d{1,2}):(\\d{2})\\s*([AaPp]\\.?[Mm]\\.?)?\\s*([A-Za-z]{2,4})?)?$"_s);
    if (const auto m = us.matchView(text); m.hasMatch()) {
        const int mo = monthFromName(m.capturedView(1));
        if (mo == 0)
            return {};
        if (!m.hasCaptured(4))
            return fromParts(m.capturedView(3).toInt(), mo, m.capturedView(2).toInt());
        int h = m.capturedView(4).toInt();
        const QStringView ampm = m.capturedView(6);
        if (!ampm.isEmpty()) {
            const bool pm = ampm.at(0).toLower() == u'p';
            h = (h % 12) + (pm ? 12 : 0);
        }
        return fromParts(m.capturedView(3).toInt(), mo, m.capturedView(2).toInt(), h, m.capturedView(5).toInt(), 0,
            parseOffset(m.capturedView(7)));
    }
    // "13 February 2025"
    static const QRegularExpression eu(u"^(\\d{1,2})\\.?\\s+([A-Za-z]{3,9})\\.?,?\\s+(\\d{4})$"_s);
    if (const auto m = eu.matchView(text); m.hasMatch()) {
        const int mo = monthFromName(m.capturedView(2));
        return mo ? fromParts(m.capturedView(3).toInt(), mo, m.capturedView(1).toInt()) : ParsedDate{};
    }
    // "2025年2月13日" with an optional time.
    static const QRegularExpression cjk(u"^(\\d{4})年(\\d{1,2})月(\\d{1,2})日(?:\\s*(\\d{1,2}):(\\d{2}))?"_s);
    if (const auto m = cjk.matchView(text); m.hasMatch()) {
        if (!m.hasCaptured(4))
            return fromParts(m.capturedView(1).toInt(), m.capturedView(2).toInt(), m.capturedView(3).toInt());
        return fromParts(m.capturedView(1).toInt(), m.capturedView(2).toInt(), m.capturedView(3).toInt(),
            m.capturedView(4).toInt(), m.capturedView(5).toInt());
    }
    // "2025/02/13"
    static const QRegularExpression slashes(u"^(\\d{4})/(\\d{1,2})/(\\d{1,2})$"_s);
    if (const auto m = slashes.matchView(text); m.hasMatch())
        return fromParts(m.capturedView(1).toInt(), m.capturedView(2).toInt(), m.capturedView(3).toInt());
    return {};
}

} // namespace Lede
