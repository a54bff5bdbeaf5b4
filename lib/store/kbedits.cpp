// SPDX-License-Identifier: MIT
#include "kbedits.h"

#include "codecs.h"
#include "database.h"
#include "text/logging.h"

#include <QObject>
#include <QSqlQuery>

namespace Lede {

using namespace Qt::StringLiterals;

std::optional<KbEdit> KbEditStore::add(const KbEdit &in)
{
    KbEdit e = in;
    e.created = QDateTime::currentDateTimeUtc();
    QSqlQuery q(m_db.connection());
    const bool ready
        = q.prepare(uR"(INSERT INTO kb_edits (action, entity_id, value, article_id, start_pos, end_pos, created_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?))"_s);
    q.addBindValue(KbEdit::actionName(e.action));
    q.addBindValue(Codec::text(e.entityId));
    q.addBindValue(Codec::text(e.value));
    q.addBindValue(e.articleId ? QVariant(e.articleId) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(e.start);
    q.addBindValue(e.end);
    q.addBindValue(Codec::timestamp(e.created));
    if (!ready || !q.exec()) {
        m_db.writeFailed(QObject::tr("cannot save the change to the knowledge base"), q);
        return std::nullopt;
    }
    e.id = q.lastInsertId().toLongLong();
    return e;
}

bool KbEditStore::remove(qint64 id)
{
    QSqlQuery q(m_db.connection());
    const bool ready = q.prepare(u"DELETE FROM kb_edits WHERE id = ?"_s);
    q.addBindValue(id);
    return (ready && q.exec()) || m_db.writeFailed(QObject::tr("cannot undo the change"), q);
}

bool KbEditStore::moveMention(qint64 id, qsizetype start, qsizetype end)
{
    QSqlQuery q(m_db.connection());
    const bool ready = q.prepare(u"UPDATE kb_edits SET start_pos = ?, end_pos = ? WHERE id = ?"_s);
    q.addBindValue(start);
    q.addBindValue(end);
    q.addBindValue(id);
    return (ready && q.exec()) || m_db.writeFailed(QObject::tr("cannot move the rejected mention %1").arg(id), q);
}

std::optional<QList<KbEdit>> KbEditStore::all() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(
            u"SELECT id, action, entity_id, value, article_id, start_pos, end_pos, created_at FROM kb_edits ORDER BY id"_s)) {
        m_db.readFailed(QObject::tr("the changes to the knowledge base"), q);
        return std::nullopt;
    }
    QList<KbEdit> out;
    while (q.next()) {
        const auto action = KbEdit::actionFromName(q.value(1).toString());
        if (!action) {
            // Written by a newer Lede: kept in the file, not applied here.
            qCInfo(lcStore) << "skipping knowledge-base edit" << q.value(0).toLongLong() << "of unknown kind"
                            << q.value(1).toString();
            continue;
        }
        KbEdit e;
        e.id = q.value(0).toLongLong();
        e.action = *action;
        e.entityId = q.value(2).toString();
        e.value = q.value(3).toString();
        e.articleId = q.value(4).toLongLong();
        e.start = q.value(5).toLongLong();
        e.end = q.value(6).toLongLong();
        e.created = Codec::timestampFromText(q.value(7).toString());
        out.append(e);
    }
    return out;
}

} // namespace Lede
