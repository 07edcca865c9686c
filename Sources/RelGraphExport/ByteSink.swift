#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes on their way out: every report and file relgraph writes goes through one of these. Bytes are buffered
/// and handed to a file descriptor a megabyte at a time, so a report of a million scores never exists whole in
/// memory; a sink without a descriptor keeps everything (for tests and for small strings).
///
/// ```swift
/// var sink = ByteSink()            // in memory
/// sink.append("node,pagerank\n")
/// let text = sink.string
/// ```
///
/// Appending never throws: a failed write is remembered, later bytes are dropped, and ``finish()`` reports it.
public struct ByteSink {
    public private(set) var bytes: [UInt8] = []
    private let descriptor: Int32?
    private var failure: Int32?
    /// Buffered bytes are written out once there are this many.
    static let chunk = 1 << 20

    /// A sink that keeps its bytes.
    public init(capacity: Int = 1 << 12) {
        descriptor = nil
        bytes.reserveCapacity(capacity)
    }

    /// A sink that writes to an open file descriptor (which it does not close).
    public init(descriptor: Int32) {
        self.descriptor = descriptor
        bytes.reserveCapacity(Self.chunk + (1 << 12))
    }

    /// What `body` writes, as text: the in-memory form of a streamed report.
    public static func text(_ body: (inout ByteSink) -> Void) -> String {
        var sink = ByteSink()
        body(&sink)
        return sink.string
    }

    /// The bytes kept, as text (in-memory sinks).
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    @inline(__always)
    public mutating func append(_ byte: UInt8) { bytes.append(byte) }

    @inline(__always)
    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    public mutating func append(bytes more: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: more) }

    /// Writes the buffer out if it has grown to a chunk; call between records.
    @inline(__always)
    public mutating func recordEnded() {
        if descriptor != nil && bytes.count >= Self.chunk { flush() }
    }

    /// Writes out whatever is buffered.
    public mutating func flush() {
        guard let descriptor else { return }
        defer { bytes.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
    }

    /// Flushes and reports the first write failure, as the `errno` text.
    public mutating func finish() -> String? {
        flush()
        return failure.map { String(cString: strerror($0)) }
    }
}
