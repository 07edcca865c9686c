import RelGraphCore

/// Closeness, harmonic and betweenness together, from one run of shortest paths per source instead of three: what
/// `centrality.csv` needs for every era. Each score is computed exactly as its own measure computes it (same
/// per-source sums in the same order), so the values are identical to ``Closeness``, ``Harmonic`` and
/// ``Betweenness`` run one by one.
///
/// ```swift
/// let paths = ShortestPathMeasures.compute(graph)
/// paths.betweenness == Betweenness.compute(graph)   // true
/// ```
public enum ShortestPathMeasures {
    public static func compute(_ graph: WeightedGraph, threads: Int = WorkerPool.defaultThreads)
        -> (closeness: [Double], harmonic: [Double], betweenness: [Double])
    {
        let n = graph.nodeCount
        // sums: betweenness [0, n), Brandes' scratch [n, 2n), closeness [2n, 3n), harmonic [3n, 4n).
        let sums = SourceParallel.accumulate(graph, threads: threads, size: 4 * n, countingPaths: true) { workspace, source, sums in
            Betweenness.accumulate(workspace, source: source, into: sums, edges: nil)
            sums[2 * n + source] = Closeness.score(workspace)
            sums[3 * n + source] = Harmonic.score(workspace)
        }
        var betweenness = Array(sums[0..<n])
        Betweenness.normalise(&betweenness)
        return (Array(sums[2 * n..<3 * n]), Array(sums[3 * n..<4 * n]), betweenness)
    }
}
