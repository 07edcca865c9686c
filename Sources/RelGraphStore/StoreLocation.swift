import Foundation
import RelGraphKnowledge

/// What `--db` names: a SQLite file (a path) or a PostgreSQL database (a `postgres://` URL).
///
/// ```swift
/// let store = try await StoreLocation("relgraph.sqlite").open(knowledge: knowledge)
/// defer { Task { await store.close() } }
/// ```
public enum StoreLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    public init(_ value: String) throws {
        let trimmed = value.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw StoreError(.invalid, "--db is empty: give a SQLite file path or a postgres:// URL") }
        if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            self = .postgres(url: trimmed)
        } else {
            self = .sqlite(path: trimmed)
        }
    }

    /// Opens the store, creating and migrating it if needed. Call ``GraphStore/close()`` when done.
    public func open(knowledge: KnowledgeBase) async throws -> any GraphStore {
        switch self {
        case .sqlite(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder) else {
                throw StoreError(.invalid, "\(path): the folder \(folder) does not exist")
            }
            return try SQLiteGraphStore(path: path, knowledge: knowledge)
        case .postgres(let url):
            return try await PostgresGraphStore.connect(url: try PostgresURL(url), knowledge: knowledge)
        }
    }
}
