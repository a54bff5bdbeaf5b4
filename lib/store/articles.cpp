// SPDX-License-Identifier: MIT
#include "articles.h"

#include "codecs.h"
#include "database.h"
#include "text/datetime.h"

#include <QCryptographicHash>
#include <QObject>
#include <QSqlQuery>

namespace Lede {

using namespace Qt::StringLiterals;
using Codec::text;

namespace {

const QString summaryColumns = uR"(SELECT id, title, outlet, byline, published, format, source_path, imported_at,
                                          story_id, (SELECT count(*) FROM articles b WHERE b.story_id = a.story_id)
                                   FROM articles a)"_s;

ArticleSummary readSummary(const QSqlQuery &q)
{
    ArticleSummary s;
    s.id = q.value(0).toLongLong();
    s.title = q.value(1).toString();
    s.outlet = q.value(2).toString();
    s.byline = q.value(3).toString();
    s.published = q.value(4).toString();
    s.format = formatFromName(q.value(5).toString());
    s.sourcePath = q.value(6).toString();
    s.importedAt = Codec::timestampFromText(q.value(7).toString());
    s.storyId = q.value(8).isNull() ? s.id : q.value(8).toLongLong();
    s.storySize = q.value(9).toInt();
    return s;
}

} // namespace

QString ArticleStore::contentHash(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

std::optional<qint64> ArticleStore::find(const QString &contentHash) const
{
    QSqlQuery q(m_db.connection());
    const bool ready = q.prepare(u"SELECT id FROM articles WHERE content_hash = ?"_s);
    q.addBindValue(contentHash);
    if (!ready || !q.exec()) {
        m_db.readFailed(QObject::tr("the articles"), q);
        return std::nullopt;
    }
    return q.next() ? q.value(0).toLongLong() : 0;
}

std::optional<qint64> ArticleStore::insert(const Article &a, const QString &contentHash)
{
    QSqlQuery q(m_db.connection());
    const bool ready
        = q.prepare(uR"(INSERT INTO articles (content_hash, source_path, format, title, byline, published, outlet, url,
                  language, body, blocks, tags, warnings, imported_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))"_s);
    for (const QVariant &v : {text(contentHash), text(a.sourcePath), text(formatName(a.format)), text(a.title),
             text(a.byline), text(a.publishedIso()), text(a.outlet), text(a.url), text(a.language), text(a.text),
             text(Codec::blocksToJson(a.blocks)), text(Codec::toJson(a.tags)), text(Codec::toJson(a.warnings)),
             text(Codec::timestamp(QDateTime::currentDateTimeUtc()))})
        q.addBindValue(v);
    if (!ready || !q.exec()) {
        m_db.writeFailed(QObject::tr("cannot add \"%1\"").arg(a.title), q);
        return std::nullopt;
    }
    return q.lastInsertId().toLongLong();
}

bool ArticleStore::updateParsed(qint64 id, const Article &a, const QString &contentHash)
{
    QSqlQuery q(m_db.connection());
    const bool ready = q.prepare(uR"(UPDATE articles SET content_hash = ?, format = ?, title = ?, byline = ?,
                  published = ?, outlet = ?, url = ?, language = ?, body = ?, blocks = ?, tags = ?, warnings = ?
                  WHERE id = ?)"_s);
    for (const QVariant &v :
        {text(contentHash), text(formatName(a.format)), text(a.title), text(a.byline), text(a.publishedIso()),
            text(a.outlet), text(a.url), text(a.language), text(a.text), text(Codec::blocksToJson(a.blocks)),
            text(Codec::toJson(a.tags)), text(Codec::toJson(a.warnings)), QVariant(id)})
        q.addBindValue(v);
    if (!ready || !q.exec())
        return m_db.writeFailed(QObject::tr("cannot update \"%1\"").arg(a.title), q);
    // The search index's entry goes with the old text; the caller indexes the new one.
    const bool removed = q.prepare(u"DELETE FROM search_text WHERE rowid = ?"_s);
    q.addBindValue(id);
    if (!removed || !q.exec())
        return m_db.writeFailed(QObject::tr("cannot update \"%1\"").arg(a.title), q);
    return true;
}

std::optional<qint64> ArticleStore::findByUrl(const QString &url) const
{
    QSqlQuery q(m_db.connection());
    const bool ready = q.prepare(u"SELECT id FROM articles WHERE url = ? ORDER BY id LIMIT 1"_s);
    q.addBindValue(url);
    if (!ready || !q.exec()) {
        m_db.readFailed(QObject::tr("the articles"), q);
        return std::nullopt;
    }
    return q.next() ? q.value(0).toLongLong() : 0;
}

std::optional<Article> ArticleStore::article(qint64 id) const
{
    QSqlQuery q(m_db.connection());
    const bool ready = q.prepare(
        uR"(SELECT source_path, format, title, byline, published, outlet, url, language, body, blocks, tags, warnings
                  FROM articles WHERE id = ?)"_s);
    q.addBindValue(id);
    if (!ready || !q.exec()) {
        m_db.readFailed(QObject::tr("article %1").arg(id), q);
        return std::nullopt;
    }
    if (!q.next()) {
        m_db.fail(QObject::tr("there is no article %1 in the library %2").arg(id).arg(m_db.path()));
        return std::nullopt;
    }
    Article a;
    a.sourcePath = q.value(0).toString();
    a.format = formatFromName(q.value(1).toString());
    a.title = q.value(2).toString();
    a.byline = q.value(3).toString();
    if (const ParsedDate published = parseDate(q.value(4).toString()); published.isValid()) {
        a.published = published.value;
        a.publishedHasTime = published.hasTime;
    }
    a.outlet = q.value(5).toString();
    a.url = q.value(6).toString();
    a.language = q.value(7).toString();
    a.text = q.value(8).toString();
    a.blocks = Codec::blocksFromJson(q.value(9).toString());
    a.tags = Codec::stringListFromJson(q.value(10).toString());
    a.warnings = Codec::stringListFromJson(q.value(11).toString());
    return a;
}

std::optional<QList<ArticleSummary>> ArticleStore::summaries() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(summaryColumns + u" ORDER BY id"_s)) {
        m_db.readFailed(QObject::tr("the article list"), q);
        return std::nullopt;
    }
    QList<ArticleSummary> out;
    while (q.next())
        out.append(readSummary(q));
    return out;
}

std::optional<QList<ArticleSummary>> ArticleStore::summaries(const QList<qint64> &ids) const
{
    QList<ArticleSummary> out;
    for (const QList<qint64> &chunk : idChunks(ids)) {
        QSqlQuery q(m_db.connection());
        q.setForwardOnly(true);
        const bool ready
            = q.prepare(summaryColumns + u" WHERE id IN ("_s + placeholders(chunk.size()) + u") ORDER BY id"_s);
        for (qint64 id : chunk)
            q.addBindValue(id);
        if (!ready || !q.exec()) {
            m_db.readFailed(QObject::tr("the article list"), q);
            return std::nullopt;
        }
        while (q.next())
            out.append(readSummary(q));
    }
    return out;
}

std::optional<qsizetype> ArticleStore::count() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(u"SELECT count(*) FROM articles"_s) || !q.next()) {
        m_db.readFailed(QObject::tr("the number of articles"), q);
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

std::optional<ArticleKeys> ArticleStore::keys(const ArticleOrder &order, const QList<qint64> *only) const
{
    ArticleKeys out;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    // From the story index alone (story_id is set as an article is added; a row without one is a
    // story of its own).
    if (!q.exec(u"SELECT (SELECT count(*) FROM articles), (SELECT count(DISTINCT story_id) FROM articles)"
                " + (SELECT count(*) FROM articles WHERE story_id IS NULL)"_s)
        || !q.next()) {
        m_db.readFailed(QObject::tr("the article list"), q);
        return std::nullopt;
    }
    out.articles = q.value(0).toLongLong();
    out.stories = q.value(1).toLongLong();
    if (only && only->isEmpty())
        return out;

    // copyQuality() in SQL: each story's best copy (the first imported among equals) leads it.
    const QString quality = u"(a.title <> '') * 8 + (a.outlet <> '') * 4 + (a.published <> '') * 4"
                            " + (a.byline <> '') * 2 + (a.format = 'html')"_s;
    // Titles and outlets ignoring case (SQLite's NOCASE: the ASCII letters), dates as ISO text;
    // equal values keep the order the stories were imported in.
    const QString key = order.column == ArticleOrder::Title ? u"a.title"_s
        : order.column == ArticleOrder::Outlet              ? u"a.outlet"_s
                                                            : u"a.published"_s;
    QString sql;
    if (only) {
        // The stories of the articles given (a search's result): every copy is ranked, the lead
        // is listed, and of the other copies those that were given.
        sql = u"WITH m(id) AS MATERIALIZED (SELECT value FROM json_each(?)),"
              " s(story) AS MATERIALIZED (SELECT DISTINCT coalesce(a.story_id, a.id)"
              " FROM m JOIN articles a ON a.id = m.id),"
              " r AS (SELECT a.id, coalesce(a.story_id, a.id) AS story, "_s
            + key + u" AS k, "_s + quality
            + u" AS q FROM articles a WHERE a.story_id IN (SELECT story FROM s) OR a.id IN (SELECT id FROM m)),"_s;
    } else {
        sql = u"WITH r AS (SELECT a.id, coalesce(a.story_id, a.id) AS story, "_s + key + u" AS k, "_s + quality
            + u" AS q FROM articles a),"_s;
    }
    // Each row carries its story's lead and the lead's value to order by: one pass, no join.
    sql += u" w AS (SELECT id, first_value(id) OVER st AS lead, first_value(k) OVER st AS lk FROM r"
           " WINDOW st AS (PARTITION BY story ORDER BY q DESC, id)) SELECT id, lead FROM w"_s;
    if (only)
        sql += u" WHERE id = lead OR id IN (SELECT id FROM m)"_s;
    const QString direction = order.descending ? u" DESC"_s : u""_s;
    sql += u" ORDER BY lk"_s + (order.column == ArticleOrder::Date ? QString() : u" COLLATE NOCASE"_s) + direction
        + u", lead"_s + direction + u", id <> lead, id"_s;
    const bool ready = q.prepare(sql);
    if (only) {
        QByteArray ids = "[";
        for (qint64 id : *only) {
            if (ids.size() > 1)
                ids += ',';
            ids += QByteArray::number(id);
        }
        ids += ']';
        q.addBindValue(QString::fromLatin1(ids));
    }
    if (!ready || !q.exec()) {
        m_db.readFailed(QObject::tr("the article list"), q);
        return std::nullopt;
    }
    if (!only)
        out.leads.reserve(out.stories);
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const qint64 lead = q.value(1).toLongLong();
        if (id == lead)
            out.leads.append(id);
        else
            out.copies[lead].append(id);
    }
    return out;
}

std::optional<QList<std::pair<qint64, QString>>> ArticleStore::texts(qint64 afterId, int limit) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(limit < 0 ? u"SELECT id, body FROM articles WHERE id > ? ORDER BY id"_s
                        : u"SELECT id, body FROM articles WHERE id > ? ORDER BY id LIMIT ?"_s);
    q.addBindValue(afterId);
    if (limit >= 0)
        q.addBindValue(limit);
    if (!q.exec()) {
        m_db.readFailed(QObject::tr("the articles' texts"), q);
        return std::nullopt;
    }
    QList<std::pair<qint64, QString>> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString()});
    return out;
}

} // namespace Lede
