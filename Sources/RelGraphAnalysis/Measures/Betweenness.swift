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
        compute(graph, threads: threads, queue: .automatic)
    }

    /// With a chosen settling queue (tests compare the heap and the buckets).
    static func compute(_ graph: WeightedGraph, threads: Int, queue: DijkstraWorkspace.QueueChoice) -> [Double] {
        let n = graph.nodeCount
        var scores = SourceParallel.accumulate(graph, threads: threads, size: 2 * n, countingPaths: true, queue: queue) { workspace, source, sums in
            // sums[0..<n]: betweenness; sums[n..<2n]: per-source dependency scratch (reset here).
            accumulate(workspace, source: source, into: sums, edges: nil)
        }
        scores.removeLast(n)
        normalise(&scores)
        return scores
    }

    /// Scales sums over ordered pairs by `1 / ((n − 1)(n − 2))`.
    static func normalise(_ scores: inout [Double]) {
        let n = scores.count
        guard n > 2 else { return }
        let scale = 1 / (Double(n - 1) * Double(n - 2))
        for i in 0..<n { scores[i] *= scale }
    }

    /// Brandes' dependency accumulation for one source. `sums[0..<n]` receives node betweenness and
    /// `sums[n..<2n]` is scratch; with `edges`, edge betweenness goes to `sums[2n + edges[slot]]`.
    @inline(__always)
    static func accumulate(_ w: DijkstraWorkspace, source: Int, into sums: UnsafeMutablePointer<Double>, edges: UnsafePointer<Int32>?) {
        let n = w.nodeCount
        let dependency = sums + n
        let edgeSums = sums + 2 * n
        let order = w.order, offsets = w.offsets, pathCount = w.pathCount
        let predecessorCount = w.predecessorCount, predecessorNodes = w.predecessorNodes, predecessorSlots = w.predecessorSlots
        for i in 0..<w.orderCount { dependency[Int(order[i])] = 0 }
        var i = w.orderCount - 1
        while i >= 0 {
            let node = Int(order[i])
            let coefficient = (1 + dependency[node]) / pathCount[node]
            let base = offsets[node]
            for p in base..<base + Int(predecessorCount[node]) {
                let v = Int(predecessorNodes[p])
                let c = pathCount[v] * coefficient
                dependency[v] += c
                if let edges { edgeSums[Int(edges[Int(predecessorSlots[p])])] += c }
            }
            if node != source { sums[node] += dependency[node] }
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
            edges.withUnsafeBufferPointer { Betweenness.accumulate(workspace, source: source, into: sums, edges: $0.baseAddress) }
        }
        let scale = n > 1 ? 1 / (Double(n) * Double(n - 1)) : 1
        return endpoints.enumerated().map { (e, uv) in (uv.0, uv.1, sums[2 * n + e] * scale) }
    }
}
