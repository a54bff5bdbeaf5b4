// SPDX-License-Identifier: MIT
// The parts of schema upgrades that SQL alone cannot do.
#include "schema.h"

#include "codecs.h"
#include "database.h"
#include "sources.h"
#include "text/anchoring.h"
#include "text/logging.h"

#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QSqlQuery>

namespace Lede::Schema {

using namespace Qt::StringLiterals;

namespace {

// The step (index into migrations()) that added annotation context and original files.
constexpr int annotationAnchorsStep = 4;
// Files larger than this were never imported (the parser's limit).
constexpr qint64 maxSourceBytes = 64 * 1024 * 1024;

// Each annotation's context, from the text it was marked in.
bool fillAnnotationContext(const Database &db)
{
    const QString action = QObject::tr("cannot add context to the annotations");
    QSqlQuery read(db.connection());
    read.setForwardOnly(true);
    if (!read.exec(uR"(SELECT n.id, n.start_pos, n.end_pos, n.quote, a.body FROM annotations n
                       JOIN articles a ON a.id = n.article_id ORDER BY n.article_id)"_s))
        return db.writeFailed(action, read);
    QSqlQuery write(db.connection());
    if (!write.prepare(
            u"UPDATE annotations SET start_pos = ?, end_pos = ?, prefix = ?, suffix = ?, orphan = ? WHERE id = ?"_s))
        return db.writeFailed(action, write);
    while (read.next()) {
        const QString body = read.value(4).toString();
        const QString quote = read.value(3).toString();
        TextAnchor anchor = TextAnchor::fromText(body, read.value(1).toLongLong(), read.value(2).toLongLong());
        bool orphan = false;
        if (anchor.exact != quote) {
            // The stored offsets no longer hold the quote: find it as a re-extraction would.
            const Reanchored r = reanchor(TextAnchor{anchor.start, anchor.end, quote, {}, {}}, body);
            orphan = r.status == Reanchored::Orphan;
            if (!orphan)
                anchor = TextAnchor::fromText(body, r.start, r.end);
        }
        write.addBindValue(orphan ? read.value(1) : QVariant(anchor.start));
        write.addBindValue(orphan ? read.value(2) : QVariant(anchor.end));
        write.addBindValue(Codec::text(orphan ? QString() : anchor.prefix));
        write.addBindValue(Codec::text(orphan ? QString() : anchor.suffix));
        write.addBindValue(orphan ? 1 : 0);
        write.addBindValue(read.value(0));
        if (!write.exec())
            return db.writeFailed(action, write);
    }
    return true;
}

// Each article's file, when it is still where it was imported from. The encoding is left for the
// next re-extraction to detect.
bool keepSourceFiles(const Database &db)
{
    QSqlQuery read(db.connection());
    read.setForwardOnly(true);
    if (!read.exec(u"SELECT id, source_path FROM articles ORDER BY id"_s))
        return db.writeFailed(QObject::tr("cannot keep the articles' files"), read);
    QList<std::pair<qint64, QString>> articles;
    while (read.next())
        articles.append({read.value(0).toLongLong(), read.value(1).toString()});
    SourceStore sources(db);
    int kept = 0;
    for (const auto &[id, path] : std::as_const(articles)) {
        const QFileInfo info(path);
        if (path.isEmpty() || !info.isFile() || info.size() > maxSourceBytes)
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ArticleSource source;
        source.data = file.readAll();
        if (file.error() != QFileDevice::NoError)
            continue;
        if (!sources.attach(id, source))
            return false;
        ++kept;
    }
    if (!articles.isEmpty())
        qCInfo(lcStore) << "kept the files of" << kept << "of" << articles.size() << "articles";
    return true;
}

} // namespace

bool runStepCode(int step, const Database &db)
{
    if (step == annotationAnchorsStep)
        return fillAnnotationContext(db) && keepSourceFiles(db);
    return true;
}

} // namespace Lede::Schema
