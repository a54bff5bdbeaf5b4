// SPDX-License-Identifier: MIT
//
// The byte-level pass before gumbo: raw-text bodies and comments out, nesting depth bounded.
#include "pretokenizer.h"

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace Lede::Extract {

namespace {

const char *findCi(const char *p, const char *end, const char *needle)
{
    const size_t n = std::strlen(needle);
    while (p + n <= end) {
        p = static_cast<const char *>(std::memchr(p, needle[0], size_t(end - p)));
        if (!p || p + n > end)
            return nullptr;
        size_t i = 1;
        for (; i < n; ++i) {
            char c = p[i];
            if (c >= 'A' && c <= 'Z')
                c = char(c + 32);
            if (c != needle[i])
                break;
        }
        if (i == n)
            return p;
        ++p;
    }
    return nullptr;
}

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':'
        || c == '_';
}

/// Elements that never hold children, or whose end tag is optional and implied by the parser; they do not add
/// to the nesting depth as counted by the prefilter.
bool isUncountedTag(std::string_view name)
{
    static constexpr std::string_view names[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "param", "source", "track", "wbr", "keygen", "image", "basefont", "bgsound", "frame", "command", "p",
        "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "caption",
        "rb", "rt", "rp", "rtc", "html", "head", "body", "!doctype"};
    for (std::string_view n : names) {
        if (n == name)
            return true;
    }
    return false;
}

bool isSpaceByte(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/// Attributes a stage of the extraction reads (pagetree, metadata, encoding); gumbo need not see the others.
bool isReadAttribute(std::string_view lowerName)
{
    static constexpr std::string_view names[]
        = {"class", "id", "style", "hidden", "aria-hidden", "itemprop", "role", "rel", "href", "datetime", "content",
            "name", "property", "http-equiv", "lang", "xml:lang", "type", "pubdate", "charset"};
    for (std::string_view n : names) {
        if (n == lowerName)
            return true;
    }
    return false;
}

/// Appends the start tag [tag, tagEnd) with only the attributes the extraction reads (srcset, data-*, event
/// handlers and the like are a quarter of a page's markup once scripts are out). A tag whose attributes do not
/// read cleanly is copied whole.
void appendStartTag(QByteArray &out, const char *tag, const char *nameEnd, const char *tagEnd)
{
    const char *close = tagEnd - 1; // the '>'
    const qsizetype mark = out.size();
    out.append(tag, nameEnd - tag);
    std::string lower;
    const char *q = nameEnd;
    bool selfClosing = false;
    bool lastKept = false;
    while (q < close) {
        if (isSpaceByte(*q)) {
            ++q;
            continue;
        }
        if (*q == '/') {
            selfClosing = q + 1 == close;
            ++q;
            continue;
        }
        const char *attrStart = q;
        lower.clear();
        for (; q < close && !isSpaceByte(*q) && *q != '=' && *q != '/'; ++q)
            lower.push_back((*q >= 'A' && *q <= 'Z') ? char(*q + 32) : *q);
        if (q == attrStart) // a lone '='
            ++q;
        const char *afterName = q;
        while (q < close && isSpaceByte(*q))
            ++q;
        if (q < close && *q == '=') {
            ++q;
            while (q < close && isSpaceByte(*q))
                ++q;
            if (q < close && (*q == '"' || *q == '\'')) {
                const char quote = *q;
                const char *endQuote = static_cast<const char *>(std::memchr(q + 1, quote, size_t(close - q - 1)));
                if (!endQuote) { // not as the tag's end was found: keep the tag as it is
                    out.truncate(mark);
                    out.append(tag, tagEnd - tag);
                    return;
                }
                q = endQuote + 1;
            } else {
                while (q < close && !isSpaceByte(*q))
                    ++q;
            }
        } else {
            q = afterName;
        }
        const bool keep = !lower.empty() && isReadAttribute(lower);
        if (keep) {
            // one separator for the one before it, or for what was dropped before it: never longer than the tag
            const char before = attrStart[-1];
            if (isSpaceByte(before) || before == '/' || !lastKept)
                out.append(' ');
            out.append(attrStart, q - attrStart);
        }
        lastKept = keep;
    }
    if (selfClosing)
        out.append('/');
    out.append('>');
}

/// Appends text between tags with each run of ASCII white space cut to its first character: the extraction
/// collapses white space everywhere, and indentation is an eighth of a page's markup.
void appendText(QByteArray &out, const char *p, const char *end)
{
    const char *run = p;
    while (p < end) {
        if (!isSpaceByte(*p)) {
            ++p;
            continue;
        }
        const char *q = p + 1;
        while (q < end && isSpaceByte(*q))
            ++q;
        if (q - p > 1) {
            out.append(run, p + 1 - run);
            run = q;
        }
        p = q;
    }
    out.append(run, end - run);
}

} // namespace

QByteArray prepareForParser(const QByteArray &in, int maxDepth, bool *depthCapped)
{
    QByteArray out;
    out.reserve(in.size());
    const char *p = in.constData();
    const char *end = p + in.size();
    std::vector<std::string> open;
    int suppressed = 0;
    std::string name;
    while (p < end) {
        const char *lt = static_cast<const char *>(std::memchr(p, '<', size_t(end - p)));
        if (!lt) {
            appendText(out, p, end);
            break;
        }
        appendText(out, p, lt);
        p = lt;
        if (end - p >= 4 && p[1] == '!' && p[2] == '-' && p[3] == '-') {
            const char *close = (end - p >= 5 && p[4] == '>') ? p + 2 : findCi(p + 4, end, "-->");
            p = close ? close + 3 : end;
            continue;
        }
        const bool isEnd = p + 1 < end && p[1] == '/';
        const char *nameStart = p + (isEnd ? 2 : 1);
        if (nameStart >= end
            || !((*nameStart >= 'a' && *nameStart <= 'z') || (*nameStart >= 'A' && *nameStart <= 'Z'))) {
            out.append('<');
            ++p;
            continue;
        }
        name.clear();
        const char *q = nameStart;
        for (; q < end && isNameChar(*q); ++q)
            name.push_back((*q >= 'A' && *q <= 'Z') ? char(*q + 32) : *q);
        // find the end of the tag, quotes respected
        char quote = 0;
        for (; q < end; ++q) {
            if (quote) {
                if (*q == quote)
                    quote = 0;
            } else if (*q == '"' || *q == '\'') {
                quote = *q;
            } else if (*q == '>') {
                break;
            }
        }
        if (q >= end) {
            out.append(p, end - p);
            break;
        }
        const char *tagEnd = q + 1;
        const bool selfClosing = q > p && q[-1] == '/';
        if (isEnd) {
            if (!isUncountedTag(name)) {
                if (suppressed > 0) {
                    --suppressed;
                    p = tagEnd;
                    continue;
                }
                for (size_t k = open.size(); k-- > 0;) {
                    if (open[k] == name) {
                        open.resize(k);
                        break;
                    }
                }
            }
            out.append(p, tagEnd - p);
            p = tagEnd;
            continue;
        }
        const bool rawText = name == "script" || name == "style";
        const bool svg = name == "svg";
        if (!rawText && !svg && !isUncountedTag(name) && !selfClosing) {
            if (int(open.size()) >= maxDepth) {
                ++suppressed;
                *depthCapped = true;
                p = tagEnd;
                continue;
            }
            open.push_back(name);
        }
        if (name == "script")
            out.append(p, tagEnd - p); // its type is read below and by gumbo
        else
            appendStartTag(out, p, nameStart + name.size(), tagEnd);
        p = tagEnd;
        if (!rawText && !(svg && !selfClosing))
            continue;
        bool keepBody = false;
        if (name == "script") {
            std::string lower(lt, size_t(tagEnd - lt));
            for (char &c : lower)
                c = (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
            keepBody = lower.find("ld+json") != std::string::npos;
        }
        const char *closeName = name == "script" ? "</script" : name == "style" ? "</style" : "</svg";
        const char *close = findCi(p, end, closeName);
        if (!close)
            close = end;
        if (keepBody)
            out.append(p, close - p);
        p = close; // the end tag itself is copied on the next round
    }
    return out;
}

} // namespace Lede::Extract
