import Dispatch
import RelGraphCore

/// Extracts many documents on all cores. Results come back in input order.
public enum CorpusExtractor {
    public static func extract(_ documents: [SourceDocument], with extractor: DocumentExtractor, parallel: Bool = true) -> [DocumentExtraction] {
        guard parallel, documents.count > 1 else { return documents.map(extractor.extract) }
        let results = ResultSlots<DocumentExtraction>(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: documents.count) { i in
            results.set(i, extractor.extract(documents[i]))
        }
        return results.values()
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
