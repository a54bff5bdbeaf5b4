// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>

/// The one date parser of the library: every date read from a source (front matter, feeds, meta
/// tags, JSON-LD, bylines, a page's own lines) goes through here.
namespace Lede {

/// A publication date as read from a source: invalid when nothing could be read.
struct ParsedDate
{
    QDateTime value; ///< a date alone is midnight UTC; a time without an offset is local time
    bool hasTime = false;
    bool hasOffset = false; ///< the source named the time's offset from UTC (or a zone)
    bool isValid() const { return value.isValid(); }
};

/// Reads a text that is a date and nothing else, in the forms found in front matter, feeds, meta
/// tags and bylines: ISO 8601 with or without time and offset ("2025-02-13", "2025-02-13 11:49:08",
/// "2025-02-13T11:49:08+08:00"), RFC 2822 ("Thu, 13 Feb 2025 11:49:08 GMT", "… -0500"),
/// "February 13, 2025", "13 February 2025", "Feb. 13, 2025", and Chinese "2025年2月13日". A time
/// without an offset stays without one.
ParsedDate parseDate(QStringView text);

/// Finds a date in a value written by a web page, more leniently than parseDate(): an ISO 8601 date
/// with anything after it ("2025-02-13T11:49:08.000Z", "2025/02/13 11:49"), "20250213", Unix seconds,
/// RFC 2822, and otherwise a day, a month name and a year anywhere in the text ("Jane Doe May 20,
/// 2019"), with a time "14:03" read only when it comes before the day.
ParsedDate findDate(QStringView text);

/// ISO 8601: "2025-01-27T14:03:00+00:00" when the offset is known, "2025-01-27T14:03:00" when not,
/// "2025-01-27" for a date alone; empty for an invalid date.
QString toIsoString(const ParsedDate &date);

/// toIsoString(findDate(value)): a date or date-time found in a page, normalised to ISO 8601, or an
/// empty string when there is none.
QString normalizeDateTime(const QString &value);

} // namespace Lede
