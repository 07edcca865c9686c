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
        migrator.registerMigration("v2: edge aggregates kept by triggers") { db in
            try db.execute(sql: SQLiteSchema.edgeAggregates)
            try db.execute(sql: EdgeAggregateSQL.rebuild)
        }
        return migrator
    }

    /// Version 2: the running sums from which an era's weighted graph is read without touching its occurrences.
    ///
    /// - `ties.tone_units`: the tie's tone in ``ToneUnits`` (filled in for stores made by version 1);
    /// - `ties_sentence` on (source, target, relation, era, sentence key), which finds a sentence's next
    ///   representative when one goes, and an era's or an entity's occurrences through the `edges` rows that name
    ///   them (`edges` is keyed by era and indexed by target); it replaces `ties_source`, `ties_era` and
    ///   `ties_target`, three indexes fewer to keep on every tie written;
    /// - indexes on the documents' years, so that the default decades are found without reading every document;
    /// - `edge_sentences`: one row per (pair, relation, era, sentence key) — how many occurrences say it, and its
    ///   representative, the first in reading order (``EdgeAccumulator``'s rule), with its tone;
    /// - `edges`: one row per (era, pair, relation) — its weight (distinct sentences) and the sum of their
    ///   representatives' tones.
    ///
    /// Triggers keep both exact as ties come and go, inside the writing transaction: nothing in the process reads a
    /// sum and writes it back. Redefining eras rebuilds them (``EdgeAggregateSQL/rebuild``).
    static let edgeAggregates = """
        ALTER TABLE ties ADD COLUMN tone_units INTEGER NOT NULL DEFAULT 0;
        UPDATE ties SET tone_units = CAST(round(tone * 1000000) AS INTEGER);
        CREATE INDEX ties_sentence ON ties(source, target, relation, era, sentence_key);
        DROP INDEX ties_source;
        DROP INDEX ties_era;
        DROP INDEX ties_target;
        CREATE INDEX documents_min_year ON documents(min_year);
        CREATE INDEX documents_max_year ON documents(max_year);
        CREATE TABLE edge_sentences (
            source TEXT NOT NULL,
            target TEXT NOT NULL,
            relation TEXT NOT NULL,
            era TEXT NOT NULL,
            sentence_key INTEGER NOT NULL,
            occurrences INTEGER NOT NULL,
            rep_doc TEXT NOT NULL,
            rep_ordinal INTEGER NOT NULL,
            rep_tone INTEGER NOT NULL,
            PRIMARY KEY (source, target, relation, era, sentence_key)
        ) WITHOUT ROWID;
        CREATE TABLE edges (
            era TEXT NOT NULL,
            source TEXT NOT NULL,
            target TEXT NOT NULL,
            relation TEXT NOT NULL,
            weight INTEGER NOT NULL,
            tone_units INTEGER NOT NULL,
            PRIMARY KEY (era, source, target, relation)
        ) WITHOUT ROWID;
        CREATE INDEX edges_target ON edges(target);
        CREATE TRIGGER tie_added AFTER INSERT ON ties BEGIN
        \(EdgeAggregateSQL.tieAdded(existing: ""))
        END;
        CREATE TRIGGER tie_removed AFTER DELETE ON ties BEGIN
        \(EdgeAggregateSQL.tieRemoved)
        END;
        CREATE TRIGGER sentence_added AFTER INSERT ON edge_sentences BEGIN
            INSERT INTO edges (era, source, target, relation, weight, tone_units)
            VALUES (NEW.era, NEW.source, NEW.target, NEW.relation, 1, NEW.rep_tone)
            ON CONFLICT (era, source, target, relation) DO UPDATE SET
                weight = weight + 1, tone_units = tone_units + excluded.tone_units;
        END;
        CREATE TRIGGER sentence_retoned AFTER UPDATE OF rep_tone ON edge_sentences
        WHEN NEW.rep_tone <> OLD.rep_tone BEGIN
            UPDATE edges SET tone_units = tone_units + NEW.rep_tone - OLD.rep_tone
                WHERE era = NEW.era AND source = NEW.source AND target = NEW.target AND relation = NEW.relation;
        END;
        CREATE TRIGGER sentence_removed AFTER DELETE ON edge_sentences BEGIN
            UPDATE edges SET weight = weight - 1, tone_units = tone_units - OLD.rep_tone
                WHERE era = OLD.era AND source = OLD.source AND target = OLD.target AND relation = OLD.relation;
            DELETE FROM edges
                WHERE era = OLD.era AND source = OLD.source AND target = OLD.target AND relation = OLD.relation
                AND weight <= 0;
        END;
        """
}
