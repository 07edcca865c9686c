import Foundation
import RelGraphCore
import RelGraphCorpus
import RelGraphExtraction
import RelGraphStore

/// `relgraph ingest`: reads and extracts documents in parallel on every core, and writes them into a store one at
/// a time, each in its own transaction — so a run killed at any moment leaves every document it reported done
/// complete, and nothing half-written.
///
/// Extraction never runs inside a transaction; at most ``window`` documents are read ahead of the writer, so
/// memory stays flat however large the corpus.
///
/// ```swift
/// let ingest = DocumentIngest(store: store, extractor: extractor)
/// let summary = try await ingest.run(files) { progress in print(progress.done, "of", progress.total) }
/// ```
public struct DocumentIngest: Sendable {
    public var store: any GraphStore
    public var extractor: DocumentExtractor
    /// Documents read and extracted ahead of the writer at most.
    public var window: Int
    /// Files larger than this are skipped.
    public var maxBytes: Int

    public init(
        store: any GraphStore, extractor: DocumentExtractor,
        window: Int = 2 * ProcessInfo.processInfo.activeProcessorCount + 2, maxBytes: Int = 20 << 20
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
        let extractor = self.extractor
        let maxBytes = self.maxBytes
        try await withThrowingTaskGroup(of: Result<(SourceDocument, DocumentExtraction), DocumentSkip>.self) { group in
            var next = 0
            func launch(_ group: inout ThrowingTaskGroup<Result<(SourceDocument, DocumentExtraction), DocumentSkip>, any Error>) {
                let file = files[next]
                next += 1
                group.addTask { Self.read(file, maxBytes: maxBytes).map { ($0, extractor.extract($0)) } }
            }
            while next < min(files.count, window) { launch(&group) }
            while let result = try await group.next() {
                if next < files.count { launch(&group) }
                let outcome: Event.Outcome
                var bytes = 0
                switch result {
                case .success(let (document, extraction)):
                    let stored = try await store.add(document, extraction: extraction)
                    switch stored.outcome {
                    case .added: summary.added += 1
                    case .unchanged: summary.unchanged += 1
                    case .replaced: summary.replaced += 1
                    }
                    bytes = document.bytes.count
                    summary.bytes += bytes
                    outcome = .stored(stored)
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

    /// The document, or why it is set aside (too large, empty, binary, not UTF-8, unreadable).
    static func read(_ file: DocumentFile, maxBytes: Int) -> Result<SourceDocument, DocumentSkip> {
        if let size = (try? FileManager.default.attributesOfItem(atPath: file.url.path)[.size]) as? Int, size > maxBytes {
            return .failure(DocumentSkip(file: file.url.path, reason: "too large (\(size) bytes; the limit is \(maxBytes))"))
        }
        return file.load()
    }
}
