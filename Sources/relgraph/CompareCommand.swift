import ArgumentParser
import Foundation
import RelGraphAnalysis
import RelGraphExport
import RelGraphRender

/// `relgraph compare <graph.json> --from A --to B`
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two eras: who rose and fell, which ties appeared, vanished, strengthened or weakened.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @Argument(help: "graph.json (node-link) (or give --db).")
    var input: String?

    @Option(help: "Read the graph from this store (as written by `relgraph ingest`) instead of a file.")
    var db: String?

    @Option(help: "The earlier era.")
    var from: String

    @Option(help: "The later era.")
    var to: String

    @Option(help: "Node measure to rank by.")
    var measure: String = "pagerank"

    @Option(help: "table, json or csv.")
    var format: Format = .table

    @Option(help: "Rows shown in the table.")
    var top: Int = 20

    @Option(help: "Also write a diff diagram: a .dot, .svg, .png or .pdf path.")
    var diagram: String?

    func run() async throws {
        guard let measure = Measure(rawValue: measure) else { throw AnalysisError.unknownMeasure(self.measure) }
        try GraphSource(file: input, db: db).validate()
        guard let graph = try await GraphSource(file: input, db: db).load(era: nil).relationships else {
            throw ValidationError("compare needs relgraph's graph.json (eras come from it)")
        }
        let comparison = try EraComparison(graph, from: from, to: to, measure: measure)
        switch format {
        case .table: print(ComparisonReport.table(comparison, top: top), terminator: "")
        case .json: print(try ComparisonReport.json(comparison), terminator: "")
        case .csv: print(ComparisonReport.csv(comparison), terminator: "")
        }
        if let diagram { try Graphviz.write(dot: ComparisonReport.dot(comparison, graph: graph), to: diagram) }
    }
}
