import RelGraphAnalysis
import RelGraphCore

/// The diff diagram of two eras in relgraph's visual language (``DiagramStyle``): entities keep their kind's shape
/// and colour and — given the eras' ``PinnedLayout`` — the places they have in the era diagrams. Ties: added
/// green, removed red dashed, strengthened blue, weakened orange, unchanged grey; width by the change in weight.
/// Entities that entered have a thick green border, those that left a dashed grey one.
public enum ComparisonDOTWriter {
    public static func write(_ c: EraComparison, graph: RelationshipGraph, layout: PinnedLayout?) -> String {
        let nodes = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.id.rawValue, $0) })
        let shown = Set(c.nodes.map(\.node).filter { layout?.positions[EntityID(rawValue: $0)] != nil || layout == nil })
        let entered = Set(c.entered)
        let left = Set(c.left)
        var out = "graph \(DOTWriter.quote("\(c.from)-to-\(c.to)")) {\n"
        let hidden = c.nodes.count - shown.count
        var title = "\(c.from) → \(c.to)"
        if hidden > 0 { title += "\n\(shown.count) of \(c.nodes.count) entities (those in the era diagrams)" }
        out += "  graph [label=\(DOTWriter.quoteText(title)), labelloc=t, fontsize=26, fontname=\(DOTWriter.quote(DiagramStyle.font)), "
        out += layout == nil ? "layout=neato, overlap=false, " : "layout=neato, overlap=true, inputscale=72, notranslate=true, "
        out += "splines=\(c.ties.count <= 80 ? "true" : "line"), outputorder=edgesfirst, pad=0.3, bgcolor=white];\n"
        out += "  node [fontname=\(DOTWriter.quote(DiagramStyle.font)), fontsize=14, style=filled, margin=\"0.08,0.04\"];\n"
        for change in c.nodes where shown.contains(change.node) {
            let node = nodes[change.node]
            let kind = node?.kind ?? EntityID(rawValue: change.node).kind ?? .country
            var attributes = [
                "label=\(DOTWriter.quoteText(node?.label ?? change.node))", "shape=\(DiagramStyle.shape(kind))",
                "fillcolor=\(DOTWriter.quote(DiagramStyle.fill(kind)))",
            ]
            if entered.contains(change.node) {
                attributes += ["color=\"#2e7d32\"", "penwidth=3"]
            } else if left.contains(change.node) {
                attributes += ["color=\"#9e9e9e\"", "style=\"filled,dashed\"", "fontcolor=\"#777777\"", "penwidth=2"]
            } else {
                attributes += ["color=\(DOTWriter.quote(DiagramStyle.border(kind)))"]
            }
            if let p = layout?.positions[EntityID(rawValue: change.node)] {
                attributes.append("pos=\(DOTWriter.quote(PinnedLayout.pinned(p)))")
            }
            out += "  \(DOTWriter.quote(change.node)) [\(attributes.joined(separator: ", "))];\n"
        }
        let ties = c.ties.filter { shown.contains($0.source) && shown.contains($0.target) }
        let maxChange = ties.map { abs($0.toWeight - $0.fromWeight) }.max() ?? 1
        for t in ties {
            let (color, style) = self.style(t.status)
            let width = DiagramStyle.penWidth(weight: abs(t.toWeight - t.fromWeight), maxWeight: max(maxChange, 1))
            var tooltip = "\(nodes[t.source]?.label ?? t.source) — \(nodes[t.target]?.label ?? t.target)\n"
            tooltip += "\(t.status.rawValue): weight \(CSV.number(t.fromWeight)) → \(CSV.number(t.toWeight))"
            if let tone = t.toneChange { tooltip += ", tone \(tone >= 0 ? "+" : "")\(DOTWriter.format(tone))" }
            out += "  \(DOTWriter.quote(t.source)) -- \(DOTWriter.quote(t.target)) [color=\"\(color)\", style=\(style), "
            out += "penwidth=\(DOTWriter.format(width)), tooltip=\(DOTWriter.quoteText(tooltip))];\n"
        }
        var legend = EraComparison.TieStatus.allCases.map { status in
            DiagramLegend.Entry("tie \(status.rawValue)", [
                "shape=box", "style=\"filled\"", "fillcolor=\"\(self.style(status).color)\"", "color=\"\(self.style(status).color)\"", "fontcolor=white",
            ], words: "\(self.colourName(status)) line: tie \(status.rawValue)")
        }
        legend.append(.init("entered (thick green border)", ["shape=box", "style=filled", "fillcolor=white", "color=\"#2e7d32\"", "penwidth=3"]))
        legend.append(.init("left (dashed grey border)", ["shape=box", "style=\"filled,dashed\"", "fillcolor=white", "color=\"#9e9e9e\"", "penwidth=2"]))
        legend.append(.init("line width: change in weight", ["shape=plaintext", "style=\"\""]))
        out += DiagramLegend(legend).dot(layout: layout)
        if let layout {
            for (name, p) in [("frame-low", layout.low), ("frame-high", layout.high)] {
                out += "  \(DOTWriter.quote(name)) [style=invis, shape=point, width=0.01, label=\"\", pos=\(DOTWriter.quote(PinnedLayout.pinned(p)))];\n"
            }
        }
        return out + "}\n"
    }

    static func colourName(_ status: EraComparison.TieStatus) -> String {
        switch status {
        case .added: "green"
        case .removed: "dashed red"
        case .strengthened: "blue"
        case .weakened: "orange"
        case .unchanged: "grey"
        }
    }

    static func style(_ status: EraComparison.TieStatus) -> (color: String, style: String) {
        switch status {
        case .added: ("#2e7d32", "solid")
        case .removed: ("#c62828", "dashed")
        case .strengthened: ("#1565c0", "solid")
        case .weakened: ("#ef6c00", "solid")
        case .unchanged: ("#9e9e9e", "solid")
        }
    }
}
