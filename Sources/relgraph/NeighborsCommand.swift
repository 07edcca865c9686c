import ArgumentParser
import Foundation
import RelGraphAnalysis
import RelGraphExport
import RelGraphRender

/// `relgraph neighbors <entity>`
struct NeighborsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neighbors",
        abstract: "The ego network of an entity: who is tied to it, within --depth ties, in an era or all.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, dot }

    @Argument(help: "The entity: an id (country:cuba) or a name or alias (Cuba, \"Fidel Castro\").")
    var entity: String

    @Option(help: "The graph.json to read.")
    var graph: String = "graphs/graph.json"

    @Option(help: "Read the graph from this store (a SQLite file or a postgres:// URL) instead of --graph.")
    var db: String?

    @Option(help: "Only this era.")
    var era: String?

    @Option(help: "How many ties away.")
    var depth: Int = 1

    @Option(help: "table, json or dot.")
    var format: Format = .table

    @Option(help: "Also write the ego network as a diagram: a .dot, .svg, .png or .pdf path.")
    var diagram: String?

    func validate() throws {
        if depth < 1 { throw ValidationError("--depth must be at least 1") }
    }

    func run() async throws {
        guard let relationships = try await GraphSource(file: db == nil ? graph : nil, db: db).load(era: nil, mentions: true).relationships else {
            throw ValidationError("neighbors needs relgraph's graph.json")
        }
        let center = try EgoNetwork.resolve(entity, in: relationships)
        let ego = try EgoNetwork(relationships, center: center, era: era, depth: depth)
        try OutputFile.writeStandardOutput { sink in
            switch format {
            case .table: sink.append(NeighbourhoodReport.table(ego, graph: relationships))
            case .json: NeighbourhoodReport.writeJSON(ego, to: &sink)
            case .dot: sink.append(NeighbourhoodReport.dot(ego, graph: relationships))
            }
        }
        if let diagram { try Graphviz.write(dot: NeighbourhoodReport.dot(ego, graph: relationships), to: diagram) }
    }
}
