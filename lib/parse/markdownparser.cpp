// SPDX-License-Identifier: MIT
#include "markdownparser.h"

#include "frontmatter.h"
#include "text/datetime.h"
#include "textheuristics.h"

#include <QRegularExpression>

#include <optional>

namespace Lede {

using namespace Qt::StringLiterals;
using namespace TextHeuristics;

namespace {

// The end of an inline link's "(destination "title")" that opens at `open`: the index of its closing
// parenthesis, or -1. Parentheses inside the destination nest ("…/Foo_(bar)"), and a title may hold
// any of them ("(NASDAQ: [QCOM](https://x/QCOM "Qualcomm (QCOM)"))").
qsizetype linkEnd(QStringView line, qsizetype open, QStringView *destination = nullptr)
{
    const qsizetype n = line.size();
    qsizetype i = open + 1;
    while (i < n && line[i] == u' ')
        ++i;
    const qsizetype destStart = i;
    if (i < n && line[i] == u'<') {
        const qsizetype close = line.indexOf(u'>', i + 1);
        if (close < 0)
            return -1;
        i = close + 1;
        if (destination)
            *destination = line.mid(destStart + 1, close - destStart - 1);
    } else {
        int depth = 0;
        while (i < n && !line[i].isSpace()) {
            if (line[i] == u'(') {
                ++depth;
            } else if (line[i] == u')') {
                if (depth == 0)
                    break;
                --depth;
            }
            ++i;
        }
        if (destination)
            *destination = line.mid(destStart, i - destStart);
    }
    while (i < n && line[i] == u' ')
        ++i;
    if (i < n && (line[i] == u'"' || line[i] == u'\'' || line[i] == u'(')) {
        const QChar closer = line[i] == u'(' ? QChar(u')') : line[i];
        const qsizetype close = line.indexOf(closer, i + 1);
        if (close < 0)
            return -1;
        i = close + 1;
        while (i < n && line[i] == u' ')
            ++i;
    }
    return i < n && line[i] == u')' ? i : -1;
}

// A paragraph that is only a link to the story's source, as clippers end a saved article:
// "[Reuters](https://…)", "Source: [investing_us](https://…)", "<https://…>" or a bare address.
struct SourceLink
{
    QString label;
    QString url;
};

std::optional<SourceLink> sourceLinkLine(QStringView line)
{
    static const QRegularExpression prefix(uR"(^[^\[\]():：<]{1,40}[:：]\s*)"_s);
    line = line.trimmed();
    if (const auto m = prefix.matchView(line); m.hasMatch() && !m.capturedView(0).contains(u"http"))
        line = line.mid(m.capturedLength(0));
    if (line.startsWith(u'<') && line.endsWith(u'>'))
        line = line.mid(1, line.size() - 2);
    if ((line.startsWith(u"http://") || line.startsWith(u"https://")) && !line.contains(u' '))
        return SourceLink{{}, line.toString()};
    if (!line.startsWith(u'[') || !line.endsWith(u')'))
        return std::nullopt;
    const qsizetype close = line.indexOf(u"](");
    if (close < 0)
        return std::nullopt;
    QStringView destination;
    if (linkEnd(line, close + 1, &destination) != line.size() - 1)
        return std::nullopt;
    if (!destination.startsWith(u"http://") && !destination.startsWith(u"https://"))
        return std::nullopt;
    return SourceLink{simplifiedText(markdownInlineToText(line.mid(1, close - 1))), destination.toString()};
}

// Whether a hard line break after `text` (the paragraph so far, since the last break) ends a paragraph:
// after a sentence, or after a line short enough to be a subheading ("More US tariffs"). Inside a sentence
// it is a converter's wrap (a name split across lines, "Torsten" / "Slok"), read as a space.
bool breakEndsParagraph(QStringView text)
{
    const QString plain = simplifiedText(markdownInlineToText(text));
    if (plain.isEmpty())
        return false;
    static const QString enders = u".!?…:;\"”’)]»。！？：；」』）】"_s;
    if (enders.contains(plain.back()))
        return true;
    const bool hasLetter = std::any_of(plain.cbegin(), plain.cend(), [](QChar c) { return c.isLetter(); });
    return hasLetter && wordCount(plain) <= 12;
}

} // namespace

QString markdownInlineToText(QStringView line)
{
    QString out;
    out.reserve(line.size());
    const qsizetype n = line.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = line[i];
        if (c == u'\\' && i + 1 < n && line[i + 1].isPunct()) {
            out += line[++i];
        } else if (c == u'!' && i + 1 < n && line[i + 1] == u'[') {
            // Image: drop it, alt text and all.
            const qsizetype close = line.indexOf(u"](", i + 2);
            const qsizetype end = close < 0 ? -1 : linkEnd(line, close + 1);
            if (end < 0) {
                out += c;
                continue;
            }
            i = end;
        } else if (c == u'[') {
            const qsizetype close = line.indexOf(u']', i + 1);
            if (close > i && close + 1 < n && line[close + 1] == u'(') {
                const qsizetype end = linkEnd(line, close + 1);
                if (end > close) {
                    out += markdownInlineToText(line.mid(i + 1, close - i - 1));
                    i = end;
                    continue;
                }
            }
            if (close > i && close + 1 < n && line[close + 1] == u'[') {
                const qsizetype end = line.indexOf(u']', close + 2);
                if (end > close) {
                    out += markdownInlineToText(line.mid(i + 1, close - i - 1));
                    i = end;
                    continue;
                }
            }
            out += c;
        } else if (c == u'<') {
            // Autolinks keep their address; inline HTML tags are dropped.
            const qsizetype end = line.indexOf(u'>', i + 1);
            if (end > i) {
                const QStringView inner = line.mid(i + 1, end - i - 1);
                if (inner.startsWith(u"http://") || inner.startsWith(u"https://") || inner.startsWith(u"mailto:")) {
                    out += inner;
                    i = end;
                    continue;
                }
                if (!inner.isEmpty() && (inner.front().isLetter() || inner.front() == u'/' || inner.front() == u'!')) {
                    i = end;
                    continue;
                }
            }
            out += c;
        } else if (c == u'*' || c == u'`'
            || (c == u'_'
                && (i == 0 || !line[i - 1].isLetterOrNumber() || i + 1 >= n || !line[i + 1].isLetterOrNumber()))) {
            // Emphasis and code-span markers; a snake_case underscore stays.
            continue;
        } else if (c == u'~' && i + 1 < n && line[i + 1] == u'~') {
            ++i;
        } else {
            out += c;
        }
    }
    return out;
}

Article parseMarkdown(QStringView input)
{
    Article article;
    article.format = SourceFormat::Markdown;
    const FrontMatter fm = parseFrontMatter(input);
    const QStringView bodyWithLink = input.mid(fm.bodyStart);

    article.title = simplifiedText(fm.first({u"title", u"headline", u"name"}));
    // "source" names either the address or the outlet; the other keys are addresses.
    for (const QString &value : fm.all({u"source", u"url", u"originalurl", u"original_url", u"canonical_url",
             u"canonical", u"link", u"source_url", u"permalink"})) {
        if (value.startsWith(u"http://") || value.startsWith(u"https://")) {
            article.url = value;
            break;
        }
    }
    article.byline = fm.all({u"author", u"authors", u"byline", u"author.name", u"creator"}).join(u", ");
    article.tags = fm.all({u"tags", u"categories", u"keywords", u"category"});
    article.outlet
        = fm.first({u"site", u"site_name", u"sitename", u"publisher", u"outlet", u"source_name", u"publication"});
    if (const QString source = simplifiedText(fm.first({u"source"}));
        article.outlet.isEmpty() && isReadableName(source))
        article.outlet = source;
    article.language = fm.first({u"lang", u"language", u"locale"});
    for (const QString &key : {u"date"_s, u"published"_s, u"pubdate"_s, u"published_at"_s, u"publishdate"_s,
             u"date_published"_s, u"created"_s, u"created_at"_s}) {
        const ParsedDate d = parseDate(fm.first({key}));
        if (d.isValid()) {
            article.published = d.value;
            article.publishedHasTime = d.hasTime;
            break;
        }
    }

    // A closing paragraph that is only a link to the source gives the address and the outlet, and is
    // not part of the story.
    QStringView body = bodyWithLink;
    std::optional<SourceLink> sourceLink;
    {
        QStringView rest = body;
        while (!rest.isEmpty() && rest.back().isSpace())
            rest.chop(1);
        const qsizetype lineStart = rest.lastIndexOf(u'\n') + 1;
        // Only a paragraph of its own, after a story: the line before it is blank.
        const QStringView above = lineStart > 0 ? rest.left(lineStart - 1) : QStringView();
        const QStringView lineAbove = above.mid(above.lastIndexOf(u'\n') + 1);
        if (!above.trimmed().isEmpty() && lineAbove.trimmed().isEmpty()) {
            sourceLink = sourceLinkLine(rest.mid(lineStart));
            if (sourceLink)
                body = rest.left(lineStart);
        }
    }

    QStringList paras;
    TextBlocks blocks;
    QString current;
    TextBlock currentBlock;
    // A hard line break (two trailing spaces or a backslash, or a no-break space, at the end of a line) ends a
    // paragraph or quote paragraph at the next line: canonical text has no newline inside a paragraph, so the lines on
    // either side become paragraphs of their own, of the same kind. Inside a list item, or inside a sentence (see
    // breakEndsParagraph), it is a space.
    bool breakPending = false;
    auto flush = [&] {
        breakPending = false;
        if (!current.trimmed().isEmpty()) {
            paras.append(markdownInlineToText(current));
            blocks.append(currentBlock);
        }
        current.clear();
        currentBlock = {};
    };
    static const QRegularExpression atx(uR"(^(#{1,6})\s+(.*?)\s*#*\s*$)"_s);
    static const QRegularExpression bullet(uR"(^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(.*)$)"_s);
    static const QRegularExpression rule(uR"(^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$)"_s);
    static const QRegularExpression setext(uR"(^\s{0,3}(=+|-+)\s*$)"_s);
    bool inFence = false;
    QString fenceMarker;
    for (QStringView line : body.tokenize(u'\n')) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        QStringView t = line.trimmed();
        if (inFence) {
            if (t.startsWith(fenceMarker)) {
                inFence = false;
                if (!current.isEmpty()) {
                    paras.append(current);
                    blocks.append(TextBlock{TextBlock::Preformatted, 0});
                }
                current.clear();
                currentBlock = {};
            } else {
                // Code keeps its line breaks as spaces: canonical text has no newline inside a paragraph.
                if (!current.isEmpty())
                    current += u' ';
                current += t;
            }
            continue;
        }
        if (t.startsWith(u"```") || t.startsWith(u"~~~")) {
            flush();
            inFence = true;
            fenceMarker = t.left(3).toString();
            continue;
        }
        if (t.isEmpty()) {
            flush();
            continue;
        }
        const bool backslashBreak = t.endsWith(u'\\') && !t.endsWith(u"\\\\");
        qsizetype trailing = 0;
        bool trailingNoBreak = false;
        for (qsizetype k = line.size(); k > 0 && (line[k - 1] == u' ' || line[k - 1] == QChar(0x00A0)); --k) {
            ++trailing;
            trailingNoBreak = trailingNoBreak || line[k - 1] == QChar(0x00A0);
        }
        // Pages converted to Markdown end a paragraph's line with a no-break space as often as with two spaces.
        const bool hardBreak = backslashBreak || trailing >= 2 || trailingNoBreak;
        if (backslashBreak)
            t = t.chopped(1).trimmed();
        if (const auto m = setext.matchView(line); m.hasMatch() && !current.isEmpty()
            && currentBlock.kind == TextBlock::Paragraph && !current.contains(u'\n')) {
            currentBlock = TextBlock{TextBlock::Heading, quint8(m.capturedView(1).front() == u'=' ? 1 : 2)};
            flush();
            continue;
        }
        if (rule.matchView(line).hasMatch()) {
            flush();
            continue;
        }
        if (const auto m = atx.matchView(t); m.hasMatch()) {
            flush();
            current = m.captured(2);
            currentBlock = TextBlock{TextBlock::Heading, quint8(m.capturedView(1).size())};
            flush();
            continue;
        }
        if (const auto m = bullet.matchView(line); m.hasMatch()) {
            flush();
            current = m.captured(2);
            if (backslashBreak && current.trimmed().endsWith(u'\\'))
                current = current.trimmed().chopped(1);
            currentBlock = TextBlock{TextBlock::ListItem, quint8(std::min<qsizetype>(m.capturedView(1).size() / 2, 6))};
            continue;
        }
        if (t.startsWith(u'>')) {
            QStringView q = t;
            while (q.startsWith(u'>'))
                q = q.mid(1).trimmed();
            if (currentBlock.kind != TextBlock::Quote)
                flush();
            currentBlock.kind = TextBlock::Quote;
            if (q.isEmpty() || breakPending) {
                flush();
                currentBlock.kind = TextBlock::Quote;
                if (q.isEmpty())
                    continue;
            }
            if (!current.isEmpty())
                current += u' ';
            current += q;
            breakPending = hardBreak && breakEndsParagraph(current);
            continue;
        }
        if (currentBlock.kind == TextBlock::Quote || breakPending)
            flush();
        if (!current.isEmpty())
            current += u' ';
        current += t;
        breakPending = hardBreak && currentBlock.kind == TextBlock::Paragraph && breakEndsParagraph(current);
    }
    flush();

    // Drop a heading that repeats the title; without a title, the first heading is it.
    if (!paras.isEmpty() && blocks.first().kind == TextBlock::Heading) {
        const QString first = simplifiedText(paras.first());
        if (article.title.isEmpty() || first.compare(article.title, Qt::CaseInsensitive) == 0) {
            if (article.title.isEmpty())
                article.title = first;
            paras.removeFirst();
            blocks.removeFirst();
        }
    }
    // A byline line near the top.
    for (qsizetype i = 0; i < std::min<qsizetype>(paras.size(), 3); ++i) {
        const QString name = bylineName(simplifiedText(paras.at(i)));
        if (!name.isEmpty()) {
            if (article.byline.isEmpty())
                article.byline = name;
            paras.removeAt(i);
            blocks.removeAt(i);
            break;
        }
    }
    // Without a date in front matter, a press release's dateline gives it ("LONDON, March 27, 2025 —").
    for (qsizetype i = 0; !article.published.isValid() && i < std::min<qsizetype>(paras.size(), 3); ++i) {
        if (blocks.at(i).kind != TextBlock::Paragraph)
            continue;
        if (const ParsedDate d = datelineDate(simplifiedText(paras.at(i))); d.isValid()) {
            article.published = d.value;
            article.publishedHasTime = d.hasTime;
        }
    }
    article.text = joinParagraphs(paras, &blocks);
    article.blocks = blocks;
    if (article.language.isEmpty())
        article.language = guessLanguage(article.text);
    if (sourceLink) {
        if (article.url.isEmpty())
            article.url = sourceLink->url;
        // The link's label when it reads as a name ("Reuters"); a feed key ("investing_us") is not one.
        if (article.outlet.isEmpty() && isReadableName(sourceLink->label))
            article.outlet = sourceLink->label;
    }
    // A category that names the site the story came from ("Reuters" for reuters.com) is its outlet.
    for (const QString &category : fm.all({u"categories", u"category"})) {
        if (!article.outlet.isEmpty() || article.url.isEmpty())
            break;
        if (isReadableName(category) && nameMatchesSite(category, article.url) > 0)
            article.outlet = simplifiedText(category);
    }
    if (article.outlet.isEmpty() && !article.url.isEmpty())
        article.outlet = outletFromUrl(article.url);
    if (article.title.isEmpty())
        article.warnings.append(QObject::tr("no title in front matter or headings"));
    if (article.text.isEmpty())
        article.warnings.append(QObject::tr("no article text found"));
    if (inFence)
        article.warnings.append(QObject::tr("a code block is not closed"));
    return article;
}

} // namespace Lede
