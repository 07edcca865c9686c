/// A diagram's legend as a column of plain DOT nodes (a swatch per entry), pinned beside the frame when positions
/// are pinned, chained by invisible edges otherwise so a layout engine keeps it together.
///
/// Plain nodes rather than an HTML-like table: Graphviz 2.42 leaks about 3 KB for every HTML label it lays out,
/// which a long-running renderer cannot afford.
public struct DiagramLegend: Sendable {
    public struct Entry: Sendable {
        public var label: String
        /// DOT attributes of the swatch node (shape, colours, style).
        public var attributes: [String]
        public init(_ label: String, _ attributes: [String]) {
            self.label = label
            self.attributes = attributes
        }
    }

    public var entries: [Entry]

    public init(_ entries: [Entry]) { self.entries = entries }

    /// Height of one row, in points.
    static let row = 30.0

    /// The legend's nodes (`legend-0`, `legend-1`, …): with `layout`, in a column right of its frame, bottom-aligned.
    public func dot(layout: PinnedLayout?) -> String {
        var out = ""
        let all = [Entry("Legend", ["shape=plaintext", "style=\"\"", "fontname=\"Helvetica-Bold\""])] + entries
        for (i, entry) in all.enumerated() {
            var attributes = ["label=\(DOTWriter.quoteText(entry.label))", "fontsize=13", "width=2.9", "height=0.36", "fixedsize=true"]
            attributes += entry.attributes
            if let layout {
                let y = layout.low.y + Self.row * Double(all.count - 1 - i) + Self.row / 2
                attributes.append("pos=\(DOTWriter.quote(PinnedLayout.pinned(.init(x: layout.high.x + 130, y: y))))")
            }
            out += "  \"legend-\(i)\" [\(attributes.joined(separator: ", "))];\n"
        }
        if layout == nil {
            for i in all.indices.dropFirst() { out += "  \"legend-\(i - 1)\" -- \"legend-\(i)\" [style=invis];\n" }
        }
        return out
    }
}
