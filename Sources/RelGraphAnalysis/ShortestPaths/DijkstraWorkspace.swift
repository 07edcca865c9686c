/// Buffers for single-source shortest paths on a ``WeightedGraph`` with edge length `1 / weight`, reused from one
/// source to the next and owned by one thread, so the inner loops neither allocate nor check array uniqueness.
///
/// After ``run(from:countingPaths:)``: `order[0..<orderCount]` lists the reached nodes by non-decreasing distance,
/// `distance[v]` is their distance, and, when paths are counted, `pathCount[v]` the number of shortest paths from
/// the source, with the predecessors of `v` in `predecessorNodes[offsets[v] ..< offsets[v] + predecessorCount[v]]`
/// and the CSR slots of those last edges in `predecessorSlots` (a node has at most as many predecessors as
/// neighbours, so its CSR range holds them).
final class DijkstraWorkspace {
    let graph: WeightedGraph
    let nodeCount: Int
    private let offsets: UnsafeMutablePointer<Int>
    private let neighbors: UnsafeMutablePointer<Int32>
    /// 1 / weight per CSR slot.
    private let length: UnsafeMutablePointer<Double>
    let distance: UnsafeMutablePointer<Double>
    let pathCount: UnsafeMutablePointer<Double>
    let order: UnsafeMutablePointer<Int32>
    private(set) var orderCount = 0
    let predecessorSlots: UnsafeMutablePointer<Int32>
    let predecessorNodes: UnsafeMutablePointer<Int32>
    let predecessorCount: UnsafeMutablePointer<Int32>
    /// Indexed binary min-heap on `distance`: `heap[0..<heapCount]` are nodes, `position[v]` is v's index in it,
    /// -1 when not in it, -2 once settled.
    private let heap: UnsafeMutablePointer<Int32>
    /// The distance of each heap entry, beside it: sifting compares neighbouring memory, not `distance[heap[i]]`.
    private let heapKey: UnsafeMutablePointer<Double>
    private let position: UnsafeMutablePointer<Int32>
    private var heapCount = 0

    init(_ graph: WeightedGraph) {
        self.graph = graph
        let n = graph.nodeCount
        let slots = graph.neighbors.count
        nodeCount = n
        offsets = .allocate(capacity: n + 1)
        offsets.initialize(from: graph.offsets, count: n + 1)
        neighbors = .allocate(capacity: max(1, slots))
        neighbors.initialize(from: graph.neighbors, count: slots)
        length = .allocate(capacity: max(1, slots))
        for k in 0..<slots { length[k] = 1 / graph.weights[k] }
        distance = .allocate(capacity: n)
        distance.initialize(repeating: .infinity, count: n)
        pathCount = .allocate(capacity: n)
        pathCount.initialize(repeating: 0, count: n)
        order = .allocate(capacity: n)
        predecessorSlots = .allocate(capacity: max(1, slots))
        predecessorNodes = .allocate(capacity: max(1, slots))
        predecessorCount = .allocate(capacity: n)
        predecessorCount.initialize(repeating: 0, count: n)
        heap = .allocate(capacity: n)
        heapKey = .allocate(capacity: n)
        position = .allocate(capacity: n)
        position.initialize(repeating: -1, count: n)
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
        heap.deallocate()
        heapKey.deallocate()
        position.deallocate()
    }

    /// Shortest paths from `source`; resets only what the previous run touched.
    func run(from source: Int, countingPaths: Bool) {
        for i in 0..<orderCount {
            let v = Int(order[i])
            distance[v] = .infinity
            pathCount[v] = 0
            position[v] = -1
            predecessorCount[v] = 0
        }
        orderCount = 0
        heapCount = 0
        distance[source] = 0
        pathCount[source] = 1
        insert(Int32(source))
        while heapCount > 0 {
            let v32 = popMinimum()
            let v = Int(v32)
            position[v] = -2
            order[orderCount] = v32
            orderCount += 1
            let d = distance[v]
            for k in offsets[v]..<offsets[v + 1] {
                let w = Int(neighbors[k])
                let p = position[w]
                if p == -2 { continue }
                let candidate = d + length[k]
                let current = distance[w]
                if candidate < current {
                    distance[w] = candidate
                    if p == -1 { insert(Int32(w)) } else { siftUp(Int(p)) }
                    if countingPaths {
                        pathCount[w] = pathCount[v]
                        predecessorSlots[offsets[w]] = Int32(k)
                        predecessorNodes[offsets[w]] = v32
                        predecessorCount[w] = 1
                    }
                } else if countingPaths && candidate == current {
                    pathCount[w] += pathCount[v]
                    let slot = offsets[w] + Int(predecessorCount[w])
                    predecessorSlots[slot] = Int32(k)
                    predecessorNodes[slot] = v32
                    predecessorCount[w] += 1
                }
            }
        }
        // Nodes never reached were never touched; settled ones are reset at the next run.
    }

    @inline(__always) private func insert(_ v: Int32) {
        heap[heapCount] = v
        heapKey[heapCount] = distance[Int(v)]
        position[Int(v)] = Int32(heapCount)
        heapCount += 1
        siftUp(heapCount - 1)
    }

    /// Moves entry `start` up after its node's distance decreased (or it was just added).
    @inline(__always) private func siftUp(_ start: Int) {
        var i = start
        let v = heap[i]
        let key = distance[Int(v)]
        while i > 0 {
            let parent = (i - 1) >> 1
            let parentKey = heapKey[parent]
            guard parentKey > key else { break }
            let p = heap[parent]
            heap[i] = p
            heapKey[i] = parentKey
            position[Int(p)] = Int32(i)
            i = parent
        }
        heap[i] = v
        heapKey[i] = key
        position[Int(v)] = Int32(i)
    }

    @inline(__always) private func popMinimum() -> Int32 {
        let top = heap[0]
        heapCount -= 1
        if heapCount > 0 {
            let last = heap[heapCount]
            let key = heapKey[heapCount]
            var i = 0
            while true {
                let left = 2 * i + 1
                if left >= heapCount { break }
                let right = left + 1
                var child = left
                var childKey = heapKey[left]
                if right < heapCount {
                    let rightKey = heapKey[right]
                    if rightKey < childKey {
                        child = right
                        childKey = rightKey
                    }
                }
                guard childKey < key else { break }
                let c = heap[child]
                heap[i] = c
                heapKey[i] = childKey
                position[Int(c)] = Int32(i)
                i = child
            }
            heap[i] = last
            heapKey[i] = key
            position[Int(last)] = Int32(i)
        }
        return top
    }
}
