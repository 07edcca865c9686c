import Foundation
import RelGraphAnalysis
import RelGraphCore

/// `relgraph neighbors` output: the ego network as a table, JSON, or a DOT diagram (the relationship graph's own
/// style, restricted to the ego network).
public enum NeighbourhoodReport {
    public static func table(_ ego: EgoNetwork, graph: RelationshipGraph) -> String {
        let labels = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.id, $0.label) })
        var out = "ego network of \(labels[ego.center] ?? ego.center.rawValue) (\(ego.members.count - 1) neighbours, \(ego.edges.count) edges)\n"
        for (entity, distance) in ego.members.dropFirst() {
            let ties = ego.edges.filter { ($0.source == ego.center && $0.target == entity) || ($0.target == ego.center && $0.source == entity) }
            let summary = ties.map { "\($0.relation.rawValue)@\($0.era) ×\(CSV.number($0.weight))" }.joined(separator: ", ")
            out += "  \(distance)  \(entity.rawValue)  \(labels[entity] ?? "")\(summary.isEmpty ? "" : "  — " + summary)\n"
        }
        return out
    }

    public static func json(_ ego: EgoNetwork) throws -> String {
        let object: [String: Any] = [
            "center": ego.center.rawValue,
            "members": ego.members.map { ["id": $0.entity.rawValue, "distance": $0.distance] as [String: Any] },
            "edges": ego.edges.map {
                ["source": $0.source.rawValue, "target": $0.target.rawValue, "relation": $0.relation.rawValue, "era": $0.era, "weight": $0.weight, "tone": $0.tone] as [String: Any]
            },
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public static func dot(_ ego: EgoNetwork, graph: RelationshipGraph) -> String {
        let members = Set(ego.members.map(\.entity))
        let era = Era(id: "ego", label: "Ego network of \(graph.nodes.first { $0.id == ego.center }?.label ?? ego.center.rawValue)", start: nil, end: nil)
        let edges = ego.edges.map { e -> Edge in
            var copy = e
            copy.era = era.id
            return copy
        }
        let sub = RelationshipGraph(eras: [era], documents: [], nodes: graph.nodes.filter { members.contains($0.id) }, edges: edges)
        return DOTWriter.write(sub, era: era.id)
    }
}
