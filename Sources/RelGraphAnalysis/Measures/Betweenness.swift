import RelGraphCore

/// Betweenness centrality with edge length `1 / weight`, as NetworkX's
/// `betweenness_centrality(G, weight="distance", normalized=True)`:
///
/// `B(v) = Σ_{s ≠ v ≠ t} σ(s, t | v) / σ(s, t)`, summed over ordered pairs and scaled by `1 / ((n − 1)(n − 2))`
/// (which for an undirected graph is the usual normalisation over unordered pairs).
///
/// Brandes' algorithm: one Dijkstra per source counting shortest paths, then dependencies accumulated in reverse
/// order of distance; sources are split across threads, each with its own workspace.
///
/// Reference: U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociology 25(2), 2001.
public enum Betweenness {
    public static func compute(_ graph: WeightedGraph, threads: Int = WorkerPool.defaultThreads) -> [Double] {
        let n = graph.nodeCount
        var scores = SourceParallel.accumulate(graph, threads: threads, size: 2 * n, countingPaths: true) { workspace, source, sums in
            // sums[0..<n]: betweenness; sums[n..<2n]: per-source dependency scratch (reset here).
            accumulate(workspace, source: source, into: &sums, edges: nil)
        }
        scores.removeLast(n)
        if n > 2 {
            let scale = 1 / (Double(n - 1) * Double(n - 2))
            for i in 0..<n { scores[i] *= scale }
        }
        return scores
    }

    /// Brandes' dependency accumulation for one source. `sums[0..<n]` receives node betweenness and
    /// `sums[n..<2n]` is scratch; with `edges`, edge betweenness goes to `sums[2n + edges[slot]]`.
    static func accumulate(_ w: DijkstraWorkspace, source: Int, into sums: inout [Double], edges: [Int32]?) {
        let n = w.graph.nodeCount
        for i in 0..<w.orderCount { sums[n + Int(w.order[i])] = 0 }
        var i = w.orderCount - 1
        while i >= 0 {
            let node = Int(w.order[i])
            let coefficient = (1 + sums[n + node]) / w.pathCount[node]
            let base = w.graph.offsets[node]
            for p in 0..<Int(w.predecessorCount[node]) {
                let slot = Int(w.predecessorSlots[base + p])
                let v = Int(w.predecessorNodes[base + p])
                let c = w.pathCount[v] * coefficient
                sums[n + v] += c
                if let edges { sums[2 * n + Int(edges[slot])] += c }
            }
            if node != source { sums[node] += sums[n + node] }
            i -= 1
        }
    }
}

/// Edge betweenness with edge length `1 / weight`, as NetworkX's
/// `edge_betweenness_centrality(G, weight="distance", normalized=True)`: for each edge, the fraction of shortest
/// paths through it summed over ordered pairs, scaled by `1 / (n (n − 1))`.
public enum EdgeBetweenness {
    /// Scores per undirected edge, with the edge's endpoints (`u < v` by node index).
    public static func compute(_ graph: WeightedGraph, threads: Int = WorkerPool.defaultThreads) -> [(u: Int, v: Int, score: Double)] {
        let n = graph.nodeCount
        // Undirected edge id of every CSR slot.
        var edgeOf = [Int32](repeating: -1, count: graph.neighbors.count)
        var endpoints: [(Int, Int)] = []
        for u in 0..<n {
            for k in graph.offsets[u]..<graph.offsets[u + 1] where Int(graph.neighbors[k]) > u {
                edgeOf[k] = Int32(endpoints.count)
                endpoints.append((u, Int(graph.neighbors[k])))
            }
        }
        for u in 0..<n {
            for k in graph.offsets[u]..<graph.offsets[u + 1] where Int(graph.neighbors[k]) < u {
                let v = Int(graph.neighbors[k])
                let back = (graph.offsets[v]..<graph.offsets[v + 1]).first { Int(graph.neighbors[$0]) == u }!
                edgeOf[k] = edgeOf[back]
            }
        }
        let m = endpoints.count
        let edges = edgeOf
        let sums = SourceParallel.accumulate(graph, threads: threads, size: 2 * n + m, countingPaths: true) { workspace, source, sums in
            Betweenness.accumulate(workspace, source: source, into: &sums, edges: edges)
        }
        let scale = n > 1 ? 1 / (Double(n) * Double(n - 1)) : 1
        return endpoints.enumerated().map { (e, uv) in (uv.0, uv.1, sums[2 * n + e] * scale) }
    }
}
