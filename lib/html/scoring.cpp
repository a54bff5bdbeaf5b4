// SPDX-License-Identifier: MIT
#include "scoring.h"

#include <algorithm>
#include <cstring>

namespace Lede::Extract {

namespace {

// Blocks shorter than this (in characters, CJK counted double) are labels, captions and links: no evidence of prose.
constexpr int kMinScoredBlockChars = 25;
// A block earns a point per this many characters ...
constexpr double kCharsPerPoint = 100.0;
// ... up to this many, so that one long block does not outweigh many paragraphs.
constexpr double kMaxLengthPoints = 3.0;
// Preformatted text (code) earns at most this many points for its commas.
constexpr int kMaxPreformattedCommas = 3;
// List items count half: lists are more often navigation than prose.
constexpr double kListItemFactor = 0.5;
// A block's score reaches this many ancestors (the parent fully, the grandparent half, then a third per level).
constexpr int kScoredAncestors = 5;
// Among the best candidates after the top one, those within this share of its score ...
constexpr double kNearTopShare = 0.75;
constexpr size_t kNearTopCandidates = 5;
// ... when there are this many under one ancestor, are parts of one article split by the page: take the ancestor.
constexpr int kSplitArticleParts = 3;
// Walking up from the top candidate stops at an ancestor scoring below the top's score divided by this.
constexpr double kWalkUpDivisor = 3;
// A sibling joins the article with a score of at least this, or this share of the top score, whichever is more.
constexpr double kMinSiblingScore = 10.0;
constexpr double kSiblingShare = 0.2;
// A sibling with the top candidate's class gets this share of the top score as a bonus: pages repeat the class.
constexpr double kSameClassBonus = 0.2;
// A sibling with more of its text in links than this is navigation, not a continuation.
constexpr double kMaxSiblingLinkDensity = 0.25;
// A sibling container with this many paragraphs (and a third of the top's text, or its class) continues it.
constexpr int kMinSiblingParagraphs = 2;
constexpr int kSiblingLengthRatio = 3;
// A container repeating the class of the top candidate (or of one of its ancestors this many levels up) with at
// least this much prose is a further part of one article split by the page.
constexpr int kSplitAncestorLevels = 3;
constexpr int kMinSplitPartChars = 80;
// ... when that ancestor holds little besides the top candidate's text: at most this share of it.
constexpr int kSplitUnitShareNum = 5;
constexpr int kSplitUnitShareDen = 4;
// A sibling paragraph up to this long joins only when it has no links and ends a sentence.
constexpr int kShortParagraphChars = 80;

// A wrapper without a class stands for the element it wraps, this many levels down at most.
constexpr int kMaxWrapperDepth = 3;

/// The element whose tag and class name an element's kind: the element itself when it has a class; for a wrapper
/// without one that holds a single element and no text of its own (a <div style="display:contents"> around each
/// block of a page builder), the element it wraps. nullptr when neither names a kind.
const Node *kindNode(const PageTree &tree, int i)
{
    for (int depth = 0; depth <= kMaxWrapperDepth; ++depth) {
        const Node &n = tree.nodes[size_t(i)];
        if (n.cls && *n.cls)
            return &n;
        int only = -1;
        for (int c = i + 1; c < n.end; c = tree.nodes[size_t(c)].end) {
            const Node &cn = tree.nodes[size_t(c)];
            if (cn.flags & FlagText) {
                if (cn.rawChars > 0)
                    return nullptr;
                continue;
            }
            if (only >= 0)
                return nullptr;
            only = c;
        }
        if (only < 0)
            return nullptr;
        i = only;
    }
    return nullptr;
}

/// Two elements of one kind: the same class; where one is a wrapper, the same tag for both and the same tag and
/// class in what kindNode() names.
bool sameKind(const PageTree &tree, int a, int b)
{
    const Node *ka = kindNode(tree, a), *kb = kindNode(tree, b);
    if (!ka || !kb || std::strcmp(ka->cls, kb->cls) != 0)
        return false;
    if (ka == &tree.nodes[size_t(a)] && kb == &tree.nodes[size_t(b)])
        return true;
    return tree.nodes[size_t(a)].tag == tree.nodes[size_t(b)].tag && ka->tag == kb->tag;
}

double initialScore(const Node &n)
{
    double s = n.classWeight;
    switch (n.tag) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_MAIN:
        s += 5;
        break;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
        s += 3;
        break;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
        s -= 3;
        break;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
        s -= 5;
        break;
    default:
        break;
    }
    if (n.flags & FlagSemantic)
        s += 10;
    return s;
}

} // namespace

int selectContent(PageTree &tree, std::vector<int> &selected)
{
    std::vector<int> candidates;
    for (const Block &b : tree.blocks) {
        if (b.chars < kMinScoredBlockChars)
            continue;
        const Node &o = tree.nodes[b.owner];
        if (o.heading || (o.flags & FlagByline))
            continue;
        // text directly inside a container that also holds blocks belongs to the container itself
        int start = b.owner;
        const bool paragraphLike = o.tag == GUMBO_TAG_P || o.tag == GUMBO_TAG_PRE || o.tag == GUMBO_TAG_TD
            || o.tag == GUMBO_TAG_LI || o.tag == GUMBO_TAG_DD || o.tag == GUMBO_TAG_BLOCKQUOTE || (o.end - b.owner) <= 1
            || (o.paragraphs == 0 && !(o.flags & FlagBlockInside));
        if (paragraphLike && o.parent >= 0 && tree.nodes[o.parent].tag != GUMBO_TAG_HTML)
            start = o.parent;
        // commas in code are not evidence of prose
        const int commas = o.inPre ? std::min(b.commas, kMaxPreformattedCommas) : b.commas;
        double content = 1.0 + commas + std::min(b.chars / kCharsPerPoint, kMaxLengthPoints);
        if (o.inLi)
            content *= kListItemFactor;
        int level = 0;
        for (int a = start; a >= 0 && level < kScoredAncestors; a = tree.nodes[a].parent, ++level) {
            Node &an = tree.nodes[a];
            if (an.tag == GUMBO_TAG_HTML)
                break;
            if (!an.scored) {
                an.scored = true;
                an.score = initialScore(an);
                candidates.push_back(a);
            }
            const double div = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
            an.score += content / div;
        }
    }
    if (candidates.empty())
        return -1;
    int top = -1;
    double topScore = -1e9;
    std::vector<std::pair<double, int>> ranked;
    for (int c : candidates) {
        Node &n = tree.nodes[c];
        n.score *= (1.0 - tree.linkDensity(n));
        ranked.emplace_back(n.score, c);
        if (n.score > topScore) {
            topScore = n.score;
            top = c;
        }
    }
    std::sort(ranked.begin(), ranked.end(), [](auto &a, auto &b) { return a.first > b.first; });

    auto isAncestor = [&](int a, int d) { return a <= d && d < tree.nodes[a].end; };

    // Several near-top candidates sharing an ancestor: the article is split; take the common ancestor.
    {
        std::vector<int> alts;
        for (size_t i = 1; i < ranked.size() && i < kNearTopCandidates; ++i) {
            if (ranked[i].first / topScore >= kNearTopShare)
                alts.push_back(ranked[i].second);
        }
        if (int(alts.size()) >= kSplitArticleParts) {
            for (int p = tree.nodes[top].parent; p >= 0 && tree.nodes[p].tag != GUMBO_TAG_BODY;
                 p = tree.nodes[p].parent) {
                int containing = 0;
                for (int a : alts)
                    containing += isAncestor(p, a) ? 1 : 0;
                if (containing >= kSplitArticleParts) {
                    top = p;
                    break;
                }
            }
        }
    }
    // Walk up while the parent scores better.
    {
        double lastScore = tree.nodes[top].score;
        const double threshold = lastScore / kWalkUpDivisor;
        for (int p = tree.nodes[top].parent; p >= 0 && tree.nodes[p].tag != GUMBO_TAG_BODY; p = tree.nodes[p].parent) {
            if (!tree.nodes[p].scored)
                continue;
            if (tree.nodes[p].score < threshold)
                break;
            if (tree.nodes[p].score > lastScore) {
                top = p;
                break;
            }
            lastScore = tree.nodes[p].score;
        }
    }
    // An only child stands for its parent.
    auto elementChildren = [&](int p, std::vector<int> &out) {
        out.clear();
        for (int c = p + 1; c < tree.nodes[p].end; c = tree.nodes[c].end) {
            const Node &cn = tree.nodes[c];
            if (cn.flags & FlagText) {
                if (cn.chars > 0 && !(cn.flags & FlagDropped))
                    out.push_back(c);
                continue;
            }
            out.push_back(c);
        }
    };
    std::vector<int> kids;
    for (int p = tree.nodes[top].parent;
         p >= 0 && tree.nodes[p].tag != GUMBO_TAG_BODY && tree.nodes[p].tag != GUMBO_TAG_HTML;
         p = tree.nodes[p].parent) {
        elementChildren(p, kids);
        if (kids.size() != 1)
            break;
        top = p;
    }
    // The article split into repeated containers of one kind (a <div class="block text"> between image blocks, rows
    // of text beside asides): when an ancestor of the top candidate, a few levels up, has siblings with its tag
    // and class that hold prose, that ancestor is the unit the page repeats and becomes the top; the sibling pass
    // below joins its repetitions. An <article> or <main> is never such a unit: pages repeat those for other
    // stories.
    const int topChars = tree.nodes[top].chars;
    for (int a = top, level = 0; a >= 0 && level <= kSplitAncestorLevels; a = tree.nodes[a].parent, ++level) {
        const Node &an = tree.nodes[a];
        if (an.tag == GUMBO_TAG_BODY || an.tag == GUMBO_TAG_HTML || (an.flags & FlagSemantic) || an.parent < 0)
            break;
        if (an.chars * kSplitUnitShareDen > topChars * kSplitUnitShareNum)
            break; // a unit that wraps more than the top's text (a page section with other matter)
        if (!kindNode(tree, a))
            continue;
        const Node &pn = tree.nodes[an.parent];
        bool repeated = false;
        for (int c = an.parent + 1; c < pn.end && !repeated; c = tree.nodes[c].end) {
            const Node &cn = tree.nodes[c];
            repeated = c != a && !(cn.flags & (FlagText | FlagDropped)) && cn.tag == an.tag && sameKind(tree, a, c)
                && cn.paragraphs > 0 && cn.chars >= kMinSplitPartChars && tree.linkDensity(cn) < kMaxSiblingLinkDensity;
        }
        if (repeated) {
            top = a;
            break;
        }
    }
    if (!tree.nodes[top].scored) {
        tree.nodes[top].scored = true;
        tree.nodes[top].score = initialScore(tree.nodes[top]);
    }
    const double topS = std::max(tree.nodes[top].score, topScore);

    // Siblings that continue the article.
    selected.clear();
    const int parent = tree.nodes[top].parent;
    if (parent < 0 || tree.nodes[top].tag == GUMBO_TAG_BODY) {
        selected.push_back(top);
        return top;
    }
    const double threshold = std::max(kMinSiblingScore, topS * kSiblingShare);
    elementChildren(parent, kids);
    std::vector<int> firstBlock(tree.nodes.size(), -1);
    for (size_t bi = tree.blocks.size(); bi-- > 0;)
        firstBlock[size_t(tree.blocks[bi].owner)] = int(bi);
    for (int s : kids) {
        if (s == top) {
            selected.push_back(s);
            continue;
        }
        const Node &sn = tree.nodes[s];
        if (sn.flags & FlagDropped)
            continue;
        double bonus = 0;
        const Node &tn = tree.nodes[top];
        const bool sameClass = !(sn.flags & FlagText) && sameKind(tree, top, s);
        if (sameClass)
            bonus = topS * kSameClassBonus;
        if (!(sn.flags & FlagText) && tree.linkDensity(sn) < kMaxSiblingLinkDensity
            && sn.paragraphs >= kMinSiblingParagraphs && (sameClass || sn.chars * kSiblingLengthRatio >= tn.chars)) {
            selected.push_back(s);
            continue;
        }
        if (sn.scored && sn.score + bonus >= threshold) {
            selected.push_back(s);
            continue;
        }
        if (sn.tag == GUMBO_TAG_P || (sn.flags & FlagText)) {
            const double ld = tree.linkDensity(sn);
            if (sn.chars > kShortParagraphChars && ld < kMaxSiblingLinkDensity)
                selected.push_back(s);
            else if (sn.chars > 0 && sn.chars <= kShortParagraphChars && ld == 0) {
                // a short paragraph ending a sentence
                if (firstBlock[size_t(s)] >= 0 && tree.blocks[size_t(firstBlock[size_t(s)])].endsSentence)
                    selected.push_back(s);
            }
        }
    }
    return top;
}

} // namespace Lede::Extract
