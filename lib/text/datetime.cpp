// SPDX-License-Identifier: MIT
#include "text/datetime.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

#include <cstdlib>
#include <optional>

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
    out.hasOffset = offsetSecs.has_value();
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

/// The hour on a 24-hour clock, given "AM", "p.m." and the like (or nothing).
int withAmPm(int hour, QStringView ampm)
{
    if (ampm.isEmpty())
        return hour;
    const bool pm = ampm.at(0).toLower() == u'p';
    return (hour % 12) + (pm ? 12 : 0);
}

/// The month whose name begins with the word's first three letters ("Nov", "November", "Novembre").
int monthFromPrefix(QStringView word)
{
    static const char *const names[]
        = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    if (word.size() < 3)
        return 0;
    const QString l = word.left(3).toString().toLower();
    for (int i = 0; i < 12; ++i) {
        if (l == QLatin1StringView(names[i]))
            return i + 1;
    }
    return 0;
}

/// Reads n ASCII digits at pos.
bool readDigits(QStringView v, qsizetype pos, int n, int *out)
{
    if (pos < 0 || pos + n > v.size())
        return false;
    int x = 0;
    for (int i = 0; i < n; ++i) {
        const QChar c = v[pos + i];
        if (!c.isDigit())
            return false;
        x = x * 10 + c.digitValue();
    }
    *out = x;
    return true;
}

/// An ISO 8601 date at the start of the text, YYYY-MM-DD or YYYY/MM/DD, then optionally (T| )HH:MM[:SS[.fff]]
/// and Z, UTC, GMT or ±HH[:]MM; whatever follows is ignored. *matched says whether the text begins with such a
/// date (valid or not); an impossible time leaves the date alone.
ParsedDate readIsoPrefix(QStringView v, bool *matched)
{
    int y = 0, mo = 0, d = 0;
    *matched = readDigits(v, 0, 4, &y) && v.size() >= 10 && (v[4] == u'-' || v[4] == u'/') && readDigits(v, 5, 2, &mo)
        && v[7] == v[4] && readDigits(v, 8, 2, &d);
    if (!*matched)
        return {};
    qsizetype p = 10;
    int h = 0, mi = 0, sec = 0;
    if (!(p < v.size() && (v[p] == u'T' || v[p] == u' ') && readDigits(v, p + 1, 2, &h) && p + 3 < v.size()
            && v[p + 3] == u':' && readDigits(v, p + 4, 2, &mi)))
        return fromParts(y, mo, d);
    p += 6;
    if (p < v.size() && v[p] == u':' && readDigits(v, p + 1, 2, &sec))
        p += 3;
    if (p < v.size() && (v[p] == u'.' || v[p] == u',')) {
        ++p;
        while (p < v.size() && v[p].isDigit())
            ++p;
    }
    if (h > 23 || mi > 59 || sec > 59)
        return fromParts(y, mo, d);
    while (p < v.size() && v[p] == u' ')
        ++p;
    std::optional<int> offset;
    if (p < v.size()) {
        const QStringView rest = v.mid(p);
        if (rest.front() == u'Z' || rest.startsWith(u"UTC") || rest.startsWith(u"GMT")) {
            offset = 0;
        } else if (rest.front() == u'+' || rest.front() == u'-') {
            int oh = 0, om = 0;
            if (readDigits(rest, 1, 2, &oh)) {
                readDigits(rest, rest.size() > 3 && rest[3] == u':' ? 4 : 3, 2, &om);
                offset = (rest.front() == u'-' ? -1 : 1) * (oh * 3600 + om * 60);
            }
        }
    }
    return fromParts(y, mo, d, h, mi, sec, offset);
}

/// A day, a month name and a year anywhere among the words of the text; a time "14:03" counts when it comes
/// before the day.
ParsedDate scanWords(QStringView v)
{
    QList<QStringView> words;
    for (qsizetype i = 0; i < v.size();) {
        while (i < v.size() && !v[i].isLetterOrNumber())
            ++i;
        const qsizetype start = i;
        while (i < v.size() && v[i].isLetterOrNumber())
            ++i;
        if (i > start)
            words << v.sliced(start, i - start);
    }
    int y = 0, mo = 0, d = 0, h = -1, mi = 0;
    for (qsizetype w = 0; w < words.size(); ++w) {
        const QStringView word = words[w];
        bool isNumber = false;
        const int n = word.toInt(&isNumber);
        if (isNumber) {
            if (word.size() == 4 && n > 1900 && n < 2200 && !y) {
                y = n;
            } else if (n >= 1 && n <= 31 && !d && word.size() <= 2) {
                const qsizetype after = word.data() - v.data() + word.size();
                if (after < v.size() && v[after] == u':' && w + 1 < words.size()) {
                    h = n;
                    mi = words[w + 1].toInt();
                    ++w;
                    continue;
                }
                d = n;
            }
        } else if (!mo) {
            mo = monthFromPrefix(word);
        }
    }
    if (!y || !mo || !d)
        return {};
    if (h >= 0 && h < 24 && mi >= 0 && mi < 60) {
        if (ParsedDate withTime = fromParts(y, mo, d, h, mi); withTime.isValid())
            return withTime;
    }
    return fromParts(y, mo, d);
}

/// RFC 2822: "Thu, 13 Feb 2025 11:49:08 GMT", "Tue, 18 Nov 2019 14:03:00 -0500", also without weekday or
/// seconds. *matched says whether the text has the form (a form with an unknown month is still a match).
ParsedDate readRfc2822(QStringView text, bool *matched)
{
    static const QRegularExpression rfc(
        u"^(?:[A-Za-z]{3},?\\s+)?(\\d{1,2})\\s+([A-Za-z]{3,9})\\.?\\s+(\\d{4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp]\\.?[Mm]\\.?)?\\s*([A-Za-z]{1,4}|[+-]\\d{4})?)?$"_s);
    const auto m = rfc.matchView(text);
    *matched = m.hasMatch();
    if (!*matched)
        return {};
    const int mo = monthFromName(m.capturedView(2));
    if (mo == 0)
        return {};
    if (!m.hasCaptured(4))
        return fromParts(m.capturedView(3).toInt(), mo, m.capturedView(1).toInt());
    return fromParts(m.capturedView(3).toInt(), mo, m.capturedView(1).toInt(),
        withAmPm(m.capturedView(4).toInt(), m.capturedView(7)), m.capturedView(5).toInt(), m.capturedView(6).toInt(),
        parseOffset(m.capturedView(8)));
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
    bool rfcForm = false;
    if (const ParsedDate d = readRfc2822(text, &rfcForm); rfcForm)
        return d;
    // "February 13, 2025", "Feb. 13, 2025 11:49 AM", optionally after a weekday.
    static const QRegularExpression us(
        u"^(?:[A-Za-z]+,?\\s+)?([A-Za-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?:,?\\s+(?:at\\s+)?(\\d{1,2}):(\\d{2})\\s*([AaPp]\\.?[Mm]\\.?)?\\s*([A-Za-z]{2,4})?)?$"_s);
    if (const auto m = us.matchView(text); m.hasMatch()) {
        const int mo = monthFromName(m.capturedView(1));
        if (mo == 0)
            return {};
        if (!m.hasCaptured(4))
            return fromParts(m.capturedView(3).toInt(), mo, m.capturedView(2).toInt());
        return fromParts(m.capturedView(3).toInt(), mo, m.capturedView(2).toInt(),
            withAmPm(m.capturedView(4).toInt(), m.capturedView(6)), m.capturedView(5).toInt(), 0,
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

ParsedDate findDate(QStringView input)
{
    const QStringView text = input.trimmed();
    if (text.isEmpty())
        return {};
    bool isoForm = false;
    if (const ParsedDate d = readIsoPrefix(text, &isoForm); isoForm)
        return d;
    int y = 0, mo = 0, d = 0;
    if (text.size() == 8 && readDigits(text, 0, 4, &y) && readDigits(text, 4, 2, &mo) && readDigits(text, 6, 2, &d)) {
        if (const ParsedDate date = fromParts(y, mo, d); date.isValid())
            return date;
    }
    // Unix seconds, from 1973 on.
    bool isNumber = false;
    const qlonglong secs = text.toLongLong(&isNumber);
    if (isNumber && secs > 100000000LL && secs < 100000000000LL) {
        ParsedDate out;
        out.value = QDateTime::fromSecsSinceEpoch(secs, QTimeZone::UTC);
        out.hasTime = out.hasOffset = true;
        return out;
    }
    bool rfcForm = false;
    if (const ParsedDate date = readRfc2822(text, &rfcForm); date.isValid())
        return date;
    return scanWords(text);
}

QString toIsoString(const ParsedDate &date)
{
    if (!date.isValid())
        return {};
    const QString day = date.value.date().toString(u"yyyy-MM-dd");
    if (!date.hasTime)
        return day;
    QString out = day + u'T' + date.value.time().toString(u"HH:mm:ss");
    if (date.hasOffset) {
        const int offset = date.value.offsetFromUtc();
        const int minutes = std::abs(offset) / 60;
        out += QStringLiteral("%1%2:%3")
                   .arg(QChar(offset < 0 ? u'-' : u'+'))
                   .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                   .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    }
    return out;
}

QString normalizeDateTime(const QString &value)
{
    return toIsoString(findDate(value));
}

} // namespace Lede
