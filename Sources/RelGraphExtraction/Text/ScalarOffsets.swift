/// Converts UTF-8 byte offsets of a document into Unicode code-point offsets, which is what relgraph publishes
/// (Python's `text[start:end]` counts code points).
///
/// Keeps one checkpoint per 64 bytes, so a conversion costs at most 63 byte tests and the table is 1/8 of the
/// text's size in `Int32`s.
public struct ScalarOffsets: Sendable {
    private let checkpoints: [Int32]
    private let bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var checkpoints: [Int32] = []
        checkpoints.reserveCapacity(bytes.count / 64 + 2)
        var count: Int32 = 0
        bytes.withUnsafeBytes { raw in
            let n = raw.count
            var block = 0
            // Whole 64-byte blocks, eight bytes at a time: a byte starts a scalar unless it is 0b10xxxxxx.
            while block + 64 <= n {
                checkpoints.append(count)
                var continuation = 0
                for w in 0..<8 {
                    let x = raw.loadUnaligned(fromByteOffset: block + 8 * w, as: UInt64.self)
                    continuation += (x & ~(x << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                }
                count += Int32(64 - continuation)
                block += 64
            }
            if block < n { checkpoints.append(count) }
            for i in block..<n where raw[i] & 0xC0 != 0x80 { count += 1 }
        }
        checkpoints.append(count)
        self.checkpoints = checkpoints
    }

    /// The code-point offset of byte offset `byteOffset` (which should be on a scalar boundary).
    public func scalarOffset(_ byteOffset: Int) -> Int {
        precondition(byteOffset >= 0 && byteOffset <= bytes.count, "byte offset out of range")
        let block = byteOffset >> 6
        var count = Int(checkpoints[block])
        var i = block << 6
        while i < byteOffset {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }
}
