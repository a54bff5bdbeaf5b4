// SPDX-License-Identifier: MIT
#include "textheuristics.h"

#include "text/article.h"
#include "text/unicode.h"

#include <QRegularExpression>
#include <QUrl>

namespace Lede::TextHeuristics {

using namespace Qt::StringLiterals;

int wordCount(QStringView text)
{
    int words = 0;
    bool inWord = false;
    for (QChar c : text) {
        const bool w = c.isLetterOrNumber();
        if (w && !inWord)
            ++words;
        // Each CJK character counts as a word, there being no spaces.
        if (w && inWord && Unicode::isCjk(c.unicode()))
            ++words;
        inWord = w;
    }
    return words;
}

bool isProse(QStringView p)
{
    p = p.trimmed();
    if (p.isEmpty())
        return false;
    const int words = wordCount(p);
    if (words >= 25)
        return true;
    static const QString enders = u".!?…\"”’)»:;。！？」』"_s;
    return words >= 8 && enders.contains(p.back());
}

bool isTitleCase(QStringView p)
{
    int longWords = 0;
    int capitalised = 0;
    for (QStringView word : p.tokenize(u' ', Qt::SkipEmptyParts)) {
        if (word.size() < 4 || !word.front().isLetter())
            continue;
        ++longWords;
        capitalised += word.front().isUpper() ? 1 : 0;
    }
    return longWords >= 2 && capitalised * 10 >= longWords * 8;
}

bool isAdLine(QStringView p)
{
    p = p.trimmed();
    if (wordCount(p) > 12 || (isProse(p) && wordCount(p) > 8))
        return false;
    static const QRegularExpression ads(
        uR"(\b\d{1,3}\s?% off\b|^advertisement$|^advert$|^sponsored\b|\bsponsored content\b|^subscribe\b|\bsubscribe (?:now|today|for)\b|^sign up\b|\bnewsletter\b|\bpromo code\b|\bbuy now\b|\bshop now\b|\blimited[- ]time\b|^click here\b|^share (?:this|on)\b|^follow us\b|^read more$|^ad$|^ads by\b|[$€£]\s?\d+(?:\.\d+)?\s?(?:/|a |per )\s?(?:mo|month|week|year)\b|^continue reading\b|^skip (?:to|ad)\b|^广告$|^廣告$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return ads.matchView(p).hasMatch();
}

bool isBreadcrumb(QStringView p)
{
    p = p.trimmed();
    if (p.isEmpty())
        return true;
    // Mostly punctuation: "In , ,".
    int letters = 0;
    for (QChar c : p)
        letters += c.isLetterOrNumber() ? 1 : 0;
    if (letters * 2 < p.size() || (wordCount(p) <= 1 && p.size() < 12))
        return true;
    // Separator-joined short segments: "Home > Tech > Chips", "News / World".
    static const QRegularExpression crumbs(uR"(^[^.!?]{1,40}(?:\s+(?:>|»|›|/|\||::)\s+[^.!?]{1,40}){1,6}$)"_s);
    return crumbs.matchView(p).hasMatch();
}

QString bylineName(QStringView p)
{
    p = p.trimmed();
    static const QRegularExpression byline(
        uR"(^(?:written by|words by|reporting by|story by|by|author:|byline:|作者[:：]?|记者[:：]?|記者[:：]?)\s*(.{2,80}?)\s*$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    const auto m = byline.matchView(p);
    if (!m.hasMatch())
        return {};
    const QStringView name = m.capturedView(1);
    // A name is a few capitalised words, perhaps followed by ", Outlet" or " and Other Name".
    const bool endsAsSentence = name.endsWith(u'.') && !name.endsWith(u"Jr.");
    const bool capitalised = name.front().isUpper() || Unicode::isCjk(name.front().unicode());
    if (wordCount(name) > 10 || endsAsSentence || !capitalised)
        return {};
    return name.toString();
}

QString guessLanguage(QStringView text)
{
    int han = 0, kana = 0, hangul = 0, cyrillic = 0, latin = 0, greek = 0, arabic = 0;
    const QStringView sample = text.left(4000);
    for (QChar c : sample) {
        const char16_t u = c.unicode();
        if (u >= 0x4E00 && u <= 0x9FFF)
            ++han;
        else if (u >= 0x3040 && u <= 0x30FF)
            ++kana;
        else if (u >= 0xAC00 && u <= 0xD7AF)
            ++hangul;
        else if (u >= 0x0400 && u <= 0x04FF)
            ++cyrillic;
        else if (u >= 0x0370 && u <= 0x03FF)
            ++greek;
        else if (u >= 0x0600 && u <= 0x06FF)
            ++arabic;
        else if (c.isLetter() && u < 0x250)
            ++latin;
    }
    if (kana > 20 && kana * 10 > han)
        return u"ja"_s;
    if (hangul > 20)
        return u"ko"_s;
    if (han > 20 && han > latin / 4)
        return u"zh"_s;
    if (cyrillic > latin && cyrillic > 20)
        return u"ru"_s;
    if (greek > latin && greek > 20)
        return u"el"_s;
    if (arabic > latin && arabic > 20)
        return u"ar"_s;
    if (latin < 40)
        return {};
    // Latin script: count very common function words.
    static const QList<std::pair<QString, QStringList>> stopwords = {
        {u"en"_s, {u"the"_s, u"and"_s, u"of"_s, u"to"_s, u"is"_s, u"that"_s, u"with"_s, u"for"_s}},
        {u"de"_s, {u"der"_s, u"die"_s, u"und"_s, u"das"_s, u"ist"_s, u"nicht"_s, u"mit"_s, u"sich"_s}},
        {u"fr"_s, {u"le"_s, u"la"_s, u"les"_s, u"et"_s, u"des"_s, u"est"_s, u"une"_s, u"dans"_s}},
        {u"es"_s, {u"el"_s, u"los"_s, u"las"_s, u"y"_s, u"que"_s, u"del"_s, u"una"_s, u"por"_s}},
        {u"pt"_s, {u"o"_s, u"os"_s, u"e"_s, u"que"_s, u"do"_s, u"da"_s, u"uma"_s, u"não"_s}},
        {u"it"_s, {u"il"_s, u"che"_s, u"e"_s, u"della"_s, u"per"_s, u"una"_s, u"sono"_s, u"non"_s}},
        {u"nl"_s, {u"de"_s, u"het"_s, u"een"_s, u"en"_s, u"van"_s, u"niet"_s, u"zijn"_s, u"met"_s}},
    };
    QHash<QString, int> counts;
    for (QStringView word : sample.tokenize(u' ', Qt::SkipEmptyParts)) {
        QString w = word.toString().toLower();
        while (!w.isEmpty() && !w.back().isLetter())
            w.chop(1);
        for (const auto &[lang, words] : stopwords) {
            if (words.contains(w))
                ++counts[lang];
        }
    }
    QString best;
    int bestCount = 2;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > bestCount) {
            best = it.key();
            bestCount = it.value();
        }
    }
    return best;
}

namespace {

QString hostOf(QStringView url)
{
    QString s = url.trimmed().toString();
    if (!s.contains(u"://"))
        s.prepend(u"http://"_s);
    QString host = QUrl(s).host().toLower();
    while (host.endsWith(u'.'))
        host.chop(1);
    return host;
}

// Letters and digits only, lower-cased: "The Guardian" → "theguardian", "business-standard" → "businessstandard".
QString squeezed(QStringView s)
{
    QString out;
    for (QChar c : s) {
        if (c.isLetterOrNumber())
            out += c.toLower();
    }
    return out;
}

} // namespace

QString registrableDomain(QStringView url)
{
    const QString host = hostOf(url);
    QStringList labels = host.split(u'.', Qt::SkipEmptyParts);
    if (labels.isEmpty())
        return {};
    // An address in numbers has no domain to shorten.
    if (std::all_of(labels.cbegin(), labels.cend(),
            [](const QString &l) { return std::all_of(l.cbegin(), l.cend(), [](QChar c) { return c.isDigit(); }); }))
        return host;
    // Second-level public suffixes under a country code: com.cn, co.uk, org.au, ac.jp, ne.jp …
    static const QStringList genericSecond = {u"com"_s, u"co"_s, u"net"_s, u"org"_s, u"edu"_s, u"gov"_s, u"ac"_s,
        u"or"_s, u"ne"_s, u"go"_s, u"gob"_s, u"mil"_s, u"nom"_s, u"ltd"_s, u"plc"_s, u"gen"_s, u"biz"_s, u"info"_s};
    qsizetype keep = 2;
    if (labels.size() >= 3 && labels.last().size() == 2 && genericSecond.contains(labels.at(labels.size() - 2)))
        keep = 3;
    if (labels.size() > keep)
        labels = labels.mid(labels.size() - keep);
    return labels.join(u'.');
}

QString outletFromUrl(QStringView url)
{
    const QString domain = registrableDomain(url);
    if (domain.isEmpty())
        return {};
    const qsizetype dot = domain.indexOf(u'.');
    QString name = dot < 0 ? domain : domain.left(dot);
    const QString rest = dot < 0 ? QString() : domain.mid(dot);
    static const QString vowels = u"aeiou"_s;
    const bool hasLetter = std::any_of(name.cbegin(), name.cend(), [](QChar c) { return c.isLetter(); });
    const bool initials = hasLetter && name.size() <= 5 && std::all_of(name.cbegin(), name.cend(), [&](QChar c) {
        return c.isLetterOrNumber() && !vowels.contains(c);
    });
    if (initials)
        name = name.toUpper();
    else if (!name.isEmpty())
        name[0] = name.at(0).toUpper();
    return name + rest;
}

bool isReadableName(QStringView label)
{
    const QString t = simplifiedText(label);
    if (t.isEmpty() || t.size() > 60)
        return false;
    for (QStringView bad : {u"_", u"/", u"\\", u"@", u"=", u"://", u"http"}) {
        if (t.contains(bad))
            return false;
    }
    const QStringList words = t.split(u' ');
    if (words.size() > 6)
        return false;
    bool anyLetter = false;
    for (QChar c : t) {
        if (!c.isLetter())
            continue;
        anyLetter = true;
        // A script without case (Chinese, Japanese, Arabic …): nothing to judge by capitals.
        if (!c.isUpper() && !c.isLower())
            return true;
    }
    if (!anyLetter || !words.first().front().isUpper())
        return false;
    for (const QString &w : words) {
        if (w.size() >= 4 && w.front().isLetter() && !w.front().isUpper())
            return false;
    }
    return true;
}

int nameMatchesSite(QStringView name, QStringView url)
{
    const QString key = squeezed(registrableDomain(url).section(u'.', 0, 0));
    if (key.size() < 2)
        return 0;
    QStringList words;
    for (QStringView w : name.tokenize(u' ', Qt::SkipEmptyParts)) {
        const QString s = squeezed(w);
        if (!s.isEmpty())
            words.append(s);
    }
    if (words.isEmpty())
        return 0;
    const QString whole = words.join(QString());
    if (whole == key || (words.size() > 1 && words.first() == u"the" && words.mid(1).join(QString()) == key))
        return 3;
    QString initials;
    for (const QString &w : std::as_const(words))
        initials += w.front();
    if (words.size() > 1 && (initials == key || (words.first() == u"the" && initials.mid(1) == key)))
        return 2;
    if (words.size() > 1 && words.first() == key)
        return 1;
    return 0;
}

ParsedDate datelineDate(QStringView paragraph)
{
    // A place of capitalised words in up to three comma-separated parts, a date, an optional wire name
    // ("/PRNewswire/", "(GLOBE NEWSWIRE)") and a dash.
    static const QRegularExpression dateline(
        uR"(^\s*[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}(?:,\s*[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}){0,2},\s+)"
        uR"(((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})|(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})|(?:\d{4}-\d{2}-\d{2})))"
        uR"(\s*(?:/[^/\n]{1,60}/|\([^)\n]{1,60}\))?\s*(?:--|—|–|-)(?:\s|$))"_s,
        QRegularExpression::UseUnicodePropertiesOption);
    const auto m = dateline.matchView(paragraph.left(200));
    if (!m.hasMatch())
        return {};
    return parseDate(m.capturedView(1));
}

} // namespace Lede::TextHeuristics
