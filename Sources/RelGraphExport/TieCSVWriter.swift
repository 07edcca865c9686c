import RelGraphCore

/// `nodes.csv` and `edges.csv` for pandas and spreadsheets.
///
/// - `nodes.csv`: `id,label,kind,mentions`;
/// - `edges.csv`: `source,target,era,relation,weight,tone,evidence_count`, one row per tie per era.
///
/// ```python
/// nodes = pd.read_csv("nodes.csv"); edges = pd.read_csv("edges.csv")
/// ```
public enum TieCSVWriter {
    public static func nodes(_ graph: RelationshipGraph, era: String? = nil) -> String {
        let edges = era.map { graph.edges(inEra: $0) } ?? graph.edges
        var out = CSV.row(["id", "label", "kind", "mentions"])
        for node in ExportSelection.nodes(graph, edges: edges, era: era) {
            out += CSV.row([node.id.rawValue, node.label, node.kind.rawValue, String(node.mentions.count)])
        }
        return out
    }

    public static func edges(_ graph: RelationshipGraph, era: String? = nil) -> String {
        var out = CSV.row(["source", "target", "era", "relation", "weight", "tone", "evidence_count"])
        for edge in era.map({ graph.edges(inEra: $0) }) ?? graph.edges {
            out += CSV.row([
                edge.source.rawValue, edge.target.rawValue, edge.era, edge.relation.rawValue, CSV.number(edge.weight),
                CSV.number(edge.tone), String(edge.evidence.count),
            ])
        }
        return out
    }
}
