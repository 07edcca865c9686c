import Foundation
import RelGraphAnalysis
import RelGraphCore

/// Reads an edge list: one edge `u v [w]` per line, fields separated by spaces, tabs or commas; `#` starts a
/// comment; a missing weight is 1. Node names are kept in order of first appearance.
///
/// Parses bytes directly — no `String` per line or field, a name table keyed by bytes — because reading the file
/// is most of the time of analysing a large graph.
public enum EdgeListReader {
    public static func read(_ text: String, file: String) throws -> WeightedGraph {
        try read(bytes: Array(text.utf8), file: file)
    }

    public static func read(bytes: [UInt8], file: String) throws -> WeightedGraph {
        var names = NameTable()
        var edges: [(u: Int, v: Int, weight: Double)] = []
        edges.reserveCapacity(bytes.count / 12)
        try bytes.withUnsafeBufferPointer { text in
            var i = 0
            var line = 0
            let n = text.count
            var fields: [Range<Int>] = []
            fields.reserveCapacity(4)
            while i < n {
                line += 1
                fields.removeAll(keepingCapacity: true)
                var end = i
                while end < n && text[end] != 0x0A { end += 1 }
                var k = i
                while k < end {
                    let b = text[k]
                    if b == UInt8(ascii: "#") { break }
                    if b == 0x20 || b == 0x09 || b == 0x2C || b == 0x0D {
                        k += 1
                        continue
                    }
                    let start = k
                    while k < end {
                        let c = text[k]
                        if c == 0x20 || c == 0x09 || c == 0x2C || c == 0x0D || c == UInt8(ascii: "#") { break }
                        k += 1
                    }
                    fields.append(start..<k)
                    if fields.count > 3 { break }
                }
                i = end + 1
                if fields.isEmpty { continue }
                guard fields.count == 2 || fields.count == 3 else {
                    throw GraphInputError(file: file, line: line, message: "expected \"u v [weight]\", found \(fields.count) fields")
                }
                var weight = 1.0
                if fields.count == 3 {
                    guard let w = parseNumber(text, fields[2]), w.isFinite else {
                        let field = String(decoding: UnsafeBufferPointer(rebasing: text[fields[2]]), as: UTF8.self)
                        throw GraphInputError(file: file, line: line, message: "weight \"\(field)\" is not a number")
                    }
                    guard w > 0 else {
                        let field = String(decoding: UnsafeBufferPointer(rebasing: text[fields[2]]), as: UTF8.self)
                        throw GraphInputError(file: file, line: line, message: "weight \(field) must be positive (distances are 1/weight)")
                    }
                    weight = w
                }
                let u = names.id(UnsafeBufferPointer(rebasing: text[fields[0]]))
                let v = names.id(UnsafeBufferPointer(rebasing: text[fields[1]]))
                edges.append((u, v, weight))
            }
        }
        return WeightedGraph(names: names.names, edges: edges)
    }

    /// A decimal number: fast for integers and plain decimals, Foundation's parser for anything else ("1e-3").
    static func parseNumber(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var i = range.lowerBound
        var negative = false
        if i < range.upperBound && (text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+")) {
            negative = text[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        var sawPoint = false
        while i < range.upperBound {
            let b = text[i]
            if b >= 0x30 && b <= 0x39 {
                if digits < 18 {
                    mantissa = mantissa * 10 + UInt64(b - 0x30)
                    digits += 1
                    if sawPoint { scale += 1 }
                } else if !sawPoint {
                    scale -= 1
                }
            } else if b == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else {
                return Double(String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self))
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        // Exact for up to 15 significant digits and small scales, as Double(String) would give.
        guard digits <= 15, scale >= 0, scale <= 22 else {
            return Double(String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self))
        }
        let value = Double(mantissa) / pow10[scale]
        return negative ? -value : value
    }

    private static let pow10: [Double] = (0...22).map { Double("1e\($0)")! }
}

/// Node names by their bytes: an open-addressing table that makes a `String` only for a name seen first.
struct NameTable {
    private(set) var names: [String] = []
    private var hashes: [UInt64] = []
    private var pool: [UInt8] = []
    private var offsets: [Int] = [0]
    private var slots = [Int32](repeating: -1, count: 1024)

    mutating func id(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let h = FNV1a.hash(key)
        var mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let id = Int(slots[slot])
            if id < 0 { break }
            if hashes[id] == h && offsets[id + 1] - offsets[id] == key.count {
                var equal = true
                let start = offsets[id]
                for i in 0..<key.count where pool[start + i] != key[i] {
                    equal = false
                    break
                }
                if equal { return id }
            }
            slot = (slot + 1) & mask
        }
        let id = names.count
        names.append(String(decoding: key, as: UTF8.self))
        hashes.append(h)
        pool.append(contentsOf: key)
        offsets.append(pool.count)
        if names.count * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            mask = slots.count - 1
            for (i, hash) in hashes.enumerated() {
                var s = Int(truncatingIfNeeded: hash) & mask
                while slots[s] >= 0 { s = (s + 1) & mask }
                slots[s] = Int32(i)
            }
        } else {
            slots[slot] = Int32(id)
        }
        return id
    }
}
