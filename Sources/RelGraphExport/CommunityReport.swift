import Foundation

/// `relgraph communities` output: JSON `{"era", "modularity", "seed", "resolution", "communities": [[…]]}`, CSV
/// `node,community`, or a short table.
public enum CommunityReport {
    public enum Format: String, CaseIterable, Sendable { case json, csv, table }

    public static func render(
        _ groups: [[String]], modularity: Double, era: String?, seed: UInt64, resolution: Double, format: Format
    ) throws -> String {
        switch format {
        case .json:
            let object: [String: Any] = [
                "era": era ?? NSNull(), "modularity": modularity, "seed": seed, "resolution": resolution, "communities": groups,
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            return String(decoding: data, as: UTF8.self) + "\n"
        case .csv:
            var out = CSV.row(["node", "community"])
            for (c, group) in groups.enumerated() { for node in group { out += CSV.row([node, String(c)]) } }
            return out
        case .table:
            var out = "modularity \(modularity), \(groups.count) communities\n"
            for (c, group) in groups.enumerated() { out += "  \(c): \(group.joined(separator: ", "))\n" }
            return out
        }
    }
}
