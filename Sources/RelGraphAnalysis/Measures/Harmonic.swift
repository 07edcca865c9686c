import RelGraphCore

/// Harmonic centrality with edge length `1 / weight`, as NetworkX's `harmonic_centrality(G, distance="distance")`:
/// `H(u) = Σ_{v ≠ u} 1 / d(u, v)`, unreachable nodes adding 0. Not normalised.
///
/// Reference: M. Marchiori, V. Latora, "Harmony in the small-world", Physica A 285, 2000.
public enum Harmonic {
    public static func compute(_ graph: WeightedGraph, threads: Int = WorkerPool.defaultThreads) -> [Double] {
        SourceParallel.accumulate(graph, threads: threads, size: graph.nodeCount, countingPaths: false) { workspace, source, scores in
            scores[source] = score(workspace)
        }
    }

    /// The source's harmonic centrality from the shortest paths just run in `workspace` (the source is `order[0]`).
    @inline(__always)
    static func score(_ workspace: DijkstraWorkspace) -> Double {
        var total = 0.0
        for i in 1..<max(1, workspace.orderCount) { total += 1 / workspace.distance[Int(workspace.order[i])] }
        return total
    }
}
