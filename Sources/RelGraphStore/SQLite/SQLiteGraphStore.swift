import Foundation
import GRDB
import RelGraphCore
import RelGraphExtraction
import RelGraphKnowledge

/// The embedded store: one SQLite file through GRDB, in WAL mode (readers never wait for the writer), with foreign
/// keys on, its schema created and upgraded by ``SQLiteSchema/migrator``, every statement parameterised.
///
/// ```swift
/// let store = try SQLiteGraphStore(path: "relgraph.sqlite", knowledge: try KnowledgeBase.bundled())
/// let result = try await store.add(document, extraction: extractor.extract(document))
/// let graph = try await store.graph(GraphQuery(era: "2010s", evidence: false))
/// ```
///
/// Several processes may open the same file: SQLite serialises their writes (each waits up to `busyTimeout`), and
/// the ``revision()`` counter, bumped in every write transaction, tells each process's caches about the others'
/// writes. A write is durable when `add` returns: a process killed at any moment leaves every acknowledged
/// document complete and no half-written one (one transaction per document).
public final class SQLiteGraphStore: GraphStore {
    let database: any DatabaseWriter
    let knowledge: KnowledgeBase
    /// Recorded with every document, so that rows made by an older extractor can be found and re-extracted.
    let extractorVersion: String
    let path: String?

    /// Opens (creating if needed) the store at `path`; `nil` opens a private in-memory database.
    public init(
        path: String?, knowledge: KnowledgeBase, extractorVersion: String = "1", busyTimeout: TimeInterval = 30
    ) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            // In WAL mode, NORMAL keeps every committed transaction across a crash of the process; only an
            // operating-system crash or power loss may lose the last ones.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // A writer's transaction touches pages all over the tie and aggregate indexes: with SQLite's default
            // 2 MB cache they were evicted and re-read, and spilled into the log mid-transaction (measured: 8.7 GB
            // written to ingest 2,000 documents into a 127 MB store). Statement journals (for statements whose
            // triggers may fail) stay in memory. Readers (up to five) get a smaller cache each.
            try db.execute(sql: db.configuration.readonly ? "PRAGMA cache_size = -16384" : "PRAGMA cache_size = -65536")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // A transaction of a few documents dirties a thousand pages or so (ties land all over the indexes): with
            // the default checkpoint every 1,000 pages of log, nearly every commit paid a checkpoint and its fsyncs.
            // The log may grow to about 40 MB between checkpoints instead.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA wal_autocheckpoint = 10000") }
        }
        do {
            if let path {
                database = try DatabasePool(path: path, configuration: configuration)
            } else {
                database = try DatabaseQueue(configuration: configuration)
            }
            try SQLiteSchema.migrator.migrate(database)
        } catch let error as DatabaseError {
            throw StoreError(.storage, "\(path ?? ":memory:"): cannot be opened as a relgraph store (\(error.message ?? error.description))")
        }
        self.knowledge = knowledge
        self.extractorVersion = extractorVersion
        self.path = path
    }

    // MARK: Writing

    public func add(_ document: SourceDocument, extraction: DocumentExtraction) async throws -> AddResult {
        try Self.check(document, extraction)
        // The common case of a repeated post answers from a read, without waiting for the writer.
        let hash = ContentHash.of(document)
        if let stored = try await storage({ try await self.database.read { db in try Self.documentID(hash: hash, db) } }) {
            return AddResult(outcome: .unchanged, id: stored)
        }
        return try await write([PreparedDocument(document, extraction: extraction, hash: hash)])[0]
    }

    public func add(batch: [(document: SourceDocument, extraction: DocumentExtraction)]) async throws -> [AddResult] {
        for (document, extraction) in batch { try Self.check(document, extraction) }
        return try await write(batch.map { PreparedDocument($0.document, extraction: $0.extraction, hash: ContentHash.of($0.document)) })
    }

    /// A document the store can take: not empty, and the extraction its own.
    static func check(_ document: SourceDocument, _ extraction: DocumentExtraction) throws {
        guard !document.bytes.isEmpty else { throw StoreError(.invalid, "document \"\(document.info.id)\" is empty") }
        guard extraction.document.id == document.info.id else {
            throw StoreError(.invalid, "extraction of \"\(extraction.document.id)\" given for document \"\(document.info.id)\"")
        }
    }

    /// One write transaction for `prepared`: each document added, replaced, or found unchanged.
    private func write(_ prepared: [PreparedDocument]) async throws -> [AddResult] {
        let extractor = extractorVersion
        return try await storage {
            try await self.database.write { db in
                var results: [AddResult] = []
                var changed = false
                for rows in prepared {
                    let id = rows.document.info.id
                    if let stored = try Self.documentID(hash: rows.hash, db) {
                        results.append(AddResult(outcome: .unchanged, id: stored))
                        continue
                    }
                    let replaced = try Bool.fetchOne(db, sql: "SELECT 1 FROM documents WHERE id = ?", arguments: [id]) != nil
                    if replaced { try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [id]) }
                    try rows.insert(db, extractor: extractor, bucketing: try Self.bucketing(db))
                    changed = true
                    results.append(AddResult(outcome: replaced ? .replaced : .added, id: id))
                }
                if changed { try Self.bumpRevision(db) }
                return results
            }
        }
    }

    public func deleteDocument(id: String) async throws -> Bool {
        try await storage {
            try await self.database.write { db in
                try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [id])
                guard db.changesCount > 0 else { return false }
                try Self.bumpRevision(db)
                return true
            }
        }
    }

    public func setEras(_ eras: EraSet?) async throws {
        try await storage {
            try await self.database.write { db in
                try db.execute(sql: "DELETE FROM eras")
                for (position, era) in (eras?.eras ?? []).enumerated() {
                    try db.execute(
                        sql: #"INSERT INTO eras (position, id, label, start, "end") VALUES (?, ?, ?, ?, ?)"#,
                        arguments: [position, era.id, era.label, era.start, era.end])
                }
                // Re-bucket: one update per distinct span of years, nothing re-extracted.
                let bucketing = EraBucketing(explicit: eras)
                let spans = try Row.fetchAll(db, sql: "SELECT DISTINCT year, year_end FROM ties")
                let update = try db.cachedStatement(sql: "UPDATE ties SET era = ? WHERE year IS ? AND year_end IS ?")
                for span in spans {
                    let year: Int? = span[0]
                    let yearEnd: Int? = span[1]
                    try update.execute(arguments: [bucketing.era(year: year, yearEnd: yearEnd), year, yearEnd])
                }
                try db.execute(sql: EdgeAggregateSQL.rebuild)
                try Self.bumpRevision(db)
            }
        }
    }

    /// How new ties get their era: the stored definitions, else decades.
    static func bucketing(_ db: Database) throws -> EraBucketing {
        let defined = try Row.fetchAll(db, sql: #"SELECT id, label, start, "end" FROM eras ORDER BY position"#).map {
            Era(id: $0["id"], label: $0["label"], start: $0["start"], end: $0["end"])
        }
        return EraBucketing(explicit: defined.isEmpty ? nil : try EraSet(defined))
    }

    static func bumpRevision(_ db: Database) throws {
        try db.execute(sql: "UPDATE meta SET value = value + 1 WHERE key = 'revision'")
    }

    static func documentID(hash: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT id FROM documents WHERE content_hash = ?", arguments: [hash])
    }

    // MARK: Reading documents

    public func documentCount() async throws -> Int {
        try await storage { try await self.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0 } }
    }

    static let summaryColumns = "id, title, date, source, content_hash, byte_count, mention_count, tie_count"

    static func summary(_ row: Row) -> StoredDocumentSummary {
        StoredDocumentSummary(
            info: DocumentInfo(
                id: row["id"], title: row["title"], date: (row["date"] as String?).flatMap(PartialDate.init),
                source: row["source"]),
            contentHash: row["content_hash"], bytes: row["byte_count"], mentions: row["mention_count"],
            ties: row["tie_count"])
    }

    public func documents(limit: Int, offset: Int) async throws -> [StoredDocumentSummary] {
        try await storage {
            try await self.database.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT \(Self.summaryColumns) FROM documents ORDER BY id LIMIT ? OFFSET ?",
                    arguments: [limit, offset]
                ).map(Self.summary)
            }
        }
    }

    public func document(id: String) async throws -> StoredDocument? {
        try await storage {
            try await self.database.read { db in
                guard let row = try Row.fetchOne(
                    db, sql: "SELECT \(Self.summaryColumns), format, bytes FROM documents WHERE id = ?", arguments: [id])
                else { return nil }
                let entities = try String.fetchAll(
                    db, sql: "SELECT DISTINCT entity FROM mentions WHERE doc = ? ORDER BY entity", arguments: [id])
                let bytes: Data = row["bytes"]
                return StoredDocument(
                    summary: Self.summary(row), format: SourceDocument.Format(rawValue: row["format"]) ?? .text,
                    bytes: Array(bytes), entities: entities.map(EntityID.init(rawValue:)))
            }
        }
    }

    // MARK: Eras

    public func eras() async throws -> EraSet {
        try await storage { try await self.database.read { db in try Self.eras(db) } }
    }

    static func eras(_ db: Database) throws -> EraSet {
        let defined = try Row.fetchAll(db, sql: #"SELECT id, label, start, "end" FROM eras ORDER BY position"#).map {
            Era(id: $0["id"], label: $0["label"], start: $0["start"], end: $0["end"])
        }
        if !defined.isEmpty {
            do { return try EraSet(defined) } catch {
                throw StoreError(.storage, "the stored eras are invalid: \(error)")
            }
        }
        let row = try Row.fetchOne(db, sql: "SELECT (SELECT MIN(min_year) FROM documents) AS low, (SELECT MAX(max_year) FROM documents) AS high")
        guard let low: Int = row?["low"], let high: Int = row?["high"] else { return try EraSet([]) }
        return EraSet.decades(from: low, through: high)
    }

    // MARK: Reading graphs

    public func graph(_ query: GraphQuery) async throws -> RelationshipGraph {
        try await storage {
            try await self.database.read { db in
                let eras = try Self.eras(db)
                let assembler = StoredGraphAssembler(eras: eras, knowledge: self.knowledge)
                var filter = ""
                var arguments: StatementArguments = []
                if let era = query.era {
                    guard let bounds = Self.era(era, in: eras) else {
                        throw StoreError(.notFound, Self.unknownEra(era, eras))
                    }
                    // A dated era's ties by the era each was given when written (or re-bucketed); the accumulator
                    // checks each again. `undated` (and ties outside every era) are read in full.
                    if bounds.start != nil {
                        // The era's edges name its occurrences: found through `ties_sentence`.
                        filter = "WHERE (t.source, t.target, t.relation, t.era) IN "
                            + "(SELECT source, target, relation, era FROM edges WHERE era = ?)"
                        arguments += [era]
                    }
                }
                // Weights alone come from the running sums: one row per edge, however many sentences say it.
                let edges = query.evidence
                    ? assembler.edges(
                        try Self.occurrences(db, filter: filter, arguments: arguments, evidence: true), era: query.era)
                    : try Self.weightedEdges(db, era: query.era, eras: eras)
                let entities: [EntityID]
                if query.era == nil {
                    entities = try String.fetchAll(
                        db, sql: "SELECT entity FROM mentions UNION SELECT source FROM ties UNION SELECT target FROM ties"
                    ).map(EntityID.init(rawValue:))
                } else {
                    var endpoints = Set<EntityID>(minimumCapacity: edges.count / 4)
                    var source: EntityID?
                    for edge in edges {
                        // Edges come by source: each source once.
                        if edge.source != source { endpoints.insert(edge.source) }
                        source = edge.source
                        endpoints.insert(edge.target)
                    }
                    entities = Array(endpoints)
                }
                let mentions = query.mentions ? try Self.mentions(db, of: query.era == nil ? nil : entities) : [:]
                // What documents discovered matters only for what the knowledge base lacks.
                let discovered = try Self.discovered(
                    db, of: query.era == nil ? nil : entities.filter { !self.knowledge.knows($0) })
                // All eras: every document, as a batch build lists them; one era: the documents its evidence cites.
                let cited = Set(edges.flatMap { $0.evidence.map(\.doc) })
                let documents = query.era != nil && cited.isEmpty ? [] : try Row.fetchAll(
                    db, sql: "SELECT \(Self.summaryColumns) FROM documents ORDER BY id"
                ).map { Self.summary($0).info }.filter { query.era == nil || cited.contains($0.id) }
                return assembler.graph(
                    edges: edges, entities: entities, mentions: mentions, discovered: discovered, documents: documents)
            }
        }
    }

    public func entity(id: EntityID) async throws -> EntityTies? {
        try await storage {
            try await self.database.read { db in
                let assembler = StoredGraphAssembler(eras: try Self.eras(db), knowledge: self.knowledge)
                // Ties from the entity by `ties_sentence`; ties to it through the `edges` rows that name it.
                let edges = assembler.edges(
                    try Self.occurrences(db, filter: "WHERE t.source = ?", arguments: [id.rawValue], evidence: true)
                        + Self.occurrences(
                            db,
                            filter: "WHERE (t.source, t.target, t.relation, t.era) IN "
                                + "(SELECT source, target, relation, era FROM edges WHERE target = ? AND source <> ?)",
                            arguments: [id.rawValue, id.rawValue], evidence: true),
                    era: nil)
                let mentions = try Self.mentions(db, of: [id])
                guard !edges.isEmpty || !(mentions[id] ?? []).isEmpty else { return nil }
                let graph = assembler.graph(
                    edges: edges, entities: [id], mentions: mentions, discovered: try Self.discovered(db, of: [id]),
                    documents: [])
                return EntityTies(node: graph.nodes[0], ties: edges)
            }
        }
    }

    public func entities(matching query: String?, kind: EntityKind?, limit: Int) async throws -> [Node] {
        try await storage {
            try await self.database.read { db in
                var present = try String.fetchAll(
                    db, sql: "SELECT entity FROM mentions UNION SELECT source FROM ties UNION SELECT target FROM ties"
                ).map(EntityID.init(rawValue:))
                if let kind { present = present.filter { $0.kind == kind } }
                let discovered = try Self.discovered(db, of: nil)
                let assembler = StoredGraphAssembler(eras: try EraSet([]), knowledge: self.knowledge)
                var nodes = assembler.graph(
                    edges: [], entities: present, mentions: [:], discovered: discovered, documents: []
                ).nodes
                if let query = query?.trimmingWhitespace().lowercased(), !query.isEmpty {
                    let pattern = "%" + query.replacingOccurrences(of: "\\", with: "\\\\")
                        .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
                    let mentioned = Set(try String.fetchAll(
                        db, sql: #"SELECT DISTINCT entity FROM mentions WHERE text LIKE ? ESCAPE '\'"#,
                        arguments: [pattern]))
                    nodes = nodes.filter { StoredGraphAssembler.node($0, isNamed: query) || mentioned.contains($0.id.rawValue) }
                }
                return Array(nodes.prefix(max(0, limit)))
            }
        }
    }

    public func revision() async throws -> Int64 {
        try await storage {
            try await self.database.read { db in try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'revision'") ?? 0 }
        }
    }

    public func statistics() async throws -> StoreStatistics {
        try await storage {
            try await self.database.read { db in
                func count(_ table: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
                let pages = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
                let pageSize = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 0
                var size = pages * pageSize
                if let path = self.path,
                    let wal = try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int64
                {
                    size += wal
                }
                return StoreStatistics(
                    documents: try count("documents"), mentions: try count("mentions"), ties: try count("ties"),
                    evidence: try count("evidence"), sizeBytes: size)
            }
        }
    }

    // MARK: Row reading

    static func era(_ id: String, in eras: EraSet) -> Era? {
        id == Era.undated.id ? Era.undated : eras.eras.first { $0.id == id }
    }

    static func unknownEra(_ id: String, _ eras: EraSet) -> String {
        "unknown era \"\(id)\"; valid eras: \((eras.eras.map(\.id) + [Era.undated.id]).joined(separator: ", "))"
    }

    static func occurrenceSelect(evidence: Bool) -> String {
        let columns = "t.doc, t.ordinal, t.source, t.target, t.relation, t.tone, t.sentence_key, t.year, t.year_end, "
            + "t.own_year, t.dating AS tie_dating, t.polarity_source"
        guard evidence else { return "SELECT \(columns) FROM ties t" }
        return "SELECT \(columns), e.start, e.\"end\", e.text, e.dating, e.triggers, e.tone AS sentence_tone FROM ties t "
            + "JOIN evidence e ON e.doc = t.doc AND e.ordinal = t.evidence"
    }

    static func occurrences(
        _ db: Database, filter: String, arguments: StatementArguments, evidence: Bool
    ) throws -> [TieOccurrence] {
        var result: [TieOccurrence] = []
        let rows = try Row.fetchCursor(db, sql: occurrenceSelect(evidence: evidence) + " " + filter, arguments: arguments)
        while let row = try rows.next() {
            let doc: String = row[0]
            let year: Int? = row[7]
            let yearEnd: Int? = row[8]
            guard let relation = Relation(rawValue: row[4]) else {
                throw StoreError(.storage, "document \"\(doc)\": unknown relation \"\(row[4] as String)\" in the store")
            }
            var sentence: Evidence?
            if evidence {
                let triggers: String = row[16]
                let ownYear: Bool = row[9]
                // As ``GraphAssembler/event(_:_:)``: the event's own years and dating when it has them.
                let sentenceDating: String? = row[15]
                let dating: String? = ownYear ? row[10] : sentenceDating
                sentence = Evidence(
                    doc: doc, start: row[12], end: row[13], text: row[14], year: year, yearEnd: yearEnd,
                    dating: dating.flatMap(Evidence.Dating.init(rawValue:)),
                    triggers: triggers.isEmpty ? [] : triggers.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init),
                    tone: row[17], polaritySource: row[11])
            }
            result.append(
                TieOccurrence(
                    source: EntityID(rawValue: row[2]), target: EntityID(rawValue: row[3]), relation: relation,
                    tone: row[5], doc: doc, ordinal: row[1], sentenceKey: UInt64(bitPattern: row[6]), year: year,
                    yearEnd: yearEnd, evidence: sentence))
        }
        return result
    }

    /// The edges of one era (all when `nil`) from the `edges` aggregate, without evidence, in
    /// ``EdgeAccumulator/edges()``'s order.
    static func weightedEdges(_ db: Database, era: String?, eras: EraSet) throws -> [Edge] {
        let filter = era == nil ? "" : "WHERE era = ?"
        let arguments: StatementArguments = era.map { [$0] } ?? []
        var edges: [Edge] = []
        // Counting first (by index) spares growing a large array row by row.
        edges.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM edges \(filter)", arguments: arguments) ?? 0)
        let rows = try Row.fetchCursor(db, sql: EdgeAggregateSQL.weightedEdges(filter: filter), arguments: arguments)
        // Few relations and eras: each key made once.
        var keys: [String: (relation: Relation, era: String, key: String)] = [:]
        while let row = try rows.next() {
            let weight: Int = row[4]
            let name: String = row[3]
            let rowEra = era ?? row[0]
            let lookup = era == nil ? name + "@" + rowEra : name
            let known: (relation: Relation, era: String, key: String)
            if let cached = keys[lookup] {
                known = cached
            } else {
                guard let relation = Relation(rawValue: name) else {
                    throw StoreError(.storage, "unknown relation \"\(name)\" in the store's edges")
                }
                known = (relation, rowEra, Edge.key(relation, rowEra))
                keys[lookup] = known
            }
            edges.append(
                Edge(
                    source: EntityID(rawValue: row[1]), target: EntityID(rawValue: row[2]), era: known.era,
                    relation: known.relation, key: known.key, weight: Double(weight),
                    tone: ToneUnits.mean(of: row[5], count: weight), evidence: []))
        }
        // Rows come in byte order, which is the graph's order for the ASCII ids relgraph makes; anything else is
        // sorted here.
        return EdgeOrder(eras: eras).sorted(edges)
    }

    /// Mentions of the given entities (all when `nil`), in reading order.
    static func mentions(_ db: Database, of entities: [EntityID]?) throws -> [EntityID: [Mention]] {
        var result: [EntityID: [Mention]] = [:]
        func collect(_ rows: RowCursor) throws {
            while let row = try rows.next() {
                result[EntityID(rawValue: row[1]), default: []].append(
                    Mention(doc: row[0], text: row[2], start: row[3], end: row[4]))
            }
        }
        let columns = #"SELECT doc, entity, text, start, "end" FROM mentions"#
        if let entities {
            let statement = try db.cachedStatement(sql: columns + " WHERE entity = ? ORDER BY doc, ordinal")
            for entity in entities { try collect(try Row.fetchCursor(statement, arguments: [entity.rawValue])) }
        } else {
            try collect(try Row.fetchCursor(db, sql: columns + " ORDER BY doc, ordinal"))
        }
        return result
    }

    /// What the first document (by id) that discovered each entity says about it.
    static func discovered(_ db: Database, of entities: [EntityID]?) throws -> [EntityID: DiscoveredEntity] {
        var result: [EntityID: DiscoveredEntity] = [:]
        let columns = "SELECT entity, label, country, office, year, parties FROM discovered"
        if let entities {
            // Only the entities asked for (countries are never discovered), in one statement: the list goes in as a
            // JSON array, and SQLite takes the other columns of a group from the row that has its MIN(doc).
            let wanted = entities.filter { $0.kind != .country }.map(\.rawValue)
            guard !wanted.isEmpty else { return result }
            let list = String(decoding: try JSONEncoder().encode(wanted), as: UTF8.self)
            try collect(try Row.fetchCursor(
                db,
                sql: "SELECT entity, label, country, office, year, parties, MIN(doc) FROM discovered "
                    + "WHERE entity IN (SELECT value FROM json_each(?)) GROUP BY entity",
                arguments: [list]))
            return result
        }
        try collect(try Row.fetchCursor(db, sql: columns + " ORDER BY entity, doc"))
        return result

        func collect(_ rows: RowCursor) throws {
          while let row = try rows.next() {
            let id = EntityID(rawValue: row[0])
            guard result[id] == nil else { continue }
            let parties: String? = row[5]
            result[id] = DiscoveredEntity(
                id: id, label: row[1], country: (row[2] as String?).map(EntityID.init(rawValue:)), office: row[3],
                year: row[4], parties: parties.map { $0.isEmpty ? [] : $0.split(separator: " ").map { EntityID(rawValue: String($0)) } })
          }
        }
    }

    /// Runs a database operation, turning SQLite's errors into ``StoreError``s that say what failed.
    func storage<T>(_ operation: () async throws -> T) async throws -> T {
        do { return try await operation() } catch let error as DatabaseError {
            throw StoreError(.storage, "\(path ?? ":memory:"): \(error.message ?? error.description)")
        }
    }
}
