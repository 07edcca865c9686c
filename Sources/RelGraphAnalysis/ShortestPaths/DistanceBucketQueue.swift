/// A monotone bucket queue for real edge lengths (Dial's algorithm with buckets narrower than the shortest edge):
/// bucket `b` holds the queued nodes whose tentative distance `d` has `⌊d / width⌋ = b`, with
/// `width` just under the shortest edge length.
///
/// Why it is exact: a node's shortest-path predecessor is at least one shortest edge closer, so it lies in an earlier
/// bucket. When the lowest non-empty bucket is reached, every node in it therefore has its final distance, and no
/// node of it can improve (or tie with) another: the whole bucket is settled at once, in any order, and Brandes'
/// reverse pass still meets every node after all the nodes it precedes. Distances and tie tests stay the floating-point
/// sums that a heap-based Dijkstra (NetworkX's) computes; only the settling order within a bucket differs.
///
/// Tentative distances of queued nodes never exceed the current bucket's end by more than the longest edge, so
/// `⌊longest / width⌋ + 3` buckets used as a ring suffice. Each bucket is a doubly linked list threaded through
/// `next`/`previous` per node, so moving a node to an earlier bucket is O(1), and a bitmap of the non-empty slots
/// lets the search for the next bucket pass 64 empty ones per look: at most `(n − 1) · longest / width / 64` looks
/// per source. ``DijkstraWorkspace`` uses buckets only when the ratio of longest to shortest edge is at most
/// ``maximumLengthRatio``, the binary heap otherwise.
struct DistanceBucketQueue: SettlingQueue {
    /// Above this ratio of longest to shortest edge the empty buckets passed could cost more than a heap (at this
    /// ratio, at most 64 looks per node settled).
    static let maximumLengthRatio = 4096.0

    let state: UnsafeMutablePointer<Int32>
    private let next: UnsafeMutablePointer<Int32>
    private let previous: UnsafeMutablePointer<Int32>
    /// First node of each ring slot, -1 when empty.
    private let head: UnsafeMutablePointer<Int32>
    private let slotCount: Int
    /// Bit `s % 64` of word `s / 64` is set when slot `s` is not empty.
    private let occupied: UnsafeMutablePointer<UInt64>
    private let wordCount: Int
    private let inverseWidth: Double
    /// The absolute bucket number last settled, and its ring slot.
    private var current = 0
    private var currentSlot = 0
    private var queued = 0

    /// Nil when the lengths' spread makes buckets a poor choice (unless `anySpread`), or there are no edges.
    init?(nodeCount n: Int, shortest: Double, longest: Double, anySpread: Bool = false) {
        guard shortest > 0, longest.isFinite, anySpread || longest / shortest <= Self.maximumLengthRatio else { return nil }
        // Just under the shortest length, so that rounding in d / width never puts a successor in its predecessor's bucket.
        let width = shortest / (1 + 1e-9)
        inverseWidth = 1 / width
        slotCount = Int(longest * inverseWidth) + 3
        state = .allocate(capacity: max(1, n))
        state.initialize(repeating: -1, count: n)
        next = .allocate(capacity: max(1, n))
        previous = .allocate(capacity: max(1, n))
        head = .allocate(capacity: slotCount)
        head.initialize(repeating: -1, count: slotCount)
        wordCount = (slotCount + 63) / 64
        occupied = .allocate(capacity: wordCount)
        occupied.initialize(repeating: 0, count: wordCount)
    }

    func deallocate() {
        state.deallocate()
        next.deallocate()
        previous.deallocate()
        head.deallocate()
        occupied.deallocate()
    }

    mutating func start() {
        current = 0
        currentSlot = 0
        queued = 0
    }

    @inline(__always) mutating func place(_ node: Int32, at distance: Double) {
        let v = Int(node)
        // At least the bucket after the one being settled, whatever the rounding.
        let ahead = max(0, Int(distance * inverseWidth) - current)
        var slot = currentSlot + ahead
        if slot >= slotCount { slot -= slotCount }
        let old = state[v]
        if old >= 0 {
            if Int(old) == slot { return }
            unlink(v, from: Int(old))
        } else {
            queued += 1
        }
        let first = head[slot]
        next[v] = first
        previous[v] = -1
        if first >= 0 { previous[Int(first)] = node }
        head[slot] = node
        state[v] = Int32(slot)
        occupied[slot >> 6] |= 1 << UInt64(slot & 63)
    }

    @inline(__always) private func unlink(_ v: Int, from slot: Int) {
        let before = previous[v]
        let after = next[v]
        if before >= 0 {
            next[Int(before)] = after
        } else {
            head[slot] = after
            if after < 0 { occupied[slot >> 6] &= ~(1 << UInt64(slot & 63)) }
        }
        if after >= 0 { previous[Int(after)] = before }
    }

    @inline(__always) mutating func settle(into order: UnsafeMutablePointer<Int32>, count settled: Int) -> Int {
        guard queued > 0 else { return settled }
        let found = nextOccupied(from: currentSlot)
        current += found >= currentSlot ? found - currentSlot : found + slotCount - currentSlot
        currentSlot = found
        var count = settled
        var v = head[currentSlot]
        head[currentSlot] = -1
        occupied[currentSlot >> 6] &= ~(1 << UInt64(currentSlot & 63))
        while v >= 0 {
            state[Int(v)] = -2
            order[count] = v
            count += 1
            v = next[Int(v)]
        }
        queued -= count - settled
        // Nodes placed from now on go to later buckets.
        current += 1
        currentSlot += 1
        if currentSlot == slotCount { currentSlot = 0 }
        return count
    }

    /// The first non-empty slot at or after `slot`, going round the ring (some slot is non-empty).
    @inline(__always) private func nextOccupied(from slot: Int) -> Int {
        var word = slot >> 6
        var bits = occupied[word] & (~0 << UInt64(slot & 63))
        while bits == 0 {
            word += 1
            if word == wordCount { word = 0 }
            bits = occupied[word]
        }
        return word << 6 + bits.trailingZeroBitCount
    }
}
