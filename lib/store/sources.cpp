// SPDX-License-Identifier: MIT
#include "sources.h"

#include "codecs.h"
#include "database.h"

#include <QCryptographicHash>
#include <QObject>
#include <QSqlQuery>

namespace Lede {

using namespace Qt::StringLiterals;

bool SourceStore::attach(qint64 articleId, const ArticleSource &source)
{
    const QString action = QObject::tr("cannot keep the original file of article %1").arg(articleId);
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(source.data, QCryptographicHash::Sha256).toHex());
    QSqlQuery q(m_db.connection());
    bool ready = q.prepare(u"INSERT OR IGNORE INTO sources (hash, data, encoding, size) VALUES (?, ?, ?, ?)"_s);
    q.addBindValue(hash);
    q.addBindValue(qCompress(source.data));
    q.addBindValue(Codec::text(QString::fromLatin1(source.encoding)));
    q.addBindValue(source.data.size());
    if (!ready || !q.exec())
        return m_db.writeFailed(action, q);
    ready = q.prepare(uR"(INSERT OR REPLACE INTO article_sources (article_id, source_id, item)
                          SELECT ?, id, ? FROM sources WHERE hash = ?)"_s);
    q.addBindValue(articleId);
    q.addBindValue(source.item);
    q.addBindValue(hash);
    if (!ready || !q.exec())
        return m_db.writeFailed(action, q);
    if (!source.encoding.isEmpty()) {
        ready = q.prepare(u"UPDATE sources SET encoding = ? WHERE hash = ? AND encoding = ''"_s);
        q.addBindValue(QString::fromLatin1(source.encoding));
        q.addBindValue(hash);
        if (!ready || !q.exec())
            return m_db.writeFailed(action, q);
    }
    return true;
}

std::optional<ArticleSource> SourceStore::forArticle(qint64 articleId) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    const bool ready = q.prepare(uR"(SELECT s.data, s.encoding, a.item, s.size FROM article_sources a
                                     JOIN sources s ON s.id = a.source_id WHERE a.article_id = ?)"_s);
    q.addBindValue(articleId);
    if (!ready || !q.exec()) {
        m_db.readFailed(QObject::tr("the original file of article %1").arg(articleId), q);
        return std::nullopt;
    }
    ArticleSource source;
    if (!q.next())
        return source;
    source.data = q.value(3).toLongLong() == 0 ? QByteArray("") : qUncompress(q.value(0).toByteArray());
    if (source.data.isNull()) {
        m_db.fail(QObject::tr("the original file of article %1 is damaged in the library %2")
                      .arg(articleId)
                      .arg(m_db.path()));
        return std::nullopt;
    }
    source.encoding = q.value(1).toString().toLatin1();
    source.item = q.value(2).toInt();
    return source;
}

bool SourceStore::setEncoding(qint64 articleId, const QByteArray &encoding)
{
    QSqlQuery q(m_db.connection());
    const bool ready = q.prepare(uR"(UPDATE sources SET encoding = ?
                                     WHERE id = (SELECT source_id FROM article_sources WHERE article_id = ?))"_s);
    q.addBindValue(Codec::text(QString::fromLatin1(encoding)));
    q.addBindValue(articleId);
    if (!ready || !q.exec())
        return m_db.writeFailed(QObject::tr("cannot record the encoding of article %1").arg(articleId), q);
    return true;
}

} // namespace Lede
