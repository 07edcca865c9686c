import RelGraphCore

/// One tie as it occurs in one document: the unit from which edges are made, whether the ties come from a batch
/// of extractions (``GraphAssembler``) or from rows of a store.
public struct TieOccurrence: Sendable {
    public var source: EntityID
    public var target: EntityID
    public var relation: Relation
    /// The pair's tone in this sentence (``Tie/tone``).
    public var tone: Double
    public var doc: String
    /// The tie's position in its document's ``DocumentExtraction/ties``: with `doc`, its place in reading order.
    public var ordinal: Int
    /// ``GraphAssembler/sentenceKey(_:)`` of the supporting sentence.
    public var sentenceKey: UInt64
    /// The years of the tie's event: its own, else its sentence's (``GraphAssembler/event(_:_:)``).
    public var year: Int?
    public var yearEnd: Int?
    /// The supporting sentence, when the caller wants edges with their evidence.
    public var evidence: Evidence?

    public init(
        source: EntityID, target: EntityID, relation: Relation, tone: Double, doc: String, ordinal: Int,
        sentenceKey: UInt64, year: Int?, yearEnd: Int?, evidence: Evidence?
    ) {
        self.source = source
        self.target = target
        self.relation = relation
        self.tone = tone
        self.doc = doc
        self.ordinal = ordinal
        self.sentenceKey = sentenceKey
        self.year = year
        self.yearEnd = yearEnd
        self.evidence = evidence
    }
}

/// Turns tie occurrences, fed in any order, into edges: one per (pair, relation, era).
///
/// The rules, which make the result independent of the order of feeding (so a store fed one document at a time
/// answers exactly as a batch build):
/// - an occurrence's era is the era holding most of its years (``EraSet/era(forYear:through:)``), else `undated`;
/// - within one edge, occurrences of the same sentence (same ``GraphAssembler/sentenceKey(_:)``, in one document or
///   several) count once; the one first in reading order — smallest (document id, ordinal) — represents them;
/// - weight is the number of distinct sentences, tone the mean of the representatives' tones (summed as
///   ``ToneUnits``, as a store's running sums are), evidence the representatives in reading order.
///
/// ```swift
/// var edges = EdgeAccumulator(eras: try EraSet.parse("cold-war:1947-1991,after:1992-"))
/// for occurrence in occurrences { edges.add(occurrence) }
/// let result = edges.edges()  // sorted by era, source, target, relation
/// ```
public struct EdgeAccumulator: Sendable {
    public let eras: EraSet
    /// When set, only occurrences that fall in this era are kept.
    public let onlyEra: String?

    struct Key: Hashable, Sendable {
        var source: EntityID
        var target: EntityID
        var relation: Relation
        var era: String
    }

    struct Representative: Sendable {
        var doc: String
        var ordinal: Int
        var tone: Double
        var evidence: Evidence?

        func precedes(_ other: Representative) -> Bool { (doc, ordinal) < (other.doc, other.ordinal) }
    }

    private var sentences: [Key: [UInt64: Representative]] = [:]

    public init(eras: EraSet, onlyEra: String? = nil) {
        self.eras = eras
        self.onlyEra = onlyEra
    }

    /// The era an occurrence with these years falls in.
    public func era(year: Int?, yearEnd: Int?) -> String {
        year.flatMap { eras.era(forYear: $0, through: yearEnd)?.id } ?? Era.undated.id
    }

    public mutating func add(_ occurrence: TieOccurrence) {
        let era = era(year: occurrence.year, yearEnd: occurrence.yearEnd)
        if let onlyEra, onlyEra != era { return }
        let key = Key(source: occurrence.source, target: occurrence.target, relation: occurrence.relation, era: era)
        let candidate = Representative(
            doc: occurrence.doc, ordinal: occurrence.ordinal, tone: occurrence.tone, evidence: occurrence.evidence)
        sentences[key, default: [:]].updateValue(forKey: occurrence.sentenceKey) { current in
            guard let current, current.precedes(candidate) else { return candidate }
            return current
        }
    }

    /// Adds every tie of one extraction.
    public mutating func add(_ extraction: DocumentExtraction) {
        for (ordinal, tie) in extraction.ties.enumerated() {
            let evidence = GraphAssembler.event(tie, extraction.evidence[tie.evidenceIndex])
            add(
                TieOccurrence(
                    source: tie.source, target: tie.target, relation: tie.relation, tone: tie.tone,
                    doc: extraction.document.id, ordinal: ordinal, sentenceKey: GraphAssembler.sentenceKey(evidence.text),
                    year: evidence.year, yearEnd: evidence.yearEnd, evidence: evidence))
        }
    }

    /// Whether no occurrence has been kept.
    public var isEmpty: Bool { sentences.isEmpty }

    /// The edges, ordered by era (as in ``eras``, `undated` last), then source, target and relation. Edges made
    /// from occurrences without evidence have an empty evidence list.
    public func edges() -> [Edge] {
        let order = EdgeOrder(eras: eras)
        let keys = sentences.keys.sorted {
            order.precedes(($0.era, $0.source, $0.target, $0.relation), ($1.era, $1.source, $1.target, $1.relation))
        }
        return keys.map { key in
            let representatives = sentences[key]!.values.sorted { $0.precedes($1) }
            let tone = ToneUnits.mean(
                of: representatives.reduce(0) { $0 + ToneUnits.of($1.tone) }, count: representatives.count)
            return Edge(
                source: key.source, target: key.target, era: key.era, relation: key.relation,
                weight: Double(representatives.count), tone: tone, evidence: representatives.compactMap(\.evidence))
        }
    }
}

/// The order of a graph's edges: by era (as in the era set, `undated` and unknown eras last), then source, target
/// and relation.
public struct EdgeOrder: Sendable {
    let position: [String: Int]

    public init(eras: EraSet) {
        position = Dictionary(uniqueKeysWithValues: (eras.eras + [Era.undated]).enumerated().map { ($1.id, $0) })
    }

    func precedes(
        _ a: (era: String, source: EntityID, target: EntityID, relation: Relation),
        _ b: (era: String, source: EntityID, target: EntityID, relation: Relation)
    ) -> Bool {
        if a.era != b.era {
            return (position[a.era] ?? position.count, a.era) < (position[b.era] ?? position.count, b.era)
        }
        return (a.source, a.target, a.relation) < (b.source, b.target, b.relation)
    }

    /// `edges` in this order (returned as they are when they are in order already, which costs one pass).
    public func sorted(_ edges: [Edge]) -> [Edge] {
        func inOrder(_ a: borrowing Edge, _ b: borrowing Edge) -> Bool {
            precedes((a.era, a.source, a.target, a.relation), (b.era, b.source, b.target, b.relation))
        }
        var ordered = true
        edges.withUnsafeBufferPointer { buffer in
            for i in buffer.indices.dropFirst() where !inOrder(buffer[i - 1], buffer[i]) {
                ordered = false
                break
            }
        }
        return ordered ? edges : edges.sorted { inOrder($0, $1) }
    }
}

extension Dictionary {
    /// Replaces the value for `key` with `transform(current)`.
    fileprivate mutating func updateValue(forKey key: Key, _ transform: (Value?) -> Value) {
        self[key] = transform(self[key])
    }
}
