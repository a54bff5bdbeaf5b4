// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

namespace Lede::Extract {

/// Prepares the bytes for gumbo, in one linear pass:
/// - removes what gumbo would spend most of its time on and we never read: the bodies of <script> (except
///   JSON-LD), <style> and <svg> elements, and comments. It follows the HTML tokenizer's own rules for where those
///   end (the first "</script", "</style", "-->"), so the tree gumbo builds is the same minus those contents;
///   about half of a typical news page's bytes go;
/// - keeps of each start tag only the attributes the extraction reads (class, id, style, itemprop, href, …):
///   srcset, data-* and event handlers are a quarter of what is left;
/// - cuts each run of white space between tags to its first character (the extraction collapses white space
///   everywhere, in <pre> too);
/// - bounds the nesting depth: start tags deeper than maxDepth (counting elements whose end tag is required)
///   are dropped with their end tags, keeping their text. gumbo's tree construction is quadratic in the depth of
///   the open-element stack, so a page of 100 000 nested <div>s would otherwise take minutes.
QByteArray prepareForParser(const QByteArray &in, int maxDepth, bool *depthCapped);

} // namespace Lede::Extract
