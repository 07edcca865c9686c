import Foundation
import RelGraphAnalysis
import RelGraphCore
import RelGraphCorpus
import RelGraphExport
import RelGraphExtraction
import RelGraphKnowledge
import RelGraphRender

/// `relgraph build`: reads a corpus folder and writes, into an output folder,
/// - `graph.json` — the node-link graph (``NodeLinkJSON``),
/// - `<era>.dot` and `<era>.svg` for every era with edges, in one layout shared by all eras, and `overview.html`
///   (see ``EraDiagrams``; PNG and PDF on request),
/// - `centrality.csv` — every measure for every node and era.
///
/// Files are written to a temporary name and moved into place, so an interrupted run never leaves a half-written
/// file behind.
public struct GraphBuild: Sendable {
    public var corpusDirectory: URL
    public var outputDirectory: URL
    /// `--eras`: overrides the manifest's eras.
    public var eraSpec: String?
    /// Extra knowledge-base files or folders (`--kb`), read after the manifest's `knowledge:` entries.
    public var knowledgeFiles: [URL] = []
    /// Diagram formats written beside each era's DOT (none: DOT only).
    public var renderFormats: [RenderFormat] = [.svg]
    /// How the era diagrams are drawn (`--edges`, `--size-by`, `--max-nodes`, `--engine`).
    public var diagramOptions = DiagramOptions()
    /// Worker processes that render the eras in parallel (`nil`: one after another, in this process).
    public var renderWorkers: RenderWorkerPool?
    /// Worker threads for extraction (all cores by default).
    public var threads = WorkerPool.defaultThreads
    public var presentYear = DocumentExtractor.currentYear()

    public init(corpusDirectory: URL, outputDirectory: URL) {
        self.corpusDirectory = corpusDirectory
        self.outputDirectory = outputDirectory
    }

    /// What a build did, for the summary line and for tests.
    public struct Summary: Sendable {
        public var graph: RelationshipGraph
        public var documents: Int
        public var skipped: [DocumentSkip]
        public var filesWritten: [String]
        public var statistics: [DocumentExtraction.Statistics]
    }

    public func run() throws -> Summary {
        let corpus = try CorpusReader.read(directory: corpusDirectory)
        let fromManifest = (corpus.manifest?.knowledge ?? []).map { corpusDirectory.appendingPathComponent($0) }
        let knowledge = try KnowledgeBase.load(extraFiles: fromManifest + knowledgeFiles)
        let extractor = DocumentExtractor(index: KnowledgeIndex(knowledge), presentYear: presentYear)
        // Each worker reads, extracts and lets go of one document at a time.
        let files = corpus.files
        let results = WorkerPool.map(count: files.count, threads: threads) { i in files[i].load().map(extractor.extract) }
        var extractions: [DocumentExtraction] = []
        var skipped = corpus.skipped
        for result in results {
            switch result {
            case .success(let extraction): extractions.append(extraction)
            case .failure(let skip): skipped.append(skip)
            }
        }
        let eras = try chooseEras(corpus: corpus, extractions: extractions)
        let graph = GraphAssembler.assemble(extractions, eras: eras, knowledge: knowledge)

        try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        // graph.json and the diagrams are written (one thread) while the centrality table is computed (the others).
        let parts = WorkerPool.map(count: 2, threads: 2) { part -> Part in
            part == 0 ? .table(CentralityTable(graph)) : .written(Result { try writeGraphAndDiagrams(graph) })
        }
        guard case .table(let table) = parts[0], case .written(let result) = parts[1] else { preconditionFailure("two parts") }
        var written = try result.get()
        try write(to: "centrality.csv", &written) { CentralityCSVWriter.write(table, graph: graph, to: &$0) }
        return Summary(
            graph: graph, documents: extractions.count, skipped: skipped, filesWritten: written,
            statistics: extractions.map(\.statistics))
    }

    /// The two halves of the output stage that run side by side.
    private enum Part: Sendable {
        case table(CentralityTable)
        case written(Result<[String], any Error>)
    }

    /// Writes graph.json and the era diagrams; returns the names written.
    private func writeGraphAndDiagrams(_ graph: RelationshipGraph) throws -> [String] {
        var written: [String] = []
        try write(to: "graph.json", &written) { NodeLinkJSON.write(graph, to: &$0) }
        for file in try EraDiagrams.build(graph, options: diagramOptions, formats: renderFormats, workers: renderWorkers) {
            try write(file.data, to: file.name, &written)
        }
        return written
    }

    /// `--eras`, else the manifest's eras, else one era per decade of the years the documents speak of.
    func chooseEras(corpus: Corpus, extractions: [DocumentExtraction]) throws -> EraSet {
        if let eraSpec { return try EraSet.parse(eraSpec) }
        if let eras = corpus.manifest?.eras, !eras.isEmpty {
            do { return try EraSet(eras) } catch let error as EraDefinitionError {
                throw CorpusError("\(corpus.directory.path)/corpus manifest: \(error.description)")
            }
        }
        let years = extractions.flatMap(\.years)
        guard let low = years.min(), let high = years.max() else { return try EraSet([]) }
        return EraSet.decades(from: low, through: high)
    }

    private func write(_ data: Data, to name: String, _ written: inout [String]) throws {
        try write(to: name, &written) { sink in data.withUnsafeBytes { sink.append(bytes: $0.bindMemory(to: UInt8.self)) } }
    }

    /// Streams an output file into place atomically; a failure is an ``OutputWriteError`` naming the file.
    private func write(to name: String, _ written: inout [String], _ body: (inout ByteSink) -> Void) throws {
        try OutputFile.write(to: outputDirectory.appendingPathComponent(name).path, body)
        written.append(name)
    }
}
