import RelGraphCore

/// An open-addressing hash table from normalised token bytes to dense ids, looked up without allocating.
///
/// Holds the tokens of every knowledge-base name and every trigger word; tokens of the text that are not in it get
/// no id and can start no match.
struct TokenVocabulary: Sendable {
    private var pool: [UInt8] = []
    private var offsets: [Int32] = []  // per id: start in pool; lengths via offsets[id + 1]
    private var hashes: [UInt64] = []
    private var slots: [Int32] = Array(repeating: -1, count: 1024)

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
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func rehash(capacity: Int) {
        slots = Array(repeating: -1, count: capacity)
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
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return -1 }
            if hashes[Int(id)] == hash {
                let start = Int(offsets[Int(id)])
                let end = Int(offsets[Int(id) + 1])
                if end - start == key.count {
                    var equal = true
                    for i in 0..<key.count where pool[start + i] != key[i] {
                        equal = false
                        break
                    }
                    if equal { return id }
                }
            }
            slot = (slot + 1) & mask
        }
    }
}
