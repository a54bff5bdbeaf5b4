// SPDX-License-Identifier: MIT
#include "boilerplate.h"

#include <QRegularExpression>

#include <algorithm>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

// Longer than this, a paragraph is prose whatever it holds.
constexpr qsizetype kMaxFurnitureChars = 320;
// A line of a contact block or a link line: a few words, not a sentence.
constexpr int kMaxShortWords = 12;
// How far back a contact heading reaches over the short lines after it.
constexpr int kMaxContactLines = 8;

bool isCjk(QChar c)
{
    return c.unicode() >= 0x3000 && c.unicode() <= 0x9FFF;
}

qsizetype cjkCount(QStringView s)
{
    return std::count_if(s.begin(), s.end(), isCjk);
}

const QRegularExpression &shareFollow()
{
    // "Share on Facebook", "Share this article", "Follow us on X", "Like us on Facebook",
    // "Subscribe to our newsletter", "Connect with us on LinkedIn", "Tweet this", 分享到微信.
    static const QRegularExpression re(
        uR"(^[\W_]*(?:share|follow|like|subscribe|connect|join|tweet|retweet|repost|pin|e-?mail|print|send|save)\b(?:\s+(?:this|us|me|the|our|it|story|article|post|page|link|now))*\s*(?:on|via|to|with|in|at|by|:|$))"_s
            + u"|\\b(?:share|follow)\\s+(?:us\\s+)?(?:on|via)\\b"_s
            + u"|^\\W*(?:分享到|分享至|关注我们|關注我們|扫码关注|掃碼關注|扫描二维码|掃描二維碼|长按识别|長按識別|点击关注|點擊關注)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &socialPost()
{
    // A link's text naming a post or a page elsewhere: "Reddit Post", "Facebook page".
    static const QRegularExpression re(
        uR"(^\W*\S+(?:\s+\S+)?\s+(?:post|page|profile|feed|channel|account|thread|group)\W*$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &contactMarks()
{
    // A web address, an e-mail address, a site's domain, or a telephone number.
    static const QRegularExpression re(
        uR"(https?://|www\.|[\w.+-]+@[\w-]+\.[\w.]+|\b[\w-]+\.(?:com|net|org|io|co|ai|app|fm|news|info|biz|tv|me|ly|cn|hk|tw|jp|kr|de|uk|fr|sg|in)\b|(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}\b)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &contactHeading()
{
    // "Media contact:", "Press Contacts", "Investor Relations", "Contact Details", "For media
    // inquiries", 联系人, 媒体联系.
    static const QRegularExpression re(
        uR"(^\W*(?:for\s+)?(?:(?:media|press|investor|investors|company|corporate|public)\s+)?(?:relations\s+)?(?:contacts?|enquiries|inquiries)(?:\s+(?:details|information|info|us))?(?:\s*[:：]|\s*$|(?=\p{Lu})))"_s
            + u"|^\\W*(?:investor|media|press|public)\\s+relations\\s*[:：]?\\s*$"_s
            + u"|^\\W*(?:联系人|联系方式|媒体联系|媒體聯繫|聯絡人|聯絡方式|联系电话|聯絡電話)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &notice()
{
    // Notices and credits that stand apart from the story.
    static const QRegularExpression re(
        uR"(^\W*(?:note to investors|notes? to editors|disclaimer|disclosure|forward-looking statements?|safe harbor|source|sources|image|images|photo|photos|picture|credit|copyright|read more|related|see also|more from|recommended|view source version|to receive\b.{0,40}\balerts|for more information|please see\b.{0,40}\b(?:terms|disclaimers?))\b\s*(?:[:：>-]|by\b|on\b|at\b|visit\b|please\b|,|$))"_s
            + u"|^\\W*(?:©|\\(c\\)\\s*\\d{4}|all rights reserved)"_s
            + u"|^\\W*(?:来源|來源|图片来源|圖片來源|责任编辑|責任編輯|免责声明|免責聲明|风险提示|風險提示|声明)\\s*[:：]"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// A notice's heading on a line of its own: "Forward-Looking Statements", "Safe Harbor Statement",
// "Cautionary Note Regarding Forward-Looking Statements", "Disclaimer", 免责声明. What follows it is
// the notice, however long.
const QRegularExpression &noticeHeading()
{
    static const QRegularExpression re(
        uR"(^\W*(?:forward[- ]looking (?:statements?|information)|(?:cautionary|special) (?:note|statement|language)s?(?: (?:regarding|about|concerning|on) forward[- ]looking (?:statements?|information))?|safe[- ]harbou?r(?: (?:statements?|provisions?|notice))?|disclaimers?|legal (?:notices?|disclaimers?)|notes? to (?:investors|editors)|免责声明|免責聲明|风险提示|風險提示)\W*$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// A picture's credit on a line of its own: "视觉中国图", "新华社记者 李明 摄", "受访者供图".
bool pictureCredit(QStringView p)
{
    if (p.size() > 24 || cjkCount(p) < 2)
        return false;
    return p.endsWith(u"图") || p.endsWith(u"圖") || p.endsWith(u"摄") || p.endsWith(u"攝") || p.endsWith(u"图片")
        || p.endsWith(u"圖片");
}

// A ticker ("NVDA", "BRK.B"), a strong one ("$NVDA", "NASDAQ: NVDA", "(NYSE:TSM)", "0700.HK"), or a
// price or change beside one ("+2.1%", "-0.35", "▲").
enum class TickerToken { None, Bare, Strong, Figure };

TickerToken tickerToken(QStringView t)
{
    static const QRegularExpression bare(uR"(^[(\[]?[A-Z]{1,5}(?:\.[A-Z]{1,2})?[)\]]?[,;]?$)"_s);
    static const QRegularExpression strong(
        uR"(^[(\[]?(?:\$[A-Z]{1,5}(?:\.[A-Z]{1,2})?|\d{4,6}\.[A-Z]{2}|[A-Z]{2,8}[:：][A-Z0-9.]{1,10})[)\]]?[,;]?$)"_s);
    static const QRegularExpression exchange(uR"(^[(\[]?[A-Z]{2,8}[:：]$)"_s);
    static const QRegularExpression figure(uR"(^[(\[]?(?:[+\-−]?\$?\d+(?:[.,]\d+)*%?|[▲▼↑↓+\-−|,;·•/])[)\]]?[,;]?$)"_s);
    if (strong.matchView(t).hasMatch())
        return TickerToken::Strong;
    if (exchange.matchView(t).hasMatch())
        return TickerToken::Strong; // "NASDAQ: NVDA" written with a space
    if (bare.matchView(t).hasMatch())
        return TickerToken::Bare;
    if (figure.matchView(t).hasMatch())
        return TickerToken::Figure;
    return TickerToken::None;
}

struct TickerLine
{
    int tickers = 0; // bare or strong
    bool strong = false; // an exchange, a $ or a price says these are tickers
    bool only = false; // nothing but tickers and figures
};

TickerLine tickerLine(QStringView p)
{
    TickerLine line;
    for (QStringView token : p.tokenize(u' ', Qt::SkipEmptyParts)) {
        switch (tickerToken(token.trimmed())) {
        case TickerToken::None:
            return TickerLine{};
        case TickerToken::Bare:
            ++line.tickers;
            break;
        case TickerToken::Strong:
            ++line.tickers;
            line.strong = true;
            break;
        case TickerToken::Figure:
            line.strong = true;
            break;
        }
    }
    line.only = line.tickers > 0;
    return line;
}

// More words than this, a line is as long as any check of the judge cares: they all compare the count
// with kMaxShortWords or less.
constexpr int kWordsCounted = kMaxShortWords + 1;

// Words (runs of non-space) plus a word for every four CJK characters, in one pass, with
// QChar::isSpace() asked only outside ASCII and the CJK range (where only U+3000 is a space). Counts
// up to kWordsCounted and stops there, so that a paragraph of prose is read no further than its first
// words.
int shortWords(QStringView p)
{
    int words = 0;
    qsizetype cjk = 0;
    bool inWord = false;
    for (QChar c : p) {
        if (words + cjk / 4 >= kWordsCounted)
            return kWordsCounted;
        const char16_t u = c.unicode();
        bool space;
        if (u < 0x80) {
            space = u == u' ' || (u >= 0x09 && u <= 0x0D);
        } else if (isCjk(c)) {
            ++cjk;
            space = u == 0x3000;
        } else {
            space = c.isSpace();
        }
        if (!space && !inWord)
            ++words;
        inWord = !space;
    }
    return std::min(kWordsCounted, words + int(cjk / 4));
}

// The paragraph by itself. `contactLike` says it is a line of a contact block. `knownWords` is
// shortWords(p) when the caller has counted them already.
bool furnitureByItself(QStringView p, bool *contactLike = nullptr, int knownWords = -1)
{
    if (contactLike)
        *contactLike = false;
    if (p.isEmpty() || p.size() > kMaxFurnitureChars)
        return false;
    const QString s = p.toString(); // QRegularExpression reads QString
    const TickerLine tickers = tickerLine(p);
    if (tickers.only)
        return tickers.strong && tickers.tickers >= 1 && p.size() <= 160;
    if (contactHeading().match(s).hasMatch() || notice().match(s).hasMatch() || pictureCredit(p))
        return true;
    const int words = knownWords >= 0 ? knownWords : shortWords(p);
    if (p.size() <= 160 && shareFollow().match(s).hasMatch())
        return true;
    if (words <= 3 && socialPost().match(s).hasMatch())
        return true;
    // A contact line is a few words beside an address. Chinese words run one to three characters, so
    // a line is counted here at a word for every two: a Chinese sentence that cites a web address is
    // not a contact line.
    if (words + int(cjkCount(p) / 4) <= kMaxShortWords && contactMarks().match(s).hasMatch()) {
        if (contactLike)
            *contactLike = true;
        return true;
    }
    return false;
}

// text.indexOf(u"\n\n", from) and text.lastIndexOf(u"\n\n", from) for from >= 0, with the same
// results: a search for the line feed (vectorised in Qt) and a look at the unit after it is much
// faster than Qt's search for a string, and the judge looks for paragraph breaks around every name.
qsizetype indexOfBreak(QStringView text, qsizetype from)
{
    for (qsizetype q = from;; ++q) {
        q = text.indexOf(u'\n', q);
        if (q < 0 || q + 1 >= text.size())
            return -1;
        if (text.at(q + 1) == u'\n')
            return q;
    }
}

qsizetype lastIndexOfBreak(QStringView text, qsizetype from)
{
    for (qsizetype q = std::min(from, text.size() - 2); q >= 0; --q) {
        q = text.lastIndexOf(u'\n', q);
        if (q < 0)
            return -1;
        if (text.at(q + 1) == u'\n')
            return q;
    }
    return -1;
}

// The paragraph before the one starting at `start` (after its "\n\n"), or an empty view.
QStringView previousParagraph(QStringView text, qsizetype start, qsizetype *prevStart)
{
    if (start < 2)
        return {};
    const qsizetype prevEnd = start - 2;
    const qsizetype sep = prevEnd > 0 ? lastIndexOfBreak(text, prevEnd - 1) : -1;
    *prevStart = sep < 0 ? 0 : sep + 2;
    return text.mid(*prevStart, prevEnd - *prevStart);
}

QStringView nextParagraph(QStringView text, qsizetype end, qsizetype *nextEnd)
{
    if (end + 2 > text.size())
        return {};
    const qsizetype from = end + 2;
    const qsizetype sep = indexOfBreak(text, from);
    *nextEnd = sep < 0 ? text.size() : sep;
    return text.mid(from, *nextEnd - from);
}

// A line that reads as a heading: a few words with no sentence's end.
bool headingLike(QStringView p, int knownWords = -1)
{
    if (p.isEmpty() || p.size() > 80 || (knownWords >= 0 ? knownWords : shortWords(p)) > 8)
        return false;
    const QChar last = p.back();
    return last != u'.' && last != u'\u3002' && last != u'!' && last != u'?';
}

// What a look back over the paragraphs before one makes of an earlier paragraph.
enum Step : qint8 { StopNo, StopYes, GoOn };

// The earlier paragraph [prevStart, prevEnd)'s step, from `earlier` when it was read before.
template <typename Read>
Step earlierStep(BoilerplateJudge::EarlierParagraphs *earlier, qint8 BoilerplateJudge::Earlier::*field,
    qsizetype prevStart, qsizetype prevEnd, Read read)
{
    if (!earlier)
        return read();
    BoilerplateJudge::Earlier &e = earlier->find(prevStart, prevEnd);
    if (e.*field < 0)
        e.*field = read();
    return Step(e.*field);
}

// The paragraph starting at `start` is under a notice's heading: the heading is one of the three
// paragraphs before it, with no other heading between.
bool underNoticeHeading(QStringView text, qsizetype start, BoilerplateJudge::EarlierParagraphs *earlier)
{
    qsizetype at = start;
    for (int back = 0; back < 3; ++back) {
        qsizetype prevStart = 0;
        const QStringView untrimmed = previousParagraph(text, at, &prevStart);
        const Step step = earlierStep(
            earlier, &BoilerplateJudge::Earlier::notice, prevStart, prevStart + untrimmed.size(), [untrimmed] {
                const QStringView prev = untrimmed.trimmed();
                if (prev.isEmpty())
                    return StopNo;
                if (headingLike(prev)) // a notice's heading, or another heading that ends the search
                    return noticeHeading().match(prev.toString()).hasMatch() ? StopYes : StopNo;
                return GoOn;
            });
        if (step != GoOn)
            return step == StopYes;
        at = prevStart;
    }
    return false;
}

// The headline of another article: a line of five to twenty-five words, most of the longer ones
// capitalised (title case), or of eight or more CJK characters, with no full stop at its end.
bool headlineLike(QStringView p)
{
    if (p.isEmpty() || p.size() > 160)
        return false;
    const QChar last = p.back();
    if (last == u'.' || last == u'\u3002' || last == u':' || last == u'\uFF1A')
        return false;
    if (cjkCount(p) >= 8)
        return true;
    int words = 0;
    int longWords = 0;
    int capitalised = 0;
    for (QStringView token : p.tokenize(u' ', Qt::SkipEmptyParts)) {
        ++words;
        qsizetype i = 0;
        while (i < token.size() && !token.at(i).isLetterOrNumber())
            ++i;
        const qsizetype letters = std::count_if(token.begin() + i, token.end(), [](QChar c) { return c.isLetter(); });
        if (letters < 4)
            continue;
        ++longWords;
        if (token.at(i).isUpper())
            ++capitalised;
    }
    return words >= 5 && words <= 25 && longWords >= 2 && capitalised * 3 >= longWords * 2;
}

// A short label that announces a list: "Trending Articles:", "More from Acme:", 相关阅读：.
bool listLabel(QStringView p)
{
    return !p.isEmpty() && p.size() <= 40 && shortWords(p) <= 5 && (p.endsWith(u':') || p.endsWith(u'\uFF1A'));
}

// The paragraph [start, end) is one of a list of other articles' headlines that ends the text: a
// label ("Trending Articles:", "Related:", 相关阅读：) and then two or more headline-like lines, with
// nothing after them but more such lines or furniture.
bool inClosingHeadlineList(QStringView text, qsizetype start, qsizetype end)
{
    if (!headlineLike(text.mid(start, end - start).trimmed()))
        return false;
    int items = 1;
    qsizetype at = start;
    bool labelled = false;
    for (int back = 0; back < 12; ++back) {
        qsizetype prevStart = 0;
        const QStringView prev = previousParagraph(text, at, &prevStart).trimmed();
        if (prev.isEmpty())
            return false;
        if (listLabel(prev) || notice().match(prev.toString()).hasMatch()) {
            labelled = true;
            break;
        }
        if (!headlineLike(prev))
            return false;
        ++items;
        at = prevStart;
    }
    if (!labelled)
        return false;
    at = end;
    for (int forward = 0;; ++forward) {
        qsizetype nextEnd = 0;
        const QStringView next = nextParagraph(text, at, &nextEnd).trimmed();
        if (next.isEmpty())
            break;
        if (forward == 12)
            return false; // too long a run to be a list ending the text
        if (headlineLike(next))
            ++items;
        else if (!furnitureByItself(next))
            return false;
        at = nextEnd;
    }
    return items >= 2;
}

// A note on who wrote the piece: "Alice Wu is a political consultant and a former associate director
// of …", "Jane Doe is a columnist for …", "（作者系…教授）". The places and bodies it names are the
// writer's, not the story's.
const QRegularExpression &authorBio()
{
    static const QRegularExpression re(
        uR"(^\W*(?:[A-Z][\w'’.\-]+\s+){1,3}(?:is|was)\s+(?:a|an|the)\s+(?:[\w\-,]+\s+){0,5}?(?:writer|columnist|consultant|professor|journalist|correspondent|editor|author|reporter|researcher|contributor|commentator|lecturer|novelist|blogger|freelance\w*|contributing)\b)"_s
        + u"|^\\W*(?:作者系|作者為|作者为|作者是|作者：|作者:)"_s);
    return re;
}

bool authorBioLike(QStringView p)
{
    return p.size() <= kMaxFurnitureChars && (p.contains(u" is "_s) || p.contains(u" was "_s) || p.contains(u"作者"_s))
        && authorBio().match(p.toString()).hasMatch();
}

// Nothing after `end` but furniture.
bool onlyFurnitureAfter(QStringView text, qsizetype end)
{
    qsizetype at = end;
    for (int forward = 0; forward < 6; ++forward) {
        if (at + 2 > text.size())
            return true; // the end of the text
        qsizetype nextEnd = 0;
        const QStringView next = nextParagraph(text, at, &nextEnd).trimmed();
        if (!next.isEmpty() && !furnitureByItself(next))
            return false;
        at = nextEnd;
    }
    return false;
}

// The paragraph [start, end) is an author's note that closes the text: nothing after it but
// furniture.
bool closingAuthorBio(QStringView text, qsizetype end, QStringView p)
{
    return authorBioLike(p) && onlyFurnitureAfter(text, end);
}

// Where an author's note starts when it is the last sentence of the paragraph [start, end) that
// closes the text ("… any political future. Alice Wu is a political consultant …"), or -1.
qsizetype closingBioSentence(QStringView text, qsizetype start, qsizetype end)
{
    if (end - start < 20)
        return -1;
    const qsizetype from = std::max(start, end - kMaxFurnitureChars);
    for (qsizetype k = end - 2; k > from; --k) {
        const QChar c = text.at(k);
        const bool stop = ((c == u'.' || c == u'!' || c == u'?') && text.at(k + 1).isSpace()) || c == u'\u3002';
        if (!stop)
            continue;
        qsizetype s = k + 1;
        while (s < end && text.at(s).isSpace())
            ++s;
        if (s < end && authorBioLike(text.mid(s, end - s)))
            return onlyFurnitureAfter(text, end) ? s : -1;
    }
    return -1;
}

bool isBareTickerLine(QStringView p)
{
    const TickerLine line = tickerLine(p.trimmed());
    return line.only && line.tickers == 1 && !line.strong;
}

} // namespace

BoilerplateJudge::Earlier &BoilerplateJudge::EarlierParagraphs::find(qsizetype start, qsizetype end)
{
    for (Earlier &e : slots) {
        if (e.start == start && e.end == end)
            return e;
    }
    Earlier &e = slots[size_t(next)];
    next = (next + 1) % int(slots.size());
    e = Earlier{start, end, -1, -1};
    return e;
}

bool BoilerplateJudge::judge(QStringView text, qsizetype start, qsizetype end)
{
    return judge(text, start, end, nullptr);
}

bool BoilerplateJudge::judge(QStringView text, qsizetype start, qsizetype end, EarlierParagraphs *earlier)
{
    const QStringView p = text.mid(start, end - start).trimmed();
    // Counted once for every check that reads it; longer paragraphs need no count.
    const int words = p.size() <= kMaxFurnitureChars ? shortWords(p) : -1;
    if (furnitureByItself(p, nullptr, words) || (!headingLike(p, words) && underNoticeHeading(text, start, earlier))
        || inClosingHeadlineList(text, start, end) || closingAuthorBio(text, end, p))
        return true;
    if (p.size() > 160 || words > kMaxShortWords)
        return false;
    // One bare ticker per line: furniture in a run of three or more such lines.
    if (isBareTickerLine(p)) {
        int run = 1;
        qsizetype at = start;
        for (int k = 0; k < 2; ++k) {
            qsizetype prevStart = 0;
            const QStringView prev = previousParagraph(text, at, &prevStart);
            if (!isBareTickerLine(prev))
                break;
            ++run;
            at = prevStart;
        }
        at = end;
        for (int k = 0; k < 2 && run < 3; ++k) {
            qsizetype nextEnd = 0;
            const QStringView next = nextParagraph(text, at, &nextEnd);
            if (!isBareTickerLine(next))
                break;
            ++run;
            at = nextEnd;
        }
        return run >= 3;
    }
    // A short line after a contact heading, through the other short lines of the block (a name,
    // an address, a telephone number).
    qsizetype at = start;
    for (int back = 0; back < kMaxContactLines; ++back) {
        qsizetype prevStart = 0;
        const QStringView untrimmed = previousParagraph(text, at, &prevStart);
        const Step step = earlierStep(earlier, &Earlier::contact, prevStart, prevStart + untrimmed.size(), [untrimmed] {
            const QStringView prev = untrimmed.trimmed();
            if (prev.isEmpty() || prev.size() > 160)
                return StopNo;
            const int prevWords = shortWords(prev);
            if (prevWords > kMaxShortWords)
                return StopNo;
            if (contactHeading().match(prev.toString()).hasMatch())
                return StopYes;
            if (prevWords > 6) { // a longer line continues the block only as a contact line
                bool contactLike = false;
                furnitureByItself(prev, &contactLike, prevWords);
                if (!contactLike)
                    return StopNo;
            }
            return GoOn;
        });
        if (step != GoOn)
            return step == StopYes;
        at = prevStart;
    }
    return false;
}

qsizetype BoilerplateJudge::tailStart()
{
    if (m_tailStart < 0) {
        // The last paragraph and the six of furniture closingBioSentence() may read after it.
        qsizetype at = m_text.size();
        for (int k = 0; k < 7 && at > 0; ++k) {
            const qsizetype sep = lastIndexOfBreak(m_text, at - 1);
            at = sep < 0 ? 0 : sep;
        }
        m_tailStart = at;
    }
    return m_tailStart;
}

bool BoilerplateJudge::isBoilerplate(qsizetype pos)
{
    if (pos >= m_start && pos < m_end)
        return m_verdict;
    const qsizetype sep = pos > 0 ? lastIndexOfBreak(m_text, pos - 1) : -1;
    m_start = sep < 0 ? 0 : sep + 2;
    if (m_start > pos) // pos sits on the separator itself
        m_start = pos;
    const qsizetype next = indexOfBreak(m_text, pos);
    m_end = next < 0 ? m_text.size() : next;
    m_verdict = judge(m_text, m_start, m_end, &m_earlier);
    if (!m_verdict && m_end >= tailStart()) {
        // An author's note run into the last paragraph is furniture from its first word.
        const qsizetype bio = closingBioSentence(m_text, m_start, m_end);
        if (bio > m_start) {
            if (pos >= bio) {
                m_start = bio;
                m_verdict = true;
            } else {
                m_end = bio;
            }
        }
    }
    return m_verdict;
}

} // namespace Lede
