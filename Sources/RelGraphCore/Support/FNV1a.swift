/// The 64-bit FNV-1a hash, fed one byte at a time: the one hash relgraph uses for byte strings (token vocabulary,
/// normalised line and sentence keys, node names of an edge list).
///
/// ```swift
/// var h = FNV1a()
/// for b in "north korea".utf8 { h.add(b) }
/// let key = h.value
/// ```
///
/// Reference: G. Fowler, L. C. Noll, K.-P. Vo, "The FNV non-cryptographic hash algorithm" (IETF draft).
@frozen
public struct FNV1a: Sendable {
    /// The hash of the bytes added so far.
    public var value: UInt64 = 0xcbf2_9ce4_8422_2325

    @inlinable
    public init() {}

    @inlinable @inline(__always)
    public mutating func add(_ byte: UInt8) {
        value ^= UInt64(byte)
        value &*= 0x100_0000_01b3
    }

    /// The hash of `bytes`.
    @inlinable @inline(__always)
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = FNV1a()
        for b in bytes { h.add(b) }
        return h.value
    }
}
