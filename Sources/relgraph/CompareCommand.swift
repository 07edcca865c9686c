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

    @Option(help: "Read the graph from this store (a SQLite file or a postgres:// URL, as written by `relgraph ingest`) instead of a file.")
    var db: String?

    @Option(help: "The earlier era.")
    var from: String

    @Option(help: "The later era.")
    var to: String

    @Option(help: "Node measure to rank by.")
    var measure: Measure = .pagerank

    @Option(help: "table, json or csv.")
    var format: Format = .table

    @Option(help: "Rows shown in the table.")
    var top: Int = 20

    @Option(help: "Also write a diff diagram: a .dot, .svg, .png or .pdf path.")
    var diagram: String?

    @OptionGroup(title: "Diagram")
    var diagramArguments: DiagramArguments

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
        try GraphSource(file: input, db: db).validate()
        if measure == .edgeBetweenness { throw ValidationError("compare ranks nodes: choose a node measure, not edge-betweenness") }
    }

    func run() async throws {
        guard let graph = try await GraphSource(file: input, db: db).load(era: nil).relationships else {
            throw ValidationError("compare needs relgraph's graph.json (eras come from it)")
        }
        let comparison = try EraComparison(graph, from: from, to: to, measure: measure)
        try OutputFile.writeStandardOutput { sink in
            switch format {
            case .table: sink.append(ComparisonReport.table(comparison, top: top))
            case .json: ComparisonReport.writeJSON(comparison, to: &sink)
            case .csv: ComparisonReport.writeCSV(comparison, to: &sink)
            }
        }
        if let diagram {
            try ComparisonDiagram.write(
                comparison, graph: graph, options: diagramArguments.options, to: diagram, renderer: DiagramRenderer.shared())
        }
    }
}
