/// One tie between two entities, of one relation, in one era, with the sentences that support it.
///
/// Invariants: `weight > 0`, `distance == 1 / weight`, `tone` in −10…+10, and for symmetric relations
/// `source < target`.
public struct Edge: Hashable, Sendable, Decodable {
    public var source: EntityID
    public var target: EntityID
    /// Unique among the edges of the same pair: `<relation>@<era>`.
    public var key: String
    public var era: String
    public var relation: Relation
    /// Number of distinct supporting sentences (a repeated paragraph counts once).
    public var weight: Double
    public var distance: Double
    /// Mean tone of the supporting sentences, −10 (hostile) … +10 (cooperative).
    public var tone: Double
    public var evidence: [Evidence]

    public init(
        source: EntityID, target: EntityID, era: String, relation: Relation, weight: Double, tone: Double,
        evidence: [Evidence]
    ) {
        self.init(
            source: source, target: target, era: era, relation: relation, key: Self.key(relation, era), weight: weight,
            tone: tone, evidence: evidence)
    }

    /// As the other initialiser, with the key made beforehand (``key(_:_:)``): a reader making many edges of a few
    /// relations and eras makes each key once.
    public init(
        source: EntityID, target: EntityID, era: String, relation: Relation, key: String, weight: Double, tone: Double,
        evidence: [Evidence]
    ) {
        precondition(weight > 0, "an edge's weight must be positive")
        assert(relation.isDirected || source < target, "symmetric edges are stored with source < target")
        assert(key == Self.key(relation, era), "an edge's key is <relation>@<era>")
        self.source = source
        self.target = target
        self.key = key
        self.era = era
        self.relation = relation
        self.weight = weight
        self.distance = 1 / weight
        self.tone = Swift.min(10, Swift.max(-10, tone))
        self.evidence = evidence
    }

    /// The key of the edge of `relation` in `era`: `<relation>@<era>`.
    public static func key(_ relation: Relation, _ era: String) -> String { "\(relation.rawValue)@\(era)" }
}
