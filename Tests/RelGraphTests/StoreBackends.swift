import Foundation
import Logging
import PostgresNIO
import RelGraphStore
import Testing

/// The store implementations the store tests run against: SQLite always, PostgreSQL when `RELGRAPH_TEST_POSTGRES`
/// names a server (`.ci/run` starts one; `eval "$(.ci/start-postgres)"` does it on a laptop).
enum StoreBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// The URL of a PostgreSQL database whose user may create databases, or `nil`.
    static let postgresURL: String? = ProcessInfo.processInfo.environment["RELGRAPH_TEST_POSTGRES"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// The backends this run can test.
    static let available: [StoreBackend] = postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]

    static let postgresMissing = "PostgreSQL tests skipped: set RELGRAPH_TEST_POSTGRES=postgres://user@host:port/db "
        + "(eval \"$(.ci/start-postgres)\" starts a private server)"

    /// A new, empty store of this kind, with where it lives (a file path or a URL).
    func makeStore() async throws -> (store: any GraphStore, location: String) {
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("relgraph-store-\(UUID().uuidString).sqlite").path
            return (try SQLiteGraphStore(path: path, knowledge: TestSupport.knowledge), path)
        case .postgres:
            let url = try await Self.freshPostgresDatabase()
            return (try await StoreLocation(url).open(knowledge: TestSupport.knowledge), url)
        }
    }

    /// Creates an empty database on the test server and returns its URL.
    static func freshPostgresDatabase() async throws -> String {
        let base = try #require(postgresURL, "\(postgresMissing)")
        let url = try PostgresURL(base)
        let name = "relgraph_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
            tls: .disable)
        let connection = try await PostgresConnection.connect(
            configuration: configuration, id: 1, logger: Logger(label: "relgraph.tests"))
        try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: Logger(label: "relgraph.tests"))
        try await connection.close()
        return "postgres://\(url.user)@\(url.host):\(url.port)/\(name)"
    }
}

@Suite("store backends")
struct StoreBackendTests {
    @Test("PostgreSQL is configured for the store tests", .enabled(if: StoreBackend.postgresURL != nil, "\(StoreBackend.postgresMissing)"))
    func postgresConfigured() async throws {
        let (store, location) = try await StoreBackend.postgres.makeStore()
        #expect(location.hasPrefix("postgres://"))
        #expect(try await store.documentCount() == 0)
        #expect(try await store.revision() == 0)
        await store.close()
    }
}
