import Foundation
import RelGraphAnalysis
import RelGraphCore

/// `relgraph compare` output: a table, JSON or CSV of the node and tie changes between two eras, and a diff
/// diagram in DOT.
public enum ComparisonReport {
    public static func json(_ c: EraComparison) throws -> String {
        func optional(_ v: Double?) -> Any { v.map { $0 as Any } ?? NSNull() }
        func optional(_ v: Int?) -> Any { v.map { $0 as Any } ?? NSNull() }
        let object: [String: Any] = [
            "from": c.from, "to": c.to, "measure": c.measure.rawValue,
            "summary": [
                "tie_jaccard": c.tieJaccard, "spearman": optional(c.spearman), "entered": c.entered, "left": c.left,
                "ties": Dictionary(grouping: c.ties, by: \.status.rawValue).mapValues(\.count),
            ] as [String: Any],
            "nodes": c.nodes.map {
                [
                    "node": $0.node, "from_score": optional($0.fromScore), "to_score": optional($0.toScore),
                    "from_rank": optional($0.fromRank), "to_rank": optional($0.toRank), "change": $0.change,
                    "rank_change": optional($0.rankChange),
                ] as [String: Any]
            },
            "ties": c.ties.map {
                [
                    "source": $0.source, "target": $0.target, "status": $0.status.rawValue, "from_weight": $0.fromWeight,
                    "to_weight": $0.toWeight, "from_tone": optional($0.fromTone), "to_tone": optional($0.toTone),
                    "tone_change": optional($0.toneChange),
                ] as [String: Any]
            },
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Two tables in one CSV, told apart by the first column (`node` or `tie`).
    public static func csv(_ c: EraComparison) -> String {
        func n(_ v: Double?) -> String { v.map(CSV.number) ?? "" }
        func i(_ v: Int?) -> String { v.map(String.init) ?? "" }
        var out = CSV.row(["row", "id", "other", "status", "from", "to", "change", "from_rank", "to_rank", "rank_change", "tone_change"])
        for x in c.nodes {
            let status = x.fromScore == nil ? "entered" : x.toScore == nil ? "left" : "present"
            out += CSV.row(["node", x.node, "", status, n(x.fromScore), n(x.toScore), CSV.number(x.change), i(x.fromRank), i(x.toRank), i(x.rankChange), ""])
        }
        for t in c.ties {
            out += CSV.row(["tie", t.source, t.target, t.status.rawValue, CSV.number(t.fromWeight), CSV.number(t.toWeight), CSV.number(t.toWeight - t.fromWeight), "", "", "", n(t.toneChange)])
        }
        return out
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

    /// A diff diagram: added ties green, removed ties red and dashed, strengthened blue, weakened orange, unchanged
    /// grey; pen width grows with the change in weight. Nodes that entered are green, nodes that left are grey.
    public static func dot(_ c: EraComparison, graph: RelationshipGraph) -> String {
        let labels = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.id.rawValue, $0.label) })
        var out = "graph \(DOTWriter.quote("\(c.from)-to-\(c.to)")) {\n"
        out += "  graph [label=\(DOTWriter.quote("\(c.from) → \(c.to): green added, red removed, blue stronger, orange weaker")), labelloc=t, fontname=\"Helvetica\", overlap=false];\n"
        out += "  node [fontname=\"Helvetica\", fontsize=11, style=filled, shape=ellipse];\n"
        let entered = Set(c.entered)
        let left = Set(c.left)
        for node in c.nodes {
            let fill = entered.contains(node.node) ? "#c8e6c9" : left.contains(node.node) ? "#e0e0e0" : "#cfe2f3"
            out += "  \(DOTWriter.quote(node.node)) [label=\(DOTWriter.quote(labels[node.node] ?? node.node)), fillcolor=\"\(fill)\"];\n"
        }
        for t in c.ties {
            let color: String
            var style = "solid"
            switch t.status {
            case .added: color = "#2e7d32"
            case .removed: color = "#c62828"; style = "dashed"
            case .strengthened: color = "#1565c0"
            case .weakened: color = "#ef6c00"
            case .unchanged: color = "#9e9e9e"
            }
            let width = 1 + min(6, abs(t.toWeight - t.fromWeight))
            out += "  \(DOTWriter.quote(t.source)) -- \(DOTWriter.quote(t.target)) [color=\"\(color)\", style=\(style), penwidth=\(DOTWriter.format(width)), tooltip=\(DOTWriter.quote("\(t.status.rawValue): \(CSV.number(t.fromWeight)) → \(CSV.number(t.toWeight))"))];\n"
        }
        return out + "}\n"
    }
}
