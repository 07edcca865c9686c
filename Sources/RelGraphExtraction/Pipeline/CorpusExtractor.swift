import RelGraphCore

/// Extracts many documents on several threads. Results come back in input order.
public enum CorpusExtractor {
    public static func extract(
        _ documents: [SourceDocument], with extractor: DocumentExtractor, threads: Int = WorkerPool.defaultThreads
    ) -> [DocumentExtraction] {
        WorkerPool.map(count: documents.count, threads: threads) { extractor.extract(documents[$0]) }
    }
}

/// Write-once slots filled from concurrent workers, each writing a different index.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var storage: [Value?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    // Safe: every index is written by exactly one worker and read only after all have finished.
    func set(_ i: Int, _ value: Value) { storage.withUnsafeMutableBufferPointer { $0[i] = value } }
    func values() -> [Value] { storage.map { $0! } }
}
