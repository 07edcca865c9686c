import ArgumentParser
import Foundation
import RelGraphBenchmarks
import RelGraphCorpus
import RelGraphCore
import RelGraphExtraction
import RelGraphKnowledge

/// `relgraph bench …` — benchmarks, run in release builds.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks (build with -c release).",
        subcommands: [ExtractionBench.self, GenerateCorpus.self, GenerateGraph.self]
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
