/// Degree centrality: the fraction of the other nodes a node is adjacent to,
/// `C_D(u) = deg(u) / (n − 1)`, as NetworkX's `degree_centrality` (1 for every node of a graph of one node).
public enum DegreeCentrality {
    public static func compute(_ graph: WeightedGraph) -> [Double] {
        let n = graph.nodeCount
        guard n > 1 else { return Array(repeating: 1, count: n) }
        let scale = 1 / Double(n - 1)
        return (0..<n).map { Double(graph.degree($0)) * scale }
    }
}
