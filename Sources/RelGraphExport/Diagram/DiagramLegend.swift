/// A diagram's legend: with pinned positions, a column of plain DOT nodes (a swatch per entry) beside the frame;
/// otherwise one text node in words (a layout engine would scatter a column), left-aligned lines.
///
/// Plain nodes rather than an HTML-like table: Graphviz 2.42 leaks about 3 KB for every HTML label it lays out,
/// which a long-running renderer cannot afford.
public struct DiagramLegend: Sendable {
    public struct Entry: Sendable {
        public var label: String
        /// DOT attributes of the swatch node (shape, colours, style).
        public var attributes: [String]
        /// The entry in words, for the text legend: "blue ellipse: country".
        public var words: String
        public init(_ label: String, _ attributes: [String], words: String? = nil) {
            self.label = label
            self.attributes = attributes
            self.words = words ?? label
        }
    }

    public var entries: [Entry]

    public init(_ entries: [Entry]) { self.entries = entries }

    /// Height of one row, in points.
    static let row = 30.0

    /// The legend's nodes (`legend-0`, `legend-1`, …) in a column right of `layout`'s frame, bottom-aligned; or,
    /// without a layout, one node `legend` in words.
    public func dot(layout: PinnedLayout?) -> String {
        guard let layout else {
            // Each line quoted on its own, then joined by DOT's left-aligned line break `\l` (which quoting would escape).
            let lines = (["Legend"] + entries.map(\.words)).map { String(DOTWriter.quoteText($0).dropFirst().dropLast()) }
            let label = "\"" + lines.joined(separator: "\\l") + "\\l\""
            return "  \"legend\" [shape=box, style=\"filled\", fillcolor=white, color=\"#bbbbbb\", fontsize=12, label=\(label)];\n"
        }
        var out = ""
        let all = [Entry("Legend", ["shape=plaintext", "style=\"\"", "fontname=\"Helvetica-Bold\""])] + entries
        for (i, entry) in all.enumerated() {
            var attributes = ["label=\(DOTWriter.quoteText(entry.label))", "fontsize=13", "width=2.9", "height=0.36", "fixedsize=true"]
            attributes += entry.attributes
            let y = layout.low.y + Self.row * Double(all.count - 1 - i) + Self.row / 2
            attributes.append("pos=\(DOTWriter.quote(PinnedLayout.pinned(.init(x: layout.high.x + 130, y: y))))")
            out += "  \"legend-\(i)\" [\(attributes.joined(separator: ", "))];\n"
        }
        return out
    }
}
