// SPDX-License-Identifier: MIT
#include "context.h"

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

QStringView previousWord(QStringView text, qsizetype pos)
{
    qsizetype end = pos;
    while (end > 0 && text.at(end - 1).isSpace())
        --end;
    qsizetype start = end;
    while (start > 0 && text.at(start - 1).isLetter())
        --start;
    return text.mid(start, end - start);
}

// True when the words around a place name make it a place rather than its government.
bool readsAsPlace(QStringView text, qsizetype start, qsizetype end)
{
    static const QStringList locatives = {u"in"_s,      u"at"_s,     u"from"_s,   u"near"_s,   u"to"_s,
                                          u"outside"_s, u"around"_s, u"across"_s, u"visit"_s,  u"visited"_s,
                                          u"via"_s,     u"downtown"_s, u"within"_s, u"into"_s, u"of"_s};
    const QStringView before = previousWord(text, start);
    if (!before.isEmpty() && locatives.contains(before.toString().toLower()))
        return true;
    const QStringView after = text.mid(end, 16);
    return after.startsWith(u"-based") || after.startsWith(u" city") || after.startsWith(u" City")
        || after.startsWith(u"-headquartered");
}

} // namespace

qsizetype chooseCandidate(QStringView text, qsizetype start, qsizetype end, const LinkCandidates &candidates,
                          const KnowledgeBase &kb)
{
    Q_UNUSED(kb);
    qsizetype plain = -1;
    qsizetype metonym = -1;
    for (const LinkCandidate &c : candidates) {
        if (c.role == Alias::Metonym) {
            if (metonym < 0)
                metonym = c.entity;
        } else if (plain < 0) {
            plain = c.entity;
        }
    }
    if (metonym >= 0)
        return readsAsPlace(text, start, end) ? plain : metonym;
    return plain;
}

} // namespace Lede
