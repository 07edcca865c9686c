import ArgumentParser
import Foundation
import RelGraphAnalysis
import RelGraphExport
import RelGraphRender

/// `relgraph compare <graph.json> --from A --to B`
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two eras: who rose and fell, which ties appeared, vanished, strengthened or weakened.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @Argument(help: "graph.json (node-link).")
    var input: String

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

    @OptionGroup(title: "Diagram")
    var diagramArguments: DiagramArguments

    func run() throws {
        guard let measure = Measure(rawValue: measure) else { throw AnalysisError.unknownMeasure(self.measure) }
        guard let graph = try GraphInput.load(path: input, era: nil).relationships else {
            throw ValidationError("compare needs relgraph's graph.json (eras come from it)")
        }
        let comparison = try EraComparison(graph, from: from, to: to, measure: measure)
        switch format {
        case .table: print(ComparisonReport.table(comparison, top: top), terminator: "")
        case .json: print(try ComparisonReport.json(comparison), terminator: "")
        case .csv: print(ComparisonReport.csv(comparison), terminator: "")
        }
        if let diagram {
            try ComparisonDiagram.write(
                comparison, graph: graph, options: diagramArguments.options, to: diagram, renderer: DiagramRenderer.shared())
        }
    }
}
