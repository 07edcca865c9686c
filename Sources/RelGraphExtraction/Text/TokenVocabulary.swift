import RelGraphCore

/// An open-addressing hash table from normalised token bytes to dense ids, looked up without allocating.
///
/// Holds the tokens of every knowledge-base name and every trigger word; tokens of the text that are not in it get
/// no id and can start no match.
struct TokenVocabulary: Sendable {
    private var pool: [UInt8] = []
    private var offsets: [Int32] = []  // per id: start in pool; lengths via offsets[id + 1]
    private var hashes: [UInt64] = []
    /// Open-addressing slots: the id in the low 32 bits (all ones: empty), the hash's high 32 bits above it, so that
    /// a probe reads one word and compares bytes only when the hashes agree (one cache miss per token, not two).
    private var slots: [UInt64] = Array(repeating: Self.empty, count: 1024)
    private static let empty: UInt64 = 0xFFFF_FFFF

    var count: Int { hashes.count }

    init() { offsets.append(0) }

    /// FNV-1a over normalised bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { FNV1a.hash(bytes) }

    /// The id of a normalised token, inserting it if new.
    mutating func insert(_ key: [UInt8]) -> Int32 {
        let existing = key.withUnsafeBufferPointer { lookup($0) }
        if existing >= 0 { return existing }
        let id = Int32(hashes.count)
        let h = key.withUnsafeBufferPointer { Self.hash($0) }
        pool.append(contentsOf: key)
        offsets.append(Int32(pool.count))
        hashes.append(h)
        if hashes.count * 2 > slots.count { rehash(capacity: slots.count * 2) } else { place(id: id, hash: h) }
        return id
    }

    private mutating func place(id: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != Self.empty { slot = (slot + 1) & mask }
        slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(UInt32(bitPattern: id))
    }

    private mutating func rehash(capacity: Int) {
        slots = Array(repeating: Self.empty, count: capacity)
        for (id, h) in hashes.enumerated() { place(id: Int32(id), hash: h) }
    }

    /// The id of a normalised token, or -1.
    @inline(__always)
    func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        lookup(key, hash: Self.hash(key))
    }

    @inline(__always)
    func lookup(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let mask = slots.count - 1
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == Self.empty { return -1 }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int(entry & 0xFFFF_FFFF)
                let start = Int(offsets[id])
                let end = Int(offsets[id + 1])
                if end - start == key.count {
                    var equal = true
                    for i in 0..<key.count where pool[start + i] != key[i] {
                        equal = false
                        break
                    }
                    if equal { return Int32(id) }
                }
            }
            slot = (slot + 1) & mask
        }
    }
}
