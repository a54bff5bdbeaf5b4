// SPDX-License-Identifier: MIT
#include "annotationexport.h"

#include <QFileInfo>
#include <QLocale>

namespace Lede {

using namespace Qt::StringLiterals;

QString citation(const Article &a)
{
    QStringList parts;
    if (!a.byline.isEmpty())
        parts.append(a.byline);
    parts.append(u"“%1”"_s.arg(a.title.isEmpty() ? QFileInfo(a.sourcePath).fileName() : a.title));
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

QString exportAnnotationsMarkdown(const Library &library)
{
    QString out = u"# "_s + QObject::tr("Annotations") + u"\n\n"_s;
    qint64 current = -1;
    std::optional<Article> article;
    int count = 0;
    for (const Annotation &a : library.allAnnotations()) {
        if (a.articleId != current) {
            current = a.articleId;
            article = library.article(current);
            if (!article)
                continue;
            out += u"## "_s + (article->title.isEmpty() ? QFileInfo(article->sourcePath).fileName() : article->title)
                + u"\n\n"_s + QObject::tr("Source: %1").arg(citation(*article)) + u"\n\n"_s;
        }
        if (!article)
            continue;
        // The passage as it stands in the text now; the stored quote if the text has changed.
        const QString passage = a.end <= article->text.size() ? article->text.mid(a.start, a.end - a.start) : a.quote;
        QString quoted = passage;
        quoted.replace(u"\n\n"_s, u"\n>\n> "_s);
        out += u"> "_s + quoted + u"\n\n"_s;
        if (!a.note.isEmpty())
            out += a.note + u"\n\n"_s;
        out += u"— "_s + citation(*article) + u"\n\n"_s;
        ++count;
    }
    if (count == 0)
        out += QObject::tr("No annotations yet.") + u"\n"_s;
    return out;
}

} // namespace Lede
