// SPDX-License-Identifier: MIT
#include "linker.h"

#include "context.h"
#include "logging.h"

#include <QHash>

#include <algorithm>
#include <array>

namespace Lede {

namespace {

struct Candidate
{
    qsizetype entity; // index into the knowledge base
    Alias::Role role;
    bool exactCase;
    QString text; // as written in the knowledge base, for exact-case checks
};

struct Pattern
{
    qsizetype length;
    std::vector<Candidate> candidates;
};

bool isCjk(char32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) // radicals, kana, CJK unified ideographs
        || (c >= 0xAC00 && c <= 0xD7AF) // Hangul syllables
        || (c >= 0xF900 && c <= 0xFAFF) // compatibility ideographs
        || (c >= 0xFF66 && c <= 0xFF9F) // half-width katakana
        || (c >= 0x20000 && c <= 0x3FFFF); // supplementary ideographs
}

// A character that glues to its neighbours into a word in spaced scripts.
bool isWordChar(char16_t c)
{
    const QChar q(c);
    if (q.isSurrogate())
        return false;
    if (isCjk(c))
        return false;
    return q.isLetterOrNumber() || q.isMark();
}

} // namespace

char16_t Linker::fold(char16_t c)
{
    if (c < 0x80) {
        if (c >= u'A' && c <= u'Z')
            return c + 32;
        return c;
    }
    if (c >= 0xFF01 && c <= 0xFF5E) // full-width ASCII
        return fold(char16_t(c - 0xFF01 + 0x21));
    switch (c) {
    case 0x2019: // right single quotation mark, the usual typographic apostrophe
    case 0x2018:
    case 0x02BC:
        return u'\'';
    case 0x2010: // hyphen
    case 0x2011: // non-breaking hyphen
    case 0x2012:
    case 0x2013:
        return u'-';
    case 0x00A0:
    case 0x3000:
        return u' ';
    default:
        break;
    }
    const QChar q(c);
    if (q.isSurrogate())
        return c;
    const char32_t folded = QChar::toCaseFolded(char32_t(c));
    return folded <= 0xFFFF ? char16_t(folded) : c;
}

struct Linker::Automaton
{
    // Goto function: state 0 is the root and has a dense table; other states keep sorted edges.
    std::vector<int> rootNext = std::vector<int>(0x10000, 0);
    std::vector<std::vector<std::pair<char16_t, int>>> edges{1};
    std::vector<int> failure{0};
    std::vector<int> output{-1}; // pattern ending exactly at this state, or -1
    std::vector<int> outputLink{-1}; // nearest state on the failure chain with an output
    std::vector<Pattern> patterns;

    int next(int state, char16_t c) const
    {
        if (state == 0)
            return rootNext[c];
        const auto &e = edges[state];
        auto it = std::lower_bound(e.begin(), e.end(), c, [](const auto &p, char16_t v) { return p.first < v; });
        return (it != e.end() && it->first == c) ? it->second : -1;
    }

    int addState()
    {
        edges.emplace_back();
        failure.push_back(0);
        output.push_back(-1);
        outputLink.push_back(-1);
        return int(edges.size() - 1);
    }

    int insert(QStringView folded)
    {
        int state = 0;
        for (QChar qc : folded) {
            const char16_t c = qc.unicode();
            int to = next(state, c);
            if (to <= 0) {
                to = addState();
                if (state == 0) {
                    rootNext[c] = to;
                } else {
                    auto &e = edges[state];
                    auto it = std::lower_bound(
                        e.begin(), e.end(), c, [](const auto &p, char16_t v) { return p.first < v; });
                    e.insert(it, {c, to});
                }
            }
            state = to;
        }
        return state;
    }

    void build()
    {
        std::vector<int> queue;
        queue.reserve(edges.size());
        for (int c = 0; c < 0x10000; ++c) {
            if (const int s = rootNext[c]; s > 0) {
                failure[s] = 0;
                queue.push_back(s);
            }
        }
        for (size_t head = 0; head < queue.size(); ++head) {
            const int s = queue[head];
            for (const auto &[c, to] : edges[s]) {
                int f = failure[s];
                for (;;) {
                    const int n = next(f, c);
                    if (n > 0) {
                        failure[to] = n;
                        break;
                    }
                    if (f == 0) {
                        failure[to] = 0;
                        break;
                    }
                    f = failure[f];
                }
                const int fs = failure[to];
                outputLink[to] = output[fs] >= 0 ? fs : outputLink[fs];
                queue.push_back(to);
            }
        }
    }

    int step(int state, char16_t c) const
    {
        for (;;) {
            const int n = next(state, c);
            if (n > 0)
                return n;
            if (state == 0)
                return 0;
            state = failure[state];
        }
    }
};

Linker::Linker(std::shared_ptr<const KnowledgeBase> kb)
    : m_kb(std::move(kb)), m_automaton(std::make_unique<Automaton>())
{
    Automaton &a = *m_automaton;
    QHash<QString, int> patternOf;
    const auto &entities = m_kb->entities();
    for (qsizetype i = 0; i < entities.size(); ++i) {
        for (const Alias &alias : entities.at(i).aliases) {
            if (alias.text.isEmpty())
                continue;
            QString folded = alias.text;
            for (QChar &c : folded)
                c = QChar(fold(c.unicode()));
            int p = patternOf.value(folded, -1);
            if (p < 0) {
                p = int(a.patterns.size());
                a.patterns.push_back(Pattern{folded.size(), {}});
                patternOf.insert(folded, p);
                a.output[a.insert(folded)] = p;
            }
            auto &cands = a.patterns[p].candidates;
            const bool duplicate = std::any_of(cands.begin(), cands.end(), [&](const Candidate &c) {
                return c.entity == i && c.exactCase == alias.exactCase && c.role == alias.role;
            });
            if (!duplicate)
                cands.push_back(Candidate{i, alias.role, alias.exactCase, alias.text});
        }
    }
    // The output array was sized as states were added; insert() may have grown it after.
    a.output.resize(a.edges.size(), -1);
    a.build();
    qCDebug(lcLink) << "linker:" << a.patterns.size() << "patterns," << a.edges.size() << "states";
}

Linker::~Linker() = default;

qsizetype Linker::patternCount() const
{
    return qsizetype(m_automaton->patterns.size());
}

namespace {

struct Hit
{
    qsizetype start;
    qsizetype end;
    int pattern;
};

} // namespace

QList<EntityMention> Linker::link(QStringView text) const
{
    const Automaton &a = *m_automaton;
    std::vector<Hit> hits;
    int state = 0;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        state = a.step(state, fold(text[i].unicode()));
        for (int s = a.output[state] >= 0 ? state : a.outputLink[state]; s > 0; s = a.outputLink[s]) {
            const int p = a.output[s];
            const qsizetype len = a.patterns[p].length;
            const qsizetype start = i + 1 - len;
            const qsizetype end = i + 1;
            // Whole words in spaced scripts: a word character of the pattern's edge may not touch one
            // of the text's.
            if (isWordChar(text[start].unicode()) && start > 0 && isWordChar(text[start - 1].unicode()))
                continue;
            if (isWordChar(text[end - 1].unicode()) && end < n && isWordChar(text[end].unicode())) {
                continue;
            }
            hits.push_back(Hit{start, end, p});
        }
    }
    // Leftmost-longest: sort by start, then longer first; take each hit that does not overlap.
    std::sort(hits.begin(), hits.end(), [](const Hit &x, const Hit &y) {
        return x.start != y.start ? x.start < y.start : (x.end - x.start) > (y.end - y.start);
    });
    QList<EntityMention> mentions;
    qsizetype coveredUntil = 0;
    const auto &entities = m_kb->entities();
    for (const Hit &h : hits) {
        if (h.start < coveredUntil)
            continue;
        const QStringView surface = text.mid(h.start, h.end - h.start);
        LinkCandidates passed;
        for (const Candidate &c : a.patterns[h.pattern].candidates) {
            if (c.exactCase) {
                // Exact-case aliases compare after the width/apostrophe folding, not case folding.
                bool same = c.text.size() == surface.size();
                for (qsizetype k = 0; same && k < surface.size(); ++k) {
                    const char16_t t = surface[k].unicode();
                    const char16_t w = (t >= 0xFF01 && t <= 0xFF5E) ? char16_t(t - 0xFF01 + 0x21) : t;
                    const char16_t want = c.text[k].unicode();
                    same = w == want || (!QChar(w).isLetter() && fold(w) == fold(want));
                }
                if (!same)
                    continue;
            }
            passed.append(LinkCandidate{c.entity, c.role});
        }
        if (passed.isEmpty())
            continue;
        const qsizetype chosen = chooseCandidate(text, h.start, h.end, passed, *m_kb);
        if (chosen < 0)
            continue;
        coveredUntil = h.end;
        mentions.append(EntityMention{entities.at(chosen).id, h.start, h.end, surface.toString()});
    }
    return mentions;
}

} // namespace Lede
