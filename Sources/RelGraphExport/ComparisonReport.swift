import Foundation
import RelGraphAnalysis
import RelGraphCore

/// `relgraph compare` output: a table, JSON or CSV of the node and tie changes between two eras (the diff diagram
/// is `ComparisonDiagram`, in RelGraphRender).
public enum ComparisonReport {
    /// JSON: `{"from", "measure", "nodes": […], "summary": {…}, "ties": […], "to"}`, keys in alphabetical order.
    public static func writeJSON(_ c: EraComparison, to sink: inout ByteSink) {
        var w = JSONWriter(into: sink)
        w.beginObject()
        w.field("from", c.from)
        w.field("measure", c.measure.rawValue)
        w.key("nodes"); w.beginArray()
        for x in c.nodes {
            w.beginObject()
            w.field("change", x.change)
            w.field("from_rank", x.fromRank)
            w.field("from_score", x.fromScore)
            w.field("node", x.node)
            w.field("rank_change", x.rankChange)
            w.field("to_rank", x.toRank)
            w.field("to_score", x.toScore)
            w.endObject()
        }
        w.endArray()
        w.key("summary"); w.beginObject()
        w.field("entered", c.entered)
        w.field("left", c.left)
        w.field("spearman", c.spearman)
        w.field("tie_jaccard", c.tieJaccard)
        w.key("ties"); w.beginObject()
        for (status, count) in Dictionary(grouping: c.ties, by: \.status.rawValue).mapValues(\.count).sorted(by: { $0.key < $1.key }) {
            w.field(status, count)
        }
        w.endObject()
        w.endObject()
        w.key("ties"); w.beginArray()
        for t in c.ties {
            w.beginObject()
            w.field("from_tone", t.fromTone)
            w.field("from_weight", t.fromWeight)
            w.field("source", t.source)
            w.field("status", t.status.rawValue)
            w.field("target", t.target)
            w.field("to_tone", t.toTone)
            w.field("to_weight", t.toWeight)
            w.field("tone_change", t.toneChange)
            w.endObject()
        }
        w.endArray()
        w.field("to", c.to)
        w.endObject()
        sink = w.out
        sink.append(0x0A)
    }

    public static func json(_ c: EraComparison) -> String {
        ByteSink.text { writeJSON(c, to: &$0) }
    }

    /// Two tables in one CSV, told apart by the first column (`node` or `tie`).
    public static func writeCSV(_ c: EraComparison, to sink: inout ByteSink) {
        func n(_ v: Double?) -> String { v.map(CSV.number) ?? "" }
        func i(_ v: Int?) -> String { v.map(String.init) ?? "" }
        CSV.write(["row", "id", "other", "status", "from", "to", "change", "from_rank", "to_rank", "rank_change", "tone_change"], to: &sink)
        for x in c.nodes {
            let status = x.fromScore == nil ? "entered" : x.toScore == nil ? "left" : "present"
            CSV.write(["node", x.node, "", status, n(x.fromScore), n(x.toScore), CSV.number(x.change), i(x.fromRank), i(x.toRank), i(x.rankChange), ""], to: &sink)
        }
        for t in c.ties {
            CSV.write(["tie", t.source, t.target, t.status.rawValue, CSV.number(t.fromWeight), CSV.number(t.toWeight), CSV.number(t.toWeight - t.fromWeight), "", "", "", n(t.toneChange)], to: &sink)
        }
    }

    public static func csv(_ c: EraComparison) -> String {
        ByteSink.text { writeCSV(c, to: &$0) }
    }

    public static func table(_ c: EraComparison, top: Int) -> String {
        func f(_ v: Double?) -> String { v.map { String(format2: $0 * 1000) } ?? "—" }
        var out = "\(c.measure.rawValue) (×1000), \(c.from) → \(c.to)\n"
        out += "  tie overlap (Jaccard) \(String(format2: c.tieJaccard)); Spearman ρ \(c.spearman.map { String(format2: $0) } ?? "—")\n"
        out += "  entered: \(c.entered.isEmpty ? "none" : c.entered.joined(separator: ", "))\n"
        out += "  left: \(c.left.isEmpty ? "none" : c.left.joined(separator: ", "))\n\n"
        let width = max(4, c.nodes.prefix(top).map(\.node.count).max() ?? 0)
        out += "node".padding(toLength: width, withPad: " ", startingAt: 0) + "  from      to        change    rank\n"
        for x in c.nodes.prefix(top) {
            let rank = "\(x.fromRank.map(String.init) ?? "—")→\(x.toRank.map(String.init) ?? "—")"
            out += x.node.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + [f(x.fromScore), f(x.toScore), f(x.change)].map { $0.padding(toLength: 8, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                + "  \(rank)\n"
        }
        out += "\nties\n"
        for t in c.ties.prefix(top) {
            out += "  \(t.status.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(t.source) — \(t.target): \(CSV.number(t.fromWeight)) → \(CSV.number(t.toWeight))"
            if let tone = t.toneChange { out += ", tone \(tone >= 0 ? "+" : "")\(String(format2: tone))" }
            out += "\n"
        }
        return out
    }
}
