import ArgumentParser
import Foundation
import RelGraphAnalysis
import RelGraphExport

/// `relgraph communities <graph>`
struct CommunitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communities",
        abstract: "Louvain communities and their modularity (deterministic for a --seed).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv, table }

    @Argument(help: "graph.json (node-link), a .graphml file, or an edge list.")
    var input: String

    @Option(help: "Only this era of a graph.json.")
    var era: String?

    @Option(help: "Random seed for the order in which nodes are visited.")
    var seed: UInt64 = 0

    @Option(help: "Resolution (above 1: smaller communities).")
    var resolution: Double = 1

    @Option(help: "json, csv or table.")
    var format: Format = .json

    func run() throws {
        guard resolution > 0 else { throw ValidationError("--resolution must be positive") }
        let graph = try GraphInput.load(path: input, era: era).graph
        let result = Louvain.detect(graph, resolution: resolution, seed: seed)
        var groups: [[String]] = Array(repeating: [], count: (result.community.max() ?? -1) + 1)
        for (node, c) in result.community.enumerated() { groups[c].append(graph.names[node]) }
        groups = groups.map { $0.sorted() }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.first ?? "" < $1.first ?? "" }
        switch format {
        case .json:
            let object: [String: Any] = [
                "era": era ?? NSNull(), "modularity": result.modularity, "seed": seed, "resolution": resolution, "communities": groups,
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        case .csv:
            print(CSV.row(["node", "community"]), terminator: "")
            for (c, group) in groups.enumerated() { for node in group { print(CSV.row([node, String(c)]), terminator: "") } }
        case .table:
            print("modularity \(result.modularity), \(groups.count) communities")
            for (c, group) in groups.enumerated() { print("  \(c): \(group.joined(separator: ", "))") }
        }
    }
}
