/// Scores of one measure in the three output formats of `relgraph analyze`, streamed: JSON
/// `{"measure", "era", "scores": {"<node>": value}}` (scores in rank order), CSV `node,<measure>`, and an aligned
/// table.
public struct ScoreReport: Sendable {
    public enum Format: String, CaseIterable, Sendable { case json, csv, table }

    public var measure: String
    public var era: String?
    public var ranked: [(name: String, score: Double)]

    public init(measure: String, era: String?, ranked: [(name: String, score: Double)]) {
        self.measure = measure
        self.era = era
        self.ranked = ranked
    }

    public func write(_ format: Format, to sink: inout ByteSink) {
        switch format {
        case .json:
            var w = JSONWriter(into: sink)
            w.beginObject()
            w.field("measure", measure)
            w.field("era", era)
            w.key("scores"); w.beginObject()
            for (name, score) in ranked { w.key(name); w.double(score) }
            w.endObject()
            w.endObject()
            sink = w.out
            sink.append(0x0A)
        case .csv:
            CSV.write(["node", measure], to: &sink)
            for (name, score) in ranked { CSV.write([name, CSV.number(score)], to: &sink) }
        case .table:
            let width = max(4, ranked.map(\.name.count).max() ?? 0)
            TextTable.cell("rank", width: 4, &sink)
            TextTable.cell("node", width: width, &sink)
            sink.append(measure)
            sink.append(0x0A)
            for (i, (name, value)) in ranked.enumerated() {
                TextTable.cell(String(i + 1), width: 4, &sink)
                TextTable.cell(name, width: width, &sink)
                sink.append("\(value)\n")
                sink.recordEnded()
            }
        }
    }

    /// The report as text.
    public func render(_ format: Format) -> String {
        ByteSink.text { write(format, to: &$0) }
    }
}

/// Left-aligned columns of the text tables.
enum TextTable {
    /// `text` padded with spaces to `width` characters, and two spaces of gutter.
    static func cell(_ text: String, width: Int, _ sink: inout ByteSink) {
        sink.append(text)
        for _ in 0..<(max(0, width - text.count) + 2) { sink.append(0x20) }
    }
}
