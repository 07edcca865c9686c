import Foundation
import RelGraphCore

/// Graphviz DOT for one era of a relationship graph, in relgraph's visual language (``DiagramStyle``).
///
/// By default one line per pair of entities: width by total weight, colour by net tone, a tooltip listing the
/// relations and the evidence count; structural ties thin and dotted. Node shape and colour say the kind, the size
/// of the name its centrality. The title names the era, its years and what the large-graph guard left out; a legend
/// explains the rest. With a ``PinnedLayout`` every node is pinned (`pos="x,y!"`) and invisible corner nodes fix the
/// frame, so the era draws with `neato -n2` (in-process: the `nop2` engine) in the same place as every other era.
///
/// ```swift
/// let dot = DOTWriter.write(graph, era: "putin")                       // own layout
/// let content = EraDiagramContent(graph, era: era, options: options)
/// let pinned = DOTWriter.write(content, layout: sharedLayout)          // shared positions
/// ```
public enum DOTWriter {
    public static func write(_ graph: RelationshipGraph, era: String, options: DiagramOptions = DiagramOptions()) -> String {
        let era = graph.eras.first { $0.id == era } ?? Era(id: era, label: era, start: nil, end: nil)
        return write(EraDiagramContent(graph, era: era, options: options), layout: nil)
    }

    /// Beyond this many drawn ties, edges are straight lines (routing around nodes costs quadratic time) and carry
    /// no weight labels.
    static let detailedTies = 80

    public static func write(_ content: EraDiagramContent, layout: PinnedLayout?) -> String {
        let options = content.options
        let engine = options.engine ?? .default(nodeCount: content.nodes.count)
        let detailed = content.drawnTies <= detailedTies
        var out = "graph \(quote(content.era.id)) {\n"
        if layout != nil {
            out += "  // positions are pinned: draw with `neato -n2` (or any engine, which keeps pinned nodes in place)\n"
        }
        out += "  graph [label=\(quoteText(content.title)), labelloc=t, fontsize=26, fontname=\(quote(DiagramStyle.font)), "
        out += "layout=\(layout == nil ? engine.rawValue : "neato"), overlap=\(layout == nil ? "false" : "true"), "
        // At most 24 inches a side: a bitmap of a large union stays about 2,300 pixels wide (vector formats scale).
        out += "splines=\(detailed ? "true" : "line"), outputorder=edgesfirst, pad=0.3, sep=\"+8\", bgcolor=white, size=\"24,24\""
        // Pinned positions are in points (Graphviz's own unit for `pos`, as `neato -n2` reads it).
        out += layout == nil ? "];\n" : ", inputscale=72, notranslate=true];\n"
        out += "  node [fontname=\(quote(DiagramStyle.font)), style=\"filled\", penwidth=1.2, margin=\"0.08,0.04\"];\n"
        out += "  edge [fontname=\(quote(DiagramStyle.font)), fontsize=11, fontcolor=\"#444444\"];\n"
        for node in content.nodes {
            let share = content.share[node.id] ?? 1
            var attributes = [
                "label=\(quoteText(node.label))", "shape=\(DiagramStyle.shape(node.kind))",
                "fillcolor=\(quote(DiagramStyle.fill(node.kind)))", "color=\(quote(DiagramStyle.border(node.kind)))",
                "fontsize=\(format(DiagramStyle.fontSize(share: share)))",
                "tooltip=\(quoteText("\(node.kind.rawValue): \(node.label) (\(node.id.rawValue)); \(node.mentions.count) mentions"))",
            ]
            if let p = layout?.positions[node.id] { attributes.append("pos=\(quote(PinnedLayout.pinned(p)))") }
            out += "  \(quote(node.id.rawValue)) [\(attributes.joined(separator: ", "))];\n"
        }
        let labels = Dictionary(uniqueKeysWithValues: content.nodes.map { ($0.id, $0.label) })
        switch options.edges {
        case .pair:
            let maxWeight = content.ties.map(\.weight).max() ?? 1
            for tie in content.ties { out += pairLine(tie, labels: labels, maxWeight: maxWeight, detailed: detailed) }
        case .perRelation:
            let maxWeight = content.edges.map(\.weight).max() ?? 1
            for edge in content.edges { out += relationLine(edge, labels: labels, maxWeight: maxWeight, detailed: detailed) }
        }
        if options.legend { out += DiagramStyle.legend(sizedBy: options.sizeBy?.rawValue).dot(layout: layout) }
        if let layout {
            // Invisible corners: every era of the same layout has the same frame.
            for (name, p) in [("frame-low", layout.low), ("frame-high", layout.high)] {
                out += "  \(quote(name)) [style=invis, shape=point, width=0.01, label=\"\", pos=\(quote(PinnedLayout.pinned(p)))];\n"
            }
        }
        out += "}\n"
        return out
    }

    static func pairLine(_ tie: PairTie, labels: [EntityID: String], maxWeight: Double, detailed: Bool) -> String {
        var tooltip = "\(labels[tie.a] ?? tie.a.rawValue) — \(labels[tie.b] ?? tie.b.rawValue)"
        for part in tie.parts {
            tooltip += "\n\(part.relation.rawValue) ×\(format(part.weight))"
            if !part.relation.isStructural { tooltip += " (tone \(signed(part.tone)))" }
        }
        tooltip += "\n\(tie.evidenceCount) sentence\(tie.evidenceCount == 1 ? "" : "s") of evidence"
        var attributes = ["tooltip=\(quoteText(tooltip))"]
        if let tone = tie.tone {
            attributes += [
                "color=\(quote(DiagramStyle.color(tone: tone)))",
                "penwidth=\(format(DiagramStyle.penWidth(weight: tie.weight, maxWeight: maxWeight)))",
            ]
            if detailed && tie.weight > 1 { attributes.append("label=\(quote(format(tie.weight)))") }
        } else {
            attributes += ["color=\(quote(DiagramStyle.structuralColor))", "style=dotted", "penwidth=1"]
        }
        return "  \(quote(tie.a.rawValue)) -- \(quote(tie.b.rawValue)) [\(attributes.joined(separator: ", "))];\n"
    }

    static func relationLine(_ edge: Edge, labels: [EntityID: String], maxWeight: Double, detailed: Bool) -> String {
        var tooltip = "\(labels[edge.source] ?? edge.source.rawValue) — \(labels[edge.target] ?? edge.target.rawValue)"
        tooltip += "\n\(edge.relation.rawValue) ×\(format(edge.weight))"
        if !edge.relation.isStructural { tooltip += " (tone \(signed(edge.tone)))" }
        tooltip += "\n\(edge.evidence.count) sentence\(edge.evidence.count == 1 ? "" : "s") of evidence"
        var attributes = ["tooltip=\(quoteText(tooltip))"]
        if edge.relation.isStructural {
            attributes += ["color=\(quote(DiagramStyle.structuralColor))", "style=dotted", "penwidth=1", "dir=forward", "arrowsize=0.5"]
        } else {
            attributes += [
                "color=\(quote(DiagramStyle.color(tone: edge.tone)))",
                "penwidth=\(format(DiagramStyle.penWidth(weight: edge.weight, maxWeight: maxWeight)))",
            ]
            if detailed && edge.weight > 1 { attributes.append("label=\(quote(format(edge.weight)))") }
        }
        return "  \(quote(edge.source.rawValue)) -- \(quote(edge.target.rawValue)) [\(attributes.joined(separator: ", "))];\n"
    }

    /// Displayed text (labels, tooltips, titles) as a DOT string: as ``quote(_:)``, and `&` written `&amp;`, since
    /// Graphviz reads HTML entities in labels ("&amp;" must not be shown as "&").
    public static func quoteText(_ text: String) -> String {
        quote(text.contains("&") ? text.replacingOccurrences(of: "&", with: "&amp;") : text)
    }

    /// A DOT double-quoted string. Quotes and backslashes are escaped (a backslash stays a backslash in labels,
    /// not one of Graphviz's `\N`, `\l` escapes), a line break becomes DOT's `\n`, and other control characters,
    /// which no output format can carry, are dropped.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for ch in text.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += " "
            default:
                if ch.value < 0x20 || ch.value == 0x7F { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }

    /// A number as DOT attributes and labels show it: an integer when whole, else two decimals.
    public static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format2: value)
    }

    static func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + format(value) }
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
