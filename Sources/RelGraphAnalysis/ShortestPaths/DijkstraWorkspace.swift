/// Buffers for single-source shortest paths on a ``WeightedGraph`` with edge length `1 / weight`, reused from one
/// source to the next and owned by one thread, so the inner loops neither allocate nor check array uniqueness.
///
/// After ``run(from:countingPaths:)``: `order[0..<orderCount]` lists the reached nodes, the source first, each node
/// after every node that precedes it on a shortest path (by non-decreasing distance up to the settling queue's
/// batches); `distance[v]` is their distance, and, when paths are counted, `pathCount[v]` the number of shortest
/// paths from the source, with the predecessors of `v` in
/// `predecessorNodes[offsets[v] ..< offsets[v] + predecessorCount[v]]` and the CSR slots of those last edges in
/// `predecessorSlots` (a node has at most as many predecessors as neighbours, so its CSR range holds them).
///
/// Ties are decided as NetworkX decides them: a path is as short as the best known when the floating-point sums of
/// its lengths are equal, each sum formed as `distance[v] + length` along the path.
///
/// The queue is a ``DistanceBucketQueue`` when the edge lengths spread little (weights 1–9, say), else a
/// ``BinaryHeapQueue``; `queue` forces one (for tests and benchmarks).
final class DijkstraWorkspace {
    enum QueueChoice { case automatic, heap, buckets }

    let graph: WeightedGraph
    let nodeCount: Int
    let offsets: UnsafeMutablePointer<Int>
    let neighbors: UnsafeMutablePointer<Int32>
    /// 1 / weight per CSR slot.
    let length: UnsafeMutablePointer<Double>
    let distance: UnsafeMutablePointer<Double>
    let pathCount: UnsafeMutablePointer<Double>
    let order: UnsafeMutablePointer<Int32>
    private(set) var orderCount = 0
    let predecessorSlots: UnsafeMutablePointer<Int32>
    let predecessorNodes: UnsafeMutablePointer<Int32>
    let predecessorCount: UnsafeMutablePointer<Int32>
    private var heap: BinaryHeapQueue?
    private var buckets: DistanceBucketQueue?
    /// -1 not queued, -2 settled, ≥ 0 queued: the queue's own state array.
    private let state: UnsafeMutablePointer<Int32>

    init(_ graph: WeightedGraph, queue choice: QueueChoice = .automatic) {
        self.graph = graph
        let n = graph.nodeCount
        let slots = graph.neighbors.count
        nodeCount = n
        offsets = .allocate(capacity: n + 1)
        offsets.initialize(from: graph.offsets, count: n + 1)
        neighbors = .allocate(capacity: max(1, slots))
        neighbors.initialize(from: graph.neighbors, count: slots)
        length = .allocate(capacity: max(1, slots))
        var shortest = Double.infinity
        var longest = 0.0
        for k in 0..<slots {
            let l = 1 / graph.weights[k]
            length[k] = l
            shortest = min(shortest, l)
            longest = max(longest, l)
        }
        distance = .allocate(capacity: max(1, n))
        distance.initialize(repeating: .infinity, count: n)
        pathCount = .allocate(capacity: max(1, n))
        pathCount.initialize(repeating: 0, count: n)
        order = .allocate(capacity: max(1, n))
        predecessorSlots = .allocate(capacity: max(1, slots))
        predecessorNodes = .allocate(capacity: max(1, slots))
        predecessorCount = .allocate(capacity: max(1, n))
        predecessorCount.initialize(repeating: 0, count: n)
        switch choice {
        case .heap: buckets = nil
        case .automatic: buckets = DistanceBucketQueue(nodeCount: n, shortest: shortest, longest: longest)
        case .buckets: buckets = DistanceBucketQueue(nodeCount: n, shortest: shortest, longest: longest, anySpread: true)
        }
        if let buckets {
            state = buckets.state
        } else {
            let heap = BinaryHeapQueue(nodeCount: n)
            self.heap = heap
            state = heap.state
        }
    }

    deinit {
        offsets.deallocate()
        neighbors.deallocate()
        length.deallocate()
        distance.deallocate()
        pathCount.deallocate()
        order.deallocate()
        predecessorSlots.deallocate()
        predecessorNodes.deallocate()
        predecessorCount.deallocate()
        heap?.deallocate()
        buckets?.deallocate()
    }

    /// Shortest paths from `source`; resets only what the previous run touched.
    func run(from source: Int, countingPaths: Bool) {
        for i in 0..<orderCount {
            let v = Int(order[i])
            distance[v] = .infinity
            pathCount[v] = 0
            state[v] = -1
            predecessorCount[v] = 0
        }
        orderCount = 0
        distance[source] = 0
        pathCount[source] = 1
        if var queue = buckets {
            orderCount = search(from: source, countingPaths: countingPaths, queue: &queue)
            buckets = queue
        } else if var queue = heap {
            orderCount = search(from: source, countingPaths: countingPaths, queue: &queue)
            heap = queue
        }
        // Nodes never reached were never touched; settled ones are reset at the next run.
    }

    /// Dijkstra's loop over a settling queue; returns the number of nodes settled (written to `order`).
    @inline(__always) private func search<Queue: SettlingQueue>(from source: Int, countingPaths: Bool, queue: inout Queue) -> Int {
        // Locals, so the loop does not reload the buffers from the object after every store.
        let order = order, offsets = offsets, neighbors = neighbors, length = length, distance = distance
        let pathCount = pathCount, state = state
        let predecessorSlots = predecessorSlots, predecessorNodes = predecessorNodes, predecessorCount = predecessorCount
        queue.start()
        queue.place(Int32(source), at: 0)
        var settled = 0
        while true {
            let batchEnd = queue.settle(into: order, count: settled)
            if batchEnd == settled { return settled }
            for i in settled..<batchEnd {
                let v32 = order[i]
                let v = Int(v32)
                let d = distance[v]
                for k in offsets[v]..<offsets[v + 1] {
                    let w = Int(neighbors[k])
                    let candidate = d + length[k]
                    let current = distance[w]
                    // A settled node is never improved (its distance is at most d); it can only tie when a length
                    // vanishes against d in rounding, and then it is not a successor: only ties look at the state.
                    if candidate < current {
                        distance[w] = candidate
                        queue.place(Int32(truncatingIfNeeded: w), at: candidate)
                        if countingPaths {
                            pathCount[w] = pathCount[v]
                            predecessorSlots[offsets[w]] = Int32(truncatingIfNeeded: k)
                            predecessorNodes[offsets[w]] = v32
                            predecessorCount[w] = 1
                        }
                    } else if countingPaths && candidate == current && state[w] != -2 {
                        pathCount[w] += pathCount[v]
                        let slot = offsets[w] + Int(predecessorCount[w])
                        predecessorSlots[slot] = Int32(truncatingIfNeeded: k)
                        predecessorNodes[slot] = v32
                        predecessorCount[w] += 1
                    }
                }
            }
            settled = batchEnd
        }
    }
}
