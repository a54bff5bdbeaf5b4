// SPDX-License-Identifier: MIT
#include "cleaning.h"

#include "metadata.h"
#include "text/datetime.h"

#include <QRegularExpression>

#include <algorithm>

namespace Lede::Extract {

using namespace Qt::StringLiterals;

namespace {

// A container with this many commas is prose, kept whatever else it holds.
constexpr int kProseCommas = 10;
// A short container (below kMaxGalleryChars) with fewer paragraphs per image than this is a gallery.
constexpr double kMinParagraphsPerImage = 0.5;
constexpr int kMaxGalleryChars = 200;
// List items a container that is not a list may hold beyond its paragraphs (Readability's allowance) ...
constexpr int kListItemAllowance = 100;
// ... when it is shorter than this; longer ones are text with lists in it.
constexpr int kMaxListLikeChars = 500;
// A container shorter than this, with no image or several, holds no text worth keeping.
constexpr int kMinContainerChars = 25;
// Link density above which a container is a link list; more is allowed when its class or id names content.
constexpr double kMaxLinkDensity = 0.33;
constexpr double kMaxLinkDensityPositive = 0.5;
// A byline block is at most this long; longer marked blocks are text.
constexpr int kMaxBylineChars = 100;
// A block with more of its text in links than this is navigation (list items excepted: link lists in articles).
constexpr double kMaxBlockLinkDensity = 0.6;
// ... unless it ends a sentence: a sentence about its links ("Tickets are on sale at <link>.") with up to this share.
constexpr double kMaxSentenceLinkDensity = 0.8;
// Blocks shorter than this before the body starts are checked for the headline, a byline, a date, a reading time.
constexpr int kPreambleChars = 200;
// A date line above the body is shorter than this.
constexpr int kMaxDatelineChars = 60;
// The body starts with the first block at least this long that is not a heading.
constexpr int kBodyStartChars = 40;
// Calls to action, labels and copyright lines are shorter than this.
constexpr int kMaxBoilerplateChars = 320;
// A label between paragraphs ("Advertisement") is shorter than this.
constexpr int kMaxInlineLabelChars = 40;
// A byline line ("By Jane Doe") is at most this long.
constexpr int kMaxBylineLineChars = 80;
// A note on the author at the end of an article, from "About the author" on, is at most this long.
constexpr int kMaxAuthorNoteChars = 1000;
// A reading-time line ("5 min read") is shorter than this.
constexpr int kMaxReadingTimeChars = 40;

/// Short lines that sit at the edges of an article body without being part of it: calls to subscribe, follow,
/// share, advertisement labels, copyright lines.
bool isBoilerplateLine(const QString &text)
{
    if (text.size() > kMaxBoilerplateChars)
        return false;
    const QString l = text.toLower();
    static const QString exact[] = {u"advertisement"_s, u"advertisements"_s, u"anzeige"_s, u"publicidad"_s,
        u"publicité"_s, u"pubblicità"_s, u"sponsored"_s, u"related"_s, u"related articles"_s, u"related stories"_s,
        u"read more"_s, u"share"_s, u"share this"_s, u"share this article"_s, u"continue reading"_s, u"comments"_s,
        u"leave a comment"_s, u"leave a reply"_s, u"post a comment"_s};
    const QString trimmed = l.trimmed().remove(u':');
    for (const QString &e : exact) {
        if (trimmed == e)
            return true;
    }
    static const QString phrases[] = {u"sign up for"_s, u"sign up to"_s, u"sign up now"_s, u"subscribe to"_s,
        u"subscribe now"_s, u"subscribe today"_s, u"subscribe for"_s, u"newsletter"_s, u"follow us"_s, u"follow @"_s,
        u"follow her on"_s, u"follow him on"_s, u"follow them on"_s, u"click here"_s, u"all rights reserved"_s,
        u"copyright ©"_s, u"©"_s, u"have a tip"_s, u"share this"_s, u"download our app"_s, u"like us on facebook"_s,
        u"read more:"_s, u"related:"_s, u"see also:"_s, u"tell us what you think"_s};
    for (const QString &ph : phrases) {
        if (l.contains(ph))
            return true;
    }
    return false;
}

/// The lines of a newsletter's sign-up form ("Enter email address", "Thanks for subscribing!", "… delivered to your
/// inbox"): at the ends of a body only, as a short line between paragraphs may well speak of an inbox.
bool isSignUpLine(const QString &text)
{
    if (text.size() > kMaxBoilerplateChars)
        return false;
    const QString l = text.toLower();
    static const QString phrases[]
        = {u"email address"_s, u"e-mail address"_s, u"you're subscribed"_s, u"you’re subscribed"_s,
            u"thanks for subscribing"_s, u"thank you for subscribing"_s, u"to your inbox"_s, u"email inbox"_s};
    return std::any_of(std::begin(phrases), std::end(phrases), [&](const QString &ph) { return l.contains(ph); });
}

/// A call to follow someone on social networks ("Follow Newsbeat on Instagram, Facebook and YouTube."): the line
/// starts with "Follow" and names a network.
bool isFollowLine(const QString &text)
{
    if (text.size() > kMaxBoilerplateChars)
        return false;
    qsizetype i = 0;
    while (i < text.size() && !text[i].isLetter())
        ++i;
    if (!QStringView(text).sliced(i).startsWith(u"follow "_s, Qt::CaseInsensitive))
        return false;
    const QString l = text.toLower();
    static const QString networks[] = {u"instagram"_s, u"facebook"_s, u"twitter"_s, u"youtube"_s, u"tiktok"_s,
        u"linkedin"_s, u"threads"_s, u"bluesky"_s, u"mastodon"_s, u"pinterest"_s};
    return std::any_of(std::begin(networks), std::end(networks), [&](const QString &n) { return l.contains(n); });
}

/// A disclosure of affiliate links ("This article contains affiliate links that may earn us a commission"), said
/// above or below an article.
bool isAffiliateDisclosure(const QString &text)
{
    if (text.size() > kMaxBoilerplateChars)
        return false;
    const QString l = text.toLower();
    static const QString phrases[]
        = {u"affiliate link"_s, u"earn a commission"_s, u"earn us a commission"_s, u"receive a commission"_s};
    return std::any_of(std::begin(phrases), std::end(phrases), [&](const QString &ph) { return l.contains(ph); });
}

/// A line about one of the article's authors: it starts with the author's name and a verb that describes them
/// ("Jane Doe is a reporter …", "Jane Doe covers …").
bool isAuthorNote(const QString &text, const QStringList &authors)
{
    static const QString verbs[] = {
        u" is "_s, u" was "_s, u" has "_s, u" covers "_s, u" writes "_s, u" reports "_s, u" joined "_s, u" leads "_s};
    for (const QString &a : authors) {
        if (!text.startsWith(a, Qt::CaseInsensitive))
            continue;
        const QStringView rest = QStringView(text).sliced(a.size());
        for (const QString &v : verbs) {
            if (rest.startsWith(v))
                return true;
        }
    }
    return false;
}

/// A picture's credit or caption line ("Photo: Jane Doe/Agency", "Image credit: …", "… (credit: NASA)"), which at
/// the ends of a body belongs to a picture above or below the article rather than to its text.
bool isPictureCredit(const QString &text)
{
    if (text.size() > kMaxBoilerplateChars)
        return false;
    static const QRegularExpression credit(
        u"^(photo|photos|photograph|image|images|picture|credit|photo credit|image credit|image source|photo source)"
        "(\\s+by)?\\s*:|^(photo|photograph|image|picture)\\s+by\\s|\\((photo|image|picture)?\\s*credits?\\s*:"_s,
        QRegularExpression::CaseInsensitiveOption);
    return credit.match(text.trimmed()).hasMatch();
}

bool looksLikeBylineLine(const QString &text)
{
    if (text.size() > kMaxBylineLineChars)
        return false;
    static const QString prefixes[]
        = {u"By "_s, u"BY "_s, u"Written by "_s, u"Words by "_s, u"Von "_s, u"Par "_s, u"Por "_s};
    for (const QString &p : prefixes) {
        if (text.startsWith(p) && text.size() > p.size() && text[p.size()].isUpper())
            return true;
    }
    return false;
}

/// "5 min read", "Reading time: 4 minutes", "3-minute read".
bool looksLikeReadingTime(const QString &text)
{
    static const QRegularExpression re(
        u"^(reading time:?\\s*)?(about |approx\\.? |~)?\\d+[\\s-]*(min|mins|minute|minutes)\\.?(\\s+(read|reading))?$"_s,
        QRegularExpression::CaseInsensitiveOption);
    return text.size() < kMaxReadingTimeChars && re.match(text.trimmed()).hasMatch();
}

} // namespace

namespace {

/// A <figure> that holds a quotation (a pull quote with its attribution) rather than a picture: most of its text
/// is inside a <blockquote>.
bool isQuoteFigure(const PageTree &tree, int figure)
{
    const Node &f = tree.nodes[size_t(figure)];
    int quoted = 0;
    for (int i = figure + 1; i < f.end; ++i) {
        const Node &n = tree.nodes[size_t(i)];
        if ((n.flags & FlagText) && !(n.flags & FlagDropped) && n.inQuote)
            quoted += n.chars;
    }
    return quoted > 0 && quoted * 2 >= f.chars;
}

// A list item is a sentence of the article when a line of its own holds at least this much text outside links
// beside a link, or, with no link in its own lines, at least kBodyStartChars of text.
constexpr int kMinItemWordsChars = 20;
// ... or, on a line with no more text in links than outside them, at least this much ("Official site: <link>").
constexpr int kMinItemLabelChars = 10;
// A line of a list item with at least this share of its text in links is a headline or a link, not a sentence.
constexpr double kMinHeadlineLinkShare = 0.9;

/// The blocks of each node's subtree start at this block (-1: no block below it); blocks of a subtree are
/// contiguous in document order.
std::vector<int> firstBlocks(const PageTree &tree)
{
    std::vector<int> first(tree.nodes.size(), -1);
    for (int b = 0; b < int(tree.blocks.size()); ++b) {
        // an ancestor already marked was marked by an earlier block, as were all of its own ancestors
        for (int n = tree.blocks[size_t(b)].owner; n >= 0 && first[size_t(n)] < 0; n = tree.nodes[size_t(n)].parent)
            first[size_t(n)] = b;
    }
    return first;
}

/// Whether a list dense with links is part of the article's own text rather than navigation or a list of related
/// stories: most of its items are sentences with links inside them (a line of the item holds words of its own
/// beside its link, or the item is prose without a link) and no item is a headline card (a line that is all link);
/// and the article's prose goes on after it, so it is not a list at the end or edge of the article.
bool isContentList(const PageTree &tree, int list, const std::vector<int> &first, int selectionEnd)
{
    const Node &l = tree.nodes[size_t(list)];
    const int start = first[size_t(list)];
    if (start < 0)
        return false;
    struct Item
    {
        int ownChars = 0, ownLinkChars = 0, ownLines = 0;
        bool inlineLink = false, headline = false;
    };
    std::vector<std::pair<int, Item>> items; // by item node, in order
    int b = start;
    for (; b < int(tree.blocks.size()); ++b) {
        const Block &bl = tree.blocks[size_t(b)];
        if (bl.owner < list || bl.owner >= l.end)
            break;
        // the item is the ancestor whose parent is the list; a nested list's lines belong to it but are not its own
        int item = bl.owner;
        bool nested = false;
        while (item >= 0 && tree.nodes[size_t(item)].parent != list && item != list) {
            const GumboTag t = tree.nodes[size_t(item)].tag;
            nested = nested || t == GUMBO_TAG_UL || t == GUMBO_TAG_OL;
            item = tree.nodes[size_t(item)].parent;
        }
        if (item == list || item < 0 || tree.nodes[size_t(item)].tag != GUMBO_TAG_LI)
            continue;
        if (items.empty() || items.back().first != item)
            items.push_back({item, Item{}});
        if (nested || bl.chars == 0)
            continue;
        Item &it = items.back().second;
        it.ownChars += bl.chars;
        it.ownLinkChars += bl.linkChars;
        ++it.ownLines;
        if (bl.linkChars > 0
            && (bl.chars - bl.linkChars >= kMinItemWordsChars
                || (bl.chars - bl.linkChars >= bl.linkChars && bl.chars - bl.linkChars >= kMinItemLabelChars)))
            it.inlineLink = true;
        if (bl.linkChars > 0 && double(bl.linkChars) / bl.chars >= kMinHeadlineLinkShare)
            it.headline = true;
    }
    if (items.empty())
        return false;
    int sentences = 0;
    for (const auto &[node, it] : items) {
        if (it.headline && it.ownLines > 1)
            return false; // a card: a headline link and lines beside it
        if (it.inlineLink || (it.ownLinkChars == 0 && it.ownChars >= kBodyStartChars))
            ++sentences;
    }
    if (sentences * 2 < int(items.size()))
        return false;
    // the article goes on after the list: a line of prose follows it in the selection
    for (; b < int(tree.blocks.size()) && tree.blocks[size_t(b)].owner < selectionEnd; ++b) {
        const Block &bl = tree.blocks[size_t(b)];
        if (bl.chars >= kBodyStartChars && double(bl.linkChars) / bl.chars <= kMaxLinkDensity
            && !tree.nodes[size_t(bl.owner)].heading)
            return true;
    }
    return false;
}

/// Conditional cleaning; `bySizeToo` also removes containers for their size and shape alone (short, list-like,
/// galleries, figures), not only for their links and form fields.
std::vector<char> cleanContainers(const PageTree &tree, const std::vector<int> &selected, bool bySizeToo)
{
    std::vector<char> keep(tree.nodes.size(), 1);
    // Conditional cleaning of containers inside the selection (after Readability's _cleanConditionally).
    std::vector<int> first; // made when a list dense with links is first met
    for (int root : selected) {
        const int rootEnd = tree.nodes[root].end;
        int contentListEnd = 0;
        for (int i = root + 1; i < rootEnd; ++i) {
            const Node &n = tree.nodes[i];
            if (n.flags & (FlagText | FlagDropped))
                continue;
            const GumboTag t = n.tag;
            const bool isList = t == GUMBO_TAG_UL || t == GUMBO_TAG_OL;
            const bool inContentList = i < contentListEnd;
            if (!(t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_TABLE || t == GUMBO_TAG_UL
                    || t == GUMBO_TAG_OL || t == GUMBO_TAG_FORM || t == GUMBO_TAG_FIELDSET || t == GUMBO_TAG_ASIDE
                    || t == GUMBO_TAG_HEADER || t == GUMBO_TAG_FIGURE))
                continue;
            bool remove = false;
            const double ld = tree.linkDensity(n);
            const int weight = n.classWeight;
            if (n.commas < kProseCommas) {
                const int p = n.paragraphs;
                const int li = n.listItems - kListItemAllowance;
                if (bySizeToo && n.images > 1 && double(p) / n.images < kMinParagraphsPerImage
                    && !(n.flags & FlagFigure) && n.chars < kMaxGalleryChars)
                    remove = true;
                else if (bySizeToo && !isList && li > p && n.chars < kMaxListLikeChars)
                    remove = true;
                else if (n.inputs > p / 3 && n.inputs > 0)
                    remove = true;
                else if (bySizeToo && n.chars < kMinContainerChars && (n.images == 0 || n.images > 2)
                    && !(n.flags & FlagFigure))
                    remove = true;
                else if (weight < kClassWeight && ld > kMaxLinkDensity && !inContentList) {
                    if (!isList)
                        remove = true;
                    else if (isContentList(tree, i, first.empty() ? (first = firstBlocks(tree)) : first, rootEnd))
                        contentListEnd = n.end; // and the lists nested in its items are its text too
                    else
                        remove = true;
                } else if (weight >= kClassWeight && ld > kMaxLinkDensityPositive)
                    remove = true;
                else if (bySizeToo && t == GUMBO_TAG_FIGURE && !isQuoteFigure(tree, i))
                    remove = true;
            }
            if (remove) {
                for (int j = i; j < n.end; ++j)
                    keep[j] = 0;
                i = n.end - 1;
            }
        }
    }
    return keep;
}

/// Whether any text of the selection is left.
bool keepsText(const PageTree &tree, const std::vector<int> &selected, const std::vector<char> &keep)
{
    for (int root : selected) {
        for (int i = root; i < tree.nodes[root].end; ++i) {
            if (!keep[size_t(i)]) {
                i = tree.nodes[i].end - 1;
                continue;
            }
            const Node &n = tree.nodes[i];
            if ((n.flags & FlagText) && !(n.flags & FlagDropped) && n.chars > 0)
                return true;
        }
    }
    return false;
}

} // namespace

std::vector<char> cleanSelected(const PageTree &tree, const std::vector<int> &selected)
{
    std::vector<char> keep = cleanContainers(tree, selected, /*bySizeToo=*/true);
    // Short containers are labels beside an article, not the article: when they are all the selection holds
    // (a poem with a <div> per line), cleaning must not leave nothing; only link lists and forms go then.
    if (!keepsText(tree, selected, keep))
        keep = cleanContainers(tree, selected, /*bySizeToo=*/false);
    return keep;
}

void writeText(const PageTree &tree, const std::vector<int> &selected, const std::vector<char> &keep,
    const QString &titleTag, ExtractedPage &page, QString &domByline)
{
    const QString titleKey = looseKey(page.title);
    const QString titleTagKey = looseKey(titleTag);
    bool seenBody = false;
    std::vector<char> selectedNode(tree.nodes.size(), 0);
    for (int r : selected)
        std::fill(selectedNode.begin() + r, selectedNode.begin() + tree.nodes[r].end, char(1));
    auto inSelection = [&](int owner) { return selectedNode[size_t(owner)] != 0; };
    struct Out
    {
        int block;
        TextBlock kind;
    };
    std::vector<Out> kept;
    // The body starts at the first line of prose length; in a text made only of short lines (a poem, a list)
    // it starts at the first line kept, so that the rules for what stands above a body do not reach every line.
    bool hasProseLine = false;
    for (const Block &b : tree.blocks) {
        const Node &o = tree.nodes[size_t(b.owner)];
        if (b.chars >= kBodyStartChars && !o.heading && !(o.flags & FlagByline) && inSelection(b.owner)
            && keep[size_t(b.owner)]) {
            hasProseLine = true;
            break;
        }
    }
    for (size_t bi = 0; bi < tree.blocks.size(); ++bi) {
        const Block &b = tree.blocks[bi];
        if (!inSelection(b.owner) || !keep[b.owner])
            continue;
        const Node &o = tree.nodes[b.owner];
        if (o.flags & FlagByline) {
            if (domByline.isEmpty() && b.chars < kMaxBylineChars)
                domByline = QString::fromStdString(b.text);
            continue;
        }
        if (b.chars > 0 && !o.inLi && !o.heading
            && double(b.linkChars) / b.chars > (b.endsSentence ? kMaxSentenceLinkDensity : kMaxBlockLinkDensity))
            continue;
        if (o.heading || (!seenBody && b.chars < kPreambleChars)) {
            const QString t = QString::fromStdString(b.text).trimmed();
            const QString key = looseKey(t);
            if (!key.isEmpty() && (key == titleKey || key == titleTagKey || titleTagKey.startsWith(key)))
                continue;
            if (o.heading == 1 && !seenBody)
                continue;
            if (!seenBody && looksLikeBylineLine(t)) {
                if (domByline.isEmpty())
                    domByline = t;
                continue;
            }
            if (!seenBody && b.chars < kMaxDatelineChars
                && (!normalizeDateTime(t).isEmpty() || looksLikeReadingTime(t)))
                continue;
        }
        TextBlock tb;
        if (o.heading) {
            tb.kind = TextBlock::Heading;
            tb.level = o.heading;
        } else if (o.inPre) {
            tb.kind = TextBlock::Preformatted;
        } else if (o.inLi) {
            tb.kind = TextBlock::ListItem;
            tb.level = o.listDepth;
        } else if (o.inQuote) {
            tb.kind = TextBlock::Quote;
        }
        if (!o.heading && (b.chars >= kBodyStartChars || !hasProseLine))
            seenBody = true;
        kept.push_back({int(bi), tb});
    }
    // Calls to action and labels at either end.
    auto boiler = [&](const Out &k) {
        const Block &b = tree.blocks[size_t(k.block)];
        return b.chars <= kMaxBoilerplateChars && isBoilerplateLine(QString::fromStdString(b.text));
    };
    auto edge = [&](const Out &k) {
        const Block &b = tree.blocks[size_t(k.block)];
        if (boiler(k) || b.chars > kMaxBoilerplateChars)
            return boiler(k);
        const QString t = QString::fromStdString(b.text);
        return isSignUpLine(t) || isFollowLine(t) || isAffiliateDisclosure(t) || isPictureCredit(t);
    };
    while (!kept.empty() && edge(kept.back()))
        kept.pop_back();
    // A note on the author below the article ("About the author: Jane Doe is a photographer who …", "Jane Doe is a
    // reporter covering …" when Jane Doe wrote it), from its first line to the end, when it is short beside the
    // article.
    {
        QStringList authors;
        static const QRegularExpression nameSeparator(u"\\s*(?:[,;&]|\\band\\b)\\s*"_s);
        for (const QString &name : (page.byline.isEmpty() ? domByline : page.byline).split(nameSeparator)) {
            if (name.trimmed().count(u' ') >= 1) // a first and a last name at least
                authors << name.trimmed();
        }
        int tail = 0;
        for (size_t i = kept.size(); i-- > kept.size() / 2;) {
            const Block &b = tree.blocks[size_t(kept[i].block)];
            tail += b.chars;
            if (tail > kMaxAuthorNoteChars)
                break;
            static const QRegularExpression label(
                u"^about the (author|authors|writer|contributor)\\b"_s, QRegularExpression::CaseInsensitiveOption);
            const QString t = QString::fromStdString(b.text).trimmed();
            if (label.match(t).hasMatch() || isAuthorNote(t, authors)) {
                kept.resize(i);
                break;
            }
        }
    }
    size_t first = 0;
    while (first < kept.size() && edge(kept[first]))
        ++first;

    std::string text;
    for (size_t i = first; i < kept.size(); ++i) {
        const Block &b = tree.blocks[size_t(kept[i].block)];
        if (b.chars < kMaxInlineLabelChars && i > first && i + 1 < kept.size() && boiler(kept[i]))
            continue; // "Advertisement" between paragraphs
        if (!text.empty())
            text += "\n\n";
        size_t start = 0;
        while (start < b.text.size() && b.text[start] == ' ')
            ++start;
        text.append(b.text, start, std::string::npos);
        page.blocks.push_back(kept[i].kind);
    }
    page.text = QString::fromStdString(text);
}

} // namespace Lede::Extract
