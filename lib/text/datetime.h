// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QStringView>

namespace Lede {

/// A publication date as read from a source: invalid when nothing could be read.
struct ParsedDate
{
    QDateTime value;
    bool hasTime = false;
    bool isValid() const { return value.isValid(); }
};

/// Reads the date forms found in front matter, feeds, meta tags and bylines: ISO 8601 with or
/// without time and offset ("2025-02-13", "2025-02-13 11:49:08", "2025-02-13T11:49:08+08:00"),
/// RFC 2822 ("Thu, 13 Feb 2025 11:49:08 GMT"), "February 13, 2025", "13 February 2025",
/// "Feb. 13, 2025", and Chinese "2025年2月13日". A time without an offset stays without one.
ParsedDate parseDate(QStringView text);

} // namespace Lede
