// SPDX-License-Identifier: MIT
#include "annotations.h"

#include "codecs.h"
#include "database.h"

#include <QObject>
#include <QSqlQuery>

namespace Lede {

using namespace Qt::StringLiterals;
using Codec::text;

QStringList annotationColors()
{
    return {u"yellow"_s, u"green"_s, u"blue"_s, u"pink"_s, u"orange"_s};
}

namespace {

const QString columns = u"id, article_id, start_pos, end_pos, color, note, quote, created_at, modified_at, prefix, "
                        u"suffix, tags, entities, orphan"_s;

QList<Annotation> readAnnotations(QSqlQuery &q)
{
    QList<Annotation> out;
    while (q.next()) {
        Annotation a;
        a.id = q.value(0).toLongLong();
        a.articleId = q.value(1).toLongLong();
        a.start = q.value(2).toLongLong();
        a.end = q.value(3).toLongLong();
        a.color = q.value(4).toString();
        a.note = q.value(5).toString();
        a.quote = q.value(6).toString();
        a.created = Codec::timestampFromText(q.value(7).toString());
        a.modified = Codec::timestampFromText(q.value(8).toString());
        a.prefix = q.value(9).toString();
        a.suffix = q.value(10).toString();
        a.tags = Codec::stringListFromJson(q.value(11).toString());
        a.entityIds = Codec::stringListFromJson(q.value(12).toString());
        a.orphan = q.value(13).toBool();
        out.append(a);
    }
    return out;
}

void bindRow(QSqlQuery &q, const Annotation &a)
{
    for (const QVariant &v :
        {QVariant(a.articleId), QVariant(a.start), QVariant(a.end), text(a.color), text(a.note), text(a.quote),
            QVariant(Codec::timestamp(a.created)), QVariant(Codec::timestamp(a.modified)), text(a.prefix),
            text(a.suffix), text(Codec::toJson(a.tags)), text(Codec::toJson(a.entityIds)), QVariant(a.orphan ? 1 : 0)})
        q.addBindValue(v);
}

} // namespace

bool AnnotationStore::checkPassage(const Annotation &a) const
{
    if (a.end <= a.start || a.start < 0)
        return m_db.fail(QObject::tr("an annotation needs a passage of at least one character"));
    return true;
}

std::optional<Annotation> AnnotationStore::add(const Annotation &in)
{
    if (!checkPassage(in))
        return std::nullopt;
    Annotation a = in;
    // New annotations get the current time; one brought in from elsewhere keeps its own.
    if (!a.created.isValid())
        a.created = QDateTime::currentDateTimeUtc();
    if (!a.modified.isValid())
        a.modified = a.created;
    QSqlQuery q(m_db.connection());
    const bool ready = q.prepare(
        uR"(INSERT INTO annotations (article_id, start_pos, end_pos, color, note, quote, created_at, modified_at,
                  prefix, suffix, tags, entities, orphan) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))"_s);
    bindRow(q, a);
    if (!ready || !q.exec()) {
        m_db.writeFailed(QObject::tr("cannot save the annotation"), q);
        return std::nullopt;
    }
    a.id = q.lastInsertId().toLongLong();
    return a;
}

bool AnnotationStore::restore(const Annotation &in)
{
    if (in.id <= 0)
        return m_db.fail(QObject::tr("cannot restore an annotation that was never saved"));
    if (!checkPassage(in))
        return false;
    Annotation a = in;
    if (!a.created.isValid())
        a.created = QDateTime::currentDateTimeUtc();
    if (!a.modified.isValid())
        a.modified = a.created;
    QSqlQuery q(m_db.connection());
    const bool ready
        = q.prepare(uR"(INSERT INTO annotations (id, article_id, start_pos, end_pos, color, note, quote, created_at,
                  modified_at, prefix, suffix, tags, entities, orphan)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))"_s);
    q.addBindValue(a.id);
    bindRow(q, a);
    if (!ready || !q.exec())
        return m_db.writeFailed(QObject::tr("cannot bring back annotation %1").arg(a.id), q);
    return true;
}

bool AnnotationStore::update(const Annotation &a)
{
    QSqlQuery q(m_db.connection());
    const bool ready = q.prepare(
        u"UPDATE annotations SET color = ?, note = ?, tags = ?, entities = ?, modified_at = ? WHERE id = ?"_s);
    q.addBindValue(text(a.color));
    q.addBindValue(text(a.note));
    q.addBindValue(text(Codec::toJson(a.tags)));
    q.addBindValue(text(Codec::toJson(a.entityIds)));
    q.addBindValue(Codec::timestamp(QDateTime::currentDateTimeUtc()));
    q.addBindValue(a.id);
    if (!ready || !q.exec())
        return m_db.writeFailed(QObject::tr("cannot update the annotation"), q);
    if (q.numRowsAffected() != 1)
        return m_db.fail(QObject::tr("cannot update the annotation: annotation %1 is not in the library").arg(a.id));
    return true;
}

bool AnnotationStore::place(const Annotation &a)
{
    if (!checkPassage(a))
        return false;
    QSqlQuery q(m_db.connection());
    const bool ready = q.prepare(
        u"UPDATE annotations SET start_pos = ?, end_pos = ?, quote = ?, prefix = ?, suffix = ?, orphan = ? WHERE id = ?"_s);
    for (const QVariant &v : {QVariant(a.start), QVariant(a.end), text(a.quote), text(a.prefix), text(a.suffix),
             QVariant(a.orphan ? 1 : 0), QVariant(a.id)})
        q.addBindValue(v);
    if (!ready || !q.exec())
        return m_db.writeFailed(QObject::tr("cannot place annotation %1").arg(a.id), q);
    return true;
}

bool AnnotationStore::remove(qint64 id)
{
    QSqlQuery q(m_db.connection());
    const bool ready = q.prepare(u"DELETE FROM annotations WHERE id = ?"_s);
    q.addBindValue(id);
    if (!ready || !q.exec())
        return m_db.writeFailed(QObject::tr("cannot remove the annotation"), q);
    if (q.numRowsAffected() != 1)
        return m_db.fail(QObject::tr("cannot remove the annotation: annotation %1 is not in the library").arg(id));
    return true;
}

std::optional<Annotation> AnnotationStore::find(qint64 id) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    const bool ready = q.prepare(u"SELECT "_s + columns + u" FROM annotations WHERE id = ?"_s);
    q.addBindValue(id);
    if (!ready || !q.exec()) {
        m_db.readFailed(QObject::tr("annotation %1").arg(id), q);
        return std::nullopt;
    }
    const QList<Annotation> found = readAnnotations(q);
    if (found.isEmpty()) {
        m_db.fail(QObject::tr("there is no annotation %1 in the library %2").arg(id).arg(m_db.path()));
        return std::nullopt;
    }
    return found.first();
}

std::optional<QList<Annotation>> AnnotationStore::forArticle(qint64 articleId) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    const bool ready
        = q.prepare(u"SELECT "_s + columns + u" FROM annotations WHERE article_id = ? ORDER BY start_pos, id"_s);
    q.addBindValue(articleId);
    if (!ready || !q.exec()) {
        m_db.readFailed(QObject::tr("the annotations of article %1").arg(articleId), q);
        return std::nullopt;
    }
    return readAnnotations(q);
}

std::optional<QList<AnnotationColor>> AnnotationStore::palette() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT color, meaning FROM annotation_colors ORDER BY position"_s)) {
        m_db.readFailed(QObject::tr("the highlight colours"), q);
        return std::nullopt;
    }
    QList<AnnotationColor> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString()});
    return out;
}

bool AnnotationStore::setMeaning(const QString &color, const QString &meaning)
{
    if (!annotationColors().contains(color))
        return m_db.fail(QObject::tr("there is no highlight colour \"%1\"").arg(color));
    QSqlQuery q(m_db.connection());
    const bool ready = q.prepare(uR"(INSERT INTO annotation_colors (color, meaning, position) VALUES (?, ?, ?)
                                     ON CONFLICT(color) DO UPDATE SET meaning = excluded.meaning)"_s);
    q.addBindValue(color);
    q.addBindValue(text(meaning.simplified()));
    q.addBindValue(annotationColors().indexOf(color));
    if (!ready || !q.exec())
        return m_db.writeFailed(QObject::tr("cannot name the colour %1").arg(color), q);
    return true;
}

std::optional<QList<Annotation>> AnnotationStore::all() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT "_s + columns + u" FROM annotations ORDER BY article_id, start_pos, id"_s)) {
        m_db.readFailed(QObject::tr("the annotations"), q);
        return std::nullopt;
    }
    return readAnnotations(q);
}

} // namespace Lede
