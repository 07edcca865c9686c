import RelGraphCore

/// Runs a per-source computation over every node of a graph on several threads, each thread with its own
/// ``DijkstraWorkspace`` and its own accumulator, and combines the accumulators in thread order (so results do not
/// depend on scheduling).
enum SourceParallel {
    /// `body(workspace, source, sums)` runs after the shortest paths from `source`, `sums` being the thread's
    /// accumulator of `size` values.
    static func accumulate(
        _ graph: WeightedGraph, threads: Int, size: Int, countingPaths: Bool,
        queue: DijkstraWorkspace.QueueChoice = .automatic,
        _ body: @escaping @Sendable (DijkstraWorkspace, Int, UnsafeMutablePointer<Double>) -> Void
    ) -> [Double] {
        let n = graph.nodeCount
        guard n > 0 else { return Array(repeating: 0, count: size) }
        let chunks = max(1, min(threads, n))
        let partial = WorkerPool.map(count: chunks, threads: chunks) { chunk in
            let workspace = DijkstraWorkspace(graph, queue: queue)
            var sums = [Double](repeating: 0, count: size)
            sums.withUnsafeMutableBufferPointer { buffer in
                let sums = buffer.baseAddress!
                var source = chunk
                while source < n {  // sources chunk, chunk + chunks, … : balanced across threads
                    workspace.run(from: source, countingPaths: countingPaths)
                    body(workspace, source, sums)
                    source += chunks
                }
            }
            return sums
        }
        var total = partial[0]
        for p in partial.dropFirst() { for i in 0..<size { total[i] += p[i] } }
        return total
    }
}
