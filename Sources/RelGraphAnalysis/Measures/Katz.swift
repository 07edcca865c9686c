/// Katz centrality, as NetworkX's `katz_centrality(G, alpha=0.1, beta=1.0, normalized=True)` (unweighted, as
/// NetworkX's default): the fixed point of `x = α A x + β`, scaled to unit Euclidean length. Iterated from 0 until
/// the L1 change is below `n · tolerance`; it converges only when `α < 1 / λ_max(A)`.
///
/// Reference: L. Katz, "A new status index derived from sociometric analysis", Psychometrika 18(1), 1953.
public enum Katz {
    public struct NotConverged: Error, CustomStringConvertible {
        public var alpha: Double
        public var description: String {
            "Katz centrality did not converge with alpha \(alpha): alpha must be below 1 / (largest eigenvalue of the adjacency matrix)"
        }
    }

    public static func compute(
        _ graph: WeightedGraph, alpha: Double = 0.1, beta: Double = 1, tolerance: Double = 1e-13, maxIterations: Int = 10_000
    ) throws -> [Double] {
        let n = graph.nodeCount
        guard n > 0 else { return [] }
        var x = [Double](repeating: 0, count: n)
        var next = x
        for _ in 0..<maxIterations {
            for i in 0..<n { next[i] = 0 }
            for u in 0..<n {
                let xu = x[u]
                for k in graph.offsets[u]..<graph.offsets[u + 1] { next[Int(graph.neighbors[k])] += xu }
            }
            var change = 0.0
            for i in 0..<n {
                next[i] = alpha * next[i] + beta
                change += abs(next[i] - x[i])
            }
            swap(&x, &next)
            if !change.isFinite { break }
            if change < Double(n) * tolerance {
                var norm = 0.0
                for v in x { norm += v * v }
                let scale = norm > 0 ? 1 / norm.squareRoot() : 1
                return x.map { $0 * scale }
            }
        }
        throw NotConverged(alpha: alpha)
    }
}
