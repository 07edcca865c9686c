import Foundation
import RelGraphCore

/// Graphviz DOT for one era of a relationship graph.
///
/// Node shape and colour say the kind (country: ellipse, leader: box, organisation: hexagon, agreement: note);
/// edge colour says the relation (cooperation green, conflict red, neutral grey, structural ties dashed blue) and
/// pen width the weight. Every node and edge carries a tooltip, which the SVG keeps.
public enum DOTWriter {
    public static func write(_ graph: RelationshipGraph, era: String) -> String {
        let edges = graph.edges(inEra: era)
        var used = Set<EntityID>()
        for e in edges { used.insert(e.source); used.insert(e.target) }
        let label = graph.eras.first { $0.id == era }.map(eraTitle) ?? era
        var out = "graph \(quote(era)) {\n"
        out += "  graph [label=\(quote(label)), labelloc=t, fontsize=20, fontname=\"Helvetica\", overlap=false, splines=true, rankdir=LR];\n"
        out += "  node [fontname=\"Helvetica\", fontsize=11, style=filled];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9];\n"
        for node in graph.nodes where used.contains(node.id) {
            let (shape, color) = style(node.kind)
            out += "  \(quote(node.id.rawValue)) [label=\(quote(node.label)), shape=\(shape), fillcolor=\(quote(color)), tooltip=\(quote("\(node.kind.rawValue): \(node.label) — \(node.mentions.count) mentions"))];\n"
        }
        for edge in edges {
            let (color, dashed) = style(edge.relation)
            let width = 1 + min(6, log2(edge.weight) * 1.5)
            var attributes = [
                "color=\(quote(color))", "penwidth=\(format(width))", "weight=\(Int(edge.weight))",
                "tooltip=\(quote("\(edge.relation.rawValue), weight \(format(edge.weight)), tone \(format(edge.tone))"))",
            ]
            if edge.relation.isDirected { attributes.append("dir=forward") }
            if dashed { attributes.append("style=dashed") }
            if edge.weight > 1 { attributes.append("label=\(quote(format(edge.weight)))") }
            out += "  \(quote(edge.source.rawValue)) -- \(quote(edge.target.rawValue)) [\(attributes.joined(separator: ", "))];\n"
        }
        out += "}\n"
        return out
    }

    static func eraTitle(_ era: Era) -> String {
        switch (era.start, era.end) {
        case (let s?, let e?): return "\(era.label) (\(s)–\(e))"
        case (let s?, nil): return "\(era.label) (\(s)–present)"
        default: return era.label
        }
    }

    static func style(_ kind: EntityKind) -> (shape: String, color: String) {
        switch kind {
        case .country: ("ellipse", "#cfe2f3")
        case .leader: ("box", "#fce5cd")
        case .organization: ("hexagon", "#d9ead3")
        case .agreement: ("note", "#fff2cc")
        }
    }

    static func style(_ relation: Relation) -> (color: String, dashed: Bool) {
        switch relation {
        case .cooperation: ("#2e7d32", false)
        case .conflict: ("#c62828", false)
        case .neutral: ("#757575", false)
        case .leads, .partyTo, .memberOf, .successor: ("#1565c0", true)
        }
    }

    /// A DOT double-quoted string.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for ch in text {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(ch)
            }
        }
        return out + "\""
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format2: value)
    }
}

extension String {
    /// Two decimals, without Foundation's locale-dependent formatting.
    init(format2 value: Double) {
        let scaled = (value * 100).rounded()
        let sign = scaled < 0 ? "-" : ""
        let magnitude = Int(abs(scaled))
        let fraction = magnitude % 100
        self = "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
