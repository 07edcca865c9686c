import ArgumentParser
import Foundation
import RelGraphAnalysis
import RelGraphCore
import RelGraphExport
import RelGraphCore

extension ScoreReport.Format: ExpressibleByArgument {}

/// `relgraph analyze <graph> --measure M`
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Centrality of every node of a graph.json (one era or all), a GraphML file or an edge list (u v [w] per line)."
    )

    @Argument(help: "graph.json (node-link), a .graphml file, or an edge list (or give --db).")
    var input: String?

    @Option(help: "Read the graph from this store (as written by `relgraph ingest`) instead of a file.")
    var db: String?

    @Option(help: "The measure: \(Measure.allCases.map(\.rawValue).joined(separator: ", ")).")
    var measure: String

    @Option(help: "Only this era of a graph.json (default: all eras together).")
    var era: String?

    @Option(help: "json, csv or table.")
    var format: ScoreReport.Format = .json

    @Option(help: "Only the N highest scores.")
    var top: Int?

    @Option(help: "Worker threads for the path-based measures (default: all cores).")
    var threads: Int?

    func run() async throws {
        guard let measure = Measure(rawValue: measure) else { throw AnalysisError.unknownMeasure(self.measure) }
        try GraphSource(file: input, db: db).validate()
        let graph = try await GraphSource(file: input, db: db).load(era: era).graph
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        let (names, scores) = try measure.namedScores(graph, threads: threads ?? WorkerPool.defaultThreads)
        let ranked = Ranking.rank(names: names, scores: scores, top: top)
        let report = ScoreReport(measure: measure.rawValue, era: era, ranked: ranked)
        print(try report.render(format), terminator: "")
    }
}

