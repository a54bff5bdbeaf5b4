// SPDX-License-Identifier: MIT
#include "linker.h"

#include "boilerplate.h"
#include "context.h"
#include "text/logging.h"
#include "text/unicode.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <array>
#include <cstdint>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

// ---------------------------------------------------------------------------------------------
// Per-character facts for the whole BMP, computed once per process.

enum CharFlag : quint8 {
    WordFlag = 1, // glues to its neighbours into a word in spaced scripts
    SkipFlag = 2, // invisible to matching: combining marks, soft hyphen, joiners
    MarkFlag = 4, // a combining diacritical mark: belongs to the letter before it
};

using Unicode::isCjk;

bool isWordChar(char16_t c)
{
    const QChar q(c);
    if (q.isSurrogate())
        return false;
    if (isCjk(c))
        return false;
    return q.isLetterOrNumber() || q.isMark();
}

// Compatibility decompositions worth folding: those that only change a letter's width, font or
// presentation form, or add an accent. Superscripts, subscripts, fractions, circled and squared
// forms are left alone ("m²" is not "m2").
bool foldableTag(QChar::Decomposition tag)
{
    switch (tag) {
    case QChar::Canonical:
    case QChar::Font:
    case QChar::NoBreak:
    case QChar::Initial:
    case QChar::Medial:
    case QChar::Final:
    case QChar::Isolated:
    case QChar::Wide:
    case QChar::Narrow:
    case QChar::Compat:
        return true;
    default:
        return false;
    }
}

struct CharTables
{
    std::array<char16_t, 0x10000> fold{};
    std::array<quint8, 0x10000> flags{};

    CharTables()
    {
        for (uint u = 0; u < 0x10000; ++u) {
            const char16_t c = char16_t(u);
            fold[u] = foldOne(c);
            quint8 f = isWordChar(c) ? WordFlag : 0;
            if (u >= 0x0300 && u <= 0x036F)
                f |= SkipFlag | MarkFlag;
            if (u == 0x00AD || u == 0x200C || u == 0x200D || u == 0x2060 || u == 0xFEFF)
                f |= SkipFlag;
            flags[u] = f;
        }
    }

    static char16_t punctuation(char16_t c)
    {
        switch (c) {
        case 0x2018: // single quotation marks, the usual typographic apostrophes
        case 0x2019:
        case 0x02BC: // modifier letter apostrophe
        case 0x2032: // prime, typed for an apostrophe
            return u'\'';
        case 0x2010: // hyphen
        case 0x2011: // non-breaking hyphen
        case 0x2012: // figure dash
        case 0x2013: // en dash
        case 0x2212: // minus sign
        case 0xFE63: // small hyphen-minus
            return u'-';
        case 0x00A0: // no-break spaces, typographic spaces, the ideographic space
        case 0x202F:
        case 0x205F:
        case 0x200B:
        case 0x3000:
            return u' ';
        default:
            if (c >= 0x2000 && c <= 0x200A)
                return u' ';
            return c;
        }
    }

    static char16_t foldOne(char16_t c)
    {
        if (c < 0x80)
            return (c >= u'A' && c <= u'Z') ? char16_t(c + 32) : c;
        const QChar q(c);
        if (q.isSurrogate())
            return c;
        char16_t f = punctuation(c);
        if (f == c && !(c >= 0xAC00 && c <= 0xD7A3) && foldableTag(q.decompositionTag())) {
            const QString d = QString(q).normalized(QString::NormalizationForm_KD);
            const auto restAreMarks = [&d] {
                return std::all_of(
                    d.begin() + 1, d.end(), [](QChar m) { return m.category() == QChar::Mark_NonSpacing; });
            };
            if (d.size() == 1)
                f = d.at(0).unicode();
            else if (d.size() > 1 && d.at(0).unicode() < 0x80 && d.at(0).isLetter() && restAreMarks())
                f = d.at(0).unicode(); // é → e, but not が → か: only accents on Latin letters go
            f = punctuation(f);
        }
        switch (f) { // Latin letters with a stroke, which have no decomposition
        case 0x00D8:
        case 0x00F8:
            f = u'o';
            break;
        case 0x0141:
        case 0x0142:
            f = u'l';
            break;
        case 0x0110:
        case 0x0111:
            f = u'd';
            break;
        default:
            break;
        }
        if (f < 0x80)
            return (f >= u'A' && f <= u'Z') ? char16_t(f + 32) : f;
        const char32_t folded = QChar::toCaseFolded(char32_t(f));
        return folded <= 0xFFFF ? char16_t(folded) : f;
    }
};

const CharTables &charTables()
{
    static const CharTables tables;
    return tables;
}

// ---------------------------------------------------------------------------------------------

struct Candidate
{
    qsizetype entity; // index into the knowledge base
    Alias::Role role;
    bool exactCase;
    bool pluralOk; // a chip model: "H20s" names the H20
    QString text; // as written in the knowledge base (or its hyphen/space variant), for exact-case checks
    EntityKind kind; // the entity's
    EntityRules rules; // entityRules() of the entity, read once here rather than at every match
    bool writtenCapitalised; // `text` starts with a capital letter
    bool severalWords; // `text` holds a space
};

struct Pattern
{
    qint32 length; // folded UTF-16 units, the text's units less skipped ones
    bool lastIsWord;
    bool pluralOk; // some candidate takes a plural "s"
    std::vector<Candidate> candidates;
};

// Classes of UTF-16 units. The dense ones have a column in the rows of the hot states.
constexpr quint16 OtherNonWord = 0;
constexpr quint16 OtherWord = 1;
constexpr quint16 Skip = 2;
// A hot state's row: a 16-bit target for each dense class, 128 bytes, two cache lines. The first
// line holds the three classes above and the units below that nearly all text is made of, so that
// a step through ordinary words reads one line.
constexpr int RowWidth = 64;
constexpr std::u16string_view frequentUnits = u"etaoinsrhldcumfpgwybvkxjqz .,-'0123456789";
// The hot states' rows together. More hot states mean fewer steps through deep states' records and
// their failure links, each a read from a record that is rarely in cache, and on English text that
// costs more than a row read from the last-level cache: with the shipped base (105,000 states), 3 MB
// of rows (24,576 states) took about a seventh fewer cycles per text than 768 KB did (bench_link), and
// 6 MB little fewer again. The rows' 16-bit targets bound it too (see the constructor).
constexpr qsizetype HotRowBytes = 3072 * 1024;

struct alignas(128) HotRow
{
    std::array<quint16, RowWidth> to;
};
static_assert(sizeof(HotRow) == RowWidth * sizeof(quint16));

struct Edge
{
    quint16 cls;
    qint32 to;
};

// What a step needs of any state, in 16 bytes (four to a cache line): its failure link, whether a
// pattern ends there, and its children (a hot state's on rare classes only), the first of them here
// and the others in the edge list. Most deep states have one child, so a step from one reads one
// line.
struct State
{
    qint32 failOut = 0; // the failure link, negated (~) when some pattern ends here
    quint16 firstClass = 0;
    quint16 more = 0; // children after the first: edges [moreStart, moreStart + more)
    qint32 firstChild = -1; // -1: no children
    quint32 moreStart = 0;

    bool hasOut() const { return failOut < 0; }
    quint32 fail() const { return quint32(failOut < 0 ? ~failOut : failOut); }
};
static_assert(sizeof(State) == 16);

// Spellings of an alias that differ only where a run of at least two letters meets a run of
// digits: "Ascend 910B", "Ascend-910B" and "Ascend910B"; "GB200" and "GB-200". A run written
// together also matches hyphenated, but not spaced ("GB 200" would catch "16 GB 200"); a single
// letter never varies ("H 20", "A 100-page report").
QStringList separatorVariants(const QString &alias)
{
    QStringList out{alias};
    int junctions = 0;
    for (qsizetype i = 1; i < alias.size() && junctions < 3; ++i) {
        const bool sep = alias.at(i) == u' ' || alias.at(i) == u'-';
        const qsizetype digitAt = sep ? i + 1 : i;
        if (digitAt >= alias.size() || !alias.at(digitAt).isDigit())
            continue;
        qsizetype letters = 0;
        for (qsizetype j = i - 1; j >= 0 && alias.at(j).isLetter(); --j)
            ++letters;
        if (letters < 2)
            continue;
        ++junctions;
        QStringList next;
        for (const QString &v : std::as_const(out)) {
            // The junction sits at the same place counted from the end in every variant so far.
            const qsizetype fromEnd = alias.size() - i;
            const qsizetype at = v.size() - fromEnd;
            const QString head = v.left(at);
            const QString tail = v.mid(sep ? at + 1 : at);
            next.append(head + tail);
            next.append(head + u'-' + tail);
            if (sep)
                next.append(head + u' ' + tail);
        }
        next.removeDuplicates();
        out = next;
    }
    return out;
}

} // namespace

char16_t Linker::fold(char16_t c)
{
    return charTables().fold[c];
}

// A deterministic automaton over classes of folded UTF-16 units.
//
// It is Aho–Corasick made whole-word aware: a pattern that begins with a word character may only
// begin where the text's previous character is not one, so the automaton has two roots (after a
// non-word character, after a word character) and a failure link only ever leads to a suffix that
// could begin a match. Inside a word that starts no alias the automaton sits in the second root
// until the word ends.
//
// Nearly all steps through a text are among the shallow states: the roots and the first few units
// of the names. Those are the hot states; each has a full row of 16-bit targets for the dense
// classes (Latin letters, digits and punctuation: nearly all text), so a step is one load from a
// table small enough to stay in cache. The deep states, most of which have one or two children,
// keep their children in a 16-byte record (the first inline) and follow failure links to a hot
// state's row for the rest, as the rare classes (CJK) do from every state. The deep states are
// numbered depth-first, so that the states along a name follow one another in memory, and a hot
// row's target other than a hot state without outputs goes through `exits`, so that the scan's
// common step tests one bound.
struct Linker::Automaton
{
    int K = 0; // dense classes: the used columns of a hot row
    int classCount = 0;
    quint32 fastStates = 0; // hot states without outputs: ids [0, fastStates)
    quint32 hotStates = 0; // states with a row: ids [0, hotStates)
    std::vector<quint16> cls = std::vector<quint16>(0x10000, OtherNonWord);
    std::vector<quint8> classWord;
    std::vector<HotRow> rows; // hot state → dense class → target (see target())
    std::vector<quint32> exits; // a row's targets other than hot states without outputs
    std::vector<State> states;
    std::vector<Edge> edges; // children after a state's first
    std::vector<qint32> rootRare; // rare class - K → root's child, or -1
    std::vector<quint32> outStart; // CSR of the patterns ending at each state (its whole failure chain)
    std::vector<qint32> outList;
    std::vector<Pattern> patterns;

    quint32 target(quint16 entry) const { return entry < fastStates ? entry : exits[entry - fastStates]; }

    // The state after a unit of class k (not Skip) from any state.
    quint32 step(quint32 v, quint16 k) const
    {
        for (;;) {
            if (v < hotStates && k < K)
                return target(rows[v].to[k]);
            if (v <= 1) {
                const qint32 c = rootRare[k - K];
                if (c >= 0 && (v == 0 || !classWord[k]))
                    return quint32(c);
                return classWord[k] ? 1 : 0;
            }
            const State &state = states[v];
            if (state.firstClass == k && state.firstChild >= 0)
                return quint32(state.firstChild);
            for (quint32 e = state.moreStart; e < state.moreStart + state.more; ++e) {
                if (edges[e].cls == k)
                    return quint32(edges[e].to);
            }
            v = state.fail();
        }
    }
};

Linker::Linker(std::shared_ptr<const KnowledgeBase> kb, qsizetype hotStates)
    : m_kb(std::move(kb)), m_automaton(std::make_unique<Automaton>())
{
    Automaton &a = *m_automaton;
    const CharTables &ct = charTables();

    // 1. Patterns: each alias folded, then the hyphen/space variants of aliases with model numbers.
    //    Real aliases go first so that a variant never adds a candidate to another entity's name.
    QHash<QString, int> patternOf;
    std::vector<QString> foldedOf;
    const auto addPattern = [&](const QString &written, qsizetype entity, const Alias &alias, bool variant) {
        QString folded;
        folded.reserve(written.size());
        for (QChar c : written) {
            if (!(ct.flags[c.unicode()] & SkipFlag))
                folded.append(QChar(ct.fold[c.unicode()]));
        }
        if (folded.isEmpty())
            return;
        int p = patternOf.value(folded, -1);
        if (p >= 0 && variant) {
            const auto &cs = a.patterns[p].candidates;
            if (std::none_of(cs.begin(), cs.end(), [&](const Candidate &c) { return c.entity == entity; }))
                return; // some other entity's real name
        }
        if (p < 0) {
            p = int(a.patterns.size());
            const bool lastIsWord = ct.flags[folded.back().unicode()] & WordFlag;
            a.patterns.push_back(Pattern{qint32(folded.size()), lastIsWord, false, {}});
            patternOf.insert(folded, p);
            foldedOf.push_back(folded);
        }
        const QChar last = written.back();
        const bool plural = m_kb->entities().at(entity).kind == EntityKind::Chip && written.size() >= 2
            && (last.isDigit() || last.isUpper());
        auto &cands = a.patterns[p].candidates;
        const bool duplicate = std::any_of(cands.begin(), cands.end(), [&](const Candidate &c) {
            return c.entity == entity && c.exactCase == alias.exactCase && c.role == alias.role && c.text == written;
        });
        if (!duplicate) {
            const Entity &e = m_kb->entities().at(entity);
            cands.push_back(Candidate{entity, alias.role, alias.exactCase, plural, written, e.kind, entityRules(e),
                !written.isEmpty() && written.front().isUpper(), written.contains(u' ')});
            a.patterns[p].pluralOk = a.patterns[p].pluralOk || plural;
        }
    };
    const auto &entities = m_kb->entities();
    for (int pass = 0; pass < 2; ++pass) {
        for (qsizetype i = 0; i < entities.size(); ++i) {
            for (const Alias &alias : entities.at(i).aliases) {
                const QString written = alias.text.normalized(QString::NormalizationForm_C).trimmed();
                if (written.isEmpty())
                    continue;
                if (pass == 0) {
                    addPattern(written, i, alias, false);
                    continue;
                }
                for (const QString &variant : separatorVariants(written)) {
                    if (variant != written)
                        addPattern(variant, i, alias, true);
                }
            }
        }
    }

    // 2. Classes: one per folded unit that some pattern uses; Latin-range ones are dense, the units
    //    most frequent in text first.
    std::vector<quint16> classOfFolded(0x10000, 0xFFFF);
    {
        std::vector<char16_t> used;
        std::vector<bool> seen(0x10000, false);
        for (const QString &f : foldedOf) {
            for (QChar c : f) {
                if (!seen[c.unicode()]) {
                    seen[c.unicode()] = true;
                    used.push_back(c.unicode());
                }
            }
        }
        std::sort(used.begin(), used.end());
        int next = 3;
        for (char16_t c : frequentUnits) {
            if (seen[c])
                classOfFolded[c] = quint16(next++);
        }
        std::vector<char16_t> rare;
        for (char16_t c : used) {
            if (classOfFolded[c] != 0xFFFF)
                continue;
            if ((c < 0x0530 || (c >= 0x1E00 && c <= 0x1EFF)) && next < RowWidth)
                classOfFolded[c] = quint16(next++);
            else
                rare.push_back(c);
        }
        a.K = next;
        for (char16_t c : rare)
            classOfFolded[c] = quint16(next++);
        a.classCount = next;
        a.classWord.assign(size_t(next), 0);
        a.classWord[OtherWord] = 1;
        for (char16_t c : used)
            a.classWord[classOfFolded[c]] = (ct.flags[c] & WordFlag) ? 1 : 0;
        for (uint u = 0; u < 0x10000; ++u) {
            const quint8 flags = ct.flags[u];
            if (flags & SkipFlag) {
                a.cls[u] = Skip;
                continue;
            }
            const quint16 k = classOfFolded[ct.fold[u]];
            a.cls[u] = k != 0xFFFF ? k : ((flags & WordFlag) ? OtherWord : OtherNonWord);
        }
    }
    const int K = a.K;
    const int classes = a.classCount;

    // 3. The trie, in insertion order; node 0 is the root after a non-word character, node 1 the
    //    root after a word character (it has no edges of its own).
    std::vector<std::vector<std::pair<quint16, qint32>>> children(2);
    std::vector<qint32> rootChild(size_t(classes), -1);
    std::vector<qint32> outHere(2, -1);
    for (size_t p = 0; p < a.patterns.size(); ++p) {
        qint32 node = 0;
        for (QChar c : foldedOf[p]) {
            const quint16 k = classOfFolded[c.unicode()];
            qint32 to = -1;
            if (node == 0) {
                to = rootChild[k];
            } else {
                for (const auto &[ek, en] : children[size_t(node)]) {
                    if (ek == k) {
                        to = en;
                        break;
                    }
                }
            }
            if (to < 0) {
                to = qint32(children.size());
                children.emplace_back();
                outHere.push_back(-1);
                if (node == 0)
                    rootChild[k] = to;
                else
                    children[size_t(node)].emplace_back(k, to);
            }
            node = to;
        }
        outHere[size_t(node)] = qint32(p);
    }
    for (quint16 k = 0; k < classes; ++k) {
        if (rootChild[k] >= 0)
            children[0].emplace_back(k, rootChild[k]);
    }

    // 4. Renumber breadth-first so that shallow (hot) states sit together.
    const size_t nodes = children.size();
    std::vector<qint32> order{0, 1};
    std::vector<qint32> newId(nodes, -1);
    newId[0] = 0;
    newId[1] = 1;
    order.reserve(nodes);
    for (size_t head = 0; head < order.size(); ++head) {
        auto &edges = children[size_t(order[head])];
        std::sort(edges.begin(), edges.end());
        for (const auto &[k, to] : edges) {
            newId[size_t(to)] = qint32(order.size());
            order.push_back(to);
        }
    }
    std::vector<std::vector<std::pair<quint16, qint32>>> kids(nodes);
    std::vector<qint32> out(nodes, -1);
    for (size_t old = 0; old < nodes; ++old) {
        const qint32 id = newId[old];
        out[size_t(id)] = outHere[old];
        for (const auto &[k, to] : children[old]) {
            kids[size_t(id)].emplace_back(k, newId[size_t(to)]);
        }
    }
    children.clear();
    std::vector<qint32> denseKid(nodes * size_t(K), -1);
    for (size_t v = 0; v < nodes; ++v) {
        for (const auto &[k, to] : kids[v]) {
            if (k < K)
                denseKid[v * size_t(K) + k] = to;
        }
    }
    const auto childOf = [&](qint32 v, quint16 k) -> qint32 {
        if (k < K)
            return denseKid[size_t(v) * size_t(K) + k];
        for (const auto &[ek, en] : kids[size_t(v)]) {
            if (ek == k)
                return en;
        }
        return -1;
    };

    // 5. Failure links and every state's full row, in breadth-first (= id) order.
    std::vector<qint32> fail(nodes, 0);
    std::vector<qint32> table(nodes * size_t(K), 0);
    const auto rootStep = [&](qint32 root, quint16 k) -> qint32 {
        const qint32 c = rootChild[k] >= 0 ? newId[size_t(rootChild[k])] : -1;
        if (c >= 0 && (root == 0 || !a.classWord[k]))
            return c;
        return a.classWord[k] ? 1 : 0;
    };
    // δ(v, k) for any class, for construction: dense rows of earlier nodes are complete.
    const auto delta = [&](qint32 v, quint16 k) -> qint32 {
        for (;;) {
            if (v <= 1)
                return rootStep(v, k);
            if (k < K)
                return table[size_t(v) * size_t(K) + k];
            const qint32 c = childOf(v, k);
            if (c >= 0)
                return c;
            v = fail[size_t(v)];
        }
    };
    for (qint32 v = 0; v < qint32(nodes); ++v) {
        qint32 *row = table.data() + size_t(v) * size_t(K);
        if (v <= 1) {
            for (quint16 k = 0; k < K; ++k)
                row[k] = rootStep(v, k);
        } else {
            const qint32 *failRow = table.data() + size_t(fail[size_t(v)]) * size_t(K);
            std::copy(failRow, failRow + K, row);
            for (const auto &[k, to] : kids[size_t(v)]) {
                if (k < K)
                    row[k] = to;
            }
        }
        row[Skip] = v;
        // Children's failure links: the longest proper suffix that may begin a match.
        for (const auto &[k, to] : kids[size_t(v)]) {
            if (v == 0)
                fail[size_t(to)] = a.classWord[k] ? 1 : 0;
            else
                fail[size_t(to)] = delta(fail[size_t(v)], k);
        }
    }
    // Outputs: each node lists every pattern ending there, its own and its failure chain's.
    std::vector<std::vector<qint32>> outputs(nodes);
    for (size_t v = 2; v < nodes; ++v) {
        if (out[v] >= 0)
            outputs[v].push_back(out[v]);
        const auto &inherited = outputs[size_t(fail[v])];
        outputs[v].insert(outputs[v].end(), inherited.begin(), inherited.end());
    }

    // 6. The hot states: the shallowest, as many as fit the budget while a row's targets still fit
    //    16 bits. Ids: hot states without outputs (the roots first), hot states with outputs, then
    //    the other states depth-first below the hot ones, so that the states along a name follow
    //    one another in memory. A row holds a target that is a hot state without outputs as its
    //    id, any other as fastStates + its index in `exits`.
    size_t hot = std::min(
        nodes, size_t(hotStates >= 0 ? std::max<qsizetype>(hotStates, 2) : HotRowBytes / qsizetype(sizeof(HotRow))));
    std::vector<qint32> exitOf(nodes, -1);
    std::vector<qint32> exitTargets;
    size_t fastCount = 0;
    for (;;) {
        fastCount = 0;
        for (size_t v = 0; v < hot; ++v)
            fastCount += outputs[v].empty() ? 1 : 0;
        std::fill(exitOf.begin(), exitOf.end(), -1);
        exitTargets.clear();
        for (size_t v = 0; v < hot; ++v) {
            for (int k = 0; k < K; ++k) {
                const qint32 to = table[v * size_t(K) + size_t(k)];
                if ((size_t(to) >= hot || !outputs[size_t(to)].empty()) && exitOf[size_t(to)] < 0) {
                    exitOf[size_t(to)] = qint32(exitTargets.size());
                    exitTargets.push_back(to);
                }
            }
        }
        if (fastCount + exitTargets.size() <= 0x10000 || hot <= 2)
            break;
        hot = std::max<size_t>(2, hot * 3 / 4);
    }
    a.hotStates = quint32(hot);
    a.fastStates = quint32(fastCount);
    std::vector<qint32> numbering;
    numbering.reserve(nodes);
    for (int withOutputs = 0; withOutputs < 2; ++withOutputs) {
        for (size_t v = 0; v < hot; ++v) {
            if (outputs[v].empty() == !withOutputs)
                numbering.push_back(qint32(v));
        }
    }
    std::vector<qint32> stack;
    for (size_t v = 0; v < hot; ++v) {
        for (const auto &[k, top] : kids[v]) {
            if (size_t(top) < hot)
                continue;
            stack.push_back(top);
            while (!stack.empty()) {
                const qint32 u = stack.back();
                stack.pop_back();
                numbering.push_back(u);
                const auto &below = kids[size_t(u)];
                for (auto c = below.rbegin(); c != below.rend(); ++c)
                    stack.push_back(c->second);
            }
        }
    }
    Q_ASSERT(numbering.size() == nodes);
    std::vector<qint32> id(nodes);
    for (size_t i = 0; i < nodes; ++i)
        id[size_t(numbering[i])] = qint32(i);
    Q_ASSERT(id[0] == 0 && id[1] == 1);
    a.exits.resize(exitTargets.size());
    for (size_t x = 0; x < exitTargets.size(); ++x)
        a.exits[x] = quint32(id[size_t(exitTargets[x])]);

    a.rows.assign(hot, HotRow{});
    for (size_t h = 0; h < hot; ++h) {
        const size_t v = size_t(numbering[h]);
        for (int k = 0; k < K; ++k) {
            const qint32 to = table[v * size_t(K) + size_t(k)];
            a.rows[h].to[size_t(k)]
                = quint16(exitOf[size_t(to)] >= 0 ? fastCount + size_t(exitOf[size_t(to)]) : size_t(id[size_t(to)]));
        }
    }
    a.states.assign(nodes, State{});
    a.outStart.assign(nodes + 1, 0);
    for (size_t i = 0; i < nodes; ++i) {
        const size_t v = size_t(numbering[i]);
        State &state = a.states[i];
        state.failOut = outputs[v].empty() ? id[size_t(fail[v])] : ~id[size_t(fail[v])];
        a.outStart[i] = quint32(a.outList.size());
        a.outList.insert(a.outList.end(), outputs[v].begin(), outputs[v].end());
        if (v <= 1)
            continue; // the roots' rare children are in rootRare
        state.moreStart = quint32(a.edges.size());
        for (const auto &[k, to] : kids[v]) {
            if (i < hot && k < K)
                continue; // in the row
            if (state.firstChild < 0) {
                state.firstClass = k;
                state.firstChild = id[size_t(to)];
            } else {
                a.edges.push_back(Edge{k, id[size_t(to)]});
                ++state.more;
            }
        }
    }
    a.outStart[nodes] = quint32(a.outList.size());
    a.rootRare.assign(size_t(classes - K), -1);
    for (int k = K; k < classes; ++k)
        a.rootRare[size_t(k - K)] = rootChild[size_t(k)] >= 0 ? id[size_t(newId[size_t(rootChild[size_t(k)])])] : -1;
    qCDebug(lcLink) << "linker:" << a.patterns.size() << "patterns," << nodes << "states," << hot << "hot,"
                    << a.fastStates << "of them without outputs," << K << "dense and" << (classes - K)
                    << "rare classes";
}

Linker::~Linker() = default;

QString Linker::fingerprint(const KnowledgeBase &shippedBase)
{
    return QStringLiteral("kb-%1 linker-%2").arg(shippedBase.fingerprint()).arg(version);
}

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
    bool plural;
};

// Exact-case aliases compare after width and punctuation folding, not case folding.
bool sameAsWritten(QStringView surface, const QString &want)
{
    if (surface.size() != want.size())
        return false;
    for (qsizetype k = 0; k < surface.size(); ++k) {
        const char16_t t = surface[k].unicode();
        const char16_t w = (t >= 0xFF01 && t <= 0xFF5E) ? char16_t(t - 0xFF01 + 0x21) : t;
        const char16_t c = want[k].unicode();
        if (w != c && (QChar(w).isLetter() || Linker::fold(w) != Linker::fold(c)))
            return false;
    }
    return true;
}

// "tariffs on semiconductor chips", "large scale AI": a company's name of several words, written with
// capitals in the knowledge base, found in lower case is ordinary words, not the name. A name of one
// word found with no capital at all ("weeds and brambles", "npm install @openai/codex") is a word, a
// package or a handle; one with a capital inside ("stockX") is still the name. Names a company writes
// in lower case (adidas, eBay) are written so in the base.
bool lowerWhereWrittenCapitalised(QStringView surface, const Candidate &c)
{
    if (!c.writtenCapitalised || surface.isEmpty() || !surface.front().isLower())
        return false;
    return c.severalWords || std::none_of(surface.begin(), surface.end(), [](QChar q) { return q.isUpper(); });
}

// 中美, 日韩, 中欧: Chinese names two or three countries together by one character each (GUIDELINE
// G4.3). Such a run is read as the countries where the words after it say how they stand to each
// other (中美关系, 日韩股市, 中美贸易战) or where it closes a phrase after a preposition (落后于中美，). Each
// character is a mention of its country. Runs that overlap a longer name (中美洲, 其中美国) are left to it.
void addCountryPairs(QStringView text, QList<EntityMention> &mentions, const KnowledgeBase &kb)
{
    struct Abbreviation
    {
        char16_t character;
        QStringView id;
    };
    static constexpr std::array<Abbreviation, 17> countries = {{{u'中', u"region/cn"}, {u'美', u"region/us"},
        {u'日', u"region/jp"}, {u'韩', u"region/kr"}, {u'韓', u"region/kr"}, {u'俄', u"region/ru"},
        {u'德', u"region/de"}, {u'法', u"region/fr"}, {u'英', u"region/gb"}, {u'欧', u"region/eu"},
        {u'歐', u"region/eu"}, {u'印', u"region/in"}, {u'澳', u"region/au"}, {u'加', u"region/ca"},
        {u'意', u"region/it"}, {u'朝', u"region/kp"}, {u'越', u"region/vn"}}};
    // The country a character stands for, or an empty id; a test on the Han range first, since this
    // runs over every character of the text.
    const auto country = [](QChar ch) -> QStringView {
        const char16_t c = ch.unicode();
        if (c < 0x4E00 || c > 0x9FFF)
            return {};
        for (const Abbreviation &a : countries) {
            if (a.character == c)
                return a.id;
        }
        return {};
    };
    static constexpr std::array<QStringView, 62> relations = {u"关系", u"關係", u"两国", u"兩國", u"三国", u"三國",
        u"双方", u"雙方", u"之间", u"之間", u"贸易", u"貿易", u"经贸", u"經貿", u"竞争", u"競爭", u"摩擦", u"对抗",
        u"對抗", u"博弈", u"合作", u"会谈", u"會談", u"会晤", u"會晤", u"峰会", u"峰會", u"元首", u"领导人", u"領導人",
        u"科技", u"芯片", u"晶片", u"关税", u"關稅", u"脱钩", u"脫鉤", u"冲突", u"衝突", u"对话", u"對話", u"谈判",
        u"談判", u"协议", u"協議", u"战略", u"戰略", u"股市", u"紧张", u"緊張", u"角力", u"差距", u"两强", u"兩強",
        u"争端", u"爭端", u"分歧", u"对立", u"對立", u"友好", u"建交", u"等国"};
    static const QString prepositions = u"于於与與和及对對在"_s;
    QList<EntityMention> pairs;
    static const QString closers = u"，。、；：！？,.;:!?"_s;
    const char16_t *units = text.utf16();
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (units[i] < 0x4E00 || units[i] > 0x9FFF) // most text is not Han: the quick test first
            continue;
        if (country(text.at(i)).isEmpty() || (i > 0 && !country(text.at(i - 1)).isEmpty()))
            continue;
        std::array<QStringView, 4> ids;
        qsizetype end = i;
        while (end < text.size() && end - i < 4 && !(ids[size_t(end - i)] = country(text.at(end))).isEmpty())
            ++end;
        const qsizetype length = end - i;
        // Two or three countries, each once: the same country twice is no pair.
        if (length < 2 || length > 3 || ids[0] == ids[1] || (length == 3 && (ids[2] == ids[0] || ids[2] == ids[1])))
            continue;
        const QStringView after = text.sliced(end);
        const bool related
            = std::any_of(relations.begin(), relations.end(), [&](QStringView w) { return after.startsWith(w); });
        const bool closes
            = i > 0 && prepositions.contains(text.at(i - 1)) && (after.isEmpty() || closers.contains(after.front()));
        if (!related && !closes)
            continue;
        // 美中合作基金会, 中美交流协会: the run opens an institution's name (G4.6).
        static constexpr std::array<QStringView, 18> bodies
            = {u"基金会", u"基金會", u"协会", u"協會", u"商会", u"商會", u"研究所", u"研究院", u"研究中心", u"委员会",
                u"委員會", u"论坛", u"論壇", u"学会", u"學會", u"联合会", u"聯合會", u"促进会"};
        qsizetype clause = 0;
        while (clause < after.size() && clause < 12
            && !QStringView(u"，。；：！？、,.;:!?\n的").contains(after.at(clause)))
            ++clause;
        const QStringView name = after.first(clause);
        if (std::any_of(bodies.begin(), bodies.end(), [&](QStringView b) { return name.contains(b); }))
            continue;
        // The linker's mentions are sorted and do not overlap, so their ends are sorted too: the first
        // one ending after the run's start is the only one that can overlap it.
        const auto next = std::partition_point(
            mentions.cbegin(), mentions.cend(), [i](const EntityMention &m) { return m.end <= i; });
        if (next != mentions.cend() && next->start < end)
            continue;
        for (qsizetype k = i; k < end; ++k) {
            if (kb.indexOf(ids[size_t(k - i)]) >= 0)
                pairs.append(EntityMention{ids[size_t(k - i)].toString(), k, k + 1, text.sliced(k, 1).toString()});
        }
        i = end - 1;
    }
    if (pairs.isEmpty())
        return;
    QList<EntityMention> merged;
    merged.reserve(mentions.size() + pairs.size());
    std::merge(std::make_move_iterator(mentions.begin()), std::make_move_iterator(mentions.end()),
        std::make_move_iterator(pairs.begin()), std::make_move_iterator(pairs.end()), std::back_inserter(merged),
        [](const EntityMention &a, const EntityMention &b) { return a.start < b.start; });
    mentions = std::move(merged);
}

// The place `place` lies in (part_of) that `name` names ("California", "Calif." for Santa Clara), as
// an index into the base's entities, or -1.
qsizetype placeNamed(const KnowledgeBase &kb, const Entity &place, QStringView name)
{
    const auto names = [name](const Entity &e) {
        if (name.compare(e.name, Qt::CaseInsensitive) == 0)
            return true;
        return std::any_of(e.aliases.cbegin(), e.aliases.cend(),
            [name](const Alias &a) { return name.compare(a.text, Qt::CaseInsensitive) == 0; });
    };
    for (const QString &id : place.values(u"part_of")) {
        const qsizetype at = kb.indexOf(id);
        if (at >= 0 && names(kb.entities().at(at)))
            return at;
    }
    return -1;
}

} // namespace

QList<EntityMention> Linker::link(QStringView text) const
{
    const Automaton &a = *m_automaton;
    const CharTables &ct = charTables();
    const char16_t *const p = text.utf16();
    const qsizetype n = text.size();
    const quint16 *const cls = a.cls.data();
    const quint16 K = quint16(a.K);

    std::vector<Hit> hits;
    hits.reserve(size_t(n / 128 + 8));
    const auto report = [&](qsizetype i, qint32 node) {
        const qsizetype scanEnd = i + 1;
        for (quint32 o = a.outStart[size_t(node)]; o < a.outStart[size_t(node) + 1]; ++o) {
            const int pi = a.outList[o];
            const Pattern &pat = a.patterns[size_t(pi)];
            qsizetype end = scanEnd;
            while (end < n && (ct.flags[p[end]] & MarkFlag))
                ++end; // accents typed as combining marks belong to the name
            bool plural = false;
            if (pat.lastIsWord && end < n && (ct.flags[p[end]] & WordFlag)) {
                if (!(pat.pluralOk && p[end] == u's' && (end + 1 == n || !(ct.flags[p[end + 1]] & WordFlag))))
                    continue; // the name goes on: not a whole word
                plural = true;
            }
            qsizetype start = scanEnd - pat.length;
            for (qsizetype q = start; q < scanEnd; ++q) {
                if (cls[p[q]] == Skip) { // marks or joiners inside: count the pattern's units back
                    start = scanEnd;
                    for (qint32 left = pat.length; left > 0;) {
                        --start;
                        if (cls[p[start]] != Skip)
                            --left;
                    }
                    break;
                }
            }
            hits.push_back(Hit{start, end, pi, plural});
        }
    };

    // Among hot states without outputs a step is one load from their rows; any other state is
    // stepped through one unit at a time until the automaton is back among them.
    const HotRow *const rows = a.rows.data();
    const quint32 fast = a.fastStates;
    quint32 s = 0;
    qsizetype i = 0;
    while (i < n) {
        quint32 e = 0;
        for (; i < n; ++i) {
            const quint16 k = cls[p[i]];
            if (k >= K) [[unlikely]] {
                e = a.step(s, k);
                break;
            }
            e = rows[s].to[k];
            if (e >= fast) [[unlikely]] {
                e = a.exits[e - fast];
                break;
            }
            s = e;
        }
        if (i == n)
            break;
        s = e;
        if (a.states[s].hasOut())
            report(i, s);
        for (++i; s >= fast && i < n; ++i) {
            const quint16 k = cls[p[i]];
            if (k == Skip)
                continue; // the state stays, and a name ending before a combining mark is not reported twice
            s = s < a.hotStates && k < K ? a.target(rows[s].to[k]) : a.step(s, k);
            if (s < a.hotStates ? s >= fast : a.states[s].hasOut()) // hot states with outputs: [fast, hotStates)
                report(i, s);
        }
    }
    if (hits.empty()) {
        QList<EntityMention> pairs;
        addCountryPairs(text, pairs, *m_kb);
        return pairs;
    }

    // Leftmost-longest: sort by start, then longer first; take each hit that does not overlap.
    std::sort(hits.begin(), hits.end(), [](const Hit &x, const Hit &y) {
        return x.start != y.start ? x.start < y.start : (x.end - x.start) > (y.end - y.start);
    });
    QList<EntityMention> mentions;
    mentions.reserve(qsizetype(hits.size()));
    qsizetype coveredUntil = 0;
    // A place the context rejected (哥伦比亚特区 opening a court's name) is not linked as a shorter place
    // at the same start (哥伦比亚) either: the words after it were read for the longer name.
    qsizetype placeRejectedAt = -1;
    const auto &entities = m_kb->entities();
    BoilerplateJudge furniture(text); // share lines, ticker lists, contact blocks are not linked
    ChoiceMemo memo;
    for (const Hit &h : hits) {
        if (h.start < coveredUntil || furniture.isBoilerplate(h.start))
            continue;
        const QStringView surface = text.mid(h.start, h.end - h.start);
        LinkCandidates passed;
        bool placesOnly = true; // every candidate that passed is a place
        for (const Candidate &c : a.patterns[size_t(h.pattern)].candidates) {
            if (h.plural && !c.pluralOk)
                continue;
            if (c.exactCase && !sameAsWritten(surface, c.text))
                continue;
            if (lowerWhereWrittenCapitalised(surface, c) && c.kind != EntityKind::Region && c.kind != EntityKind::Chip)
                continue;
            passed.append(LinkCandidate{c.entity, c.role, c.rules});
            placesOnly = placesOnly && c.kind == EntityKind::Region;
        }
        if (passed.isEmpty())
            continue;
        if (placesOnly && h.start == placeRejectedAt)
            continue;
        const qsizetype chosen = chooseCandidate(text, h.start, h.end, passed, *m_kb, &memo);
        if (chosen < 0) {
            if (placesOnly)
                placeRejectedAt = h.start;
            continue;
        }
        coveredUntil = h.end;
        // "Santa Clara, California", "Cambridge, Mass.": a place written with the state or country
        // it lies in names both, as a dateline's "LONDON, ENGLAND" does. The name with its state
        // is an alias only to tell the place from others of its name.
        if (const qsizetype comma = entities.at(chosen).kind == EntityKind::Region ? surface.indexOf(u", ") : -1;
            comma > 0) {
            const QStringView tail = surface.sliced(comma + 2);
            const qsizetype split = placeNamed(*m_kb, entities.at(chosen), tail);
            if (split >= 0) {
                mentions.append(
                    EntityMention{entities.at(chosen).id, h.start, h.start + comma, surface.first(comma).toString()});
                mentions.append(EntityMention{entities.at(split).id, h.end - tail.size(), h.end, tail.toString()});
                continue;
            }
        }
        mentions.append(EntityMention{entities.at(chosen).id, h.start, h.end, surface.toString()});
    }
    addCountryPairs(text, mentions, *m_kb);
    return mentions;
}

} // namespace Lede
