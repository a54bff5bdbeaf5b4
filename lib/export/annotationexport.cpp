// SPDX-License-Identifier: MIT
#include "annotationexport.h"

#include <QFileInfo>
#include <QHash>
#include <QLocale>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

QString headline(const Article &a)
{
    return a.title.isEmpty() ? QFileInfo(a.sourcePath).fileName() : a.title;
}

// The passage as it stands in the text now; the stored quote when it is an orphan or out of range.
QString passage(const Annotation &a, const Article &article)
{
    if (a.orphan || a.end > article.text.size())
        return a.quote;
    return article.text.mid(a.start, a.end - a.start);
}

QString blockQuote(QString text)
{
    text.replace(u"\n\n"_s, u"\n>\n> "_s);
    return u"> "_s + text;
}

QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u"\""_s + quoted + u"\""_s;
}

} // namespace

QList<Annotation> annotationsOf(const Library &library, const QList<qint64> &articleIds)
{
    if (articleIds.isEmpty())
        return library.allAnnotations();
    QList<qint64> ids = articleIds;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    QList<Annotation> out;
    for (qint64 id : std::as_const(ids))
        out += library.annotations(id);
    return out;
}

QString citation(const Article &a)
{
    QStringList parts;
    if (!a.byline.isEmpty())
        parts.append(a.byline);
    parts.append(u"“%1”"_s.arg(headline(a)));
    if (!a.outlet.isEmpty())
        parts.append(a.outlet);
    if (a.published.isValid())
        parts.append(QLocale(QLocale::English).toString(a.published.date(), u"d MMMM yyyy"_s));
    if (!a.url.isEmpty())
        parts.append(a.url);
    else if (!a.sourcePath.isEmpty())
        parts.append(QObject::tr("saved file %1").arg(QFileInfo(a.sourcePath).fileName()));
    return parts.join(u", "_s);
}

QString quoteWithCitation(const Article &article, qsizetype start, qsizetype end)
{
    start = std::clamp<qsizetype>(start, 0, article.text.size());
    end = std::clamp<qsizetype>(end, start, article.text.size());
    const QString quote = simplifiedText(QStringView(article.text).sliced(start, end - start));
    return u"“%1”\n— %2"_s.arg(quote, citation(article));
}

QString quoteWithCitationHtml(const Article &article, qsizetype start, qsizetype end)
{
    start = std::clamp<qsizetype>(start, 0, article.text.size());
    end = std::clamp<qsizetype>(end, start, article.text.size());
    const QString quote = simplifiedText(QStringView(article.text).sliced(start, end - start));
    QStringList parts;
    if (!article.byline.isEmpty())
        parts.append(article.byline.toHtmlEscaped());
    const QString title = u"“%1”"_s.arg(headline(article).toHtmlEscaped());
    parts.append(article.url.isEmpty() ? title : u"<a href=\"%1\">%2</a>"_s.arg(article.url.toHtmlEscaped(), title));
    if (!article.outlet.isEmpty())
        parts.append(u"<i>%1</i>"_s.arg(article.outlet.toHtmlEscaped()));
    if (article.published.isValid())
        parts.append(QLocale(QLocale::English).toString(article.published.date(), u"d MMMM yyyy"_s));
    if (!article.url.isEmpty())
        parts.append(u"<a href=\"%1\">%1</a>"_s.arg(article.url.toHtmlEscaped()));
    return u"<blockquote><p>“%1”</p></blockquote>\n<p>— %2</p>"_s.arg(quote.toHtmlEscaped(), parts.join(u", "_s));
}

QString exportAnnotationsMarkdown(const Library &library)
{
    return exportAnnotationsMarkdown(library, library.allAnnotations());
}

QString exportAnnotationsMarkdown(const Library &library, const QList<Annotation> &annotations)
{
    QString out = u"# "_s + QObject::tr("Annotations") + u"\n\n"_s;
    QHash<QString, QString> meanings;
    for (const AnnotationColor &c : library.annotationPalette())
        meanings.insert(c.color, c.meaning);
    // Grouped by article, in the order the articles first appear.
    QList<qint64> order;
    QHash<qint64, QList<Annotation>> byArticle;
    for (const Annotation &a : annotations) {
        if (!byArticle.contains(a.articleId))
            order.append(a.articleId);
        byArticle[a.articleId].append(a);
    }
    int count = 0;
    for (qint64 id : std::as_const(order)) {
        const std::optional<Article> article = library.article(id);
        if (!article)
            continue;
        out += u"## "_s + headline(*article) + u"\n\n"_s + QObject::tr("Source: %1").arg(citation(*article))
            + u"\n\n"_s;
        const QList<Annotation> &list = byArticle.value(id);
        for (const bool orphans : {false, true}) {
            bool headed = false;
            for (const Annotation &a : list) {
                if (a.orphan != orphans)
                    continue;
                if (orphans && !headed) {
                    out += u"### "_s + QObject::tr("No longer in the text") + u"\n\n"_s;
                    headed = true;
                }
                out += blockQuote(passage(a, *article)) + u"\n\n"_s;
                if (!a.note.isEmpty())
                    out += a.note + u"\n\n"_s;
                QStringList labels;
                if (const QString meaning = meanings.value(a.color); !meaning.isEmpty())
                    labels.append(u"*%1*"_s.arg(meaning));
                for (const QString &tag : a.tags)
                    labels.append(u"#"_s + tag);
                if (!labels.isEmpty())
                    out += labels.join(u' ') + u"\n\n"_s;
                out += u"— "_s + citation(*article) + u"\n\n"_s;
                ++count;
            }
        }
    }
    if (count == 0)
        out += QObject::tr("No annotations yet.") + u"\n"_s;
    return out;
}

QString exportAnnotationsCsv(const Library &library, const QList<Annotation> &annotations)
{
    QHash<QString, QString> meanings;
    for (const AnnotationColor &c : library.annotationPalette())
        meanings.insert(c.color, c.meaning);
    const QStringList header = {u"annotation"_s, u"article"_s, u"headline"_s, u"outlet"_s, u"published"_s, u"url"_s,
        u"start"_s, u"end"_s, u"quote"_s, u"note"_s, u"color"_s, u"meaning"_s, u"tags"_s, u"entities"_s, u"orphan"_s,
        u"created"_s, u"modified"_s};
    QString out = header.join(u',') + u"\r\n"_s;
    qint64 current = -1;
    std::optional<Article> article;
    for (const Annotation &a : annotations) {
        if (a.articleId != current) {
            current = a.articleId;
            article = library.article(current);
        }
        if (!article)
            continue;
        const QStringList row = {QString::number(a.id), QString::number(a.articleId), headline(*article),
            article->outlet, article->publishedIso(), article->url, QString::number(a.start), QString::number(a.end),
            passage(a, *article), a.note, a.color, meanings.value(a.color), a.tags.join(u"; "_s),
            library.annotationEntities(a).join(u"; "_s), a.orphan ? u"yes"_s : u"no"_s,
            a.created.toString(Qt::ISODateWithMs), a.modified.toString(Qt::ISODateWithMs)};
        QStringList fields;
        for (const QString &f : row)
            fields.append(csvField(f));
        out += fields.join(u',') + u"\r\n"_s;
    }
    return out;
}

} // namespace Lede
