import RelGraphCore

/// Runs a per-source computation over every node of a graph on several threads and sums what it accumulates.
///
/// The sources are dealt into a fixed number of blocks (source `s` to block `s % blocks`), each block with its own
/// ``DijkstraWorkspace`` and accumulator; workers take the next block as they finish one, so a worker slowed by a
/// busy machine does fewer blocks instead of holding the others up, and the blocks' accumulators are summed in
/// block order: the result does not depend on which worker ran which block.
enum SourceParallel {
    /// `body(workspace, source, sums)` runs after the shortest paths from `source`, `sums` being the block's
    /// accumulator of `size` values.
    static func accumulate(
        _ graph: WeightedGraph, threads: Int, size: Int, countingPaths: Bool,
        queue: DijkstraWorkspace.QueueChoice = .automatic,
        _ body: @escaping @Sendable (DijkstraWorkspace, Int, UnsafeMutablePointer<Double>) -> Void
    ) -> [Double] {
        let n = graph.nodeCount
        guard n > 0 else { return Array(repeating: 0, count: size) }
        let blocks = blockCount(nodes: n, threads: threads)
        let partial = WorkerPool.map(count: blocks, threads: max(1, min(threads, blocks))) { block in
            let workspace = DijkstraWorkspace(graph, queue: queue)
            var sums = [Double](repeating: 0, count: size)
            sums.withUnsafeMutableBufferPointer { buffer in
                let sums = buffer.baseAddress!
                var source = block
                while source < n {  // sources block, block + blocks, … : blocks of equal work
                    workspace.run(from: source, countingPaths: countingPaths)
                    body(workspace, source, sums)
                    source += blocks
                }
            }
            return sums
        }
        var total = partial[0]
        for p in partial.dropFirst() { for i in 0..<size { total[i] += p[i] } }
        return total
    }

    /// One block per thread on a single thread; otherwise at least 8 (four per thread on 2 cores), so that the
    /// blocks balance between workers, and never more than the nodes.
    static func blockCount(nodes: Int, threads: Int) -> Int {
        threads <= 1 ? 1 : min(nodes, max(8, threads))
    }
}
