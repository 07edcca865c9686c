import ArgumentParser
import Foundation
import RelGraphAnalysis
import RelGraphExport

extension CommunityReport.Format: ExpressibleByArgument {}

/// `relgraph communities <graph>`
struct CommunitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communities",
        abstract: "Louvain communities and their modularity (deterministic for a --seed).")

    @Argument(help: "graph.json (node-link), a .graphml file, or an edge list (or give --db).")
    var input: String?

    @Option(help: "Read the graph from this store (a SQLite file or a postgres:// URL, as written by `relgraph ingest`) instead of a file.")
    var db: String?

    @Option(help: "Only this era of a graph.json.")
    var era: String?

    @Option(help: "Random seed for the order in which nodes are visited.")
    var seed: UInt64 = 0

    @Option(help: "Resolution (above 1: smaller communities).")
    var resolution: Double = 1

    @Option(help: "Output format.")
    var format: CommunityReport.Format = .json

    func validate() throws {
        guard resolution > 0, resolution.isFinite else { throw ValidationError("--resolution must be a positive number") }
        try GraphSource(file: input, db: db).validate()
    }

    func run() async throws {
        let graph = try await GraphSource(file: input, db: db).load(era: era).graph
        let result = Louvain.detect(graph, resolution: resolution, seed: seed)
        try OutputFile.writeStandardOutput {
            CommunityReport.write(
                result.groups(names: graph.names), modularity: result.modularity, era: era, seed: seed,
                resolution: resolution, format: format, to: &$0)
        }
    }
}
