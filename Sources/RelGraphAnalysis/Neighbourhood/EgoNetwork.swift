import RelGraphCore

/// The ego network of an entity: every entity within `depth` ties of it (in one era, or all), with its distance in
/// ties, and the edges among them.
public struct EgoNetwork: Sendable {
    public var center: EntityID
    /// Entities by distance from the centre (0 = the centre), then by id.
    public var members: [(entity: EntityID, distance: Int)]
    /// The relationship graph's edges whose two ends are members.
    public var edges: [Edge]

    public init(_ graph: RelationshipGraph, center: EntityID, era: String?, depth: Int) throws {
        guard depth >= 1 else { throw AnalysisError("--depth must be at least 1") }
        if let era { try AnalysisError.requireEra(era, in: graph) }
        let edges = era.map { graph.edges(inEra: $0) } ?? graph.edges
        var adjacency: [EntityID: Set<EntityID>] = [:]
        for e in edges {
            adjacency[e.source, default: []].insert(e.target)
            adjacency[e.target, default: []].insert(e.source)
        }
        var distance: [EntityID: Int] = [center: 0]
        var frontier = [center]
        for step in 1...depth {
            var next: [EntityID] = []
            for node in frontier {
                for neighbour in adjacency[node, default: []] where distance[neighbour] == nil {
                    distance[neighbour] = step
                    next.append(neighbour)
                }
            }
            frontier = next
        }
        self.center = center
        members = distance.map { ($0.key, $0.value) }.sorted { ($0.distance, $0.entity) < ($1.distance, $1.entity) }
        self.edges = edges.filter { distance[$0.source] != nil && distance[$0.target] != nil }
    }

    /// The entity a user means by `name`: an id, or a label or alias (case-insensitive).
    public static func resolve(_ name: String, in graph: RelationshipGraph) throws -> EntityID {
        if let node = graph.nodes.first(where: { $0.id.rawValue == name }) { return node.id }
        let lower = name.lowercased()
        let matches = graph.nodes.filter { $0.label.lowercased() == lower || $0.aliases.contains { $0.lowercased() == lower } }
        if matches.count == 1 { return matches[0].id }
        if matches.count > 1 {
            throw AnalysisError("\"\(name)\" names several entities: \(matches.map(\.id.rawValue).joined(separator: ", "))")
        }
        let similar = graph.nodes.filter { $0.label.lowercased().contains(lower) }.prefix(5).map(\.id.rawValue)
        throw AnalysisError("no entity \"\(name)\" in the graph" + (similar.isEmpty ? "" : "; did you mean \(similar.joined(separator: ", "))?"))
    }
}
