/// The type of an edge.
///
/// `cooperation`, `conflict` and `neutral` are read from what a sentence says; the others are structural ties that
/// the knowledge base or an apposition establishes. Structural relations are directed (source → target), the
/// others symmetric.
public enum Relation: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case cooperation
    case conflict
    case neutral
    /// leader → country
    case leads
    /// country or leader → agreement
    case partyTo = "party_to"
    /// country → organisation
    case memberOf = "member_of"
    /// predecessor state → successor state
    case successor

    public var isDirected: Bool {
        switch self {
        case .cooperation, .conflict, .neutral: false
        case .leads, .partyTo, .memberOf, .successor: true
        }
    }

    public static func < (lhs: Relation, rhs: Relation) -> Bool { lhs.rawValue < rhs.rawValue }
}
