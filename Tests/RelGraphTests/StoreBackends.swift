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

@Suite("--db postgres:// URLs")
struct PostgresURLTests {
    @Test("user, password, host, port and database are read; the password never shows in messages")
    func parts() throws {
        let url = try PostgresURL("postgres://ana:s%40cret@db.example.org:6543/graph?sslmode=require", environment: [:])
        #expect([url.user, url.password, url.host, url.database, url.sslMode] == ["ana", "s@cret", "db.example.org", "graph", "require"])
        #expect(url.port == 6543)
        #expect(url.redacted == "postgres://ana@db.example.org:6543/graph")
        #expect(try PostgresURL("postgresql://ana@localhost/graph", environment: [:]).port == 5432)
    }

    @Test("the password comes from the URL, else password_file, else PGPASSWORD")
    func passwordSources() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-pw-\(UUID().uuidString)")
        try Data("from-file\n".utf8).write(to: file)
        let environment = ["PGPASSWORD": "from-env"]
        #expect(try PostgresURL("postgres://ana:in-url@h/db", environment: environment).password == "in-url")
        #expect(try PostgresURL("postgres://ana@h/db?password_file=\(file.path)", environment: environment).password == "from-file")
        #expect(try PostgresURL("postgres://ana@h/db", environment: environment).password == "from-env")
        #expect(try PostgresURL("postgres://ana@h/db?host=/run/postgresql", environment: [:]).socketFolder == "/run/postgresql")
    }

    @Test("a bad URL is refused with what is wrong, and no password in the message")
    func refused() {
        let expected = "; expected postgres://user[:password]@host[:port]/dbname"
        #expect(throws: StoreError(.invalid, "--db postgres://ana:***@h/db?colour=red: unknown parameter \"colour\" (known: sslmode, password_file, host)" + expected)) {
            try PostgresURL("postgres://ana:secret@h/db?colour=red", environment: [:])
        }
        #expect(throws: StoreError(.invalid, "--db postgres://ana@h: no database name after the host" + expected)) {
            try PostgresURL("postgres://ana@h", environment: [:])
        }
        #expect(throws: StoreError(.invalid, "--db postgres://h/db: no user name" + expected)) {
            try PostgresURL("postgres://h/db", environment: [:])
        }
        #expect(throws: StoreError(.invalid, "--db postgres://ana@h/db?sslmode=maybe: sslmode \"maybe\" is not one of disable, prefer, require, verify-ca, verify-full" + expected)) {
            try PostgresURL("postgres://ana@h/db?sslmode=maybe", environment: [:])
        }
    }

    @Test("a server that does not answer is a storage error naming the URL without its password")
    func unreachable() async throws {
        // Port 1 on loopback: nothing listens there.
        await #expect(throws: StoreError.self) {
            _ = try await StoreLocation("postgres://ana:secret@127.0.0.1:1/graph").open(knowledge: TestSupport.knowledge)
        }
        do {
            _ = try await StoreLocation("postgres://ana:secret@127.0.0.1:1/graph").open(knowledge: TestSupport.knowledge)
        } catch let error as StoreError {
            #expect(error.kind == .storage)
            #expect(error.description.hasPrefix("postgres://ana@127.0.0.1:1/graph: "))
            #expect(!error.description.contains("secret"))
        }
    }
}
