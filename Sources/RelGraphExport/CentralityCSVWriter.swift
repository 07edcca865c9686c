import RelGraphAnalysis
import RelGraphCore

/// `centrality.csv`: `era,node,label,kind,<measure>…`, one row per node and era.
public enum CentralityCSVWriter {
    public static func write(_ table: CentralityTable, graph: RelationshipGraph) -> String {
        let nodes = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.id.rawValue, $0) })
        var out = CSV.row(["era", "node", "label", "kind"] + table.measures.map(\.rawValue))
        for row in table.rows {
            let node = nodes[row.node]
            out += CSV.row(
                [row.era, row.node, node?.label ?? row.node, node?.kind.rawValue ?? ""] + row.values.map(CSV.number))
        }
        return out
    }
}
