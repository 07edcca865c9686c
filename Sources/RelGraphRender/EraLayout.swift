import RelGraphCore
import RelGraphExport

/// The layout every era shares: the union of what the eras' diagrams show, laid out once, so that an entity keeps
/// its place from era to era (and in the comparison diagram).
///
/// Each entity is laid out at the largest size it has in any era; the union's ties are the pairs tied in any era.
public enum EraLayout {
    public static func layout(
        _ contents: [EraDiagramContent], engine: LayoutEngine?, context: GraphvizContext
    ) throws -> PinnedLayout {
        var order: [EntityID] = []
        var nodes: [EntityID: (node: Node, share: Double)] = [:]
        var pairs = Set<String>()
        var lines = ""
        for content in contents {
            for node in content.nodes {
                let share = content.share[node.id] ?? 1
                if let seen = nodes[node.id] {
                    if share > seen.share { nodes[node.id]!.share = share }
                } else {
                    nodes[node.id] = (node, share)
                    order.append(node.id)
                }
            }
            let ends = content.options.edges == .pair
                ? content.ties.map { ($0.a, $0.b) }
                : content.edges.map { $0.source < $0.target ? ($0.source, $0.target) : ($0.target, $0.source) }
            for (a, b) in ends where pairs.insert("\(a.rawValue)\u{1}\(b.rawValue)").inserted {
                lines += "  \(DOTWriter.quote(a.rawValue)) -- \(DOTWriter.quote(b.rawValue));\n"
            }
        }
        guard !order.isEmpty else { return PinnedLayout(positions: [:]) }
        let engine = engine ?? .default(nodeCount: order.count)
        var dot = "graph union {\n"
        dot += "  graph [overlap=false, sep=\"+10\", splines=false, outputorder=edgesfirst];\n"
        dot += "  node [fontname=\(DOTWriter.quote(DiagramStyle.font)), margin=\"0.08,0.04\"];\n"
        for id in order {
            let (node, share) = nodes[id]!
            dot += "  \(DOTWriter.quote(id.rawValue)) [label=\(DOTWriter.quoteText(node.label)), shape=\(DiagramStyle.shape(node.kind)), "
            dot += "fontsize=\(DOTWriter.format(DiagramStyle.fontSize(share: share)))];\n"
        }
        dot += lines + "}\n"
        let found = try context.positions(dot: dot, engine: engine.rawValue)
        var positions: [EntityID: PinnedLayout.Point] = [:]
        var sizes: [EntityID: (width: Double, height: Double)] = [:]
        for id in order {
            guard let p = found[id.rawValue] else { throw GraphvizError("layout with \(engine.rawValue) gave no position to \(id.rawValue)") }
            positions[id] = PinnedLayout.Point(x: p.x, y: p.y)
            sizes[id] = (p.width, p.height)
        }
        return PinnedLayout(positions: positions, sizes: sizes)
    }
}
