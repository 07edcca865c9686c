import Crypto
import Foundation
import RelGraphCore

/// The identity of a document's content: SHA-256 over its id, metadata, format and bytes.
///
/// Two posts with the same hash are the same document, so the second changes nothing. The id is part of the
/// content: a batch build counts two files with the same text under two names as two documents, and so does a
/// store. A document posted without an id gets one from its content (``derivedID(for:)``), so posting the same
/// text again finds it.
public enum ContentHash {
    public static func of(_ document: SourceDocument) -> String {
        var hasher = SHA256()
        func field(_ string: String?) {
            // Length-prefixed, so that no two different field lists hash the same bytes.
            let bytes = Array((string ?? "\u{0}null").utf8)
            withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(data: bytes)
        }
        field("relgraph-document-v1")
        field(document.info.id)
        field(document.info.title)
        field(document.info.date?.description)
        field(document.info.source)
        field(document.format.rawValue)
        hasher.update(data: document.bytes)
        return hex(hasher.finalize())
    }

    /// An id for a document posted without one: `doc-` and the first 16 hex digits of the SHA-256 of its text.
    public static func derivedID(for bytes: [UInt8]) -> String {
        "doc-" + String(hex(SHA256.hash(data: bytes)).prefix(16))
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
