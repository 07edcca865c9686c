import Foundation
import RelGraphAnalysis
import RelGraphCore
import RelGraphStore

/// Results that cost a computation — an era's graph, its scores, a rendered diagram — kept per store revision.
///
/// Every lookup first reads the store's revision (one indexed read); a write by this process or any other bumps
/// it, and everything computed for an older revision is dropped. So a result is never stale after a write
/// returns, and repeated reads cost a lookup.
actor AnalysisCache {
    private let store: any GraphStore
    private var revision: Int64 = -1
    private var entries: [String: any Sendable] = [:]
    /// Computations under way, so that concurrent requests for the same thing compute it once.
    private var pending: [String: Task<any Sendable, any Error>] = [:]
    private let capacity: Int

    init(store: any GraphStore, capacity: Int = 512) {
        self.store = store
        self.capacity = capacity
    }

    /// The cached value for `key` at the store's current revision, computing it with `make` if needed.
    func value<T: Sendable>(_ key: String, _ make: @escaping @Sendable () async throws -> T) async throws -> T {
        let current = try await store.revision()
        if current != revision {
            revision = current
            entries.removeAll(keepingCapacity: true)
            pending.removeAll()
        }
        // Unwrapped first: a missing entry must not pass as a `nil` of an optional `T`.
        if let entry = entries[key], let hit = entry as? T { return hit }
        let task = pending[key] ?? Task { try await make() as any Sendable }
        pending[key] = task
        let value = try await task.value
        if revision == current {
            pending[key] = nil
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = value
        }
        guard let typed = value as? T else { throw StoreError(.storage, "cache entry \(key) has an unexpected type") }
        return typed
    }
}
