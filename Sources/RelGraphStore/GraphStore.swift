import RelGraphCore

/// Where relgraph keeps documents, their extractions and the eras, and from which it reads graphs back.
///
/// A store owns the truth; a process that uses one owns nothing but caches. Documents are extracted *before* they
/// reach the store (outside any transaction) and written in one transaction each, all or nothing. Every tie
/// occurrence is kept with its years and filed under its era. A graph with evidence is assembled at read time from
/// the era's occurrences by ``EdgeAccumulator``, by the same rules as a batch build; a weights-only graph comes from
/// aggregates the database keeps by those rules (``EdgeAggregateSQL``). Either way, redefining eras re-buckets the
/// graph without re-extracting anything, and a store fed one document at a time in any order answers exactly as
/// `relgraph build`.
///
/// ```swift
/// let store = try SQLiteGraphStore(path: "relgraph.sqlite", knowledge: knowledge)
/// let outcome = try await store.add(document, extraction: extractor.extract(document))
/// let graph = try await store.graph(GraphQuery(era: "1990s"))
/// ```
///
/// Implementations: ``SQLiteGraphStore`` (GRDB, embedded, the default) and ``PostgresGraphStore`` (a database that
/// many processes share).
public protocol GraphStore: Sendable {
    /// Adds a document and its extraction in one transaction. The same content again changes nothing
    /// (``AddOutcome/unchanged``); a known id with new content replaces the old document and everything it
    /// contributed (``AddOutcome/replaced``).
    func add(_ document: SourceDocument, extraction: DocumentExtraction) async throws -> AddResult

    /// Adds several documents in one transaction (group commit): all of them or none, each as
    /// ``add(_:extraction:)`` would. Bulk loading pays one commit for many documents.
    func add(batch: [(document: SourceDocument, extraction: DocumentExtraction)]) async throws -> [AddResult]

    /// Removes a document with its mentions and evidence; ties and discovered entities left without evidence
    /// disappear with it. `false` if there was no such document.
    @discardableResult
    func deleteDocument(id: String) async throws -> Bool

    /// The number of documents.
    func documentCount() async throws -> Int

    /// Documents ordered by id.
    func documents(limit: Int, offset: Int) async throws -> [StoredDocumentSummary]

    /// One document with its original text.
    func document(id: String) async throws -> StoredDocument?

    /// The era definitions in force: the stored ones, else one era per decade of the years the documents speak of.
    func eras() async throws -> EraSet

    /// Replaces the stored era definitions (`nil`: back to one era per decade). Nothing is re-extracted.
    func setEras(_ eras: EraSet?) async throws

    /// Entities present in the store whose name, alias or a mention contains `query` (case-insensitive; every
    /// entity when `nil`), of one kind or all, ordered by id.
    func entities(matching query: String?, kind: EntityKind?, limit: Int) async throws -> [Node]

    /// An entity with every tie it has, per relation and era, each with its evidence.
    func entity(id: EntityID) async throws -> EntityTies?

    /// The graph of one era, or of all eras together. All eras list every document (as a batch build does); one
    /// era lists the documents its evidence cites.
    func graph(_ query: GraphQuery) async throws -> RelationshipGraph

    /// A number that changes with every write, for caches (also writes made by other processes).
    func revision() async throws -> Int64

    /// Storage statistics, for metrics.
    func statistics() async throws -> StoreStatistics

    /// Lets go of the database: connections closed, the store unusable afterwards. (A SQLite store also closes
    /// when its last reference goes.)
    func close() async
}

extension GraphStore {
    public func close() async {}
}

/// What ``GraphStore/add(_:extraction:)`` did with a document.
public enum AddOutcome: String, Sendable, Equatable, Codable {
    case added
    /// The same content was stored already; nothing changed. The id is that of the stored document.
    case unchanged
    /// The id was known with other content, which this document replaced.
    case replaced
}

/// The result of an add: what happened and the id the document is stored under.
public struct AddResult: Sendable, Equatable {
    public var outcome: AddOutcome
    public var id: String
    public init(outcome: AddOutcome, id: String) {
        self.outcome = outcome
        self.id = id
    }
}

/// A document as listed by a store.
public struct StoredDocumentSummary: Sendable, Equatable, Codable {
    public var info: DocumentInfo
    /// SHA-256 of the document's bytes and metadata, hexadecimal.
    public var contentHash: String
    public var bytes: Int
    public var mentions: Int
    public var ties: Int
    public init(info: DocumentInfo, contentHash: String, bytes: Int, mentions: Int, ties: Int) {
        self.info = info
        self.contentHash = contentHash
        self.bytes = bytes
        self.mentions = mentions
        self.ties = ties
    }
}

/// A stored document with its original text.
public struct StoredDocument: Sendable, Equatable {
    public var summary: StoredDocumentSummary
    public var format: SourceDocument.Format
    /// The original bytes, as posted or read (offsets in evidence and mentions point into them).
    public var bytes: [UInt8]
    /// The entities the document mentions, ordered by id.
    public var entities: [EntityID]
    public init(summary: StoredDocumentSummary, format: SourceDocument.Format, bytes: [UInt8], entities: [EntityID]) {
        self.summary = summary
        self.format = format
        self.bytes = bytes
        self.entities = entities
    }
}

/// Which graph to read.
public struct GraphQuery: Sendable, Equatable, Hashable {
    /// One era's id (``Era/undated`` included), or `nil` for all eras.
    public var era: String?
    /// Whether edges carry their evidence sentences (an analysis needs only weights).
    public var evidence: Bool
    /// Whether nodes carry their mentions.
    public var mentions: Bool

    public init(era: String? = nil, evidence: Bool = true, mentions: Bool = true) {
        self.era = era
        self.evidence = evidence
        self.mentions = mentions
    }
}

/// An entity and its ties: the edges of the store's graph that touch it, with evidence.
public struct EntityTies: Sendable, Equatable {
    public var node: Node
    public var ties: [Edge]
    public init(node: Node, ties: [Edge]) {
        self.node = node
        self.ties = ties
    }
}

/// Counts for metrics and the `ingest` summary.
public struct StoreStatistics: Sendable, Equatable, Codable {
    public var documents: Int
    public var mentions: Int
    public var ties: Int
    public var evidence: Int
    /// Bytes the store takes on disk (0 when not known).
    public var sizeBytes: Int64
    public init(documents: Int, mentions: Int, ties: Int, evidence: Int, sizeBytes: Int64) {
        self.documents = documents
        self.mentions = mentions
        self.ties = ties
        self.evidence = evidence
        self.sizeBytes = sizeBytes
    }
}

/// A store that cannot do what was asked: the message names the document, era or field.
public struct StoreError: Error, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The request names something that does not exist (an era, a document).
        case notFound
        /// The request itself is wrong (an empty document, a bad era definition).
        case invalid
        /// The database failed or holds something this version cannot read.
        case storage
    }
    public var kind: Kind
    public var description: String
    /// Whether the same operation may succeed if tried again (a transaction the database aborted because of a
    /// concurrent one).
    public var retryable: Bool
    public init(_ kind: Kind, _ description: String, retryable: Bool = false) {
        self.kind = kind
        self.description = description
        self.retryable = retryable
    }
}
