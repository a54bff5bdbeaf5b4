// SPDX-License-Identifier: MIT
#include "searchtext.h"

#include <QList>

namespace Lede::Query {

using namespace Qt::StringLiterals;

bool isCjk(char32_t c)
{
    if (c == 0x30FC || c == 0x3005) // the prolonged sound mark ー and the repetition mark 々
        return true;
    switch (QChar::script(c)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
        return true;
    default:
        return false;
    }
}

namespace {

// The text cut into stretches that are all CJK or all not, each as its code points' strings.
struct Stretch
{
    bool cjk = false;
    QList<QStringView> chars; // CJK: one entry per character; otherwise one entry for the stretch
};

QList<Stretch> stretches(QStringView text)
{
    QList<Stretch> out;
    qsizetype i = 0;
    while (i < text.size()) {
        char32_t c = text[i].unicode();
        qsizetype len = 1;
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            len = 2;
        }
        const bool cjk = isCjk(c);
        if (out.isEmpty() || out.last().cjk != cjk)
            out.append(Stretch{cjk, {}});
        Stretch &s = out.last();
        if (cjk || s.chars.isEmpty())
            s.chars.append(text.sliced(i, len));
        else
            s.chars.last() = QStringView(s.chars.last().data(), s.chars.last().size() + len);
        i += len;
    }
    return out;
}

bool hasWordChars(QStringView text)
{
    for (QChar c : text) {
        if (c.isLetterOrNumber())
            return true;
    }
    return false;
}

void appendPairs(QString &out, const QList<QStringView> &chars)
{
    for (qsizetype k = 0; k + 1 < chars.size(); ++k) {
        out += u' ';
        out += chars.at(k);
        out += chars.at(k + 1);
    }
}

} // namespace

QString indexText(QStringView text)
{
    QString out;
    out.reserve(text.size() * 2);
    for (const Stretch &s : stretches(text)) {
        if (!s.cjk) {
            out += s.chars.first();
            continue;
        }
        appendPairs(out, s.chars);
        out += u' ';
        out += s.chars.last();
        out += u' ';
    }
    return out;
}

QString phraseText(QStringView text, bool *needsPrefix)
{
    const QList<Stretch> parts = stretches(text);
    QString out;
    bool prefix = false;
    for (qsizetype p = 0; p < parts.size(); ++p) {
        const Stretch &s = parts.at(p);
        if (!s.cjk) {
            out += s.chars.first();
            continue;
        }
        bool more = false;
        for (qsizetype q = p + 1; q < parts.size() && !more; ++q)
            more = parts.at(q).cjk || hasWordChars(parts.at(q).chars.first());
        appendPairs(out, s.chars);
        if (s.chars.size() == 1 || more) {
            out += u' ';
            out += s.chars.last();
        }
        out += u' ';
        prefix = s.chars.size() == 1 && !more;
    }
    if (needsPrefix)
        *needsPrefix = prefix;
    return out.simplified();
}

} // namespace Lede::Query
