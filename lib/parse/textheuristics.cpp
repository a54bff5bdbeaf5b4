// SPDX-License-Identifier: MIT
#include "textheuristics.h"

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
        if (w && inWord && c.unicode() >= 0x2E80)
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
    const bool capitalised = name.front().isUpper() || name.front().unicode() >= 0x2E80;
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

QString outletFromUrl(QStringView url)
{
    const QUrl u(url.toString());
    QString host = u.host().toLower();
    if (host.startsWith(u"www."))
        host = host.mid(4);
    return host;
}

} // namespace Lede::TextHeuristics
