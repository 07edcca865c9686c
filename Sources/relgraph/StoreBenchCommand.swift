import ArgumentParser
import Foundation
import RelGraphBenchmarks
import RelGraphExtraction
import RelGraphKnowledge
import RelGraphStore

/// `relgraph bench store --db relgraph.sqlite`
struct StoreBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Time reading each era's graph and deleting/re-adding a document on a filled store (fill it with `relgraph ingest`).")

    @Option(help: "The store to time (it is left as found).")
    var db: String

    @Option(help: "Repetitions of each timing.")
    var repetitions: Int = 10

    @Option(help: "Time only this era's weights-only read (for profiling it).")
    var era: String?

    func validate() throws {
        if repetitions < 1 { throw ValidationError("--repetitions must be at least 1") }
    }

    func run() async throws {
        let knowledge = try KnowledgeBase.bundled()
        try await withStore(db, knowledge: knowledge) { store in
            let statistics = try await store.statistics()
            print("store: \(statistics.documents) documents, \(statistics.ties) tie occurrences, \(statistics.sizeBytes / 1_000_000) MB")
            let benchmark = StoreBenchmark(
                store: store, extractor: DocumentExtractor(index: KnowledgeIndex(knowledge)), repetitions: repetitions, onlyEra: era)
            for timing in try await benchmark.run() {
                print("  \(timing.name): median \(String(format: "%.1f", timing.medianMilliseconds)) ms, max \(String(format: "%.1f", timing.maxMilliseconds)) ms")
            }
        }
    }
}
