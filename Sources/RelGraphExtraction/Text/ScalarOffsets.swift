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
        checkpoints.reserveCapacity(bytes.count / 64 + 1)
        var count: Int32 = 0
        bytes.withUnsafeBufferPointer { buffer in
            for (index, byte) in buffer.enumerated() {
                if index & 63 == 0 { checkpoints.append(count) }
                if byte & 0xC0 != 0x80 { count += 1 }
            }
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
