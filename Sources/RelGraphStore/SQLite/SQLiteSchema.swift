import GRDB

/// The SQLite schema, created and upgraded by GRDB's `DatabaseMigrator`: each migration runs once, in order, in
/// its own transaction, and is recorded in the database.
///
/// Tables (every per-document row goes when its document goes, by `ON DELETE CASCADE`):
/// - `meta(key, value)`: the revision counter, bumped by every write, that caches compare;
/// - `eras(position, id, label, start, end)`: the era definitions (none: one era per decade);
/// - `documents`: id, content hash (unique), metadata, original bytes, the span of years it speaks of, counts;
/// - `mentions(doc, ordinal, entity, text, start, end)`;
/// - `evidence(doc, ordinal, start, end, text, year, year_end, dating, triggers, tone)`: supporting sentences;
/// - `ties(doc, ordinal, source, target, relation, tone, evidence, sentence_key, year, year_end, own_year,
///   dating, polarity_source)`: every tie occurrence with the years of its event (its own, `own_year = 1`, with
///   their `dating`; else its sentence's) copied in, so that an era's ties are found by index, and the trigger that
///   decided it, and the `era` it falls in under the eras in force (re-bucketed when they change);
/// - `discovered(doc, entity, label, country, office, year, parties)`: entities the knowledge base lacks.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: documents, mentions, evidence, ties, eras") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL) WITHOUT ROWID;
                    INSERT INTO meta (key, value) VALUES ('revision', 0);
                    CREATE TABLE eras (
                        position INTEGER PRIMARY KEY NOT NULL,
                        id TEXT NOT NULL UNIQUE,
                        label TEXT NOT NULL,
                        start INTEGER NOT NULL,
                        "end" INTEGER
                    );
                    CREATE TABLE documents (
                        id TEXT PRIMARY KEY NOT NULL,
                        content_hash TEXT NOT NULL UNIQUE,
                        title TEXT,
                        date TEXT,
                        source TEXT,
                        format TEXT NOT NULL,
                        bytes BLOB NOT NULL,
                        byte_count INTEGER NOT NULL,
                        min_year INTEGER,
                        max_year INTEGER,
                        mention_count INTEGER NOT NULL,
                        tie_count INTEGER NOT NULL,
                        extractor TEXT NOT NULL,
                        added_at REAL NOT NULL
                    );
                    CREATE TABLE mentions (
                        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL,
                        entity TEXT NOT NULL,
                        text TEXT NOT NULL,
                        start INTEGER NOT NULL,
                        "end" INTEGER NOT NULL,
                        PRIMARY KEY (doc, ordinal)
                    ) WITHOUT ROWID;
                    CREATE INDEX mentions_entity ON mentions(entity);
                    CREATE TABLE evidence (
                        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL,
                        start INTEGER NOT NULL,
                        "end" INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        year INTEGER,
                        year_end INTEGER,
                        dating TEXT,
                        triggers TEXT NOT NULL,
                        tone REAL NOT NULL,
                        PRIMARY KEY (doc, ordinal)
                    ) WITHOUT ROWID;
                    CREATE TABLE ties (
                        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL,
                        source TEXT NOT NULL,
                        target TEXT NOT NULL,
                        relation TEXT NOT NULL,
                        tone REAL NOT NULL,
                        evidence INTEGER NOT NULL,
                        sentence_key INTEGER NOT NULL,
                        year INTEGER,
                        year_end INTEGER,
                        own_year INTEGER NOT NULL,
                        dating TEXT,
                        polarity_source TEXT,
                        era TEXT NOT NULL,
                        PRIMARY KEY (doc, ordinal)
                    ) WITHOUT ROWID;
                    CREATE INDEX ties_era ON ties(era);
                    CREATE INDEX ties_source ON ties(source);
                    CREATE INDEX ties_target ON ties(target);
                    CREATE TABLE discovered (
                        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                        entity TEXT NOT NULL,
                        label TEXT NOT NULL,
                        country TEXT,
                        office TEXT,
                        year INTEGER,
                        parties TEXT,
                        PRIMARY KEY (doc, entity)
                    ) WITHOUT ROWID;
                    CREATE INDEX discovered_entity ON discovered(entity);
                    """)
        }
        return migrator
    }
}
