/// PageRank on the weighted undirected graph, as NetworkX's `pagerank(G, alpha=0.85, weight="weight")`.
///
/// Each edge is followed in both directions with probability proportional to its weight; a node with no edges
/// (dangling) spreads its rank uniformly; the teleport distribution is uniform:
/// `x ← α (xW + Σ_{dangling} x / n) + (1 − α) / n`, from `x = 1/n`, until the L1 change is below `n · tolerance`.
///
/// Reference: L. Page, S. Brin, R. Motwani, T. Winograd, "The PageRank citation ranking: bringing order to the
/// Web", Stanford InfoLab, 1999.
public enum PageRank {
    public struct NotConverged: Error, CustomStringConvertible {
        public var iterations: Int
        public var description: String { "PageRank did not converge in \(iterations) iterations" }
    }

    /// - Parameters:
    ///   - tolerance: per-node L1 tolerance; the default is far tighter than NetworkX's 1e-6, so results agree with
    ///     the exact fixed point to about 1e-10.
    public static func compute(
        _ graph: WeightedGraph, alpha: Double = 0.85, tolerance: Double = 1e-13, maxIterations: Int = 10_000
    ) throws -> [Double] {
        let n = graph.nodeCount
        guard n > 0 else { return [] }
        let strength = (0..<n).map(graph.strength)
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        // share[u] = x[u] / strength(u), then next[v] = Σ_u share[u] · w(u, v)
        var share = [Double](repeating: 0, count: n)
        let uniform = 1 / Double(n)
        for iteration in 0..<maxIterations {
            var dangling = 0.0
            for u in 0..<n {
                if strength[u] > 0 { share[u] = x[u] / strength[u] } else { share[u] = 0; dangling += x[u] }
            }
            let base = alpha * dangling * uniform + (1 - alpha) * uniform
            graph.offsets.withUnsafeBufferPointer { offsets in
                graph.neighbors.withUnsafeBufferPointer { neighbors in
                    graph.weights.withUnsafeBufferPointer { weights in
                        for v in 0..<n {
                            var sum = 0.0
                            for k in offsets[v]..<offsets[v + 1] { sum += share[Int(neighbors[k])] * weights[k] }
                            next[v] = base + alpha * sum
                        }
                    }
                }
            }
            var error = 0.0
            for u in 0..<n { error += abs(next[u] - x[u]) }
            swap(&x, &next)
            if error < Double(n) * tolerance { return x }
            if iteration == maxIterations - 1 { break }
        }
        throw NotConverged(iterations: maxIterations)
    }
}
