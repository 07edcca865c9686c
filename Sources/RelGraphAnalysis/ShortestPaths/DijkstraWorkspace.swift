/// Buffers for single-source shortest paths on a ``WeightedGraph`` with edge length `1 / weight`, reused from one
/// source to the next (and owned by one thread), so the inner loops allocate nothing.
///
/// After ``run(from:countingPaths:)``: `order[0..<orderCount]` lists the reached nodes by non-decreasing distance,
/// `distance[v]` is their distance, and, when paths are counted, `pathCount[v]` the number of shortest paths from
/// the source and `predecessors` their last edges (the CSR slots `k` with `neighbors[k]` = a predecessor).
struct DijkstraWorkspace {
    let graph: WeightedGraph
    /// 1 / weight per CSR slot: edge lengths, computed once.
    let length: [Double]
    var distance: [Double]
    var pathCount: [Double]
    var settled: [Bool]
    var order: [Int32]
    var orderCount = 0
    /// Predecessor slots of `v` are `predecessorSlots[graph.offsets[v] ..< graph.offsets[v] + predecessorCount[v]]`
    /// (a node has at most as many predecessors as neighbours).
    var predecessorSlots: [Int32]
    /// The predecessor node of each entry of `predecessorSlots`.
    var predecessorNodes: [Int32]
    var predecessorCount: [Int32]
    var heap = DistanceHeap()

    init(_ graph: WeightedGraph, length: [Double]) {
        self.graph = graph
        self.length = length
        let n = graph.nodeCount
        distance = Array(repeating: .infinity, count: n)
        pathCount = Array(repeating: 0, count: n)
        settled = Array(repeating: false, count: n)
        order = Array(repeating: 0, count: n)
        predecessorSlots = Array(repeating: 0, count: graph.neighbors.count)
        predecessorNodes = Array(repeating: 0, count: graph.neighbors.count)
        predecessorCount = Array(repeating: 0, count: n)
    }

    /// Edge lengths `1 / weight`, as NetworkX computes a `distance` attribute.
    static func lengths(_ graph: WeightedGraph) -> [Double] { graph.weights.map { 1 / $0 } }

    /// Shortest paths from `source`; resets only what the previous run touched.
    mutating func run(from source: Int, countingPaths: Bool) {
        for i in 0..<orderCount {
            let v = Int(order[i])
            distance[v] = .infinity
            pathCount[v] = 0
            settled[v] = false
            predecessorCount[v] = 0
        }
        orderCount = 0
        heap.removeAll()
        distance[source] = 0
        pathCount[source] = 1
        heap.push(0, Int32(source))
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.neighbors.withUnsafeBufferPointer { neighbors in
                length.withUnsafeBufferPointer { length in
                    while let (d, v32) = heap.pop() {
                        let v = Int(v32)
                        if settled[v] || d > distance[v] { continue }
                        settled[v] = true
                        order[orderCount] = v32
                        orderCount += 1
                        for k in offsets[v]..<offsets[v + 1] {
                            let w = Int(neighbors[k])
                            if settled[w] { continue }
                            let candidate = d + length[k]
                            if candidate < distance[w] {
                                distance[w] = candidate
                                heap.push(candidate, Int32(w))
                                if countingPaths {
                                    pathCount[w] = pathCount[v]
                                    predecessorSlots[offsets[w]] = Int32(k)
                                    predecessorNodes[offsets[w]] = v32
                                    predecessorCount[w] = 1
                                }
                            } else if countingPaths && candidate == distance[w] {
                                pathCount[w] += pathCount[v]
                                predecessorSlots[offsets[w] + Int(predecessorCount[w])] = Int32(k)
                                predecessorNodes[offsets[w] + Int(predecessorCount[w])] = v32
                                predecessorCount[w] += 1
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A binary min-heap of (distance, node) pairs in two parallel arrays; ties pop in no particular order (equal
/// distances cannot precede one another on a shortest path with positive lengths).
struct DistanceHeap {
    private var keys: [Double] = []
    private var nodes: [Int32] = []

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }

    mutating func push(_ key: Double, _ node: Int32) {
        keys.append(key)
        nodes.append(node)
        var i = keys.count - 1
        while i > 0 {
            let parent = (i - 1) >> 1
            guard keys[parent] > key else { break }
            keys[i] = keys[parent]
            nodes[i] = nodes[parent]
            i = parent
        }
        keys[i] = key
        nodes[i] = node
    }

    mutating func pop() -> (Double, Int32)? {
        guard let top = keys.first else { return nil }
        let topNode = nodes[0]
        let lastKey = keys.removeLast()
        let lastNode = nodes.removeLast()
        let n = keys.count
        if n > 0 {
            var i = 0
            while true {
                let left = 2 * i + 1
                guard left < n else { break }
                let right = left + 1
                let child = right < n && keys[right] < keys[left] ? right : left
                guard keys[child] < lastKey else { break }
                keys[i] = keys[child]
                nodes[i] = nodes[child]
                i = child
            }
            keys[i] = lastKey
            nodes[i] = lastNode
        }
        return (top, topNode)
    }
}
