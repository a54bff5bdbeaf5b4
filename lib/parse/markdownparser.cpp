// SPDX-License-Identifier: MIT
#include "markdownparser.h"

#include "frontmatter.h"
#include "text/datetime.h"
#include "textheuristics.h"

#include <QRegularExpression>

namespace Lede {

using namespace Qt::StringLiterals;
using namespace TextHeuristics;

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
            const qsizetype end = close < 0 ? -1 : line.indexOf(u')', close + 2);
            if (end < 0) {
                out += c;
                continue;
            }
            i = end;
        } else if (c == u'[') {
            const qsizetype close = line.indexOf(u']', i + 1);
            if (close > i && close + 1 < n && line[close + 1] == u'(') {
                const qsizetype end = line.indexOf(u')', close + 2);
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
    const QStringView body = input.mid(fm.bodyStart);

    article.title = simplifiedText(fm.first({u"title", u"headline", u"name"}));
    article.url = fm.first({u"source", u"url", u"originalurl", u"original_url", u"canonical_url", u"canonical", u"link",
        u"source_url", u"permalink"});
    if (!article.url.startsWith(u"http"))
        article.url.clear();
    article.byline = fm.all({u"author", u"authors", u"byline", u"author.name", u"creator"}).join(u", ");
    article.tags = fm.all({u"tags", u"categories", u"keywords", u"category"});
    article.outlet
        = fm.first({u"site", u"site_name", u"sitename", u"publisher", u"outlet", u"source_name", u"publication"});
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

    QStringList paras;
    TextBlocks blocks;
    QString current;
    TextBlock currentBlock;
    auto flush = [&] {
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
        const QStringView t = line.trimmed();
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
            if (q.isEmpty()) {
                flush();
                currentBlock.kind = TextBlock::Quote;
                continue;
            }
            if (!current.isEmpty())
                current += u' ';
            current += q;
            continue;
        }
        if (currentBlock.kind == TextBlock::Quote)
            flush();
        if (!current.isEmpty())
            current += u' ';
        current += t;
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
    article.text = joinParagraphs(paras, &blocks);
    article.blocks = blocks;
    if (article.language.isEmpty())
        article.language = guessLanguage(article.text);
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
