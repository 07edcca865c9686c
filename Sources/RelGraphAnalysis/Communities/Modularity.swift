/// Modularity of a partition of a weighted undirected graph, as NetworkX's
/// `community.modularity(G, communities, weight="weight", resolution=γ)`:
///
/// `Q = Σ_c [ L_c / m − γ (d_c / 2m)² ]`, where `m` is the total edge weight, `L_c` the weight of edges inside
/// community `c` and `d_c` the total strength of its nodes.
///
/// Reference: M. E. J. Newman, "Modularity and community structure in networks", PNAS 103(23), 2006.
public enum Modularity {
    /// - Parameter community: the community of each node.
    public static func compute(_ graph: WeightedGraph, community: [Int], resolution: Double = 1) -> Double {
        precondition(community.count == graph.nodeCount, "one community per node")
        let total = graph.weights.reduce(0, +) / 2
        guard total > 0 else { return 0 }
        let count = (community.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: count)
        var degree = [Double](repeating: 0, count: count)
        for u in 0..<graph.nodeCount {
            for k in graph.offsets[u]..<graph.offsets[u + 1] {
                let w = graph.weights[k]
                degree[community[u]] += w
                if community[Int(graph.neighbors[k])] == community[u] { inside[community[u]] += w / 2 }
            }
        }
        var q = 0.0
        for c in 0..<count {
            let share = degree[c] / (2 * total)
            q += inside[c] / total - resolution * share * share
        }
        return q
    }
}
