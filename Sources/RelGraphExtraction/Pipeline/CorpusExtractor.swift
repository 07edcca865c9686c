import RelGraphCore

/// Extracts many documents on several threads. Results come back in input order.
public enum CorpusExtractor {
    public static func extract(
        _ documents: [SourceDocument], with extractor: DocumentExtractor, threads: Int = WorkerPool.defaultThreads
    ) -> [DocumentExtraction] {
        WorkerPool.map(count: documents.count, threads: threads) { extractor.extract(documents[$0]) }
    }
}

