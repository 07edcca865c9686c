import RelGraphAnalysis
import RelGraphCore

/// `centrality.csv`: `era,node,label,kind,<measure>…`, one row per node and era, streamed.
public enum CentralityCSVWriter {
    public static func write(_ table: CentralityTable, graph: RelationshipGraph, to sink: inout ByteSink) {
        let nodes = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.id.rawValue, $0) })
        CSV.write(["era", "node", "label", "kind"] + table.measures.map(\.rawValue), to: &sink)
        for row in table.rows {
            let node = nodes[row.node]
            CSV.write([row.era, row.node, node?.label ?? row.node, node?.kind.rawValue ?? ""] + row.values.map(CSV.number), to: &sink)
        }
    }

    /// The whole table as text.
    public static func write(_ table: CentralityTable, graph: RelationshipGraph) -> String {
        ByteSink.text { write(table, graph: graph, to: &$0) }
    }
}
