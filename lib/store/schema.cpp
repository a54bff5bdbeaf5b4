// SPDX-License-Identifier: MIT
#include "schema.h"

namespace Lede::Schema {

using namespace Qt::StringLiterals;

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

} // namespace Lede::Schema
