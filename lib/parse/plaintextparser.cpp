// SPDX-License-Identifier: MIT
#include "plaintextparser.h"

#include "text/datetime.h"
#include "textheuristics.h"

#include <QHash>
#include <QRegularExpression>

namespace Lede {

using namespace Qt::StringLiterals;
using namespace TextHeuristics;

namespace {

struct Para
{
    QString text;
    TextBlock block;
    bool drop = false;
};

// Lines of a blank-line block are one paragraph when they look hard-wrapped, else one each.
QList<Para> splitParagraphs(QStringView text)
{
    QList<Para> out;
    QStringList group;
    auto flush = [&] {
        if (group.isEmpty())
            return;
        int wrapped = 0;
        for (qsizetype i = 0; i + 1 < group.size(); ++i)
            wrapped
                += (group.at(i).size() >= 50 && group.at(i).size() <= 100 && !isProse(group.at(i).right(1))) ? 1 : 0;
        const bool hardWrapped = group.size() > 1 && wrapped * 2 >= group.size() - 1
            && std::none_of(group.cbegin(), group.cend(), [](const QString &l) { return l.startsWith(u"- "); });
        if (hardWrapped) {
            out.append(Para{simplifiedText(group.join(u' ')), {}});
        } else {
            for (const QString &line : std::as_const(group))
                out.append(Para{simplifiedText(line), {}});
        }
        group.clear();
    };
    for (QStringView line : text.tokenize(u'\n')) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            flush();
        else
            group.append(line.toString());
    }
    flush();
    return out;
}

bool isTitleLike(QStringView p)
{
    const int words = wordCount(p);
    return words >= 2 && words <= 30 && p.size() <= 250 && !p.endsWith(u'.') && !p.endsWith(u'。') && !isAdLine(p);
}

} // namespace

Article parsePlainText(QStringView input)
{
    Article article;
    article.format = SourceFormat::PlainText;
    QList<Para> paras = splitParagraphs(input);
    qsizetype first = 0;

    // Breadcrumbs and other debris before the headline.
    int breadcrumbs = 0;
    while (first < paras.size() && isBreadcrumb(paras.at(first).text)) {
        paras[first++].drop = true;
        ++breadcrumbs;
    }
    // The headline is the first title-like line; scrapes often repeat it.
    if (first < paras.size() && isTitleLike(paras.at(first).text) && !bylineName(paras.at(first).text).size()) {
        article.title = paras.at(first).text;
        paras[first].drop = true;
        for (qsizetype i = first + 1; i < std::min(paras.size(), first + 6); ++i) {
            if (paras.at(i).text == article.title)
                paras[i].drop = true;
        }
    }

    static const QRegularExpression dateLine(
        uR"(^(?:published|updated|posted|date|last updated|first published)(?:\s+on)?\s*[:：]?\s*(.+)$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression sourceLine(
        uR"(^(?:source|url|link|originally published at|read the original at|canonical)\s*[:：]\s*(https?://\S+)$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression bareUrl(uR"(^https?://\S+$)"_s);
    static const QRegularExpression listItem(uR"(^(?:[-*•·▪]|\d{1,3}[.)])\s+(.+)$)"_s);

    // Metadata lines anywhere; ads and short lines that repeat.
    QHash<QString, int> shortLineCounts;
    for (const Para &p : std::as_const(paras)) {
        if (!p.drop && !isProse(p.text) && wordCount(p.text) <= 12)
            ++shortLineCounts[p.text];
    }
    int ads = 0;
    for (Para &p : paras) {
        if (p.drop)
            continue;
        if (const QString name = bylineName(p.text); !name.isEmpty()) {
            if (article.byline.isEmpty())
                article.byline = name;
            p.drop = true;
        } else if (const auto m = dateLine.matchView(p.text); m.hasMatch() && !isProse(p.text)) {
            const ParsedDate date = parseDate(m.capturedView(1));
            if (date.isValid()) {
                if (!article.published.isValid()) {
                    article.published = date.value;
                    article.publishedHasTime = date.hasTime;
                }
                p.drop = true;
            }
        } else if (const ParsedDate date = parseDate(p.text); date.isValid()) {
            if (!article.published.isValid()) {
                article.published = date.value;
                article.publishedHasTime = date.hasTime;
            }
            p.drop = true;
        } else if (const auto s = sourceLine.matchView(p.text); s.hasMatch()) {
            article.url = s.captured(1);
            p.drop = true;
        } else if (bareUrl.matchView(p.text).hasMatch()) {
            if (article.url.isEmpty())
                article.url = p.text;
            p.drop = true;
        } else if (isAdLine(p.text) || shortLineCounts.value(p.text) >= 2) {
            p.drop = true;
            ++ads;
        }
    }

    // Without a date line, a press release's dateline gives the date; the paragraph stays.
    for (qsizetype i = 0, seen = 0; !article.published.isValid() && i < paras.size() && seen < 3; ++i) {
        if (paras.at(i).drop)
            continue;
        ++seen;
        if (const ParsedDate d = datelineDate(paras.at(i).text); d.isValid()) {
            article.published = d.value;
            article.publishedHasTime = d.hasTime;
        }
    }

    // The story ends at its last paragraph of prose; short lines after it are related-article
    // titles and share prompts.
    qsizetype lastProse = -1;
    for (qsizetype i = 0; i < paras.size(); ++i) {
        if (!paras.at(i).drop && isProse(paras.at(i).text) && !isTitleCase(paras.at(i).text))
            lastProse = i;
    }
    int trailing = 0;
    for (qsizetype i = lastProse + 1; lastProse >= 0 && i < paras.size(); ++i) {
        if (!paras.at(i).drop) {
            paras[i].drop = true;
            ++trailing;
        }
    }

    QStringList kept;
    TextBlocks blocks;
    for (Para &p : paras) {
        if (p.drop)
            continue;
        if (const auto m = listItem.matchView(p.text); m.hasMatch()) {
            p.block.kind = TextBlock::ListItem;
            p.text = m.captured(1);
        } else if (isTitleLike(p.text) && !isProse(p.text) && wordCount(p.text) <= 14 && !p.text.endsWith(u':')) {
            p.block.kind = TextBlock::Heading;
            p.block.level = 2;
        }
        kept.append(p.text);
        blocks.append(p.block);
    }
    article.text = joinParagraphs(kept, &blocks);
    article.blocks = blocks;
    if (article.title.isEmpty() && !kept.isEmpty())
        article.warnings.append(QObject::tr("no headline found"));
    if (breadcrumbs)
        article.warnings.append(
            QObject::tr("dropped %n line(s) of navigation before the headline", nullptr, breadcrumbs));
    if (ads)
        article.warnings.append(QObject::tr("dropped %n advertising or repeated line(s)", nullptr, ads));
    if (trailing)
        article.warnings.append(
            QObject::tr("dropped %n line(s) after the story (related articles)", nullptr, trailing));
    if (article.text.isEmpty())
        article.warnings.append(QObject::tr("no article text found"));
    article.language = guessLanguage(article.text);
    if (!article.url.isEmpty())
        article.outlet = outletFromUrl(article.url);
    return article;
}

} // namespace Lede
