import RelGraphCore

/// Closeness centrality with edge length `1 / weight`, as NetworkX's
/// `closeness_centrality(G, distance="distance", wf_improved=True)`:
///
/// `C(u) = (r − 1) / Σ_v d(u, v) · (r − 1) / (n − 1)`, where `r` is the number of nodes reachable from `u`
/// (itself included): the Wasserman–Faust scaling, which makes scores of nodes in small components comparable.
/// A node that reaches no other scores 0.
///
/// Reference: S. Wasserman, K. Faust, *Social Network Analysis*, Cambridge University Press, 1994.
public enum Closeness {
    public static func compute(_ graph: WeightedGraph, threads: Int = WorkerPool.defaultThreads) -> [Double] {
        SourceParallel.accumulate(graph, threads: threads, size: graph.nodeCount, countingPaths: false) { workspace, source, scores in
            scores[source] = score(workspace)
        }
    }

    /// The source's closeness from the shortest paths just run in `workspace`.
    @inline(__always)
    static func score(_ workspace: DijkstraWorkspace) -> Double {
        let n = workspace.nodeCount
        var total = 0.0
        for i in 0..<workspace.orderCount { total += workspace.distance[Int(workspace.order[i])] }
        let reached = Double(workspace.orderCount - 1)
        guard total > 0, n > 1 else { return 0 }
        return reached / total * (reached / Double(n - 1))
    }
}
