/// The CSV of every relgraph report (RFC 4180 quoting), written row by row into a ``ByteSink``.
///
/// ```swift
/// var sink = ByteSink()
/// CSV.write(["node", "pagerank"], to: &sink)
/// CSV.write(["country:peru", CSV.number(0.25)], to: &sink)   // "country:peru,0.25\n"
/// ```
public enum CSV {
    public static func field(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D })
        else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// One row, as text (for short outputs).
    public static func row(_ fields: [String]) -> String {
        ByteSink.text { write(fields, to: &$0) }
    }

    /// Appends one row and its line end.
    public static func write(_ fields: [String], to sink: inout ByteSink) {
        for (i, f) in fields.enumerated() {
            if i > 0 { sink.append(UInt8(ascii: ",")) }
            sink.append(field(f))
        }
        sink.append(0x0A)
        sink.recordEnded()
    }

    /// Shortest text that reads back as the same Double: integers without a fraction, NaN (no value) as an empty
    /// cell, infinities as `inf` / `-inf` (what Python's `float()` and pandas read as infinity).
    public static func number(_ value: Double) -> String {
        if value.isNaN { return "" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
}
