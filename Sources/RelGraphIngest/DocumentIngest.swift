import Foundation
import RelGraphCore
import RelGraphCorpus
import RelGraphExtraction
import RelGraphStore

/// `relgraph ingest`: reads and extracts documents in parallel on every core, and writes them into a store by
/// chunks of ``window`` documents, each chunk in one transaction (group commit) — so a run killed at any moment
/// leaves every document it reported done complete, and nothing half-written.
///
/// Extraction never runs inside a transaction; at most two chunks are in memory (one extracted, one written), so
/// memory stays flat however large the corpus.
///
/// ```swift
/// let ingest = DocumentIngest(store: store, extractor: extractor)
/// let summary = try await ingest.run(files) { progress in print(progress.done, "of", progress.total) }
/// ```
public struct DocumentIngest: Sendable {
    public var store: any GraphStore
    public var extractor: DocumentExtractor
    /// Documents per chunk: a chunk is extracted while the one before it is written, in one transaction.
    public var window: Int
    /// Files larger than this are skipped.
    public var maxBytes: Int

    public init(
        store: any GraphStore, extractor: DocumentExtractor,
        window: Int = 64, maxBytes: Int = 20 << 20
    ) {
        self.store = store
        self.extractor = extractor
        self.window = max(1, window)
        self.maxBytes = maxBytes
    }

    /// What happened to one document, reported as soon as it is stored (or set aside).
    public struct Event: Sendable {
        public enum Outcome: Sendable, Equatable {
            case stored(AddResult)
            case skipped(DocumentSkip)
        }
        public var outcome: Outcome
        public var done: Int
        public var total: Int
        public var bytes: Int
    }

    public struct Summary: Sendable, Equatable {
        public var added = 0
        public var unchanged = 0
        public var replaced = 0
        public var skipped: [DocumentSkip] = []
        public var bytes = 0
        public var seconds = 0.0
        public var processed: Int { added + unchanged + replaced + skipped.count }
    }

    public func run(_ files: [DocumentFile], onEvent: @Sendable (Event) -> Void = { _ in }) async throws -> Summary {
        let started = ContinuousClock.now
        var summary = Summary()
        // Two stages: the next chunk is read and extracted (in parallel) while the previous one is written, in one
        // transaction (group commit: one commit for many documents; each document still all or nothing).
        let chunks = stride(from: 0, to: files.count, by: window).map { Array(files[$0..<min($0 + window, files.count)]) }
        var next: Task<[Result<(SourceDocument, DocumentExtraction), DocumentSkip>], Never>? =
            chunks.first.map { chunk in Task { await extract(chunk) } }
        for c in chunks.indices {
            let results = await next!.value
            next = c + 1 < chunks.count ? Task { [chunks] in await extract(chunks[c + 1]) } : nil
            var ready: [(document: SourceDocument, extraction: DocumentExtraction)] = []
            for result in results {
                if case .success(let (document, extraction)) = result { ready.append((document, extraction)) }
            }
            var stored = try await store.add(batch: ready)[...]
            for result in results {
                let outcome: Event.Outcome
                var bytes = 0
                switch result {
                case .success(let (document, _)):
                    let added = stored.removeFirst()
                    switch added.outcome {
                    case .added: summary.added += 1
                    case .unchanged: summary.unchanged += 1
                    case .replaced: summary.replaced += 1
                    }
                    bytes = document.bytes.count
                    summary.bytes += bytes
                    outcome = .stored(added)
                case .failure(let skip):
                    summary.skipped.append(skip)
                    outcome = .skipped(skip)
                }
                onEvent(Event(outcome: outcome, done: summary.processed, total: files.count, bytes: bytes))
            }
        }
        let elapsed = ContinuousClock.now - started
        summary.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return summary
    }

    /// Reads and extracts `chunk` on every core; results in the chunk's order.
    func extract(_ chunk: [DocumentFile]) async -> [Result<(SourceDocument, DocumentExtraction), DocumentSkip>] {
        let extractor = self.extractor
        let maxBytes = self.maxBytes
        return await withTaskGroup(of: (Int, Result<(SourceDocument, DocumentExtraction), DocumentSkip>).self) { group in
            for (i, file) in chunk.enumerated() {
                group.addTask { (i, Self.read(file, maxBytes: maxBytes).map { ($0, extractor.extract($0)) }) }
            }
            var results = [Result<(SourceDocument, DocumentExtraction), DocumentSkip>?](repeating: nil, count: chunk.count)
            for await (i, result) in group { results[i] = result }
            return results.map { $0! }
        }
    }

    /// The document, or why it is set aside (too large, empty, binary, not UTF-8, unreadable).
    static func read(_ file: DocumentFile, maxBytes: Int) -> Result<SourceDocument, DocumentSkip> {
        if let size = (try? FileManager.default.attributesOfItem(atPath: file.url.path)[.size]) as? Int, size > maxBytes {
            return .failure(DocumentSkip(file: file.url.path, reason: "too large (\(size) bytes; the limit is \(maxBytes))"))
        }
        return file.load()
    }
}
