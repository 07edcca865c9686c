/// The one JSON writer of relgraph: streaming, objects with keys in the order written, two-space indentation (or,
/// `compact`, none, and no space after `,` and `:`), numbers in their shortest round-trip form. Every JSON relgraph writes (graph.json and the reports of `analyze`,
/// `communities`, `compare`, `neighbors`) goes through it into a ``ByteSink``, so a large result is never built as a
/// tree first (Foundation's `JSONEncoder` and `JSONSerialization` do that, and took most of the time on large
/// outputs).
///
/// ```swift
/// var w = JSONWriter(into: ByteSink())
/// w.beginObject(); w.field("measure", "pagerank"); w.endObject()
/// ```
struct JSONWriter {
    var out: ByteSink
    private var depth = 0
    /// Per open container: whether it has had an element yet.
    private var hasElement: [Bool] = []

    /// No indentation and no spaces after separators: for large files (graph.json), written one record per line.
    let compact: Bool

    init(into sink: ByteSink, compact: Bool = false) {
        out = sink
        self.compact = compact
    }

    /// The bytes written (an in-memory sink).
    var bytes: [UInt8] { out.bytes }

    private mutating func newline() {
        out.recordEnded()
        out.append(0x0A)
        if compact { return }
        for _ in 0..<depth { out.append(0x20); out.append(0x20) }
    }

    /// Separator and indentation before a new element of the current container (on one line inside an inline
    /// container: `{"doc": "a", "start": 3}`).
    private mutating func element() {
        guard !hasElement.isEmpty else { return }
        let hadElement = hasElement[hasElement.count - 1]
        if hadElement { out.append(UInt8(ascii: ",")) }
        hasElement[hasElement.count - 1] = true
        if inlineDepth > 0 {
            if hadElement && !compact { out.append(0x20) }
        } else {
            newline()
        }
    }

    /// How many of the open containers are written on one line (an inline container's children are too).
    private var inlineDepth = 0

    mutating func key(_ name: String) {
        element()
        string(name, asElement: false)
        out.append(UInt8(ascii: ":"))
        if !compact { out.append(0x20) }
        pendingValue = true
    }

    /// True right after a key: the value follows on the same line.
    private var pendingValue = false

    private mutating func beginValue() {
        if pendingValue { pendingValue = false } else { element() }
    }

    /// `inline: true` writes the object, and everything in it, on one line: for the many small records of a
    /// large file (evidence items, mentions), which would otherwise take a line per field.
    mutating func beginObject(inline: Bool = false) { open(UInt8(ascii: "{"), inline: inline) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "["), inline: false) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8, inline: Bool) {
        beginValue()
        out.append(bracket)
        depth += 1
        hasElement.append(false)
        if inline || inlineDepth > 0 { inlineDepth += 1 }
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        let hadElement = hasElement.removeLast()
        if inlineDepth > 0 {
            inlineDepth -= 1
        } else if hadElement {
            newline()
        }
        out.append(bracket)
    }

    mutating func null() {
        beginValue()
        out.append("null")
    }

    mutating func bool(_ value: Bool) {
        beginValue()
        out.append(value ? "true" : "false")
    }

    mutating func int(_ value: Int) {
        beginValue()
        out.append(String(value))
    }

    mutating func unsigned(_ value: UInt64) {
        beginValue()
        out.append(String(value))
    }

    mutating func double(_ value: Double) {
        beginValue()
        // JSON has no NaN or infinities: a value that is not a number is written as null.
        guard value.isFinite else { out.append("null"); return }
        if value == value.rounded(), abs(value) < 1e15 {
            out.append(String(Int(value)))
        } else {
            out.append(value.description)
        }
    }

    mutating func string(_ value: String) { string(value, asElement: true) }

    private mutating func string(_ value: String, asElement: Bool) {
        if asElement { beginValue() }
        out.append(UInt8(ascii: "\""))
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(value)
            out.append(UInt8(ascii: "\""))
            return
        }
        for b in value.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(0x5C); out.append(b)
            case UInt8(ascii: "\\"): out.append(0x5C); out.append(b)
            case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append("\\u00")
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 15)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    // Conveniences for "key": value pairs.
    mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    mutating func field(_ name: String, _ value: Int) { key(name); int(value) }
    mutating func field(_ name: String, _ value: Double) { key(name); double(value) }
    mutating func field(_ name: String, _ value: String?) { key(name); if let value { string(value) } else { null() } }
    mutating func field(_ name: String, _ value: Int?) { key(name); if let value { int(value) } else { null() } }
    mutating func field(_ name: String, _ value: Double?) { key(name); if let value { double(value) } else { null() } }
    mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }
    mutating func field(_ name: String, _ values: [String]) {
        key(name)
        beginArray()
        for v in values { string(v) }
        endArray()
    }
}
