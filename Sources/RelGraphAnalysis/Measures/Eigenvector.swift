/// Eigenvector centrality of the weighted graph, as NetworkX's `eigenvector_centrality(G, weight="weight")`:
/// power iteration on `A + I` from the uniform vector, normalised to unit Euclidean length at each step, stopped
/// when the L1 change falls below `n · tolerance` — the same iteration and stopping rule, so the same numbers,
/// including on graphs with several components (where the limit depends on the start). Tolerance and iteration
/// limit are NetworkX's defaults (1e-6, 100), and, as there, running out of iterations is an error
/// (``NotConverged``; NetworkX raises `PowerIterationFailedConvergence`), not a result.
///
/// Reference: P. Bonacich, "Power and centrality: a family of measures", Am. J. Sociology 92(5), 1987.
public enum Eigenvector {
    public struct NotConverged: Error, CustomStringConvertible {
        public var iterations: Int
        public var description: String {
            "eigenvector centrality: power iteration failed to converge within \(iterations) iterations (as NetworkX)"
        }
    }

    public static func compute(_ graph: WeightedGraph, tolerance: Double = 1e-6, maxIterations: Int = 100) throws -> [Double] {
        let n = graph.nodeCount
        guard n > 0 else { return [] }
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = x
        for _ in 0..<maxIterations {
            for i in 0..<n { next[i] = x[i] }  // the "+ I"
            for u in 0..<n {
                let xu = x[u]
                for k in graph.offsets[u]..<graph.offsets[u + 1] { next[Int(graph.neighbors[k])] += xu * graph.weights[k] }
            }
            var norm = 0.0
            for v in next { norm += v * v }
            norm = norm.squareRoot()
            if norm == 0 { norm = 1 }
            var change = 0.0
            for i in 0..<n {
                next[i] /= norm
                change += abs(next[i] - x[i])
            }
            swap(&x, &next)
            if change < Double(n) * tolerance { return x }
        }
        throw NotConverged(iterations: maxIterations)
    }
}
