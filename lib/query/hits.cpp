// SPDX-License-Identifier: MIT
#include "hits.h"

#include "searchtext.h"

#include <algorithm>

namespace Lede::Query {

namespace {

struct Token
{
    qsizetype start = 0;
    qsizetype end = 0;
    QString folded;
};

QString fold(QStringView word)
{
    const QString decomposed = word.toString().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing && c.category() != QChar::Mark_Enclosing)
            out.append(c);
    }
    return out.toCaseFolded();
}

bool isWordChar(char32_t c)
{
    const QChar::Category cat = QChar::category(c);
    return QChar::isLetterOrNumber(c) || cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining
        || cat == QChar::Other_PrivateUse;
}

QList<Token> tokens(QStringView text)
{
    QList<Token> out;
    qsizetype start = -1;
    const auto close = [&](qsizetype end) {
        if (start >= 0)
            out.append(Token{start, end, fold(text.sliced(start, end - start))});
        start = -1;
    };
    qsizetype i = 0;
    while (i < text.size()) {
        char32_t c = text[i].unicode();
        qsizetype len = 1;
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            len = 2;
        }
        if (isCjk(c)) {
            close(i);
            out.append(Token{i, i + len, text.sliced(i, len).toString()});
        } else if (isWordChar(c)) {
            if (start < 0)
                start = i;
        } else {
            close(i);
        }
        i += len;
    }
    close(text.size());
    return out;
}

void leaves(const Node &n, QList<const Node *> &out)
{
    switch (n.type) {
    case Node::Word:
    case Node::Phrase:
        out.append(&n);
        break;
    case Node::And:
    case Node::Or:
        for (const Node &c : n.children)
            leaves(c, out);
        break;
    case Node::Not:
    case Node::Term:
        break;
    }
}

} // namespace

QList<std::pair<qsizetype, qsizetype>> hitRanges(const Node &query, QStringView text)
{
    QList<const Node *> words;
    leaves(query, words);
    QList<std::pair<qsizetype, qsizetype>> found;
    if (words.isEmpty())
        return found;
    const QList<Token> inText = tokens(text);
    for (const Node *w : std::as_const(words)) {
        const QList<Token> wanted = tokens(w->text);
        if (wanted.isEmpty())
            continue;
        for (qsizetype i = 0; i + wanted.size() <= inText.size(); ++i) {
            bool match = true;
            for (qsizetype j = 0; j < wanted.size() && match; ++j) {
                const QString &have = inText.at(i + j).folded;
                const QString &want = wanted.at(j).folded;
                const bool last = j + 1 == wanted.size();
                match = (last && w->prefix) ? have.startsWith(want) : have == want;
            }
            if (match)
                found.append({inText.at(i).start, inText.at(i + wanted.size() - 1).end});
        }
    }
    std::sort(found.begin(), found.end());
    QList<std::pair<qsizetype, qsizetype>> merged;
    for (const auto &r : std::as_const(found)) {
        if (!merged.isEmpty() && r.first <= merged.last().second)
            merged.last().second = std::max(merged.last().second, r.second);
        else
            merged.append(r);
    }
    return merged;
}

} // namespace Lede::Query
