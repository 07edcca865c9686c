/// `relgraph communities` output, streamed: JSON `{"era", "modularity", "seed", "resolution", "communities":
/// [[…]]}`, CSV `node,community`, or a short table.
public enum CommunityReport {
    public enum Format: String, CaseIterable, Sendable { case json, csv, table }

    public static func write(
        _ groups: [[String]], modularity: Double, era: String?, seed: UInt64, resolution: Double, format: Format,
        to sink: inout ByteSink
    ) {
        switch format {
        case .json:
            var w = JSONWriter(into: sink)
            w.beginObject()
            w.key("communities"); w.beginArray()
            for group in groups {
                w.beginArray()
                for node in group { w.string(node) }
                w.endArray()
            }
            w.endArray()
            w.field("era", era)
            w.field("modularity", modularity)
            w.field("resolution", resolution)
            w.key("seed"); w.unsigned(seed)
            w.endObject()
            sink = w.out
            sink.append(0x0A)
        case .csv:
            CSV.write(["node", "community"], to: &sink)
            for (c, group) in groups.enumerated() { for node in group { CSV.write([node, String(c)], to: &sink) } }
        case .table:
            sink.append("modularity \(modularity), \(groups.count) communities\n")
            for (c, group) in groups.enumerated() {
                sink.append("  \(c): \(group.joined(separator: ", "))\n")
                sink.recordEnded()
            }
        }
    }

    /// The report as text.
    public static func render(
        _ groups: [[String]], modularity: Double, era: String?, seed: UInt64, resolution: Double, format: Format
    ) -> String {
        ByteSink.text { write(groups, modularity: modularity, era: era, seed: seed, resolution: resolution, format: format, to: &$0) }
    }
}
