// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

namespace Lede {

/// Small judgements about lines of scraped text, shared by the plain-text and Markdown parsers.
namespace TextHeuristics {

int wordCount(QStringView text);
/// A sentence-like paragraph: long enough and ending as prose does.
bool isProse(QStringView paragraph);
/// Headline capitalisation: most longer words start with a capital ("How to Train Tomorrow's Defenders").
bool isTitleCase(QStringView paragraph);
/// Short promotional lines: "Hosting 75% off", "Advertisement", "Subscribe for $1 a week".
bool isAdLine(QStringView paragraph);
/// "Home > Tech > Chips", "In , ,": navigation left at the top of a scrape.
bool isBreadcrumb(QStringView paragraph);
/// A byline ("Written by Hajra Naz", "By Jane Doe, Reuters"); returns the name, or empty.
QString bylineName(QStringView paragraph);
/// "zh", "ja", "ko", "ru", "de", "fr", "es", "en" … from the script and common words; empty when unsure.
QString guessLanguage(QStringView text);
/// The outlet a URL's host suggests: "www.ft.com" → "ft.com".
QString outletFromUrl(QStringView url);

} // namespace TextHeuristics
} // namespace Lede
