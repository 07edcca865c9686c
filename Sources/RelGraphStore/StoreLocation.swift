import Foundation
import RelGraphKnowledge

/// What `--db` names: a SQLite file (a path) or a PostgreSQL database (a `postgres://` URL).
///
/// ```swift
/// let store = try StoreLocation("relgraph.sqlite").open(knowledge: knowledge)
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

    /// Opens the store, creating and migrating it if needed.
    public func open(knowledge: KnowledgeBase) throws -> any GraphStore {
        switch self {
        case .sqlite(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder) else {
                throw StoreError(.invalid, "\(path): the folder \(folder) does not exist")
            }
            return try SQLiteGraphStore(path: path, knowledge: knowledge)
        case .postgres:
            throw StoreError(.invalid, "PostgreSQL stores are not supported by this build yet; use a SQLite file path")
        }
    }
}
