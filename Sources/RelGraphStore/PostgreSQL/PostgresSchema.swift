import Logging
import PostgresNIO

/// The PostgreSQL schema: the SQLite store's tables (``SQLiteSchema``), typed for PostgreSQL, with the same
/// per-sentence aggregate (`edge_sentences`) kept by the same trigger logic written in PL/pgSQL.
///
/// Unlike SQLite, PostgreSQL keeps no per-edge running sums: an edge between two much-written-about countries would
/// be one row that every writer updates and holds locked until it commits, so concurrent writers would queue
/// behind it. An era's weighted edges are summed from `edge_sentences` at read time instead, by an index on
/// (era, source, target, relation) that covers the tone; `edge_sentences` rows are one per distinct sentence, so
/// writers rarely touch the same one.
///
/// Migrations run when a process opens the store, in one transaction that first takes a transaction-level advisory
/// lock, so that processes starting together apply each migration once: the others wait, then find it recorded in
/// `relgraph_migrations`.
///
/// Row triggers of a cascaded delete run after every tie of the document is gone (in SQLite, one by one): a
/// sentence whose other occurrences were all in that document keeps its representative until its last occurrence's
/// trigger removes it, hence the `EXISTS` guard in `relgraph_tie_removed`.
///
/// Identifiers and document ids are `COLLATE "C"` (byte order), so that the database orders and compares them as
/// Swift and SQLite do — which the representative rule ("first in reading order") and the graph's order depend on.
enum PostgresSchema {
    /// The advisory lock key of migrations (any constant that no other application on the database uses).
    static let migrationLock: Int64 = 0x7265_6C67_7261_7068  // "relgraph"

    static let migrations: [(name: String, sql: String)] = [
        ("v1: documents, mentions, evidence, ties, eras, edge aggregates", version1),
    ]

    /// Applies the migrations the database lacks.
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLock))", logger: logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS relgraph_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
                logger: logger)
            var applied: Set<String> = []
            for try await name in try await connection.query("SELECT name FROM relgraph_migrations", logger: logger)
                .decode(String.self)
            {
                applied.insert(name)
            }
            for migration in migrations where !applied.contains(migration.name) {
                logger.info("applying migration \(migration.name)")
                try await SQLScript(migration.sql).run(on: connection, logger: logger)
                try await connection.query("INSERT INTO relgraph_migrations (name) VALUES (\(migration.name))", logger: logger)
            }
        }
    }

    static let version1 = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL);
        INSERT INTO meta (key, value) VALUES ('revision', 0);
        CREATE TABLE eras (
            position INTEGER PRIMARY KEY,
            id TEXT COLLATE "C" NOT NULL UNIQUE,
            label TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER
        );
        CREATE TABLE documents (
            id TEXT COLLATE "C" PRIMARY KEY,
            content_hash TEXT NOT NULL UNIQUE,
            title TEXT,
            date TEXT,
            source TEXT,
            format TEXT NOT NULL,
            bytes BYTEA NOT NULL,
            byte_count INTEGER NOT NULL,
            min_year INTEGER,
            max_year INTEGER,
            mention_count INTEGER NOT NULL,
            tie_count INTEGER NOT NULL,
            extractor TEXT NOT NULL,
            added_at DOUBLE PRECISION NOT NULL
        );
        CREATE INDEX documents_min_year ON documents(min_year);
        CREATE INDEX documents_max_year ON documents(max_year);
        CREATE TABLE mentions (
            doc TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            entity TEXT COLLATE "C" NOT NULL,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (doc, ordinal)
        );
        CREATE INDEX mentions_entity ON mentions(entity);
        CREATE TABLE evidence (
            doc TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            year INTEGER,
            year_end INTEGER,
            dating TEXT,
            triggers TEXT NOT NULL,
            tone DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (doc, ordinal)
        );
        CREATE TABLE ties (
            doc TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            source TEXT COLLATE "C" NOT NULL,
            target TEXT COLLATE "C" NOT NULL,
            relation TEXT COLLATE "C" NOT NULL,
            tone DOUBLE PRECISION NOT NULL,
            evidence INTEGER NOT NULL,
            sentence_key BIGINT NOT NULL,
            year INTEGER,
            year_end INTEGER,
            own_year BOOLEAN NOT NULL,
            dating TEXT,
            polarity_source TEXT,
            era TEXT COLLATE "C" NOT NULL,
            tone_units BIGINT NOT NULL,
            PRIMARY KEY (doc, ordinal)
        );
        CREATE INDEX ties_era ON ties(era);
        CREATE INDEX ties_target ON ties(target);
        CREATE INDEX ties_sentence ON ties(source, target, relation, era, sentence_key, doc, ordinal);
        CREATE TABLE discovered (
            doc TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            entity TEXT COLLATE "C" NOT NULL,
            label TEXT NOT NULL,
            country TEXT,
            office TEXT,
            year INTEGER,
            parties TEXT,
            PRIMARY KEY (doc, entity)
        );
        CREATE INDEX discovered_entity ON discovered(entity, doc);
        CREATE TABLE edge_sentences (
            source TEXT COLLATE "C" NOT NULL,
            target TEXT COLLATE "C" NOT NULL,
            relation TEXT COLLATE "C" NOT NULL,
            era TEXT COLLATE "C" NOT NULL,
            sentence_key BIGINT NOT NULL,
            occurrences INTEGER NOT NULL,
            rep_doc TEXT COLLATE "C" NOT NULL,
            rep_ordinal INTEGER NOT NULL,
            rep_tone BIGINT NOT NULL,
            PRIMARY KEY (source, target, relation, era, sentence_key)
        );
        CREATE INDEX edge_sentences_era ON edge_sentences(era, source, target, relation) INCLUDE (rep_tone);

        CREATE FUNCTION relgraph_tie_added() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
        \(EdgeAggregateSQL.tieAdded(existing: "s."))
            RETURN NULL;
        END $$;
        CREATE TRIGGER tie_added AFTER INSERT ON ties FOR EACH ROW EXECUTE FUNCTION relgraph_tie_added();

        CREATE FUNCTION relgraph_tie_removed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
        \(EdgeAggregateSQL.tieRemoved)
            RETURN NULL;
        END $$;
        CREATE TRIGGER tie_removed AFTER DELETE ON ties FOR EACH ROW EXECUTE FUNCTION relgraph_tie_removed();

        """
}
