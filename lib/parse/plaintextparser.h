// SPDX-License-Identifier: MIT
#pragma once

#include "text/article.h"

namespace Lede {

/// Reads scraped plain text: a page copied or scraped as text, one paragraph per line or per
/// blank-line-separated block, with the debris scrapers leave.
///
/// Drops breadcrumb lines before the headline, keeps the headline once as the title, takes a
/// byline ("Written by …", "By …") and date and source lines as metadata rather than body, drops
/// advertising lines and repeated short lines, and drops the short title-like lines (related
/// articles, share prompts) after the story's last paragraph of prose. Short lines inside the story
/// become headings; "- " and "• " lines become list items. Without a date line, a press-release
/// dateline at the top ("SAN JOSE, Calif., Feb. 7, 2025 /PRNewswire/ --") gives the date.
Article parsePlainText(QStringView text);

} // namespace Lede
