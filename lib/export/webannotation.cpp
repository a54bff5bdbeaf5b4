// SPDX-License-Identifier: MIT
#include "webannotation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

const QString annotationContext = u"http://www.w3.org/ns/anno.jsonld"_s;
const QString ledeNamespace = u"urn:lede:ns:"_s;
const QString hashUrn = u"urn:lede:sha256:"_s;
const QString entityUrn = u"urn:lede:entity:"_s;
const QString annotationUrn = u"urn:lede:annotation:"_s;

QString timeText(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject annotationJson(const Library &library, const Annotation &a, const Article &article, const QString &hash)
{
    QJsonArray body;
    if (!a.note.isEmpty())
        body.append(QJsonObject{{u"type"_s, u"TextualBody"_s}, {u"purpose"_s, u"commenting"_s},
            {u"format"_s, u"text/markdown"_s}, {u"value"_s, a.note}});
    if (!a.color.isEmpty())
        body.append(
            QJsonObject{{u"type"_s, u"TextualBody"_s}, {u"purpose"_s, u"classifying"_s}, {u"value"_s, a.color}});
    for (const QString &tag : a.tags)
        body.append(QJsonObject{{u"type"_s, u"TextualBody"_s}, {u"purpose"_s, u"tagging"_s}, {u"value"_s, tag}});
    for (const QString &entity : library.annotationEntities(a)) {
        const bool linked = a.entityIds.contains(entity);
        body.append(QJsonObject{{u"type"_s, u"SpecificResource"_s},
            {u"purpose"_s, linked ? u"linking"_s : u"identifying"_s}, {u"source"_s, QString(entityUrn + entity)}});
    }
    const QJsonArray selectors = {
        QJsonObject{{u"type"_s, u"TextQuoteSelector"_s}, {u"exact"_s, a.quote}, {u"prefix"_s, a.prefix},
            {u"suffix"_s, a.suffix}},
        QJsonObject{{u"type"_s, u"TextPositionSelector"_s}, {u"start"_s, a.start}, {u"end"_s, a.end}},
    };
    QJsonObject target{{u"source"_s, article.url.isEmpty() ? QString(hashUrn + hash) : article.url},
        {u"selector"_s, selectors}, {u"lede:contentHash"_s, hash}};
    if (!article.title.isEmpty())
        target.insert(u"lede:title"_s, article.title);
    QJsonObject o{{u"id"_s, QString(annotationUrn + QString::number(a.id))}, {u"type"_s, u"Annotation"_s},
        {u"motivation"_s, a.note.isEmpty() ? u"highlighting"_s : u"commenting"_s}, {u"created"_s, timeText(a.created)},
        {u"modified"_s, timeText(a.modified)}, {u"target"_s, target}};
    if (!body.isEmpty())
        o.insert(u"body"_s, body);
    if (a.orphan)
        o.insert(u"lede:orphan"_s, true);
    return o;
}

QJsonArray asArray(const QJsonValue &v)
{
    if (v.isArray())
        return v.toArray();
    if (v.isUndefined() || v.isNull())
        return {};
    return QJsonArray{v};
}

// The annotations of any of the shapes a Web Annotation document takes.
void collect(const QJsonValue &root, QList<QJsonObject> &out)
{
    if (root.isArray()) {
        for (const QJsonValue &v : root.toArray())
            collect(v, out);
        return;
    }
    const QJsonObject o = root.toObject();
    const QString type = o.value(u"type"_s).toString();
    if (type == u"AnnotationCollection") {
        collect(o.value(u"first"_s), out);
    } else if (type == u"AnnotationPage") {
        collect(o.value(u"items"_s), out);
        if (o.value(u"next"_s).isObject())
            collect(o.value(u"next"_s), out);
    } else if (!o.isEmpty()) {
        out.append(o);
    }
}

std::optional<Annotation> readAnnotation(const QJsonObject &o, QString *contentHash, QString *url, QString *problem)
{
    Annotation a;
    const QJsonArray targets = asArray(o.value(u"target"_s));
    const QJsonObject target = targets.isEmpty() ? QJsonObject() : targets.at(0).toObject();
    const QString source = target.value(u"source"_s).isObject()
        ? target.value(u"source"_s).toObject().value(u"id"_s).toString()
        : target.value(u"source"_s).toString();
    *contentHash = target.value(u"lede:contentHash"_s).toString();
    if (contentHash->isEmpty() && source.startsWith(hashUrn))
        *contentHash = source.mid(hashUrn.size());
    *url = source.startsWith(u"urn:"_s) ? QString() : source;
    bool hasPosition = false;
    for (const QJsonValue &v : asArray(target.value(u"selector"_s))) {
        const QJsonObject s = v.toObject();
        const QString type = s.value(u"type"_s).toString();
        if (type == u"TextQuoteSelector") {
            a.quote = s.value(u"exact"_s).toString();
            a.prefix = s.value(u"prefix"_s).toString();
            a.suffix = s.value(u"suffix"_s).toString();
        } else if (type == u"TextPositionSelector") {
            a.start = s.value(u"start"_s).toInteger(-1);
            a.end = s.value(u"end"_s).toInteger(-1);
            hasPosition = a.start >= 0 && a.end > a.start;
        }
    }
    if (a.quote.isEmpty()) {
        *problem = QObject::tr("no TextQuoteSelector with an exact quote");
        return std::nullopt;
    }
    if (!hasPosition) {
        a.start = 0; // found by its quote alone
        a.end = a.quote.size();
    }
    for (const QJsonValue &v : asArray(o.value(u"body"_s))) {
        if (v.isString()) {
            a.note = v.toString();
            continue;
        }
        const QJsonObject b = v.toObject();
        const QString purpose = b.value(u"purpose"_s).toString();
        const QString value = b.value(u"value"_s).toString();
        if (purpose == u"tagging")
            a.tags.append(value);
        else if (purpose == u"classifying" && annotationColors().contains(value))
            a.color = value;
        else if (purpose == u"linking" && b.value(u"source"_s).toString().startsWith(entityUrn))
            a.entityIds.append(b.value(u"source"_s).toString().mid(entityUrn.size()));
        else if ((purpose == u"commenting" || purpose.isEmpty()) && b.value(u"type"_s).toString() == u"TextualBody")
            a.note = value;
    }
    if (a.color.isEmpty())
        a.color = annotationColors().first();
    a.created = QDateTime::fromString(o.value(u"created"_s).toString(), Qt::ISODateWithMs);
    a.modified = QDateTime::fromString(o.value(u"modified"_s).toString(), Qt::ISODateWithMs);
    return a;
}

// Whether `stored` is the annotation `imported` describes: the same creation time, note, tags and
// colour (its place and quote may have changed since, when its text changed); without a time, the
// same quote and note at the same place.
bool sameAnnotation(const Annotation &stored, const Annotation &imported)
{
    if (stored.note != imported.note || stored.tags != imported.tags)
        return false;
    if (imported.created.isValid())
        return stored.created == imported.created && stored.color == imported.color;
    return stored.quote == imported.quote
        && (stored.orphan || (stored.start == imported.start && stored.end == imported.end));
}

} // namespace

QString AnnotationImportSummary::describe() const
{
    QString s = QObject::tr("%1 annotations added (%2 of them orphans: their quote is not in the text), %3 already "
                            "there, %4 whose article is not in the library")
                    .arg(added)
                    .arg(orphaned)
                    .arg(present)
                    .arg(noArticle);
    for (const QString &p : problems)
        s += u"\n"_s + p;
    return s;
}

QByteArray exportAnnotationsJsonLd(const Library &library, const QList<Annotation> &annotations)
{
    QJsonArray list;
    qint64 current = -1;
    std::optional<Article> article;
    QString hash;
    for (const Annotation &a : annotations) {
        if (a.articleId != current) {
            current = a.articleId;
            article = library.article(current);
            hash = article ? Library::contentHash(article->text) : QString();
        }
        if (article)
            list.append(annotationJson(library, a, *article, hash));
    }
    const QJsonObject collection{
        {u"@context"_s, QJsonArray{annotationContext, QJsonObject{{u"lede"_s, ledeNamespace}}}},
        {u"type"_s, u"AnnotationCollection"_s},
        {u"label"_s, QObject::tr("Annotations from Lede")},
        {u"total"_s, list.size()},
        {u"first"_s, QJsonObject{{u"type"_s, u"AnnotationPage"_s}, {u"startIndex"_s, 0}, {u"items"_s, list}}},
    };
    return QJsonDocument(collection).toJson(QJsonDocument::Indented);
}

std::optional<AnnotationImportSummary> importAnnotationsJsonLd(Library &library, const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull()) {
        if (error)
            *error = QObject::tr("not JSON: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset);
        return std::nullopt;
    }
    QList<QJsonObject> list;
    collect(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), list);
    AnnotationImportSummary summary;
    int index = 0;
    for (const QJsonObject &item : std::as_const(list)) {
        ++index;
        QString hash, url, problem;
        const std::optional<Annotation> read = readAnnotation(item, &hash, &url, &problem);
        if (!read) {
            summary.problems.append(QObject::tr("annotation %1: %2").arg(index).arg(problem));
            continue;
        }
        Annotation a = *read;
        a.articleId = library.findArticle(hash, url);
        if (!a.articleId) {
            ++summary.noArticle;
            continue;
        }
        const QList<Annotation> existing = library.annotations(a.articleId);
        const std::optional<Annotation> stored = [&]() -> std::optional<Annotation> {
            for (const Annotation &e : existing) {
                if (sameAnnotation(e, a))
                    return e;
            }
            return std::nullopt;
        }();
        if (stored) {
            ++summary.present;
            continue;
        }
        const auto added = library.addAnnotation(a);
        if (!added) {
            if (error)
                *error = library.lastError();
            return std::nullopt;
        }
        ++summary.added;
        summary.orphaned += added->orphan ? 1 : 0;
    }
    return summary;
}

} // namespace Lede
