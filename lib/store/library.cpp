// SPDX-License-Identifier: MIT
#include "library.h"

#include "text/logging.h"
#include "text/minhash.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

namespace Lede {

using namespace Qt::StringLiterals;

QStringList annotationColors()
{
    return {u"yellow"_s, u"green"_s, u"blue"_s, u"pink"_s, u"orange"_s};
}

namespace {

// Rolls back unless committed: every write goes through one of these.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db) : m_db(std::move(db)), m_active(m_db.transaction()) { }
    ~Transaction()
    {
        if (m_active)
            m_db.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    bool isActive() const { return m_active; }
    bool commit()
    {
        if (!m_active)
            return false;
        m_active = false;
        return m_db.commit();
    }

private:
    QSqlDatabase m_db;
    bool m_active;
};

// Ordered schema steps: step i takes a library from version i to i + 1. Never edit a step that
// has shipped; add a new one.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps = {
        {
            uR"(CREATE TABLE articles (
                id INTEGER PRIMARY KEY,
                content_hash TEXT NOT NULL UNIQUE,
                source_path TEXT NOT NULL,
                format TEXT NOT NULL,
                title TEXT NOT NULL DEFAULT '',
                byline TEXT NOT NULL DEFAULT '',
                published TEXT NOT NULL DEFAULT '',
                outlet TEXT NOT NULL DEFAULT '',
                url TEXT NOT NULL DEFAULT '',
                language TEXT NOT NULL DEFAULT '',
                body TEXT NOT NULL,
                blocks TEXT NOT NULL DEFAULT '[]',
                tags TEXT NOT NULL DEFAULT '[]',
                warnings TEXT NOT NULL DEFAULT '[]',
                imported_at TEXT NOT NULL))"_s,
            uR"(CREATE TABLE mentions (
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                entity_id TEXT NOT NULL,
                start_pos INTEGER NOT NULL,
                end_pos INTEGER NOT NULL,
                surface TEXT NOT NULL,
                CHECK (start_pos >= 0 AND end_pos > start_pos)))"_s,
            u"CREATE INDEX mentions_by_article ON mentions(article_id)"_s,
            u"CREATE INDEX mentions_by_entity ON mentions(entity_id, article_id)"_s,
            uR"(CREATE TABLE annotations (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                start_pos INTEGER NOT NULL,
                end_pos INTEGER NOT NULL,
                color TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                quote TEXT NOT NULL,
                created_at TEXT NOT NULL,
                modified_at TEXT NOT NULL,
                CHECK (start_pos >= 0 AND end_pos > start_pos)))"_s,
            u"CREATE INDEX annotations_by_article ON annotations(article_id)"_s,
        },
        {
            // Near-duplicate copies of one story share a story_id (the first copy's id). A MinHash
            // signature per article and its LSH band keys find candidate copies by index lookup.
            u"ALTER TABLE articles ADD COLUMN story_id INTEGER"_s,
            u"UPDATE articles SET story_id = id"_s,
            u"CREATE INDEX articles_by_story ON articles(story_id)"_s,
            uR"(CREATE TABLE story_signatures (
                article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                signature BLOB NOT NULL))"_s,
            uR"(CREATE TABLE story_bands (
                band INTEGER NOT NULL,
                band_key INTEGER NOT NULL,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE))"_s,
            u"CREATE INDEX story_bands_lookup ON story_bands(band, band_key)"_s,
        },
        {
            // What the journalist taught the linker, applied in order over the shipped knowledge base.
            uR"(CREATE TABLE kb_edits (
                id INTEGER PRIMARY KEY,
                action TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                value TEXT NOT NULL DEFAULT '',
                article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
                start_pos INTEGER NOT NULL DEFAULT 0,
                end_pos INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL))"_s,
        },
    };
    return steps;
}

QString toJson(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList fromJson(const QString &json)
{
    QStringList out;
    for (const auto &v : QJsonDocument::fromJson(json.toUtf8()).array())
        out.append(v.toString());
    return out;
}

QString blocksToJson(const TextBlocks &blocks)
{
    QJsonArray arr;
    for (const TextBlock &b : blocks)
        arr.append(int(b.kind) * 16 + b.level);
    return QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Compact));
}

TextBlocks blocksFromJson(const QString &json)
{
    TextBlocks out;
    for (const auto &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const int code = v.toInt();
        out.append(
            TextBlock{TextBlock::Kind(std::clamp(code / 16, 0, int(TextBlock::Preformatted))), quint8(code % 16)});
    }
    return out;
}

// Qt binds a null QString as SQL NULL; the text columns hold '' for "none".
QVariant text(const QString &s)
{
    return QVariant(s.isNull() ? QString(u""_s) : s);
}

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace

Library::Library() : m_connection(u"lede-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

Library::~Library()
{
    close();
}

QString Library::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(u"library.lede"_s);
}

int Library::currentSchemaVersion()
{
    return int(migrations().size());
}

bool Library::fail(const QString &message) const
{
    m_error = message;
    qCWarning(lcStore) << message;
    return false;
}

QSqlDatabase Library::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool Library::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && database().isOpen();
}

bool Library::open(const QString &path)
{
    close();
    m_path = path;
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(QObject::tr("cannot create the folder %1").arg(info.absolutePath()));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
        db.setDatabaseName(path);
        if (!db.open())
            return fail(QObject::tr("cannot open the library %1: %2").arg(path, db.lastError().text()));
        QSqlQuery q(db);
        for (const QString &pragma : {u"PRAGMA foreign_keys = ON"_s, u"PRAGMA journal_mode = WAL"_s,
                 u"PRAGMA synchronous = NORMAL"_s, u"PRAGMA busy_timeout = 5000"_s}) {
            if (!q.exec(pragma))
                return fail(QObject::tr("cannot set up the library %1: %2").arg(path, q.lastError().text()));
        }
        // A file that is not SQLite fails here rather than at the first write.
        if (!q.exec(u"SELECT count(*) FROM sqlite_master"_s))
            return fail(QObject::tr("%1 is not a Lede library: %2").arg(path, q.lastError().text()));
    }
    if (!migrate()) {
        const QString error = m_error;
        close();
        m_error = error;
        return false;
    }
    return true;
}

void Library::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

int Library::schemaVersion() const
{
    QSqlQuery q(database());
    if (!q.exec(u"SELECT version FROM schema_version"_s) || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool Library::migrate()
{
    QSqlDatabase db = database();
    QSqlQuery q(db);
    if (!q.exec(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"_s))
        return fail(QObject::tr("cannot read the library's version: %1").arg(q.lastError().text()));
    int version = schemaVersion();
    if (version > currentSchemaVersion())
        return fail(QObject::tr("the library %1 was written by a newer Lede (schema %2; this one knows up to %3)")
                        .arg(m_path)
                        .arg(version)
                        .arg(currentSchemaVersion()));
    while (version < currentSchemaVersion()) {
        Transaction tx(db);
        if (!tx.isActive())
            return fail(QObject::tr("cannot upgrade the library: %1").arg(db.lastError().text()));
        for (const QString &statement : migrations().at(version)) {
            if (!q.exec(statement))
                return fail(QObject::tr("upgrading the library to version %1 failed: %2")
                                .arg(version + 1)
                                .arg(q.lastError().text()));
        }
        q.exec(u"DELETE FROM schema_version"_s);
        q.prepare(u"INSERT INTO schema_version (version) VALUES (?)"_s);
        q.addBindValue(version + 1);
        if (!q.exec() || !tx.commit())
            return fail(QObject::tr("upgrading the library to version %1 failed: %2")
                            .arg(version + 1)
                            .arg(db.lastError().text()));
        ++version;
        qCDebug(lcStore) << "library" << m_path << "upgraded to schema" << version;
    }
    return true;
}

std::optional<AddedArticle> Library::addArticle(const Article &a)
{
    QSqlDatabase db = database();
    const QString hash
        = QString::fromLatin1(QCryptographicHash::hash(a.text.toUtf8(), QCryptographicHash::Sha256).toHex());
    QSqlQuery q(db);
    q.prepare(u"SELECT id FROM articles WHERE content_hash = ?"_s);
    q.addBindValue(hash);
    if (!q.exec()) {
        fail(QObject::tr("cannot read the library: %1").arg(q.lastError().text()));
        return std::nullopt;
    }
    if (q.next())
        return AddedArticle{q.value(0).toLongLong(), true, 0, false};

    Transaction tx(db);
    q.prepare(uR"(INSERT INTO articles (content_hash, source_path, format, title, byline, published, outlet, url,
                  language, body, blocks, tags, warnings, imported_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))"_s);
    for (const QVariant &v : {text(hash), text(a.sourcePath), text(formatName(a.format)), text(a.title), text(a.byline),
             text(a.publishedIso()), text(a.outlet), text(a.url), text(a.language), text(a.text),
             text(blocksToJson(a.blocks)), text(toJson(a.tags)), text(toJson(a.warnings)), text(nowIso())})
        q.addBindValue(v);
    if (!q.exec()) {
        fail(QObject::tr("cannot add \"%1\": %2").arg(a.title, q.lastError().text()));
        return std::nullopt;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    QSqlQuery m(db);
    m.prepare(u"INSERT INTO mentions (article_id, entity_id, start_pos, end_pos, surface) VALUES (?, ?, ?, ?, ?)"_s);
    for (const EntityMention &e : a.entities) {
        m.bindValue(0, id);
        m.bindValue(1, e.entityId);
        m.bindValue(2, e.start);
        m.bindValue(3, e.end);
        m.bindValue(4, text(e.surface));
        if (!m.exec()) {
            fail(QObject::tr("cannot add the mentions of \"%1\": %2").arg(a.title, m.lastError().text()));
            return std::nullopt;
        }
    }
    const auto story = assignStory(id, a.text);
    if (!story) {
        fail(QObject::tr("cannot group \"%1\" with its copies: %2").arg(a.title, m_error));
        return std::nullopt;
    }
    if (!tx.commit()) {
        fail(QObject::tr("cannot add \"%1\": %2").arg(a.title, db.lastError().text()));
        return std::nullopt;
    }
    return AddedArticle{id, false, *story, *story != id};
}

std::optional<qint64> Library::assignStory(qint64 id, const QString &text)
{
    QSqlDatabase db = database();
    QSqlQuery q(db);
    qint64 story = id;
    if (const auto sig = MinHash::signature(text)) {
        const auto keys = MinHash::bandKeys(*sig);
        // Candidates share at least one band; the best one similar enough gives its story.
        QSet<qint64> candidates;
        q.prepare(u"SELECT article_id FROM story_bands WHERE band = ? AND band_key = ?"_s);
        for (int b = 0; b < MinHash::Bands; ++b) {
            q.bindValue(0, b);
            q.bindValue(1, keys[b]);
            if (!q.exec()) {
                m_error = q.lastError().text();
                return std::nullopt;
            }
            while (q.next())
                candidates.insert(q.value(0).toLongLong());
        }
        double best = MinHash::SameStoryThreshold;
        QSqlQuery c(db);
        c.prepare(uR"(SELECT s.signature, a.story_id FROM story_signatures s JOIN articles a ON a.id = s.article_id
                      WHERE s.article_id = ?)"_s);
        for (qint64 candidate : std::as_const(candidates)) {
            c.bindValue(0, candidate);
            if (!c.exec() || !c.next())
                continue;
            const auto other = MinHash::fromBytes(c.value(0).toByteArray());
            const double similarity = other ? MinHash::similarity(*sig, *other) : 0.0;
            if (similarity >= best) {
                best = similarity;
                story = c.value(1).toLongLong();
            }
        }
        q.prepare(u"INSERT INTO story_signatures (article_id, signature) VALUES (?, ?)"_s);
        q.addBindValue(id);
        q.addBindValue(MinHash::toBytes(*sig));
        if (!q.exec()) {
            m_error = q.lastError().text();
            return std::nullopt;
        }
        q.prepare(u"INSERT INTO story_bands (band, band_key, article_id) VALUES (?, ?, ?)"_s);
        for (int b = 0; b < MinHash::Bands; ++b) {
            q.bindValue(0, b);
            q.bindValue(1, keys[b]);
            q.bindValue(2, id);
            if (!q.exec()) {
                m_error = q.lastError().text();
                return std::nullopt;
            }
        }
    }
    q.prepare(u"UPDATE articles SET story_id = ? WHERE id = ?"_s);
    q.addBindValue(story);
    q.addBindValue(id);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return std::nullopt;
    }
    return story;
}

std::optional<Article> Library::article(qint64 id) const
{
    QSqlQuery q(database());
    q.prepare(
        uR"(SELECT source_path, format, title, byline, published, outlet, url, language, body, blocks, tags, warnings
                  FROM articles WHERE id = ?)"_s);
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    Article a;
    a.sourcePath = q.value(0).toString();
    a.format = formatFromName(q.value(1).toString());
    a.title = q.value(2).toString();
    a.byline = q.value(3).toString();
    const QString published = q.value(4).toString();
    if (!published.isEmpty()) {
        a.publishedHasTime = published.contains(u'T');
        a.published = a.publishedHasTime
            ? QDateTime::fromString(published, Qt::ISODate)
            : QDateTime(QDate::fromString(published, Qt::ISODate), QTime(0, 0), QTimeZone::UTC);
    }
    a.outlet = q.value(5).toString();
    a.url = q.value(6).toString();
    a.language = q.value(7).toString();
    a.text = q.value(8).toString();
    a.blocks = blocksFromJson(q.value(9).toString());
    a.tags = fromJson(q.value(10).toString());
    a.warnings = fromJson(q.value(11).toString());
    a.entities = mentions(id);
    return a;
}

namespace {

QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(u',');
}

} // namespace

QList<ArticleSummary> Library::articles() const
{
    return articles(std::nullopt);
}

QList<ArticleSummary> Library::articles(const QList<qint64> &ids) const
{
    if (ids.isEmpty())
        return {};
    return articles(std::optional<QList<qint64>>(ids));
}

QList<ArticleSummary> Library::articles(const std::optional<QList<qint64>> &ids) const
{
    QList<ArticleSummary> out;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(uR"(SELECT id, title, outlet, byline, published, format, source_path, imported_at, story_id,
                          (SELECT count(*) FROM articles b WHERE b.story_id = a.story_id)
                   FROM articles a)"_s
            + (ids ? u" WHERE id IN (%1)"_s.arg(idList(*ids)) : QString()) + u" ORDER BY id"_s)) {
        fail(QObject::tr("cannot read the article list: %1").arg(q.lastError().text()));
        return out;
    }
    while (q.next()) {
        ArticleSummary s;
        s.id = q.value(0).toLongLong();
        s.title = q.value(1).toString();
        s.outlet = q.value(2).toString();
        s.byline = q.value(3).toString();
        s.published = q.value(4).toString();
        s.format = formatFromName(q.value(5).toString());
        s.sourcePath = q.value(6).toString();
        s.importedAt = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs);
        s.storyId = q.value(8).isNull() ? s.id : q.value(8).toLongLong();
        s.storySize = q.value(9).toInt();
        out.append(s);
    }
    return out;
}

qsizetype Library::articleCount() const
{
    QSqlQuery q(database());
    if (!q.exec(u"SELECT count(*) FROM articles"_s) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

QList<EntityMention> Library::mentions(qint64 articleId) const
{
    QList<EntityMention> out;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(u"SELECT entity_id, start_pos, end_pos, surface FROM mentions WHERE article_id = ? ORDER BY start_pos"_s);
    q.addBindValue(articleId);
    if (!q.exec())
        return out;
    while (q.next())
        out.append(EntityMention{
            q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toString()});
    return out;
}

QHash<QString, QSet<qint64>> Library::entityArticles(const QList<qint64> &ids) const
{
    QHash<QString, QSet<qint64>> out;
    if (ids.isEmpty())
        return out;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT DISTINCT entity_id, article_id FROM mentions WHERE article_id IN (%1)"_s.arg(idList(ids)))) {
        fail(QObject::tr("cannot read the mentions: %1").arg(q.lastError().text()));
        return out;
    }
    while (q.next())
        out[q.value(0).toString()].insert(q.value(1).toLongLong());
    return out;
}

QHash<QString, QSet<qint64>> Library::entityArticles() const
{
    QHash<QString, QSet<qint64>> out;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT DISTINCT entity_id, article_id FROM mentions"_s))
        return out;
    while (q.next())
        out[q.value(0).toString()].insert(q.value(1).toLongLong());
    return out;
}

bool Library::replaceMentions(qint64 articleId, const QList<EntityMention> &mentions)
{
    QSqlDatabase db = database();
    Transaction tx(db);
    QSqlQuery q(db);
    q.prepare(u"DELETE FROM mentions WHERE article_id = ?"_s);
    q.addBindValue(articleId);
    if (!q.exec())
        return fail(QObject::tr("cannot update mentions: %1").arg(q.lastError().text()));
    q.prepare(u"INSERT INTO mentions (article_id, entity_id, start_pos, end_pos, surface) VALUES (?, ?, ?, ?, ?)"_s);
    for (const EntityMention &e : mentions) {
        q.bindValue(0, articleId);
        q.bindValue(1, e.entityId);
        q.bindValue(2, e.start);
        q.bindValue(3, e.end);
        q.bindValue(4, text(e.surface));
        if (!q.exec())
            return fail(QObject::tr("cannot update mentions: %1").arg(q.lastError().text()));
    }
    return tx.commit() || fail(QObject::tr("cannot update mentions: %1").arg(db.lastError().text()));
}

std::optional<Annotation> Library::addAnnotation(const Annotation &in)
{
    if (in.end <= in.start || in.start < 0) {
        fail(QObject::tr("an annotation needs a passage of at least one character"));
        return std::nullopt;
    }
    QSqlDatabase db = database();
    Transaction tx(db);
    Annotation a = in;
    a.created = a.modified = QDateTime::currentDateTimeUtc();
    QSqlQuery q(db);
    q.prepare(uR"(INSERT INTO annotations (article_id, start_pos, end_pos, color, note, quote, created_at, modified_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?))"_s);
    for (const QVariant &v :
        {QVariant(a.articleId), QVariant(a.start), QVariant(a.end), text(a.color), text(a.note), text(a.quote),
            QVariant(a.created.toString(Qt::ISODateWithMs)), QVariant(a.modified.toString(Qt::ISODateWithMs))})
        q.addBindValue(v);
    if (!q.exec()) {
        fail(QObject::tr("cannot save the annotation: %1").arg(q.lastError().text()));
        return std::nullopt;
    }
    a.id = q.lastInsertId().toLongLong();
    if (!tx.commit()) {
        fail(QObject::tr("cannot save the annotation: %1").arg(db.lastError().text()));
        return std::nullopt;
    }
    return a;
}

bool Library::updateAnnotation(const Annotation &a)
{
    QSqlDatabase db = database();
    Transaction tx(db);
    QSqlQuery q(db);
    q.prepare(u"UPDATE annotations SET color = ?, note = ?, modified_at = ? WHERE id = ?"_s);
    q.addBindValue(text(a.color));
    q.addBindValue(text(a.note));
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    q.addBindValue(a.id);
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(QObject::tr("cannot update the annotation: %1").arg(q.lastError().text()));
    return tx.commit() || fail(db.lastError().text());
}

bool Library::removeAnnotation(qint64 id)
{
    QSqlDatabase db = database();
    Transaction tx(db);
    QSqlQuery q(db);
    q.prepare(u"DELETE FROM annotations WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec())
        return fail(QObject::tr("cannot remove the annotation: %1").arg(q.lastError().text()));
    return tx.commit() || fail(db.lastError().text());
}

std::optional<KbEdit> Library::addKbEdit(const KbEdit &in)
{
    QSqlDatabase db = database();
    Transaction tx(db);
    KbEdit e = in;
    e.created = QDateTime::currentDateTimeUtc();
    QSqlQuery q(db);
    q.prepare(uR"(INSERT INTO kb_edits (action, entity_id, value, article_id, start_pos, end_pos, created_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?))"_s);
    q.addBindValue(KbEdit::actionName(e.action));
    q.addBindValue(text(e.entityId));
    q.addBindValue(text(e.value));
    q.addBindValue(e.articleId ? QVariant(e.articleId) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(e.start);
    q.addBindValue(e.end);
    q.addBindValue(e.created.toString(Qt::ISODateWithMs));
    if (!q.exec()) {
        fail(QObject::tr("cannot save the change to the knowledge base: %1").arg(q.lastError().text()));
        return std::nullopt;
    }
    e.id = q.lastInsertId().toLongLong();
    if (e.action == KbEdit::RejectMention) {
        // The wrong mention goes at once; re-linking keeps it out.
        q.prepare(u"DELETE FROM mentions WHERE article_id = ? AND entity_id = ? AND start_pos = ? AND end_pos = ?"_s);
        q.addBindValue(e.articleId);
        q.addBindValue(e.entityId);
        q.addBindValue(e.start);
        q.addBindValue(e.end);
        if (!q.exec()) {
            fail(QObject::tr("cannot remove the mention: %1").arg(q.lastError().text()));
            return std::nullopt;
        }
    }
    if (!tx.commit()) {
        fail(db.lastError().text());
        return std::nullopt;
    }
    return e;
}

bool Library::removeKbEdit(qint64 id)
{
    QSqlDatabase db = database();
    Transaction tx(db);
    QSqlQuery q(db);
    q.prepare(u"DELETE FROM kb_edits WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec())
        return fail(QObject::tr("cannot undo the change: %1").arg(q.lastError().text()));
    return tx.commit() || fail(db.lastError().text());
}

QList<KbEdit> Library::kbEdits() const
{
    QList<KbEdit> out;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(
            u"SELECT id, action, entity_id, value, article_id, start_pos, end_pos, created_at FROM kb_edits ORDER BY id"_s))
        return out;
    while (q.next()) {
        const auto action = KbEdit::actionFromName(q.value(1).toString());
        if (!action)
            continue;
        KbEdit e;
        e.id = q.value(0).toLongLong();
        e.action = *action;
        e.entityId = q.value(2).toString();
        e.value = q.value(3).toString();
        e.articleId = q.value(4).toLongLong();
        e.start = q.value(5).toLongLong();
        e.end = q.value(6).toLongLong();
        e.created = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs);
        out.append(e);
    }
    return out;
}

namespace {

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
        a.created = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs);
        a.modified = QDateTime::fromString(q.value(8).toString(), Qt::ISODateWithMs);
        out.append(a);
    }
    return out;
}

const QString annotationColumns = u"id, article_id, start_pos, end_pos, color, note, quote, created_at, modified_at"_s;

} // namespace

QList<Annotation> Library::annotations(qint64 articleId) const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + annotationColumns + u" FROM annotations WHERE article_id = ? ORDER BY start_pos, id"_s);
    q.addBindValue(articleId);
    if (!q.exec())
        return {};
    return readAnnotations(q);
}

QList<Annotation> Library::allAnnotations() const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT "_s + annotationColumns + u" FROM annotations ORDER BY article_id, start_pos, id"_s))
        return {};
    return readAnnotations(q);
}

QList<std::pair<qint64, QString>> Library::articleTexts() const
{
    QList<std::pair<qint64, QString>> out;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT id, body FROM articles ORDER BY id"_s)) {
        fail(QObject::tr("cannot read the articles: %1").arg(q.lastError().text()));
        return out;
    }
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString()});
    return out;
}

std::optional<qsizetype> Library::replaceMentions(const QList<std::pair<qint64, QList<EntityMention>>> &articles)
{
    QSqlDatabase db = database();
    Transaction tx(db);
    if (!tx.isActive()) {
        fail(QObject::tr("cannot update mentions: %1").arg(db.lastError().text()));
        return std::nullopt;
    }
    QSqlQuery read(db);
    read.setForwardOnly(true);
    read.prepare(
        u"SELECT entity_id, start_pos, end_pos FROM mentions WHERE article_id = ? ORDER BY start_pos, end_pos"_s);
    QSqlQuery remove(db);
    remove.prepare(u"DELETE FROM mentions WHERE article_id = ?"_s);
    QSqlQuery insert(db);
    insert.prepare(
        u"INSERT INTO mentions (article_id, entity_id, start_pos, end_pos, surface) VALUES (?, ?, ?, ?, ?)"_s);
    qsizetype changed = 0;
    for (const auto &[articleId, mentions] : articles) {
        read.bindValue(0, articleId);
        if (!read.exec()) {
            fail(QObject::tr("cannot update mentions: %1").arg(read.lastError().text()));
            return std::nullopt;
        }
        QList<EntityMention> sorted = mentions;
        std::sort(sorted.begin(), sorted.end(), [](const EntityMention &x, const EntityMention &y) {
            return x.start != y.start ? x.start < y.start : x.end < y.end;
        });
        bool same = true;
        qsizetype i = 0;
        while (read.next()) {
            if (i >= sorted.size() || read.value(0).toString() != sorted.at(i).entityId
                || read.value(1).toLongLong() != sorted.at(i).start || read.value(2).toLongLong() != sorted.at(i).end) {
                same = false;
                break;
            }
            ++i;
        }
        read.finish();
        if (same && i == sorted.size())
            continue;
        ++changed;
        remove.bindValue(0, articleId);
        if (!remove.exec()) {
            fail(QObject::tr("cannot update mentions: %1").arg(remove.lastError().text()));
            return std::nullopt;
        }
        for (const EntityMention &e : sorted) {
            insert.bindValue(0, articleId);
            insert.bindValue(1, e.entityId);
            insert.bindValue(2, e.start);
            insert.bindValue(3, e.end);
            insert.bindValue(4, text(e.surface));
            if (!insert.exec()) {
                fail(QObject::tr("cannot update mentions: %1").arg(insert.lastError().text()));
                return std::nullopt;
            }
        }
    }
    if (!tx.commit()) {
        fail(QObject::tr("cannot update mentions: %1").arg(db.lastError().text()));
        return std::nullopt;
    }
    return changed;
}

} // namespace Lede
