import ArgumentParser
import Foundation
import RelGraphBenchmarks
import RelGraphCorpus
import RelGraphCore
import RelGraphExtraction
import RelGraphKnowledge
import RelGraphAnalysis
import RelGraphExport

/// `relgraph bench …` — benchmarks, run in release builds.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks (build with -c release).",
        subcommands: [
            ExtractionBench.self, AnalyticsBench.self, KnowledgeBench.self, StoreBench.self, GenerateCorpus.self,
            GenerateGraph.self,
        ]
    )
}

/// Options shared by the benchmarks that generate a corpus from templates.
struct GeneratorOptions: ParsableArguments {
    @Option(help: "Folder of template articles.")
    var templates: String = "seeds"

    @Option(help: "Number of documents to generate.")
    var documents: Int = 2000

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    func generator() throws -> (CorpusGenerator, DocumentExtractor) {
        let extractor = DocumentExtractor(index: KnowledgeIndex(try KnowledgeBase.bundled()))
        let corpus = try CorpusReader.read(directory: URL(fileURLWithPath: templates))
        let loaded = corpus.loadDocuments().documents
        guard !loaded.isEmpty else { throw ValidationError("no readable template documents in \(templates)") }
        return (CorpusGenerator(templates: loaded, extractor: extractor), extractor)
    }
}

struct ExtractionBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extraction",
        abstract: "Extraction throughput (MB/s) on one thread and on all cores, and peak memory.")

    @OptionGroup var generator: GeneratorOptions

    @Option(help: "Thread counts to time, comma-separated (default: 1 and all cores).")
    var threads: String?

    func run() throws {
        let (corpusGenerator, extractor) = try generator.generator()
        let documents = (0..<generator.documents).map { corpusGenerator.document($0, seed: generator.seed) }
        let counts = try threads.map { list in
            try list.split(separator: ",").map { item -> Int in
                guard let n = Int(item), n > 0 else { throw ValidationError("--threads: \"\(item)\" is not a positive number") }
                return n
            }
        } ?? Array(Set([1, WorkerPool.defaultThreads])).sorted()
        let report = ExtractionBenchmark(documents: documents, extractor: extractor).run(threads: counts)
        print("extraction: \(report.documents) documents, \(format(report.megabytes)) MB, \(report.mentions) mentions, \(report.ties) ties")
        for run in report.runs {
            print("  \(run.threads) thread\(run.threads == 1 ? " " : "s"): \(format(run.seconds)) s, \(format(run.megabytesPerSecond)) MB/s")
        }
        print("  peak resident memory: \(format(report.peakResidentMegabytes)) MB")
    }
}

struct GenerateCorpus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a generated corpus to a folder (for timing `relgraph build` end to end).")

    @OptionGroup var generator: GeneratorOptions

    @Argument(help: "Output folder.")
    var out: String

    func run() throws {
        let (corpusGenerator, _) = try generator.generator()
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var bytes = 0
        for number in 0..<generator.documents {
            let document = corpusGenerator.document(number, seed: generator.seed)
            try Data(document.bytes).write(to: folder.appendingPathComponent("\(document.info.id).txt"))
            bytes += document.bytes.count
        }
        print("wrote \(generator.documents) documents, \(format(Double(bytes) / 1_000_000)) MB, to \(out)")
    }
}

func format(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return String(rounded)
}

struct GenerateGraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Write a power-law (Barabási–Albert) weighted edge list, for timing `relgraph analyze` against other tools.")

    @Option(help: "Number of nodes.")
    var nodes: Int = 5000

    @Option(help: "Edges added with each node (the graph has about nodes × this many edges).")
    var edgesPerNode: Int = 5

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Argument(help: "Output file.")
    var out: String

    func run() throws {
        guard nodes > edgesPerNode, edgesPerNode > 0 else { throw ValidationError("--nodes must exceed --edges-per-node, which must be positive") }
        let text = PowerLawGraph.edgeList(nodes: nodes, edgesPerNode: edgesPerNode, seed: seed)
        try Data(text.utf8).write(to: URL(fileURLWithPath: out))
        print("wrote \(nodes) nodes, \(nodes * edgesPerNode - edgesPerNode * edgesPerNode) edges to \(out)")
    }
}

struct AnalyticsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analytics",
        abstract: "Time the measures on generated power-law graphs (in memory; no file reading), one thread and all cores.")

    @Option(help: "Nodes of the betweenness graph (edges: 5 per node).")
    var nodes: Int = 5000

    @Option(help: "Nodes of the PageRank graph (edges: 5 per node).")
    var pagerankNodes: Int = 200_000

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    func run() throws {
        func seconds(_ body: () throws -> Void) rethrows -> Double {
            let elapsed = try ContinuousClock().measure(body)
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        func graph(_ n: Int) -> WeightedGraph {
            WeightedGraph(names: (0..<n).map(String.init), edges: PowerLawGraph.edges(nodes: n, edgesPerNode: 5, seed: seed))
        }
        let small = graph(nodes)
        print("power-law graph: \(small.nodeCount) nodes, \(small.edgeCount) edges")
        for measure in [Measure.betweenness, .closeness, .harmonic, .edgeBetweenness] {
            let one = try seconds { _ = try measure.namedScores(small, threads: 1) }
            let all = try seconds { _ = try measure.namedScores(small, threads: WorkerPool.defaultThreads) }
            print("  \(measure.rawValue): \(format(one)) s on 1 thread, \(format(all)) s on \(WorkerPool.defaultThreads)")
        }
        for measure in [Measure.eigenvector, .katz, .degree] {
            let t = seconds { _ = try? measure.scores(small) }
            print("  \(measure.rawValue): \(format(t)) s")
        }
        let louvain = seconds { _ = Louvain.detect(small, seed: seed) }
        print("  louvain: \(format(louvain)) s")
        let large = graph(pagerankNodes)
        let pagerank = try seconds { _ = try PageRank.compute(large) }
        print("power-law graph: \(large.nodeCount) nodes, \(large.edgeCount) edges")
        print("  pagerank: \(format(pagerank)) s; peak resident memory \(format(ResourceUsage.peakResidentMegabytes())) MB")
        // What `relgraph analyze <file> --measure pagerank` does, in process: read the edge list, compute, rank and
        // stream every score as JSON to a file (Benchmarks/compare_igraph.py times the same as whole processes).
        let directory = FileManager.default.temporaryDirectory.path
        let input = "\(directory)/relgraph-bench-\(getpid()).txt"
        let output = "\(directory)/relgraph-bench-\(getpid()).json"
        defer { for path in [input, output] { try? FileManager.default.removeItem(atPath: path) } }
        try OutputFile.write(to: input) { $0.append(PowerLawGraph.edgeList(nodes: pagerankNodes, edgesPerNode: 5, seed: seed)) }
        var read = 0.0, compute = 0.0, write = 0.0
        let whole = try seconds {
            var loaded: WeightedGraph?
            read = try seconds { loaded = try GraphInput.load(path: input, era: nil).graph }
            let graph = loaded!
            var scores: [Double] = []
            compute = try seconds { scores = try PageRank.compute(graph) }
            write = try seconds {
                let report = ScoreReport(measure: "pagerank", era: nil, ranked: Ranking.rank(names: graph.names, scores: scores))
                try OutputFile.write(to: output) { report.write(.json, to: &$0) }
            }
        }
        print("  pagerank from the file, every score written: \(format(whole)) s (read \(format(read)), compute \(format(compute)), rank and write \(format(write)))")
    }
}

struct KnowledgeBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "knowledge",
        abstract: "Start-up time: loading the knowledge base (bundled and --kb files) and building its index.")

    @Option(name: .customLong("kb"), help: "An extra knowledge-base file or folder to load too; repeatable.")
    var knowledgeFiles: [String] = []

    @Option(help: "Runs; the best is reported.")
    var runs: Int = 5

    func run() throws {
        let report = try KnowledgeLoadBenchmark(extraFiles: knowledgeFiles.map { URL(fileURLWithPath: $0) }).run(runs: runs)
        print("knowledge: \(report.leaders) leaders, \(report.terms) terms, \(report.names) names")
        print("load \(String(format: "%.3f", report.load)) s, index \(String(format: "%.3f", report.index)) s, total \(String(format: "%.3f", report.load + report.index)) s (best of \(runs))")
    }
}
