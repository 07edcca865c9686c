import ArgumentParser
import Foundation
import RelGraphAnalysis
import RelGraphCore
import RelGraphExport

extension ScoreReport.Format: ExpressibleByArgument {}
/// `--measure` takes the measures' names, and `--help` lists them.
extension Measure: ExpressibleByArgument {}

/// `relgraph analyze <graph> --measure M`
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Centrality of every node of a graph.json (one era or all), a GraphML file or an edge list (u v [w] per line)."
    )

    @Argument(help: "graph.json (node-link), a .graphml file, or an edge list (or give --db).")
    var input: String?

    @Option(help: "Read the graph from this store (a SQLite file or a postgres:// URL, as written by `relgraph ingest`) instead of a file.")
    var db: String?

    @Option(help: "The measure.")
    var measure: Measure

    @Option(help: "Only this era of a graph.json (default: all eras together).")
    var era: String?

    @Option(help: "Output format.")
    var format: ScoreReport.Format = .json

    @Option(help: "Only the N highest scores.")
    var top: Int?

    @Option(help: "Worker threads for the path-based measures (default: all cores).")
    var threads: Int?

    func validate() throws {
        try GraphSource(file: input, db: db).validate()
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() async throws {
        let graph = try await GraphSource(file: input, db: db).load(era: era).graph
        let (names, scores) = try measure.namedScores(graph, threads: threads ?? WorkerPool.defaultThreads)
        let report = ScoreReport(measure: measure.rawValue, era: era, ranked: Ranking.rank(names: names, scores: scores, top: top))
        try OutputFile.writeStandardOutput { report.write(format, to: &$0) }
    }
}
