import RelGraphCore

/// All the edges between two entities in an era, taken together: what a diagram draws as one line.
///
/// The tone is the weight-averaged tone of the relations read from text (cooperation, conflict, neutral); a pair
/// tied only structurally (leads, party to, member of, successor) has no tone and is drawn quietly.
public struct PairTie: Sendable, Equatable {
    /// One relation of the pair, with its weight, tone and number of supporting sentences.
    public struct Part: Sendable, Equatable {
        public var relation: Relation
        public var weight: Double
        public var tone: Double
        public var evidenceCount: Int
    }

    /// The two entities, `a < b`.
    public var a: EntityID
    public var b: EntityID
    /// Relations in ``Relation``'s order.
    public var parts: [Part]

    /// Sum of the parts' weights.
    public var weight: Double { parts.reduce(0) { $0 + $1.weight } }
    public var evidenceCount: Int { parts.reduce(0) { $0 + $1.evidenceCount } }
    /// Weight-averaged tone of the relations read from text; `nil` when the pair is tied only structurally.
    public var tone: Double? {
        var weight = 0.0
        var sum = 0.0
        for part in parts where !part.relation.isStructural {
            weight += part.weight
            sum += part.weight * part.tone
        }
        return weight > 0 ? sum / weight : nil
    }
    public var isStructural: Bool { parts.allSatisfy(\.relation.isStructural) }

    /// The pairs of `edges`, ordered by `(a, b)`.
    public static func ties(_ edges: [Edge]) -> [PairTie] {
        var index: [Key: Int] = [:]
        var ties: [PairTie] = []
        for edge in edges {
            let key = edge.source < edge.target ? Key(a: edge.source, b: edge.target) : Key(a: edge.target, b: edge.source)
            let part = Part(relation: edge.relation, weight: edge.weight, tone: edge.tone, evidenceCount: edge.evidence.count)
            if let i = index[key] {
                ties[i].parts.append(part)
            } else {
                index[key] = ties.count
                ties.append(PairTie(a: key.a, b: key.b, parts: [part]))
            }
        }
        for i in ties.indices { ties[i].parts.sort { $0.relation < $1.relation } }
        return ties.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
    }

    private struct Key: Hashable {
        var a: EntityID
        var b: EntityID
    }
}

extension Relation {
    /// Ties the knowledge base or an apposition establishes (leads, party to, member of, successor), as opposed to
    /// relations read from what a sentence says.
    public var isStructural: Bool { isDirected }
}
