// SPDX-License-Identifier: MIT
#include "context.h"

#include "text/unicode.h"

#include <algorithm>
#include <array>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

// How far around a name its record's `context` words are looked for, in UTF-16 units.
constexpr qsizetype ContextWindow = 200;

using Unicode::isCjk;

bool isWordChar(QChar q)
{
    if (const char16_t u = q.unicode(); u < 0x80) // most text: ASCII letters and digits, nothing else
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
    if (q.isSurrogate())
        return false;
    if (isCjk(q.unicode()))
        return false;
    return q.isLetterOrNumber() || q.isMark();
}

// The UTF-16 unit as a case-insensitive QStringView search compares it (simple case folding).
char16_t foldedUnit(char16_t c)
{
    if (c < 0x80)
        return (c >= u'A' && c <= u'Z') ? char16_t(c + 32) : c;
    if (QChar::isSurrogate(c) || (c >= 0x3000 && c <= 0x9FFF)) // CJK has no case
        return c;
    return char16_t(QChar::toCaseFolded(char32_t(c)));
}

// haystack.indexOf(needle, from, Qt::CaseInsensitive), with the same result, without the rolling hash
// of every unit that makes Qt's search slow on the short windows the rules read for every name.
qsizetype indexOfCaseless(QStringView haystack, QStringView needle, qsizetype from = 0)
{
    const bool surrogates = std::any_of(needle.begin(), needle.end(), [](QChar c) { return c.isSurrogate(); });
    if (needle.isEmpty() || surrogates || from < 0)
        return haystack.indexOf(needle, from, Qt::CaseInsensitive);
    const qsizetype m = needle.size();
    const char16_t first = foldedUnit(needle.front().unicode());
    // The only ASCII units that fold to `first`: itself and, for a letter, its capital.
    const char16_t firstUpper = (first >= u'a' && first <= u'z') ? char16_t(first - 32) : first;
    for (qsizetype i = from; i + m <= haystack.size(); ++i) {
        const char16_t h = haystack[i].unicode();
        if (h != first && h != firstUpper && (h < 0x80 || foldedUnit(h) != first))
            continue;
        qsizetype j = 1;
        while (j < m && foldedUnit(haystack[i + j].unicode()) == foldedUnit(needle[j].unicode()))
            ++j;
        if (j == m)
            return i;
    }
    return -1;
}

bool equalsAnyCaseless(QStringView a, QStringView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

template <size_t N> bool isOneOf(QStringView word, const std::array<QStringView, N> &list)
{
    for (QStringView w : list) {
        if (equalsAnyCaseless(word, w))
            return true;
    }
    return false;
}

// The word (letters, digits, apostrophes and dots inside) ending just before `pos`, skipping spaces.
QStringView previousWord(QStringView text, qsizetype pos, qsizetype *wordStart = nullptr)
{
    qsizetype end = pos;
    while (end > 0 && (text.at(end - 1).isSpace()))
        --end;
    qsizetype start = end;
    while (start > 0 && (isWordChar(text.at(start - 1)) || text.at(start - 1) == u'.' || text.at(start - 1) == u'\''))
        --start;
    while (start < end && !isWordChar(text.at(start)))
        ++start;
    if (wordStart)
        *wordStart = start;
    return text.mid(start, end - start);
}

// The word starting after `pos`, skipping spaces only.
QStringView nextWord(QStringView text, qsizetype pos)
{
    qsizetype start = pos;
    while (start < text.size() && text.at(start).isSpace())
        ++start;
    qsizetype end = start;
    while (end < text.size() && isWordChar(text.at(end)))
        ++end;
    return text.mid(start, end - start);
}

// True when the name at `start` opens a sentence, a paragraph, a list item or a quotation, where a
// capital letter says nothing about whether it is a name.
bool opensSentence(QStringView text, qsizetype start)
{
    qsizetype i = start;
    while (i > 0) {
        const QChar c = text.at(i - 1);
        if (c == u'\n')
            return true;
        if (c.isSpace() || c == u'"' || c == u'\'' || c == u'(' || c == u'*' || c == u'\u201C' || c == u'\u2018'
            || c == u'\u2022' || c == u'\u25CF' || c == u'-' || c == u'\u2014' || c == u'[') {
            --i;
            continue;
        }
        return c == u'.' || c == u'!' || c == u'?' || c == u':' || c == u';' || c == u'\u3002';
    }
    return true;
}

// Whether a word from a record's `context` list occurs in [from, to) of the text, outside the name
// itself. A word matches any word it begins ("licen" finds "licensing"); a short all-capital word
// ("AI", "GPU") must match whole and as written; CJK words match anywhere.
bool hasWordNear(
    QStringView text, qsizetype from, qsizetype to, QStringView word, qsizetype skipStart, qsizetype skipEnd)
{
    if (word.isEmpty())
        return false;
    const bool cjk = isCjk(word.front().unicode());
    bool capitals = true;
    for (QChar c : word) {
        if (c.isLetter() && !c.isUpper())
            capitals = false;
    }
    const bool whole = capitals && word.size() <= 5;
    const Qt::CaseSensitivity cs = whole ? Qt::CaseSensitive : Qt::CaseInsensitive;
    const QStringView window = text.mid(from, to - from);
    const auto find = [&](qsizetype at) {
        return cs == Qt::CaseInsensitive ? indexOfCaseless(window, word, at) : window.indexOf(word, at, cs);
    };
    for (qsizetype pos = find(0); pos >= 0; pos = find(pos + 1)) {
        const qsizetype at = from + pos;
        const qsizetype after = at + word.size();
        if (at < skipEnd && after > skipStart)
            continue;
        if (!cjk && at > 0 && isWordChar(text.at(at - 1)))
            continue;
        if (whole && after < text.size() && isWordChar(text.at(after)) && text.at(after) != u's')
            continue;
        return true;
    }
    return false;
}

// Whether any of the record's words under `key` occurs in [from, to) as hasWordNear() finds it: the
// same answer as asking hasWordNear() for each word, in one pass over the window that compares a word
// only where it may start (a word's start, or anywhere for a CJK word) and where its first unit is.
bool anyWordNear(QStringView text, qsizetype from, qsizetype to, const Entity &e, QStringView key, qsizetype skipStart,
    qsizetype skipEnd)
{
    struct Word
    {
        QStringView text;
        char16_t first; // as compared: folded, or as written for a whole word
        bool whole; // a short all-capital word: whole and as written
    };
    QVarLengthArray<Word, 32> caseless; // words that start at a word's start, by their first unit folded
    QVarLengthArray<Word, 8> asWritten; // those of them compared as written, by their first unit
    QVarLengthArray<Word, 16> cjk; // CJK words, anywhere
    for (const auto &[k, v] : e.facts) {
        if (k != key || v.isEmpty())
            continue;
        bool capitals = true;
        for (QChar c : v) {
            if (c.isLetter() && !c.isUpper())
                capitals = false;
        }
        const bool whole = capitals && v.size() <= 5;
        if (!whole && std::any_of(v.begin(), v.end(), [](QChar c) { return c.isSurrogate(); })) {
            if (hasWordNear(text, from, to, v, skipStart, skipEnd)) // Qt's caseless search folds pairs
                return true;
            continue;
        }
        const Word w{v, whole ? v.front().unicode() : foldedUnit(v.front().unicode()), whole};
        if (isCjk(v.front().unicode()))
            cjk.append(w);
        else if (w.whole)
            asWritten.append(w);
        else
            caseless.append(w);
    }
    if (caseless.isEmpty() && asWritten.isEmpty() && cjk.isEmpty())
        return false;
    const auto byFirst = [](const Word &x, const Word &y) { return x.first < y.first; };
    std::sort(caseless.begin(), caseless.end(), byFirst);
    std::sort(asWritten.begin(), asWritten.end(), byFirst);
    const auto matches = [&](const Word &w, qsizetype at, char16_t unit, char16_t folded) {
        const qsizetype after = at + w.text.size();
        if ((w.whole ? unit : folded) != w.first || after > to)
            return false;
        for (qsizetype j = 1; j < w.text.size(); ++j) {
            const char16_t t = text[at + j].unicode();
            const char16_t c = w.text[j].unicode();
            if (w.whole ? t != c : foldedUnit(t) != foldedUnit(c))
                return false;
        }
        if (at < skipEnd && after > skipStart)
            return false;
        if (w.whole && after < text.size() && isWordChar(text.at(after)) && text.at(after) != u's')
            return false;
        return true;
    };
    bool afterWordChar = from > 0 && isWordChar(text.at(from - 1));
    for (qsizetype at = from; at < to; ++at) {
        const QChar c = text.at(at);
        const char16_t unit = c.unicode();
        const bool startsWord = !afterWordChar;
        afterWordChar = isWordChar(c);
        if (!startsWord && cjk.isEmpty())
            continue;
        const char16_t folded = foldedUnit(unit);
        if (startsWord) {
            const auto [cb, ce]
                = std::equal_range(caseless.cbegin(), caseless.cend(), Word{{}, folded, false}, byFirst);
            for (auto w = cb; w != ce; ++w) {
                if (matches(*w, at, unit, folded))
                    return true;
            }
            const auto [wb, we] = std::equal_range(asWritten.cbegin(), asWritten.cend(), Word{{}, unit, true}, byFirst);
            for (auto w = wb; w != we; ++w) {
                if (matches(*w, at, unit, folded))
                    return true;
            }
        }
        for (const Word &w : cjk) {
            if (matches(w, at, unit, folded))
                return true;
        }
    }
    return false;
}

bool factListsName(const Entity &e, QStringView key, QStringView surface)
{
    for (const auto &[k, v] : e.facts) {
        if (k.size() == key.size() && k == key
            && equalsAnyCaseless(QStringView(v).startsWith(u'=') ? QStringView(v).mid(1) : QStringView(v), surface))
            return true;
    }
    return false;
}

bool factEquals(const Entity &e, QStringView key, QStringView value)
{
    for (const auto &[k, v] : e.facts) {
        if (k.size() == key.size() && v.size() == value.size() && k == key && v == value)
            return true;
    }
    return false;
}

bool hasFact(const Entity &e, QStringView key)
{
    for (const auto &[k, v] : e.facts) {
        if (k.size() == key.size() && k == key)
            return true;
    }
    return false;
}

bool contextSupports(QStringView text, qsizetype start, qsizetype end, const Entity &e)
{
    const qsizetype from = std::max<qsizetype>(0, start - ContextWindow);
    const qsizetype to = std::min<qsizetype>(text.size(), end + ContextWindow);
    return anyWordNear(text, from, to, e, u"context", start, end);
}

// A record's `avoid` words within three words either side of the name show another sense of it.
bool avoided(QStringView text, qsizetype start, qsizetype end, const Entity &e, EntityRules rules)
{
    if (!(rules & RuleAvoid))
        return false;
    // Three words back and three words forward.
    qsizetype from = start;
    for (int words = 0; words < 3 && from > 0; ++words) {
        qsizetype ws = from;
        previousWord(text, from, &ws);
        if (ws >= from)
            break;
        from = ws;
    }
    qsizetype to = end;
    for (int words = 0; words < 3 && to < text.size(); ++words) {
        while (to < text.size() && !isWordChar(text.at(to)) && text.at(to) != u'\n')
            ++to;
        while (to < text.size() && isWordChar(text.at(to)))
            ++to;
    }
    return anyWordNear(text, from, to, e, u"avoid", start, end);
}

// A record's `not_before` and `not_after` words written right against the name, with nothing between,
// show the name is part of a longer word: 中国银行 in 中国银行业 ("China's banking industry"), 高通 in
// 高通胀 ("high inflation") or 提高通信. Chinese runs its words together, so only the record can say which
// neighbours make another word of its name.
bool joinedToLongerWord(QStringView text, qsizetype start, qsizetype end, const Entity &e)
{
    const QStringView before = text.first(start);
    const QStringView after = text.sliced(end);
    for (const auto &[k, v] : e.facts) {
        if (k.startsWith(u"not_")
            && ((k == u"not_before" && after.startsWith(v)) || (k == u"not_after" && before.endsWith(v))))
            return true;
    }
    return false;
}

// Rules a record writes for itself: `context`, `context_for`, `context_at_start`, `avoid`, `not_before`,
// `not_after`.
bool recordAccepts(QStringView text, qsizetype start, qsizetype end, const Entity &e, EntityRules rules)
{
    if (e.facts.isEmpty())
        return true;
    const QStringView surface = text.mid(start, end - start);
    if (((rules & RuleNotBeforeAfter) && joinedToLongerWord(text, start, end, e))
        || avoided(text, start, end, e, rules))
        return false;
    if (!(rules & RuleContext))
        return true;
    bool needs = false;
    if (rules & RuleContextFor)
        needs = factListsName(e, u"context_for", surface);
    else if (!(rules & RuleContextAtStart))
        needs = true;
    if (!needs && factListsName(e, u"context_at_start", surface) && opensSentence(text, start))
        needs = true;
    return !needs || contextSupports(text, start, end, e);
}

// "intel on the rebels": a record marked `case = capitalised` is linked only where its name starts with
// a capital letter ("Intel", "INTEL"), which a common word in the middle of a sentence does not. A
// name in a script without case (英特尔, 亚马逊) has no lower-case reading to rule out.
bool lowerCaseCommonWord(QStringView surface, EntityRules rules)
{
    if (!(rules & RuleCapitalised))
        return false;
    for (QChar c : surface) {
        if (c.isLetter()) {
            if (c.toUpper() == c.toLower())
                return false;
            return !(c.isUpper() || c.isTitleCase());
        }
    }
    return false;
}

// "(NYSE: SEAS)", "(NASDAQ:NVDA)": an exchange's name opening a ticker in brackets.
bool tickerPrefix(QStringView text, qsizetype start, qsizetype end)
{
    qsizetype b = start;
    while (b > 0 && text.at(b - 1) == u' ')
        --b;
    if (b == 0 || (text.at(b - 1) != u'(' && text.at(b - 1) != u'\uFF08'))
        return false;
    qsizetype i = end;
    while (i < text.size() && text.at(i) == u' ')
        ++i;
    if (i >= text.size() || (text.at(i) != u':' && text.at(i) != u'\uFF1A'))
        return false;
    ++i;
    while (i < text.size() && text.at(i) == u' ')
        ++i;
    qsizetype n = 0;
    while (i + n < text.size() && (text.at(i + n).isUpper() || text.at(i + n).isDigit() || text.at(i + n) == u'.'))
        ++n;
    return n >= 1 && n <= 8 && (i + n >= text.size() || !text.at(i + n).isLower());
}

// "Zhejiang University", "University of Southern California", "东京大学": a place naming an
// institution is not a mention of the place.
bool namesInstitution(QStringView text, qsizetype start, qsizetype end)
{
    static constexpr std::array<QStringView, 6> after
        = {u" University", u" Univ.", u" College", u" Polytechnic", u" Institute of Technology", u" School of"};
    for (QStringView a : after) {
        if (text.mid(end).startsWith(a))
            return true;
    }
    static constexpr std::array<QStringView, 4> afterCjk = {u"大学", u"大學", u"理工", u"交通大"};
    for (QStringView a : afterCjk) {
        if (text.mid(end).startsWith(a))
            return true;
    }
    // A place opening a Chinese institution's name: 瑞典“一带一路”研究所, 克罗地亚地缘经济论坛, 中国半导体行业协会.
    // The name runs without a break of sentence or clause (nor 的, 与, 和) to a suffix that ends such names,
    // or to 会会长 (the head of a body whose name ends in 会).
    if (end > start && isCjk(text.at(end - 1).unicode())) { // only a name written in Chinese opens one
        static constexpr std::array<QStringView, 19> institutionCjk
            = {u"研究所", u"研究院", u"研究中心", u"论坛", u"論壇", u"基金会", u"基金會", u"协会", u"協會", u"学会",
                u"學會", u"商会", u"商會", u"智库", u"智庫", u"会会长", u"會會長", u"学院", u"學院"};
        constexpr qsizetype institutionWindow = 14;
        const QStringView rest = text.mid(end, std::min<qsizetype>(text.size() - end, institutionWindow + 4));
        qsizetype run = 0;
        while (run < rest.size() && run < institutionWindow
            && !QStringView(u"，。；：！？、,.;:!?\n 的与與和").contains(rest.at(run)))
            ++run;
        for (QStringView suffix : institutionCjk) {
            const qsizetype at = rest.indexOf(suffix);
            if (at >= 0 && at <= run)
                return true;
        }
    }
    static constexpr std::array<QStringView, 3> before = {u"University of ", u"Universidad de ", u"Université de "};
    for (QStringView b : before) {
        if (start >= b.size() && text.mid(start - b.size(), b.size()) == b)
            return true;
        // "University of Southern California": one word between.
        const qsizetype at
            = text.mid(std::max<qsizetype>(0, start - b.size() - 12), std::min(start, b.size() + 12)).lastIndexOf(b);
        if (at >= 0) {
            const qsizetype abs = std::max<qsizetype>(0, start - b.size() - 12) + at + b.size();
            QStringView between = text.mid(abs, start - abs).trimmed();
            if (!between.isEmpty() && between.front().isUpper() && !between.contains(u' '))
                return true;
        }
    }
    return false;
}

// Titles before a surname: "Mr Washington", "Mr Bloomberg".
constexpr std::array<QStringView, 6> personTitles = {u"Mr", u"Mrs", u"Ms", u"Dr", u"Mr.", u"Mrs."};

// "George Washington", "Mr Washington", "Denzel Washington": a capitalised word before a place name
// that is neither a compass word nor a word a sentence or headline starts with makes it a surname.
bool readsAsSurname(QStringView text, qsizetype start)
{
    if (start == 0 || text.at(start - 1) != u' ')
        return false;
    qsizetype wordStart = start;
    const QStringView before = previousWord(text, start, &wordStart);
    if (before.size() < 2 || !before.front().isUpper() || before.endsWith(u"'s") || before.endsWith(u"\u2019s"))
        return false;
    if (wordStart + before.size() != start - 1)
        return false; // punctuation between: "Taiwan, Washington"
    if (isOneOf(before, personTitles))
        return true;
    bool allCaps = true;
    for (QChar c : before) {
        if (c.isLetter() && !c.isUpper())
            allCaps = false;
        if (!c.isLetter() && c != u'.')
            return false;
    }
    if (allCaps)
        return false; // "US", "EU", a capitalised headline
    // A headline in title case capitalises every word.
    const QStringView after = nextWord(text, text.indexOf(u' ', start) < 0 ? text.size() : text.indexOf(u' ', start));
    if (!after.isEmpty() && after.front().isUpper())
        return false;
    static constexpr std::array<QStringView, 40> modifiers
        = {u"North", u"South", u"East", u"West", u"Northern", u"Southern", u"Eastern", u"Western", u"Central",
            u"Greater", u"Mainland", u"New", u"Upper", u"Lower", u"Inner", u"Outer", u"The", u"In", u"At", u"From",
            u"To", u"Of", u"And", u"For", u"With", u"On", u"Into", u"Across", u"Than", u"Including", u"Like",
            u"Between", u"Both", u"Coastal", u"Rural", u"Downtown", u"Metro", u"Southeast", u"Northeast", u"Pacific"};
    if (isOneOf(before, modifiers))
        return false;
    // Day and month names ("Monday Beijing said") and sentence adverbs are not first names.
    static constexpr std::array<QStringView, 19> common = {u"Monday", u"Tuesday", u"Wednesday", u"Thursday", u"Friday",
        u"Saturday", u"Sunday", u"January", u"February", u"March", u"April", u"June", u"July", u"August", u"September",
        u"October", u"November", u"December", u"Meanwhile"};
    return !isOneOf(before, common);
}

// "founder Michael Dell", "Mr Bloomberg", "Takeda K, Kasai T": a company's name that its record lists
// as `surname` is a person's where a given name or a title stands before it within a sentence, or an
// author's initials follow it in a citation. At a sentence's start a capitalised word says nothing,
// so "Michael Dell said" opening one stays the company's.
bool namesPerson(QStringView text, qsizetype start, qsizetype end, const Entity &e, EntityRules rules)
{
    if (!(rules & RuleSurname) || e.kind != EntityKind::Company
        || !factListsName(e, u"surname", text.mid(start, end - start)))
        return false;
    // Initials after the name, then a comma or a full stop: "Takeda K,", "Takeda KJ.".
    qsizetype i = end;
    if (i + 2 < text.size() && text.at(i) == u' ') {
        qsizetype j = i + 1;
        while (j < text.size() && j - i <= 2 && text.at(j).isUpper())
            ++j;
        if (j > i + 1 && j < text.size() && (text.at(j) == u',' || text.at(j) == u'.'))
            return true;
    }
    if (!readsAsSurname(text, start))
        return false;
    qsizetype wordStart = start;
    const QStringView before = previousWord(text, start, &wordStart);
    if (isOneOf(before, personTitles))
        return true;
    // "last Tuesday. Disney's service": a full stop ends a sentence unless it ends an initial ("J.").
    if (before.endsWith(u'.') && before.size() > 2)
        return false;
    return !opensSentence(text, wordStart);
}

// Words a title-case headline capitalises that no company or event name carries in its middle: a
// capitalised run stops before them ("Nvidia CEO To Speak At GTC Conference").
bool headlineWord(QStringView w)
{
    static constexpr std::array<QStringView, 20> words = {u"To", u"At", u"In", u"On", u"For", u"As", u"With", u"By",
        u"From", u"The", u"A", u"An", u"Is", u"Are", u"Says", u"Said", u"After", u"Over", u"Into", u"Amid"};
    return isOneOf(w, words);
}

// How capitalisedRun reads a name's words.
struct RunStyle
{
    bool hyphens = false; // a hyphen joins words as a space does ("Hong Kong-Zhuhai")
    bool apostrophes = false; // a word may hold an apostrophe, and a possessive closes the run
    bool dots = false; // a full stop right after a word belongs to it ("Co.", "Inc.")
    bool commas = false; // a comma and a space join words as a space does ("Auto, Auto Tech and Chip Conference")
};

// Walks the run of capitalised words (or words opening with a digit) after `end`, at most seven,
// joined by spaces ("&", "and" and "of" may join them after the first) and stopping at a word in
// lower case, a CJK word or a word only a title-case headline capitalises. Calls `visit(word,
// possessive)` for each word; the walk stops after a possessive or where `visit` returns false.
// Returns the position after the last word read.
template <typename Visit> qsizetype capitalisedRun(QStringView text, qsizetype end, RunStyle style, Visit visit)
{
    qsizetype i = end;
    for (int words = 0; words < 7; ++words) {
        qsizetype j = i;
        if (style.commas && words > 0 && text.mid(j).startsWith(u", "))
            ++j;
        if (j >= text.size() || (text.at(j) != u' ' && !(style.hyphens && text.at(j) == u'-')))
            break;
        ++j;
        for (QStringView joiner : {QStringView(u"& "), QStringView(u"and "), QStringView(u"of ")}) {
            if (words > 0 && text.mid(j).startsWith(joiner)) {
                j += joiner.size();
                break;
            }
        }
        if (j >= text.size() || !(text.at(j).isUpper() || text.at(j).isDigit()))
            break;
        qsizetype k = j;
        while (k < text.size() && (isWordChar(text.at(k)) || (style.apostrophes && text.at(k) == u'\'')))
            ++k;
        QStringView word = text.mid(j, k - j);
        const bool possessive = style.apostrophes && (word.endsWith(u"'s") || word.endsWith(u'\''));
        if (possessive)
            word = word.chopped(word.endsWith(u"'s") ? 2 : 1);
        if (word.isEmpty() || isCjk(word.front().unicode()) || headlineWord(word))
            break;
        if (!visit(word, possessive))
            break;
        i = k;
        if (possessive)
            break;
        if (style.dots && i < text.size() && text.at(i) == u'.')
            ++i;
    }
    return i;
}

// "Jiangsu Aisen Semiconductor", "Oxford Sciences Enterprises", "Riyadh Cement", "Dutch Bros", "New
// York Federal Reserve Bank": a place (or its adjective) opening a longer proper name of a company or
// body is part of that name, not a mention of the place. The name runs on in capitalised words ("&",
// "of" and "and" may join them) and one of them is a word that ends company names. A name that runs to
// a bracket, a comma or a line's end is a name whatever its last word; in running prose the ending word
// must close the run, so that a title-case headline ("China Tech Shares Slide") keeps its place; a job
// title right after the ending word closes it too ("New York Federal Reserve Bank President John
// Williams", "Asia Pacific Media Network Director").
// Returns 0 for no such name, 1 for a name, 2 for a name with a government word in it ("U.S.
// Securities and Exchange Commission"), where a country says whose body it is (GUIDELINE G4.6).
int opensLongerName(QStringView text, qsizetype end)
{
    static constexpr std::array<QStringView, 53> endings = {u"Co", u"Corp", u"Corporation", u"Inc", u"Ltd", u"Limited",
        u"LLC", u"PLC", u"Plc", u"GmbH", u"AG", u"Holdings", u"Holding", u"Group", u"Company", u"Technology",
        u"Technologies", u"Electric", u"Electronics", u"Semiconductor", u"Semiconductors", u"Biosciences",
        u"Pharmaceutical", u"Pharmaceuticals", u"Bank", u"Bancorp", u"Securities", u"Capital", u"Ventures", u"Partners",
        u"Enterprises", u"Industries", u"Shipping", u"Cement", u"Motors", u"Airlines", u"Airways", u"Materials",
        u"Material", u"Brand", u"Bros", u"Court", u"Park", u"Chapter", u"Conference", u"Fund", u"Investments",
        u"Insurance", u"Logistics", u"Steel", u"Chemicals", u"Exchange", u"Network"};
    static constexpr std::array<QStringView, 16> government
        = {u"Commission", u"Department", u"Ministry", u"Administration", u"Agency", u"Bureau", u"Council", u"Committee",
            u"Office", u"Authority", u"Federal", u"Reserve", u"Senate", u"Congress", u"Parliament", u"Government"};
    static constexpr std::array<QStringView, 22> titles = {u"President", u"Chairman", u"Chairwoman", u"Chair", u"CEO",
        u"CFO", u"CTO", u"COO", u"Chief", u"Governor", u"Director", u"Secretary", u"Minister", u"Spokesman",
        u"Spokeswoman", u"Spokesperson", u"Founder", u"Co-founder", u"Analyst", u"Economist", u"Commissioner", u"Head"};
    static constexpr std::array<QStringView, 3> glued = {u"Ltd", u"Inc", u"Corp"};
    const auto isEnding = [](QStringView w) {
        if (isOneOf(w, endings))
            return true;
        for (QStringView g : glued) { // "MaterialLtd"
            if (w.size() > g.size() + 1 && w.endsWith(g) && w.at(w.size() - g.size() - 1).isLower())
                return true;
        }
        return false;
    };
    bool endingSeen = false;
    bool lastIsEnding = false;
    bool governmentSeen = false;
    bool closedByPossessive = false;
    // A possessive closes the name: "Shanghai OPM Biosciences' share price", "… Technology's report".
    const qsizetype i = capitalisedRun(
        text, end, {.hyphens = true, .apostrophes = true, .dots = true}, [&](QStringView word, bool possessive) {
            if (lastIsEnding && isOneOf(word, titles))
                return false; // the name ends before the title
            lastIsEnding = isEnding(word);
            endingSeen = endingSeen || lastIsEnding;
            governmentSeen = governmentSeen || isOneOf(word, government);
            closedByPossessive = possessive;
            return true;
        });
    if (closedByPossessive && lastIsEnding)
        return governmentSeen ? 2 : 1;
    if (!endingSeen)
        return 0;
    qsizetype q = i;
    while (q < text.size() && text.at(q) == u' ')
        ++q;
    if (!lastIsEnding && q < text.size() && !QStringView(u"(\n|,").contains(text.at(q)))
        return 0;
    return governmentSeen ? 2 : 1;
}

// Boilerplate around a name (GUIDELINE G1.2): a picture credit or source line ("图片来源：视觉中国",
// "Image by …", "Source: …"), a social account in a contact block ("Twitter: @handle", "Facebook:
// AcmeInc") and a share button ("Reddit Post", "Share on Facebook") name no entity of the story.
// A share button's label before the name: "Share on", "Follow us on".
bool sharePrefix(QStringView before)
{
    static constexpr std::array<QStringView, 4> share = {u"Share on", u"Follow us on", u"Follow on", u"Share to"};
    for (QStringView sh : share) {
        if (before.size() <= sh.size() + 3 && before.endsWith(sh, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// indexOfCaseless(line, u"click here") >= 0 || indexOfCaseless(line, u"sign up here") >= 0. Both
// end in "here", and only 'h' and 'H' fold to 'h': the phrases are looked for where one of those is,
// found by Qt's vectorised search for a unit.
bool hasPromoPhrase(QStringView line)
{
    static constexpr std::array<QStringView, 2> phrases = {u"click here", u"sign up here"};
    const auto endsAt = [&](qsizetype h, QStringView phrase) {
        const qsizetype start = h - (phrase.size() - 4);
        if (start < 0 || start + phrase.size() > line.size())
            return false;
        for (qsizetype j = 0; j < phrase.size(); ++j) {
            if (foldedUnit(line[start + j].unicode()) != phrase[j].unicode())
                return false;
        }
        return true;
    };
    qsizetype lower = line.indexOf(u'h');
    qsizetype upper = line.indexOf(u'H');
    while (lower >= 0 || upper >= 0) {
        const bool fromLower = upper < 0 || (lower >= 0 && lower < upper);
        const qsizetype h = fromLower ? lower : upper;
        if (endsAt(h, phrases[0]) || endsAt(h, phrases[1]))
            return true;
        if (fromLower)
            lower = line.indexOf(u'h', h + 1);
        else
            upper = line.indexOf(u'H', h + 1);
    }
    return false;
}

bool inBoilerplateLine(QStringView text, qsizetype start, qsizetype end, ChoiceMemo *memo)
{
    // A line is a paragraph of the canonical text, so its bounds are looked for near the name first.
    // Every rule below needs the text before the name on its line to be short or made of list marks,
    // or the whole line to be short: when the line starts further back than `reach` and the last
    // `reach` units hold a character no label is made of and two characters far enough apart for
    // the text before the name to be longer than any label, none applies.
    constexpr qsizetype reach = 256;
    constexpr qsizetype labelReach = 32; // more than the longest label below and the characters after it
    constexpr qsizetype promoLine = 200;
    const qsizetype from = std::max<qsizetype>(0, start - reach);
    const QStringView window = text.mid(from, start - from);
    const qsizetype newline = window.lastIndexOf(u'\n');
    qsizetype lineStart = newline >= 0 ? from + newline + 1 : 0;
    if (newline < 0 && from > 0) {
        // From the name backwards, which in prose stops after labelReach units.
        qsizetype last = -1;
        bool nonLabel = false;
        for (qsizetype i = window.size() - 1; i >= 0; --i) {
            const QChar c = window.at(i);
            if (c.isSpace())
                continue;
            if (last < 0)
                last = i;
            if (!QStringView(u"*_#-[").contains(c))
                nonLabel = true;
            if (nonLabel && last - i >= labelReach)
                return false;
        }
        lineStart = text.lastIndexOf(u'\n', start - 1) + 1;
    }
    const QStringView before = text.mid(lineStart, start - lineStart).trimmed();
    // A credit or source line: a label opens the line and the name follows within a few characters
    // ("图片来源：视觉中国", "Image by Acme", "Source: Acme"), every name in it being the credit's.
    static constexpr std::array<QStringView, 14> credits = {u"图片来源", u"圖片來源", u"图源", u"圖源", u"来源：",
        u"來源：", u"来源:", u"Image by", u"Photo by", u"Picture by", u"Source:", u"Image:", u"Photo:", u"Credit:"};
    constexpr qsizetype creditReach = 12;
    for (QStringView c : credits) {
        if (before.size() <= c.size() + creditReach && before.startsWith(c))
            return true;
    }
    // A name opening its line as a label: "Twitter: @AcmeIR", "LinkedIn**:**Acme Group Inc". The value
    // is a handle or a short name, not a sentence.
    bool opensLine = true;
    for (QChar c : before) {
        if (!QStringView(u"*_#-[ ").contains(c)) {
            opensLine = false;
            break;
        }
    }
    if (opensLine) {
        qsizetype lineEnd = text.indexOf(u'\n', end);
        if (lineEnd < 0)
            lineEnd = text.size();
        const QStringView after = text.mid(end, lineEnd - end).trimmed();
        qsizetype i = 0;
        while (i < after.size() && (after.at(i) == u'*' || after.at(i) == u'_'))
            ++i;
        if (i < after.size() && (after.at(i) == u':' || after.at(i) == u'：')) {
            QStringView value = after.mid(i + 1);
            while (!value.isEmpty() && (value.front() == u'*' || value.front() == u'_' || value.front() == u' '))
                value = value.mid(1);
            if (!value.isEmpty() && value.size() <= 40 && !value.contains(u". ") && value.count(u' ') <= 3)
                return true;
        }
        // A share button: "Reddit Post", "Facebook Share".
        if (after == u"Post" || after == u"Share" || after == u"Post]" || after == u"Share]")
            return true;
    }
    // The outlet promoting its own services: "TechCrunch has a newsletter! [Sign up here]", "For Acme's
    // full calendar, [click here]" (G1.2). The line's end is looked for only as far as such a line reaches.
    const qsizetype limit = lineStart + promoLine;
    if (end <= limit) {
        const qsizetype stop = std::min(text.size(), limit + 1);
        const qsizetype at = text.mid(end, stop - end).indexOf(u'\n');
        const qsizetype lineEnd = at >= 0 ? end + at : text.size();
        if (lineEnd <= limit) {
            // The names of one line ask the same question: the answer is kept for the next.
            bool promo = false;
            if (memo && memo->promoLineStart == lineStart && memo->promoLineEnd == lineEnd) {
                promo = memo->promo;
            } else {
                promo = hasPromoPhrase(text.mid(lineStart, lineEnd - lineStart));
                if (memo)
                    *memo = ChoiceMemo{lineStart, lineEnd, promo};
            }
            if (promo)
                return true;
        }
    }
    return sharePrefix(before);
}

// "TD Cowen Aerospace and Defense Conference", "S&P Global BMI Index", "Dow Jones Industrial Average",
// "Bridgestone Arena", "Fed Cup": a company or body opening the name of an event, an index, a prize or
// a venue that bears its name is not named by it (GUIDELINE G2.5). The capitalised run after the name
// ends in a word that ends such names, read up to the first comma ("United Nations Climate Action
// Summit, Indian Prime Minister …") or, where that run does not end the name, on across commas, with
// which an event's name may list its subjects ("Wolfe Research Auto, Auto Tech and Semiconductor
// Conference").
bool opensEventName(QStringView text, qsizetype end)
{
    static constexpr std::array<QStringView, 26> endings
        = {u"Conference", u"Summit", u"Index", u"Expo", u"Awards", u"Festival", u"Symposium", u"Forum", u"Indices",
            u"Average", u"Arena", u"Stadium", u"Pavilion", u"Amphitheatre", u"Amphitheater", u"Theatre", u"Theater",
            u"Coliseum", u"Prize", u"Cup", u"Bowl", u"Championship", u"Championships", u"Open", u"Marathon", u"Museum"};
    // Across commas only a gathering's name: "Intel Falls, Stocks Open" is a headline.
    static constexpr std::array<QStringView, 5> gatherings
        = {u"Conference", u"Summit", u"Expo", u"Symposium", u"Forum"};
    QStringView last;
    capitalisedRun(text, end, {}, [&](QStringView word, bool) {
        last = word;
        return true;
    });
    if (!last.isEmpty() && isOneOf(last, endings))
        return true;
    last = {};
    capitalisedRun(text, end, {.commas = true}, [&](QStringView word, bool) {
        last = word;
        return true;
    });
    return !last.isEmpty() && isOneOf(last, gatherings);
}

// "2:00AM New York", "北京时间22:00": a place naming a time zone is not a mention of it.
bool namesTimeZone(QStringView text, qsizetype start, qsizetype end)
{
    const QStringView after = text.mid(end, 3);
    if (after.startsWith(u"时间") || after.startsWith(u"時間"))
        return true;
    if (after.startsWith(u" time", Qt::CaseSensitive) && (end + 5 >= text.size() || !isWordChar(text.at(end + 5))))
        return true;
    const QStringView before = previousWord(text, start);
    return before.size() >= 3 && (before.endsWith(u"AM") || before.endsWith(u"PM")) && before.front().isDigit();
}

// "Arab Banking Corporation (B.S.C.)": a name right after a letter and a full stop continues an
// abbreviation; it is not a word of its own.
bool continuesAbbreviation(QStringView text, qsizetype start)
{
    return start >= 2 && text.at(start - 1) == u'.' && text.at(start - 2).isLetter()
        && !isCjk(text.at(start - 2).unicode());
}

// True when the words around a place name make it a place rather than its government.
bool readsAsPlace(QStringView text, qsizetype start, qsizetype end)
{
    static constexpr std::array<QStringView, 22> locatives = {u"in", u"at", u"from", u"near", u"to", u"outside",
        u"around", u"across", u"visit", u"visited", u"via", u"downtown", u"within", u"into", u"of", u"through",
        u"eastern", u"western", u"northern", u"southern", u"central", u"suburban"};
    const QStringView before = previousWord(text, start);
    const QStringView after = text.mid(end, 20);
    // "close to Beijing's policymakers": a possessive is the government's unless "in" precedes it.
    const bool possessive = after.startsWith(u"'s") || after.startsWith(u"\u2019s");
    if (!before.isEmpty() && isOneOf(before, locatives)
        && (!possessive || equalsAnyCaseless(before, u"in") || equalsAnyCaseless(before, u"at")))
        return true;
    static constexpr std::array<QStringView, 6> suffixes
        = {u"-based", u" city", u" City", u"-listed", u"-area", u"-headquartered"};
    for (QStringView s : suffixes) {
        if (after.startsWith(s))
            return true;
    }
    // A dateline: "LONDON, ENGLAND, March 27" or "SINGAPORE —" opening a paragraph.
    bool upper = true;
    for (QChar c : text.mid(start, end - start)) {
        if (c.isLetter() && !c.isUpper())
            upper = false;
    }
    if (upper && end - start > 3 && (start == 0 || text.at(start - 1) == u'\n'))
        return true;
    // CJK: 在北京, 于北京, 赴华盛顿, 北京市
    if (start > 0) {
        const QChar p = text.at(start - 1);
        if (p == u'在' || p == u'于' || p == u'於' || p == u'赴' || p == u'到' || p == u'抵')
            return true;
    }
    return false;
}

// A compass word before the name: "eastern Washington" is the state, not the capital.
bool afterCompassWord(QStringView text, qsizetype start)
{
    static constexpr std::array<QStringView, 6> compass
        = {u"eastern", u"western", u"northern", u"southern", u"central", u"rural"};
    return isOneOf(previousWord(text, start), compass);
}

// The city (or state) inside `country` that a metonym names when read as a place: the region whose
// name or alias is the metonym itself or starts with it ("Washington" → "Washington, D.C.").
qsizetype placeNamedBy(QStringView surface, const Entity &country, bool preferProvince, const KnowledgeBase &kb)
{
    qsizetype city = -1;
    qsizetype province = -1;
    const auto &entities = kb.entities();
    // The country's parts, in the base's order, rather than every entity of the base.
    for (const QString &part : kb.childrenOf(country.id)) {
        const qsizetype i = kb.indexOf(part);
        if (i < 0)
            continue;
        const Entity &e = entities.at(i);
        if (e.kind != EntityKind::Region || !factEquals(e, u"part_of", country.id))
            continue;
        bool named = false;
        for (const Alias &a : e.aliases) {
            if (a.role == Alias::Metonym || a.role == Alias::Demonym)
                continue;
            const QStringView t(a.text);
            if (t.size() >= surface.size() && t.left(surface.size()).compare(surface, Qt::CaseInsensitive) == 0
                && (t.size() == surface.size() || !isWordChar(t.at(surface.size())))) {
                named = true;
                break;
            }
        }
        if (!named)
            continue;
        if (factEquals(e, u"type", u"city") && city < 0)
            city = i;
        else if (factEquals(e, u"type", u"province") && province < 0)
            province = i;
    }
    if (preferProvince && province >= 0)
        return province;
    return city >= 0 ? city : province;
}

// A name inside a web address ("https://seekingalpha.com/…", "www.Bitdeer.com") is part of the
// address, not a mention. "OpenAI/Apple" and "/24-7PressRelease/" are not addresses. Chinese puts
// no space after an address, but its punctuation (【】（），。、：) never occurs in one, so the address
// ends there: "https://example.cn【资讯】…乐鑫科技" names the company.
bool insideUrl(QStringView text, qsizetype start)
{
    const auto endsAddress = [](char16_t c) {
        return c == u'(' || c == u'[' || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
    };
    const qsizetype stop = std::max<qsizetype>(0, start - 300);
    qsizetype i = start;
    while (i > stop && !text.at(i - 1).isSpace() && !endsAddress(text.at(i - 1).unicode()))
        --i;
    const QStringView token = text.mid(i, start - i);
    return token.contains(u"://") || token.startsWith(u"www.", Qt::CaseInsensitive);
}

// "FC Barcelona", "AC Milan", "Leeds United AFC": a place beside a football club's abbreviation is
// the club's name.
bool namesClub(QStringView text, qsizetype start, qsizetype end)
{
    static constexpr std::array<QStringView, 6> clubs = {u"FC", u"F.C.", u"AC", u"AFC", u"CF", u"A.C."};
    if (start > 0 && text.at(start - 1) == u' ') {
        qsizetype wordStart = start;
        const QStringView before = previousWord(text, start, &wordStart);
        if (wordStart + before.size() == start - 1 && isOneOf(before, clubs))
            return true;
    }
    if (end < text.size() && text.at(end) == u' ') {
        qsizetype stop = end + 1;
        while (stop < text.size() && (isWordChar(text.at(stop)) || text.at(stop) == u'.'))
            ++stop;
        QStringView after = text.mid(end + 1, stop - end - 1);
        if (after.size() > 1 && after.endsWith(u'.') && !after.startsWith(u"F.") && !after.startsWith(u"A."))
            after.chop(1); // a sentence's full stop
        if (isOneOf(after, clubs))
            return true;
    }
    return false;
}

// 纽约联储 (the New York Fed), 北京市门头沟区市场监督管理局, 哥伦比亚特区地方法院: a city, province or
// macro-region opening the Chinese name of a government body, court, central bank or exchange is part
// of that name. The name runs without a break of sentence or clause (nor 的, 与, 和) to such a word. A
// country or territory written there says whose body it is (美国商务部, 香港证监会) and stays a mention
// (GUIDELINE G4.6); chooseCandidate asks this only for the other places.
bool opensCjkBodyName(QStringView text, qsizetype start, qsizetype end)
{
    if (end <= start || !isCjk(text.at(end - 1).unicode()))
        return false;
    static constexpr std::array<QStringView, 20> bodies = {u"联储", u"聯儲", u"央行", u"法院", u"检察院", u"檢察院",
        u"管理局", u"监督局", u"監督局", u"监管局", u"監管局", u"统计局", u"統計局", u"委员会", u"委員會", u"交易所",
        u"人民政府", u"发改委", u"發改委", u"税务局"};
    constexpr qsizetype window = 14;
    const QStringView rest = text.mid(end, std::min<qsizetype>(text.size() - end, window + 4));
    qsizetype run = 0;
    while (run < rest.size() && run < window && !QStringView(u"，。；：！？、,.;:!?\n 的与與和").contains(rest.at(run)))
        ++run;
    for (QStringView body : bodies) {
        const qsizetype at = rest.indexOf(body);
        if (at >= 0 && at <= run)
            return true;
    }
    return false;
}

// "Hangzhou Seck comes from …" after "Hangzhou Seck Intelligent Technology": a place opening a short
// name that the text around it writes in full as a company's or a body's name (opensLongerName) is
// that name too. Only the nearby text is read, so that a long text costs no more per name.
bool opensNameWrittenInFull(QStringView text, qsizetype start, qsizetype end)
{
    constexpr qsizetype reach = 2500;
    qsizetype runEnd = end;
    capitalisedRun(text, end, {}, [&](QStringView word, bool) {
        runEnd = word.data() - text.data() + word.size();
        return false; // the first word after the place is enough to tell the name
    });
    if (runEnd == end)
        return false;
    const QStringView shortName = text.mid(start, runEnd - start);
    const qsizetype placeLength = end - start;
    const qsizetype from = std::max<qsizetype>(0, start - reach);
    const QStringView around = text.mid(from, std::min<qsizetype>(text.size(), runEnd + reach) - from);
    for (qsizetype pos = around.indexOf(shortName); pos >= 0; pos = around.indexOf(shortName, pos + 1)) {
        const qsizetype at = from + pos;
        if (at == start || (at > 0 && isWordChar(text.at(at - 1))))
            continue;
        const qsizetype after = at + shortName.size();
        if (after < text.size() && isWordChar(text.at(after)))
            continue;
        if (opensLongerName(text, at + placeLength) == 1)
            return true;
    }
    return false;
}

} // namespace

EntityRules entityRules(const Entity &e)
{
    EntityRules rules = 0;
    if (factEquals(e, u"case", u"capitalised"))
        rules |= RuleCapitalised;
    if (hasFact(e, u"avoid"))
        rules |= RuleAvoid;
    if (hasFact(e, u"context"))
        rules |= RuleContext;
    if (hasFact(e, u"context_for"))
        rules |= RuleContextFor;
    if (hasFact(e, u"context_at_start"))
        rules |= RuleContextAtStart;
    if (factEquals(e, u"type", u"country"))
        rules |= RuleCountry;
    if (factEquals(e, u"type", u"territory"))
        rules |= RuleTerritory;
    if (hasFact(e, u"not_before") || hasFact(e, u"not_after"))
        rules |= RuleNotBeforeAfter;
    if (hasFact(e, u"surname"))
        rules |= RuleSurname;
    return rules;
}

qsizetype chooseCandidate(QStringView text, qsizetype start, qsizetype end, const LinkCandidates &candidates,
    const KnowledgeBase &kb, ChoiceMemo *memo)
{
    const auto &entities = kb.entities();
    const QStringView surface = text.mid(start, end - start);
    if (start > 0 && !text.at(start - 1).isSpace() && insideUrl(text, start))
        return -1;
    if (continuesAbbreviation(text, start) || inBoilerplateLine(text, start, end, memo))
        return -1;
    const bool tickerLike = tickerPrefix(text, start, end);
    qsizetype plain = -1;
    qsizetype metonym = -1;
    bool placeChecked = false;
    bool institution = false;
    bool surname = false;
    bool cjkBody = false;
    for (const LinkCandidate &c : candidates) {
        const Entity &e = entities.at(c.entity);
        if (lowerCaseCommonWord(surface, c.rules) || namesPerson(text, start, end, e, c.rules))
            continue;
        if ((e.kind == EntityKind::Company || e.kind == EntityKind::Organisation)
            && (tickerLike || opensEventName(text, end)))
            continue;
        if (e.kind == EntityKind::Region) {
            if (!placeChecked) {
                const int longer = opensLongerName(text, end);
                institution = namesInstitution(text, start, end) || namesTimeZone(text, start, end) || longer == 1
                    || (longer == 2 && !(c.rules & RuleCountry)) || namesClub(text, start, end)
                    || (longer == 0 && opensNameWrittenInFull(text, start, end));
                surname = readsAsSurname(text, start);
                cjkBody = opensCjkBodyName(text, start, end);
                placeChecked = true;
            }
            // A metonym is a city's name ("北京" for China): the city opens the body's name.
            if (institution || (surname && c.role != Alias::Demonym)
                || (cjkBody && (c.role == Alias::Metonym || !(c.rules & (RuleCountry | RuleTerritory)))))
                continue;
        }
        if (!recordAccepts(text, start, end, e, c.rules))
            continue;
        if (c.role == Alias::Metonym) {
            if (metonym < 0)
                metonym = c.entity;
        } else if (plain < 0) {
            plain = c.entity;
        }
    }
    if (metonym < 0)
        return plain;
    if (!readsAsPlace(text, start, end))
        return metonym;
    if (plain >= 0)
        return plain;
    return placeNamedBy(surface, entities.at(metonym), afterCompassWord(text, start), kb);
}

} // namespace Lede
