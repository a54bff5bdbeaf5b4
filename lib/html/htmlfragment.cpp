// SPDX-License-Identifier: MIT
#include "htmlfragment.h"

#include "pagetree.h"
#include "text/article.h"

#include <gumbo.h>

namespace Lede {

namespace {

struct Collector
{
    QStringList paragraphs;
    TextBlocks blocks;
    QByteArray current;
    TextBlock currentBlock;
    int listDepth = 0;
    int nodes = 0;

    void flush()
    {
        const QString text = simplifiedText(QString::fromUtf8(current));
        if (!text.isEmpty()) {
            paragraphs.append(text);
            blocks.append(currentBlock);
        }
        current.clear();
        currentBlock = {};
    }
};

bool isSkipped(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_HEAD:
        return true;
    default:
        return false;
    }
}

void walk(const GumboNode *node, Collector &c, int depth)
{
    if (++c.nodes > 500000 || depth > 300)
        return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
        c.current += node->v.text.text;
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT && node->type != GUMBO_NODE_TEMPLATE)
        return;
    const GumboTag tag = node->type == GUMBO_NODE_DOCUMENT ? GUMBO_TAG_BODY : node->v.element.tag;
    if (isSkipped(tag))
        return;
    if (tag == GUMBO_TAG_BR) {
        // One line break joins; two in a row (an empty line) separate paragraphs.
        if (c.current.trimmed().endsWith('\x01'))
            c.flush();
        else
            c.current += " \x01";
        return;
    }
    const bool block = Extract::isBlockTag(tag);
    if (block)
        c.flush();
    const TextBlock outer = c.currentBlock;
    switch (tag) {
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
        c.currentBlock = TextBlock{TextBlock::Heading, quint8(tag - GUMBO_TAG_H1 + 1)};
        break;
    case GUMBO_TAG_LI:
        c.currentBlock = TextBlock{TextBlock::ListItem, quint8(std::max(0, c.listDepth - 1))};
        break;
    case GUMBO_TAG_BLOCKQUOTE:
        c.currentBlock = TextBlock{TextBlock::Quote, 0};
        break;
    case GUMBO_TAG_PRE:
        c.currentBlock = TextBlock{TextBlock::Preformatted, 0};
        break;
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
        ++c.listDepth;
        break;
    default:
        break;
    }
    const GumboVector &children
        = node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i)
        walk(static_cast<const GumboNode *>(children.data[i]), c, depth + 1);
    if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL)
        --c.listDepth;
    if (block) {
        c.flush();
        // A quote's paragraphs stay quotes until the quote ends.
        c.currentBlock = tag == GUMBO_TAG_BLOCKQUOTE ? TextBlock{} : outer;
        if (outer.kind == TextBlock::Quote && tag != GUMBO_TAG_BLOCKQUOTE)
            c.currentBlock = outer;
    }
}

} // namespace

FragmentText htmlFragmentToText(const QString &html)
{
    const QByteArray utf8 = html.toUtf8();
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 50;
    GumboOutput *output = gumbo_parse_with_options(&options, utf8.constData(), size_t(utf8.size()));
    Collector c;
    walk(output->document, c, 0);
    c.flush();
    gumbo_destroy_output(&options, output);
    for (QString &p : c.paragraphs)
        p.remove(QChar(0x01));
    FragmentText out;
    out.blocks = c.blocks;
    out.text = joinParagraphs(c.paragraphs, &out.blocks);
    return out;
}

} // namespace Lede
