import Foundation
import Logging
import NIOCore
import PostgresNIO
import RelGraphCore
import RelGraphExtraction
import RelGraphKnowledge

/// The shared store: one PostgreSQL database that any number of relgraph processes — `serve` behind a load
/// balancer, `ingest` on several machines — read and write at once. The processes keep nothing but caches.
///
/// ```swift
/// let store = try await PostgresGraphStore.connect(
///     url: try PostgresURL("postgres://relgraph@db:5432/graph"), knowledge: try KnowledgeBase.bundled())
/// let result = try await store.add(document, extraction: extractor.extract(document))
/// let graph = try await store.graph(GraphQuery(era: "2010s", evidence: false))
/// await store.close()
/// ```
///
/// What makes it safe under concurrent processes:
/// - a document is written in one transaction; `documents.content_hash` is unique and the insert is
///   `ON CONFLICT DO NOTHING`, so the same content posted to two servers at once is stored once (the loser answers
///   ``AddOutcome/unchanged``);
/// - the per-sentence aggregate is kept by triggers in the database with additive upserts, and edges are summed
///   from it at read time (``PostgresSchema``): no process reads a sum and writes it back;
/// - adding takes `eras` in SHARE mode and redefining eras takes it EXCLUSIVE, so every tie is filed under the eras
///   in force when it commits;
/// - the revision counter is bumped inside each write transaction, so a cache keyed by it is never stale after a
///   write returns, whichever process wrote;
/// - transactions that PostgreSQL aborts as deadlocked or unserialisable are retried.
public final class PostgresGraphStore: GraphStore {
    let client: PostgresClient
    /// Runs the client's connection pool until ``close()``.
    let pool: Task<Void, Never>
    let knowledge: KnowledgeBase
    let extractorVersion: String
    let url: PostgresURL
    let logger: Logger

    /// Connects (at most `connections` connections), and creates or upgrades the schema under an advisory lock.
    public static func connect(
        url: PostgresURL, knowledge: KnowledgeBase, extractorVersion: String = "1", connections: Int = 8,
        logger: Logger = PostgresGraphStore.defaultLogger
    ) async throws -> PostgresGraphStore {
        // One connection first, which also migrates: a pool retries a server that does not answer for ever, and a
        // user wants to be told.
        let first: PostgresConnection
        do {
            first = try await PostgresConnection.connect(configuration: try url.connectionConfiguration(), id: 0, logger: logger)
        } catch {
            throw StoreError(.storage, "\(url.redacted): cannot connect (\(Self.reason(error)))")
        }
        do {
            try await PostgresSchema.migrate(first, logger: logger)
            try await first.close()
        } catch {
            try? await first.close()
            throw storeError(error, url: url)
        }
        return PostgresGraphStore(
            url: url, knowledge: knowledge, extractorVersion: extractorVersion, connections: connections, logger: logger)
    }

    private init(url: PostgresURL, knowledge: KnowledgeBase, extractorVersion: String, connections: Int, logger: Logger) {
        // The pool's own log is for errors only: its warning that a lease came before `run()` started (the task
        // below is not running yet when the first query is made; the lease simply waits) is not the user's concern.
        var background = logger
        background.logLevel = .error
        let client = PostgresClient(configuration: url.configuration(connections: connections), backgroundLogger: background)
        self.client = client
        self.pool = Task { await client.run() }
        self.knowledge = knowledge
        self.extractorVersion = extractorVersion
        self.url = url
        self.logger = logger
    }

    /// Warnings and errors of the connection pool, on standard error.
    public static var defaultLogger: Logger {
        var logger = Logger(label: "relgraph.postgres")
        logger.logLevel = .warning
        return logger
    }

    /// What went wrong, in words: the server's message, or the connection's error.
    static func reason(_ error: any Error) -> String {
        guard let psql = error as? PSQLError else { return "\(error)" }
        if let message = psql.serverInfo?[.message] { return message }
        if let underlying = psql.underlying { return "\(underlying)" }
        return "\(psql.code)"
    }

    /// Closes every connection. The store cannot be used afterwards.
    public func close() async {
        pool.cancel()
        await pool.value
    }

    // MARK: Writing

    public func add(_ document: SourceDocument, extraction: DocumentExtraction) async throws -> AddResult {
        try await add(batch: [(document, extraction)])[0]
    }

    public func add(batch: [(document: SourceDocument, extraction: DocumentExtraction)]) async throws -> [AddResult] {
        for (document, extraction) in batch { try SQLiteGraphStore.check(document, extraction) }
        let prepared = batch.map { PreparedDocument($0.document, extraction: $0.extraction, hash: ContentHash.of($0.document)) }
        let extractor = extractorVersion
        return try await transaction { connection, logger in
            // Eras in SHARE mode: a redefinition (EXCLUSIVE) waits for this transaction, and this one for it.
            try await connection.query("LOCK TABLE eras IN SHARE MODE", logger: logger)
            let bucketing = try await Self.bucketing(connection, logger)
            var results: [AddResult] = []
            var changed = false
            for rows in prepared {
                let id = rows.document.info.id
                if let stored = try await Self.documentID(hash: rows.hash, connection, logger) {
                    results.append(AddResult(outcome: .unchanged, id: stored))
                    continue
                }
                let replaced = try await Self.exists(
                    connection.query("DELETE FROM documents WHERE id = \(id) RETURNING id", logger: logger))
                guard try await rows.insert(connection, logger: logger, extractor: extractor, bucketing: bucketing) else {
                    // Another process stored this content (or this id) since the check above: its row stands.
                    if let stored = try await Self.documentID(hash: rows.hash, connection, logger) {
                        results.append(AddResult(outcome: .unchanged, id: stored))
                        continue
                    }
                    throw RetryableConflict()
                }
                changed = true
                results.append(AddResult(outcome: replaced ? .replaced : .added, id: id))
            }
            if changed { try await Self.bumpRevision(connection, logger) }
            return results
        }
    }

    public func deleteDocument(id: String) async throws -> Bool {
        try await transaction { connection, logger in
            guard try await Self.exists(connection.query("DELETE FROM documents WHERE id = \(id) RETURNING id", logger: logger))
            else { return false }
            try await Self.bumpRevision(connection, logger)
            return true
        }
    }

    public func setEras(_ eras: EraSet?) async throws {
        try await transaction { connection, logger in
            try await connection.query("LOCK TABLE eras IN EXCLUSIVE MODE", logger: logger)
            try await connection.query("DELETE FROM eras", logger: logger)
            for (position, era) in (eras?.eras ?? []).enumerated() {
                try await connection.query(
                    #"INSERT INTO eras (position, id, label, start, "end") VALUES (\#(position), \#(era.id), \#(era.label), \#(era.start), \#(era.end))"#,
                    logger: logger)
            }
            // Re-file: one update per distinct span of years, then the aggregates rebuilt; nothing re-extracted.
            let bucketing = EraBucketing(explicit: eras)
            var spans: [(Int?, Int?)] = []
            for try await span in try await connection.query("SELECT DISTINCT year, year_end FROM ties", logger: logger)
                .decode((Int?, Int?).self)
            {
                spans.append(span)
            }
            for (year, yearEnd) in spans {
                let era = bucketing.era(year: year, yearEnd: yearEnd)
                try await connection.query(
                    "UPDATE ties SET era = \(era) WHERE year IS NOT DISTINCT FROM \(year) AND year_end IS NOT DISTINCT FROM \(yearEnd) AND era <> \(era)",
                    logger: logger)
            }
            try await SQLScript(EdgeAggregateSQL.rebuildSentences).run(on: connection, logger: logger)
            try await Self.bumpRevision(connection, logger)
        }
    }

    static func bucketing(_ connection: PostgresConnection, _ logger: Logger) async throws -> EraBucketing {
        let defined = try await definedEras(connection, logger)
        return EraBucketing(explicit: defined.isEmpty ? nil : try EraSet(defined))
    }

    static func bumpRevision(_ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query("UPDATE meta SET value = value + 1 WHERE key = 'revision'", logger: logger)
    }

    static func documentID(hash: String, _ connection: PostgresConnection, _ logger: Logger) async throws -> String? {
        try await connection.query("SELECT id FROM documents WHERE content_hash = \(hash)", logger: logger)
            .decode(String.self).first { _ in true }
    }

    static func exists(_ rows: PostgresRowSequence) async throws -> Bool {
        var found = false
        for try await _ in rows { found = true }
        return found
    }

    // MARK: Reading documents

    public func documentCount() async throws -> Int {
        try await storage {
            try await Self.integer(self.client.query("SELECT COUNT(*) FROM documents", logger: self.logger))
        }
    }

    static let summaryColumns = "id, title, date, source, content_hash, byte_count, mention_count, tie_count"

    static func summary(_ row: PostgresRandomAccessRow) throws -> StoredDocumentSummary {
        StoredDocumentSummary(
            info: DocumentInfo(
                id: try row[0].decode(String.self), title: try row[1].decode(String?.self),
                date: try row[2].decode(String?.self).flatMap(PartialDate.init), source: try row[3].decode(String?.self)),
            contentHash: try row[4].decode(String.self), bytes: try row[5].decode(Int.self),
            mentions: try row[6].decode(Int.self), ties: try row[7].decode(Int.self))
    }

    public func documents(limit: Int, offset: Int) async throws -> [StoredDocumentSummary] {
        try await read { connection, logger in
            var result: [StoredDocumentSummary] = []
            let rows = try await connection.query(
                "SELECT \(unescaped: Self.summaryColumns) FROM documents ORDER BY id LIMIT \(limit) OFFSET \(offset)",
                logger: logger)
            for try await row in rows { result.append(try Self.summary(row.makeRandomAccess())) }
            return result
        }
    }

    public func document(id: String) async throws -> StoredDocument? {
        try await read { connection, logger in
            let rows = try await connection.query(
                "SELECT \(unescaped: Self.summaryColumns), format, bytes FROM documents WHERE id = \(id)", logger: logger)
            guard let row = try await rows.first(where: { _ in true })?.makeRandomAccess() else { return nil }
            var entities: [EntityID] = []
            for try await entity in try await connection.query(
                "SELECT DISTINCT entity FROM mentions WHERE doc = \(id) ORDER BY entity", logger: logger
            ).decode(String.self) {
                entities.append(EntityID(rawValue: entity))
            }
            let bytes = try row[9].decode(ByteBuffer.self)
            return StoredDocument(
                summary: try Self.summary(row), format: SourceDocument.Format(rawValue: try row[8].decode(String.self)) ?? .text,
                bytes: Array(bytes.readableBytesView), entities: entities)
        }
    }

    // MARK: Eras

    public func eras() async throws -> EraSet {
        try await read { connection, logger in try await Self.eras(connection, logger) }
    }

    static func definedEras(_ connection: PostgresConnection, _ logger: Logger) async throws -> [Era] {
        var defined: [Era] = []
        for try await (id, label, start, end) in try await connection.query(
            #"SELECT id, label, start, "end" FROM eras ORDER BY position"#, logger: logger
        ).decode((String, String, Int, Int?).self) {
            defined.append(Era(id: id, label: label, start: start, end: end))
        }
        return defined
    }

    static func eras(_ connection: PostgresConnection, _ logger: Logger) async throws -> EraSet {
        let defined = try await definedEras(connection, logger)
        if !defined.isEmpty {
            do { return try EraSet(defined) } catch { throw StoreError(.storage, "the stored eras are invalid: \(error)") }
        }
        let span = try await connection.query(
            "SELECT (SELECT MIN(min_year) FROM documents), (SELECT MAX(max_year) FROM documents)", logger: logger
        ).decode((Int?, Int?).self).first { _ in true }
        guard let low = span?.0, let high = span?.1 else { return try EraSet([]) }
        return EraSet.decades(from: low, through: high)
    }

    // MARK: Reading graphs

    public func graph(_ query: GraphQuery) async throws -> RelationshipGraph {
        try await read { connection, logger in
            let eras = try await Self.eras(connection, logger)
            let assembler = StoredGraphAssembler(eras: eras, knowledge: self.knowledge)
            var filter: PostgresQuery = ""
            if let era = query.era {
                guard let bounds = SQLiteGraphStore.era(era, in: eras) else {
                    throw StoreError(.notFound, SQLiteGraphStore.unknownEra(era, eras))
                }
                if bounds.start != nil { filter = "WHERE t.era = \(era)" }
            }
            let edges = query.evidence
                ? assembler.edges(
                    try await Self.occurrences(connection, logger, filter: filter, evidence: true), era: query.era)
                : try await Self.weightedEdges(connection, logger, era: query.era, eras: eras)
            let entities: [EntityID]
            if query.era == nil {
                entities = try await Self.strings(
                    connection.query(
                        "SELECT entity FROM mentions UNION SELECT source FROM ties UNION SELECT target FROM ties",
                        logger: logger)
                ).map(EntityID.init(rawValue:))
            } else {
                var endpoints = Set<EntityID>(minimumCapacity: edges.count / 4)
                for edge in edges {
                    endpoints.insert(edge.source)
                    endpoints.insert(edge.target)
                }
                entities = Array(endpoints)
            }
            let mentions = query.mentions
                ? try await Self.mentions(connection, logger, of: query.era == nil ? nil : entities) : [:]
            let discovered = try await Self.discovered(
                connection, logger, of: query.era == nil ? nil : entities.filter { !self.knowledge.knows($0) })
            let cited = Set(edges.flatMap { $0.evidence.map(\.doc) })
            var documents: [DocumentInfo] = []
            if query.era == nil || !cited.isEmpty {
                for try await row in try await connection.query(
                    "SELECT \(unescaped: Self.summaryColumns) FROM documents ORDER BY id", logger: logger)
                {
                    let info = try Self.summary(row.makeRandomAccess()).info
                    if query.era == nil || cited.contains(info.id) { documents.append(info) }
                }
            }
            return assembler.graph(
                edges: edges, entities: entities, mentions: mentions, discovered: discovered, documents: documents)
        }
    }

    public func entity(id: EntityID) async throws -> EntityTies? {
        try await read { connection, logger in
            let assembler = StoredGraphAssembler(eras: try await Self.eras(connection, logger), knowledge: self.knowledge)
            let edges = assembler.edges(
                try await Self.occurrences(
                    connection, logger, filter: "WHERE t.source = \(id.rawValue) OR t.target = \(id.rawValue)",
                    evidence: true),
                era: nil)
            let mentions = try await Self.mentions(connection, logger, of: [id])
            guard !edges.isEmpty || !(mentions[id] ?? []).isEmpty else { return nil }
            let graph = assembler.graph(
                edges: edges, entities: [id], mentions: mentions,
                discovered: try await Self.discovered(connection, logger, of: [id]), documents: [])
            return EntityTies(node: graph.nodes[0], ties: edges)
        }
    }

    public func entities(matching query: String?, kind: EntityKind?, limit: Int) async throws -> [Node] {
        try await read { connection, logger in
            var present = try await Self.strings(
                connection.query(
                    "SELECT entity FROM mentions UNION SELECT source FROM ties UNION SELECT target FROM ties",
                    logger: logger)
            ).map(EntityID.init(rawValue:))
            if let kind { present = present.filter { $0.kind == kind } }
            let discovered = try await Self.discovered(connection, logger, of: nil)
            let assembler = StoredGraphAssembler(eras: try EraSet([]), knowledge: self.knowledge)
            var nodes = assembler.graph(edges: [], entities: present, mentions: [:], discovered: discovered, documents: []).nodes
            if let query = query?.trimmingWhitespace().lowercased(), !query.isEmpty {
                let pattern = "%" + query.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
                let mentioned = Set(try await Self.strings(
                    connection.query(
                        #"SELECT DISTINCT entity FROM mentions WHERE lower(text) LIKE \#(pattern) ESCAPE '\'"#,
                        logger: logger)))
                nodes = nodes.filter { StoredGraphAssembler.node($0, isNamed: query) || mentioned.contains($0.id.rawValue) }
            }
            return Array(nodes.prefix(max(0, limit)))
        }
    }

    public func revision() async throws -> Int64 {
        // Every request asks: one statement on a pooled connection, no transaction around it.
        try await storage {
            try await self.client.query("SELECT value FROM meta WHERE key = 'revision'", logger: self.logger)
                .decode(Int64.self).first { _ in true } ?? 0
        }
    }

    public func statistics() async throws -> StoreStatistics {
        try await read { connection, logger in
            func count(_ table: String) async throws -> Int {
                try await Self.integer(connection.query("SELECT COUNT(*) FROM \(unescaped: table)", logger: logger))
            }
            let size = try await connection.query("SELECT pg_database_size(current_database())", logger: logger)
                .decode(Int64.self).first { _ in true } ?? 0
            return StoreStatistics(
                documents: try await count("documents"), mentions: try await count("mentions"),
                ties: try await count("ties"), evidence: try await count("evidence"), sizeBytes: size)
        }
    }

    // MARK: Row reading

    static func integer(_ rows: PostgresRowSequence) async throws -> Int {
        try await rows.decode(Int.self).first { _ in true } ?? 0
    }

    static func strings(_ rows: PostgresRowSequence) async throws -> [String] {
        var result: [String] = []
        for try await value in rows.decode(String.self) { result.append(value) }
        return result
    }

    static func weightedEdges(
        _ connection: PostgresConnection, _ logger: Logger, era: String?, eras: EraSet
    ) async throws -> [Edge] {
        var edges: [Edge] = []
        // Summed here from the per-sentence rows (see ``PostgresSchema``): one index range per era.
        let columns = "SELECT era, source, target, relation, COUNT(*), SUM(rep_tone)::BIGINT FROM edge_sentences"
        let grouping = "GROUP BY era, source, target, relation ORDER BY era, source, target, relation"
        let query: PostgresQuery = era.map { "\(unescaped: columns) WHERE era = \($0) \(unescaped: grouping)" }
            ?? "\(unescaped: columns) \(unescaped: grouping)"
        for try await (era, source, target, name, weight, tone) in try await connection.query(query, logger: logger)
            .decode((String, String, String, String, Int, Int64).self)
        {
            guard let relation = Relation(rawValue: name) else {
                throw StoreError(.storage, "unknown relation \"\(name)\" in the store's edges")
            }
            edges.append(
                Edge(
                    source: EntityID(rawValue: source), target: EntityID(rawValue: target), era: era, relation: relation,
                    weight: Double(weight), tone: ToneUnits.mean(of: tone, count: weight), evidence: []))
        }
        return EdgeOrder(eras: eras).sorted(edges)
    }

    static func occurrences(
        _ connection: PostgresConnection, _ logger: Logger, filter: PostgresQuery, evidence: Bool
    ) async throws -> [TieOccurrence] {
        var query: PostgresQuery = "\(unescaped: SQLiteGraphStore.occurrenceSelect(evidence: evidence)) "
        query.sql += filter.sql
        query.binds = filter.binds
        var result: [TieOccurrence] = []
        for try await row in try await connection.query(query, logger: logger) {
            let row = row.makeRandomAccess()
            let doc = try row[0].decode(String.self)
            let name = try row[4].decode(String.self)
            let year = try row[7].decode(Int?.self)
            let yearEnd = try row[8].decode(Int?.self)
            guard let relation = Relation(rawValue: name) else {
                throw StoreError(.storage, "document \"\(doc)\": unknown relation \"\(name)\" in the store")
            }
            var sentence: Evidence?
            if evidence {
                let triggers = try row[16].decode(String.self)
                let ownYear = try row[9].decode(Bool.self)
                let dating = ownYear ? try row[10].decode(String?.self) : try row[15].decode(String?.self)
                sentence = Evidence(
                    doc: doc, start: try row[12].decode(Int.self), end: try row[13].decode(Int.self),
                    text: try row[14].decode(String.self), year: year, yearEnd: yearEnd,
                    dating: dating.flatMap(Evidence.Dating.init(rawValue:)),
                    triggers: triggers.isEmpty ? [] : triggers.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init),
                    tone: try row[17].decode(Double.self), polaritySource: try row[11].decode(String?.self))
            }
            result.append(
                TieOccurrence(
                    source: EntityID(rawValue: try row[2].decode(String.self)),
                    target: EntityID(rawValue: try row[3].decode(String.self)), relation: relation,
                    tone: try row[5].decode(Double.self), doc: doc, ordinal: try row[1].decode(Int.self),
                    sentenceKey: UInt64(bitPattern: try row[6].decode(Int64.self)), year: year, yearEnd: yearEnd,
                    evidence: sentence))
        }
        return result
    }

    static func mentions(
        _ connection: PostgresConnection, _ logger: Logger, of entities: [EntityID]?
    ) async throws -> [EntityID: [Mention]] {
        var result: [EntityID: [Mention]] = [:]
        let query: PostgresQuery = entities.map {
            #"SELECT doc, entity, text, start, "end" FROM mentions WHERE entity = ANY(\#($0.map(\.rawValue))) ORDER BY doc, ordinal"#
        } ?? #"SELECT doc, entity, text, start, "end" FROM mentions ORDER BY doc, ordinal"#
        for try await (doc, entity, text, start, end) in try await connection.query(query, logger: logger)
            .decode((String, String, String, Int, Int).self)
        {
            result[EntityID(rawValue: entity), default: []].append(Mention(doc: doc, text: text, start: start, end: end))
        }
        return result
    }

    /// What the first document (by id) that discovered each entity says about it.
    static func discovered(
        _ connection: PostgresConnection, _ logger: Logger, of entities: [EntityID]?
    ) async throws -> [EntityID: DiscoveredEntity] {
        var result: [EntityID: DiscoveredEntity] = [:]
        let columns = "SELECT DISTINCT ON (entity) entity, label, country, office, year, parties FROM discovered"
        let query: PostgresQuery = entities.map {
            "\(unescaped: columns) WHERE entity = ANY(\($0.filter { $0.kind != .country }.map(\.rawValue))) ORDER BY entity, doc"
        } ?? "\(unescaped: columns) ORDER BY entity, doc"
        for try await (entity, label, country, office, year, parties) in try await connection.query(query, logger: logger)
            .decode((String, String, String?, String?, Int?, String?).self)
        {
            let id = EntityID(rawValue: entity)
            result[id] = DiscoveredEntity(
                id: id, label: label, country: country.map(EntityID.init(rawValue:)), office: office, year: year,
                parties: parties.map { $0.isEmpty ? [] : $0.split(separator: " ").map { EntityID(rawValue: String($0)) } })
        }
        return result
    }

    // MARK: Transactions

    /// A read in one REPEATABLE READ transaction, so that its several queries see one snapshot.
    func read<T: Sendable>(_ body: @Sendable (PostgresConnection, Logger) async throws -> T) async throws -> T {
        try await storage {
            try await self.client.withTransaction(logger: self.logger) { connection in
                try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: self.logger)
                return try await body(connection, self.logger)
            }
        }
    }

    /// A write transaction (READ COMMITTED), retried when PostgreSQL aborts it as deadlocked or unserialisable, or
    /// when a concurrent write took the same document id first.
    func transaction<T: Sendable>(_ body: @Sendable (PostgresConnection, Logger) async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await storage {
                    try await self.client.withTransaction(logger: self.logger) { connection in
                        try await body(connection, self.logger)
                    }
                }
            } catch let error as StoreError where error.retryable && attempt < 30 {
                // Randomised, growing back-off (capped at 0.2 s), so that the transactions that collided do not
                // collide again; thirty tries ride out a busy minute.
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...min(200, 5 << min(attempt, 6)))))
            }
        }
    }

    /// Runs a database operation, turning PostgreSQL's errors into ``StoreError``s that say what failed.
    func storage<T>(_ operation: () async throws -> T) async throws -> T {
        do { return try await operation() } catch {
            throw Self.storeError(error, url: url)
        }
    }

    static func storeError(_ error: any Error, url: PostgresURL) -> any Error {
        var underlying: any Error = error
        if let transaction = error as? PostgresTransactionError {
            underlying = transaction.closureError ?? transaction.commitError ?? transaction.beginError ?? error
        }
        if underlying is StoreError || underlying is CancellationError { return underlying }
        if underlying is RetryableConflict { return StoreError(.storage, "retry", retryable: true) }
        if let psql = underlying as? PSQLError {
            if let state = psql.serverInfo?[.sqlState] {
                let message = psql.serverInfo?[.message] ?? "error \(state)"
                // 40001 serialization_failure, 40P01 deadlock_detected, 23505 unique_violation (a concurrent add).
                return StoreError(.storage, "\(url.redacted): \(message)", retryable: ["40001", "40P01", "23505"].contains(state))
            }
            return StoreError(.storage, "\(url.redacted): \(reason(psql))")
        }
        return StoreError(.storage, "\(url.redacted): \(underlying)")
    }
}

/// Another transaction stored the same document id first; the whole transaction is tried again.
struct RetryableConflict: Error {}
