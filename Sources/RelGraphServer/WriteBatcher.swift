import RelGraphCore
import RelGraphStore

/// Group commit for concurrent posts: documents that arrive while a transaction is being written wait together and
/// go into the next one, so N concurrent clients pay about one commit, not N. Each caller is answered only once the
/// transaction holding its document has committed, so an acknowledged document is durable; a batch that fails
/// fails every caller in it, and nothing of it is stored.
actor WriteBatcher {
    private let store: any GraphStore
    private var pending: [(item: (document: SourceDocument, extraction: DocumentExtraction), reply: CheckedContinuation<AddResult, any Error>)] = []
    private var writing = false
    /// Documents in one transaction at most.
    private let limit: Int

    init(store: any GraphStore, limit: Int = 64) {
        self.store = store
        self.limit = limit
    }

    func add(_ document: SourceDocument, extraction: DocumentExtraction) async throws -> AddResult {
        try await withCheckedThrowingContinuation { continuation in
            pending.append(((document, extraction), continuation))
            if !writing {
                writing = true
                Task { await self.drain() }
            }
        }
    }

    /// Writes batches until nothing waits.
    private func drain() async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(limit))
            pending.removeFirst(batch.count)
            do {
                let results = try await store.add(batch: batch.map(\.item))
                for (waiting, result) in zip(batch, results) { waiting.reply.resume(returning: result) }
            } catch {
                for waiting in batch { waiting.reply.resume(throwing: error) }
            }
        }
        writing = false
    }
}
