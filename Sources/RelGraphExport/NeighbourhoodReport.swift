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

    /// JSON `{"center", "edges": […], "members": [{"distance", "id"}]}`, keys in alphabetical order.
    public static func writeJSON(_ ego: EgoNetwork, to sink: inout ByteSink) {
        var w = JSONWriter(into: sink)
        w.beginObject()
        w.field("center", ego.center.rawValue)
        w.key("edges"); w.beginArray()
        for e in ego.edges {
            w.beginObject()
            w.field("era", e.era)
            w.field("relation", e.relation.rawValue)
            w.field("source", e.source.rawValue)
            w.field("target", e.target.rawValue)
            w.field("tone", e.tone)
            w.field("weight", e.weight)
            w.endObject()
        }
        w.endArray()
        w.key("members"); w.beginArray()
        for m in ego.members {
            w.beginObject()
            w.field("distance", m.distance)
            w.field("id", m.entity.rawValue)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        sink = w.out
        sink.append(0x0A)
    }

    public static func json(_ ego: EgoNetwork) -> String {
        ByteSink.text { writeJSON(ego, to: &$0) }
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
