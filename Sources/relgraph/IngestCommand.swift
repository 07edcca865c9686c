import ArgumentParser
import Foundation
import RelGraphCore
import RelGraphCorpus
import RelGraphExtraction
import RelGraphIngest
import RelGraphKnowledge
import RelGraphStore

/// `relgraph ingest <files|dirs>… --db relgraph.sqlite`
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Add documents to a store, one transaction each: extraction in parallel, one writer.",
        discussion: """
            A document's id is its file name without extension; a corpus.yaml beside the files supplies titles, \
            dates, sources and eras. The same content again changes nothing; the same id with new content replaces \
            the old document. Files that cannot be read as text (empty, binary, not UTF-8, too large) are named and \
            skipped, the rest goes in, and the exit status is 1.
            """
    )

    @Argument(help: "Document files and folders.")
    var paths: [String]

    @Option(help: "The store: a SQLite file (created if missing) or a postgres://user@host:port/dbname URL.")
    var db: String

    @Option(help: "Eras to store: a YAML file (a list of {id, label, start, end}) or id:start-end,id:start-; else the manifest's, else what the store has (decades by default).")
    var eras: String?

    @Option(name: .customLong("kb"), help: "An extra knowledge-base file or folder (same columns as a bundled table; a known id replaces its row); repeatable.")
    var knowledgeFiles: [String] = []

    @Option(help: "Skip files larger than this many bytes.")
    var maxBytes: Int = 20 << 20

    @Flag(help: "Print a line for each document as soon as it is stored.")
    var verbose = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder") }
        if maxBytes < 1 { throw ValidationError("--max-bytes must be positive") }
    }

    func run() async throws {
        let eraSet = try eras.map(EraDefinitions.load)
        let corpus = try CorpusReader.read(paths: paths.map { URL(fileURLWithPath: $0) })
        // The manifests' own knowledge files first, then --kb: a later row with a known id replaces an earlier one.
        let manifestKnowledge = corpus.manifests.flatMap { folder, manifest in
            (manifest.knowledge ?? []).map { folder.appendingPathComponent($0) }
        }
        let knowledge = try KnowledgeBase.load(extraFiles: manifestKnowledge + knowledgeFiles.map { URL(fileURLWithPath: $0) })
        let skipped = try await withStore(db, knowledge: knowledge) { store in
            var requestedEras = eraSet
            if requestedEras == nil, let manifestEras = corpus.manifests.compactMap(\.manifest.eras).first(where: { !$0.isEmpty }) {
                do { requestedEras = try EraSet(manifestEras) } catch let error as EraDefinitionError {
                    throw CorpusError("corpus manifest: \(error.description)")
                }
            }
            // Eras already in force are not set again: re-filing is costly, and processes ingesting side by side
            // into one store all ask for the same.
            if let requestedEras, try await store.eras() != requestedEras { try await store.setEras(requestedEras) }
            let ingest = DocumentIngest(
                store: store, extractor: DocumentExtractor(index: KnowledgeIndex(knowledge)), maxBytes: maxBytes)
            let progress = ProgressReporter.standardError()
            let verbose = self.verbose
            let total = corpus.files.count
            let summary = try await ingest.run(corpus.files) { event in
                if verbose {
                    // Written at once, unbuffered: a line on the output means the document is stored.
                    let line: String
                    switch event.outcome {
                    case .stored(let result): line = "\(result.outcome.rawValue) \(result.id)\n"
                    case .skipped(let skip): line = "skipped \(skip.file): \(skip.reason)\n"
                    }
                    FileHandle.standardOutput.write(Data(line.utf8))
                }
                progress.update(done: event.done, total: total)
            }
            progress.finish()
            let skipped = corpus.skipped + summary.skipped
            for skip in skipped {
                FileHandle.standardError.write(Data("warning: \(skip.file): skipped: \(skip.reason)\n".utf8))
            }
            let statistics = try await store.statistics()
            let rate = summary.seconds > 0 ? Double(summary.processed) / summary.seconds : 0
            print(
                "relgraph ingest: \(summary.added) added, \(summary.unchanged) unchanged, \(summary.replaced) replaced, "
                    + "\(skipped.count) skipped in \(String(format: "%.2f", summary.seconds)) s "
                    + "(\(String(format: "%.1f", rate)) documents/s); the store has \(statistics.documents) documents, "
                    + "\(statistics.ties) tie occurrences")
            return skipped
        }
        if !skipped.isEmpty { throw ExitCode(1) }
    }
}
