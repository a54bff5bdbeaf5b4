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
        {
            // Full-text search over headline and body (lib/store/search.h). FTS5 with unicode61 for
            // words; Chinese and Japanese are written into it as character pairs (Query::indexText),
            // which FTS5 cannot do from SQL, so the existing articles wait in search_pending and
            // the store indexes them when the library opens. Contentless: the text stays in articles.
            uR"(CREATE VIRTUAL TABLE search_text USING fts5(title, body, content='', contentless_delete=1,
                tokenize='unicode61 remove_diacritics 2'))"_s,
            u"CREATE TABLE search_pending (article_id INTEGER PRIMARY KEY)"_s,
            u"INSERT INTO search_pending SELECT id FROM articles"_s,
            uR"(CREATE TRIGGER articles_leave_search AFTER DELETE ON articles BEGIN
                DELETE FROM search_text WHERE rowid = old.id;
                DELETE FROM search_pending WHERE article_id = old.id;
            END)"_s,
            // Results come newest first, and since:/until: are ranges of it.
            u"CREATE INDEX articles_by_published ON articles(published, id)"_s,
            // Facet counts read each result article's entities from the index alone; it also serves
            // every lookup by article the narrower index served.
            u"CREATE INDEX mentions_by_article_entity ON mentions(article_id, entity_id)"_s,
            u"DROP INDEX mentions_by_article"_s,
        },
        {
            // Annotations that survive changes to the text: the quote's context (filled by
            // Schema::runStepCode from the text), tags, linked entities, and an orphan flag for a
            // passage that could not be placed again. The palette's colours get the meanings the
            // journalist names. Each article keeps its original file (read from the files still
            // there by runStepCode), so the Source view and re-extraction do without it.
            u"ALTER TABLE annotations ADD COLUMN prefix TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE annotations ADD COLUMN suffix TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE annotations ADD COLUMN tags TEXT NOT NULL DEFAULT '[]'"_s,
            u"ALTER TABLE annotations ADD COLUMN entities TEXT NOT NULL DEFAULT '[]'"_s,
            u"ALTER TABLE annotations ADD COLUMN orphan INTEGER NOT NULL DEFAULT 0"_s,
            uR"(CREATE TABLE annotation_colors (
                color TEXT PRIMARY KEY,
                meaning TEXT NOT NULL DEFAULT '',
                position INTEGER NOT NULL))"_s,
            uR"(INSERT INTO annotation_colors (color, meaning, position) VALUES
                ('yellow', 'claim', 0), ('green', 'quote', 1), ('blue', 'figure', 2), ('pink', 'follow up', 3),
                ('orange', '', 4))"_s,
            uR"(CREATE TABLE sources (
                id INTEGER PRIMARY KEY,
                hash TEXT NOT NULL UNIQUE,
                data BLOB NOT NULL,
                encoding TEXT NOT NULL DEFAULT '',
                size INTEGER NOT NULL))"_s,
            uR"(CREATE TABLE article_sources (
                article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                source_id INTEGER NOT NULL REFERENCES sources(id),
                item INTEGER NOT NULL DEFAULT -1))"_s,
            u"CREATE INDEX article_sources_by_source ON article_sources(source_id)"_s,
        },
        {
            // Queries the journalist saved under a name; the sidebar lists them with live counts.
            uR"(CREATE TABLE saved_searches (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                query TEXT NOT NULL,
                created_at TEXT NOT NULL))"_s,
        },
        {
            // Search at scale (lib/query/sql.cpp). Each entity an article names, once, by a small
            // integer key (grouping and comparing integers is several times cheaper than the ids'
            // text): facet counts and entity terms read these pairs rather than every mention,
            // about a third of the rows. Kept by the triggers below, so mentions stay written in
            // one place (MentionStore); `mentions` counts the rows behind each pair.
            u"CREATE TABLE entity_keys (id INTEGER PRIMARY KEY, entity_id TEXT NOT NULL UNIQUE)"_s,
            u"INSERT INTO entity_keys (entity_id) SELECT DISTINCT entity_id FROM mentions ORDER BY entity_id"_s,
            uR"(CREATE TABLE article_entities (
                article_id INTEGER NOT NULL,
                entity INTEGER NOT NULL REFERENCES entity_keys(id),
                mentions INTEGER NOT NULL,
                PRIMARY KEY (article_id, entity)) WITHOUT ROWID)"_s,
            uR"(INSERT INTO article_entities SELECT m.article_id, k.id, count(*) FROM mentions m
                JOIN entity_keys k ON k.entity_id = m.entity_id GROUP BY m.article_id, k.id)"_s,
            u"CREATE INDEX article_entities_by_entity ON article_entities(entity, article_id)"_s,
            // How many articles name each entity, kept as pairs come and go: the counts of the
            // whole library (the desk's first view) without reading a row per pair.
            u"CREATE TABLE entity_totals (entity INTEGER PRIMARY KEY, articles INTEGER NOT NULL)"_s,
            u"INSERT INTO entity_totals SELECT entity, count(*) FROM article_entities GROUP BY entity"_s,
            uR"(CREATE TRIGGER mentions_name_entity AFTER INSERT ON mentions BEGIN
                INSERT INTO entity_keys (entity_id) VALUES (new.entity_id) ON CONFLICT (entity_id) DO NOTHING;
                INSERT INTO article_entities (article_id, entity, mentions)
                    VALUES (new.article_id, (SELECT id FROM entity_keys WHERE entity_id = new.entity_id), 1)
                    ON CONFLICT (article_id, entity) DO UPDATE SET mentions = mentions + 1;
            END)"_s,
            uR"(CREATE TRIGGER mentions_unname_entity AFTER DELETE ON mentions BEGIN
                UPDATE article_entities SET mentions = mentions - 1 WHERE article_id = old.article_id
                    AND entity = (SELECT id FROM entity_keys WHERE entity_id = old.entity_id);
                DELETE FROM article_entities WHERE article_id = old.article_id AND mentions <= 0
                    AND entity = (SELECT id FROM entity_keys WHERE entity_id = old.entity_id);
            END)"_s,
            uR"(CREATE TRIGGER article_entities_count AFTER INSERT ON article_entities BEGIN
                INSERT INTO entity_totals (entity, articles) VALUES (new.entity, 1)
                    ON CONFLICT (entity) DO UPDATE SET articles = articles + 1;
            END)"_s,
            uR"(CREATE TRIGGER article_entities_uncount AFTER DELETE ON article_entities BEGIN
                UPDATE entity_totals SET articles = articles - 1 WHERE entity = old.entity;
                DELETE FROM entity_totals WHERE entity = old.entity AND articles <= 0;
            END)"_s,
            // A result's ids and dates without reading the articles' rows (each a page or more of
            // text): the search looks its ids up in this index alone.
            u"CREATE INDEX articles_by_id_published ON articles(id, published)"_s,
        },
        {
            // Facts about the library as a whole, by key. "link_fingerprint" names the shipped
            // knowledge base and linker that found the stored mentions; a Lede whose base or linker
            // differs re-links the library and writes its own when that re-link has finished.
            u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
        },
        {
            // Nothing reads mentions by entity any more (entity terms and facets read
            // article_entities), and keeping this index cost an insert at one of thousands of places
            // per mention: a share of an import that grew with the library.
            u"DROP INDEX mentions_by_entity"_s,
        },
        {
            // A search result's ids, dates and entities from one row per article: the facet counts
            // of a large result read each article's entity keys as one value (",3,17,250,"),
            // counted by tally_keys() (lib/store/sqlfunctions.h), rather than a row per pair
            // looked up in article_entities. Kept by triggers as articles and their pairs come
            // and go, so nothing else writes it.
            uR"(CREATE TABLE article_facets (
                id INTEGER PRIMARY KEY,
                published TEXT NOT NULL DEFAULT '',
                entities TEXT NOT NULL DEFAULT ','))"_s,
            uR"(INSERT INTO article_facets (id, published, entities)
                SELECT a.id, a.published, coalesce(',' || (SELECT group_concat(e.entity, ',') FROM article_entities e
                    WHERE e.article_id = a.id) || ',', ',') FROM articles a)"_s,
            uR"(CREATE TRIGGER articles_facets_add AFTER INSERT ON articles BEGIN
                INSERT INTO article_facets (id, published) VALUES (new.id, new.published);
            END)"_s,
            uR"(CREATE TRIGGER articles_facets_date AFTER UPDATE OF published ON articles BEGIN
                UPDATE article_facets SET published = new.published WHERE id = new.id;
            END)"_s,
            uR"(CREATE TRIGGER articles_facets_remove AFTER DELETE ON articles BEGIN
                DELETE FROM article_facets WHERE id = old.id;
            END)"_s,
            uR"(CREATE TRIGGER article_entities_facet AFTER INSERT ON article_entities BEGIN
                UPDATE article_facets SET entities = entities || new.entity || ',' WHERE id = new.article_id;
            END)"_s,
            uR"(CREATE TRIGGER article_entities_unfacet AFTER DELETE ON article_entities BEGIN
                UPDATE article_facets SET entities = replace(entities, ',' || old.entity || ',', ',')
                    WHERE id = old.article_id;
            END)"_s,
        },
        {
            // Band keys kept in the order of their article: deleting an article finds its sixteen
            // rows by key instead of scanning every article's, and a new article's rows go at the
            // end of the table. Lookups by band key read the index alone (it holds article_id).
            uR"(CREATE TABLE story_bands_by_article (
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                band INTEGER NOT NULL,
                band_key INTEGER NOT NULL,
                PRIMARY KEY (article_id, band)) WITHOUT ROWID)"_s,
            uR"(INSERT OR IGNORE INTO story_bands_by_article (article_id, band, band_key)
                SELECT article_id, band, band_key FROM story_bands ORDER BY article_id, band)"_s,
            u"DROP TABLE story_bands"_s,
            u"ALTER TABLE story_bands_by_article RENAME TO story_bands"_s,
            u"CREATE INDEX story_bands_lookup ON story_bands(band, band_key)"_s,
        },
    };
    return steps;
}

} // namespace Lede::Schema
