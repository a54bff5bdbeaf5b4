// SPDX-License-Identifier: MIT
#pragma once

#include "text/datetime.h"

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
/// The site a URL's host belongs to, without subdomains: "https://cn.investing.com/…" →
/// "investing.com", "finance.sina.com.cn" → "sina.com.cn" (a two-letter country code after a
/// generic second level such as com, co, org or ac keeps three labels). Empty for no host.
QString registrableDomain(QStringView url);
/// The outlet a URL's host suggests, as a name a reader recognises: the registrable domain with its
/// first label capitalised ("www.investing.com" → "Investing.com"), or upper-cased when it has no
/// vowel and reads as initials ("www.ft.com" → "FT.com", "new.qq.com" → "QQ.com").
QString outletFromUrl(QStringView url);
/// Whether a link's label or a front-matter value reads as a publication's name ("Reuters",
/// "Dow Jones Newswires", "新浪财经") rather than a feed key or slug ("investing_us", "techcrunch"):
/// a few words, no underscores, slashes or addresses, and capitalised longer words (or a script
/// without case).
bool isReadableName(QStringView label);
/// Whether a name is the one a site's address spells ("The Guardian" and theguardian.com, "NPR" and
/// npr.org, "heise online" and heise.de, "Financial Times" and ft.com): 0 when not, otherwise a rank,
/// higher for a closer match (the whole name, its initials, its first word).
int nameMatchesSite(QStringView name, QStringView url);
/// The date in a press-release dateline at the start of a paragraph: "LONDON, March 27, 2025 —",
/// "SAN JOSE, Calif., Feb. 7, 2025 /PRNewswire/ --", "Hauppauge, NY, Feb. 11, 2025 (GLOBE NEWSWIRE) —".
/// A place, a date and a dash (after an optional wire name) must all be there; invalid otherwise.
ParsedDate datelineDate(QStringView paragraph);

} // namespace TextHeuristics
} // namespace Lede
