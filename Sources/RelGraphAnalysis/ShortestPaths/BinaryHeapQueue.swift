/// An indexed binary min-heap of nodes on contiguous buffers, each entry's distance stored beside it so that sifting
/// compares neighbouring memory. Settles one node at a time; works for any positive edge lengths.
struct BinaryHeapQueue: SettlingQueue {
    let state: UnsafeMutablePointer<Int32>
    private let heap: UnsafeMutablePointer<Int32>
    private let key: UnsafeMutablePointer<Double>
    private var count = 0

    init(nodeCount n: Int) {
        state = .allocate(capacity: max(1, n))
        state.initialize(repeating: -1, count: n)
        heap = .allocate(capacity: max(1, n))
        key = .allocate(capacity: max(1, n))
    }

    func deallocate() {
        state.deallocate()
        heap.deallocate()
        key.deallocate()
    }

    mutating func start() { count = 0 }

    @inline(__always) mutating func place(_ node: Int32, at distance: Double) {
        let p = state[Int(node)]
        if p < 0 {
            count += 1
            siftUp(node, distance, from: count - 1)
        } else {
            siftUp(node, distance, from: Int(p))
        }
    }

    @inline(__always) mutating func settle(into order: UnsafeMutablePointer<Int32>, count settled: Int) -> Int {
        guard count > 0 else { return settled }
        let top = heap[0]
        state[Int(top)] = -2
        order[settled] = top
        count -= 1
        if count > 0 { siftDown(heap[count], key[count]) }
        return settled + 1
    }

    /// Puts `node` with `distance` at entry `start` or above it.
    @inline(__always) private func siftUp(_ node: Int32, _ distance: Double, from start: Int) {
        var i = start
        while i > 0 {
            let parent = (i - 1) >> 1
            let parentKey = key[parent]
            guard parentKey > distance else { break }
            put(heap[parent], parentKey, at: i)
            i = parent
        }
        put(node, distance, at: i)
    }

    /// Puts `node` with `distance` at the root's place or below it.
    @inline(__always) private func siftDown(_ node: Int32, _ distance: Double) {
        var i = 0
        while true {
            let left = 2 * i + 1
            if left >= count { break }
            var child = left
            var childKey = key[left]
            let right = left + 1
            if right < count {
                let rightKey = key[right]
                if rightKey < childKey {
                    child = right
                    childKey = rightKey
                }
            }
            guard childKey < distance else { break }
            put(heap[child], childKey, at: i)
            i = child
        }
        put(node, distance, at: i)
    }

    /// Stores `node` with its key at heap entry `i`, and records the entry in its state.
    @inline(__always) private func put(_ node: Int32, _ distance: Double, at i: Int) {
        heap[i] = node
        key[i] = distance
        state[Int(node)] = Int32(i)
    }
}
