import Foundation
import NIOSSL
import PostgresNIO

/// A `postgres://` URL as `--db` takes it, turned into a connection configuration.
///
/// `postgres://user[:password]@host[:port]/dbname[?sslmode=disable|prefer|require][&password_file=PATH][&host=/socket/dir]`
///
/// The password comes from the URL, else from the file `password_file` names, else from `PGPASSWORD` (as libpq
/// does), so that it need not appear in a process list. `sslmode` takes libpq's names: `disable` (the default
/// here), `prefer` (TLS when the server offers it, certificate not checked), and `require`, `verify-ca` or
/// `verify-full`, which all insist on TLS with the server's certificate and host name verified against the
/// system's trust roots (stricter than libpq's `require`).
/// A `host` parameter that is a folder connects through the Unix socket in it.
///
/// ```swift
/// let url = try PostgresURL("postgres://relgraph@db.internal:5432/graph?sslmode=require")
/// url.redacted  // "postgres://relgraph@db.internal:5432/graph", for messages
/// ```
public struct PostgresURL: Sendable, Equatable {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: String
    /// A folder holding the server's Unix socket, instead of TCP.
    public var socketFolder: String?

    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        func invalid(_ why: String) -> StoreError {
            StoreError(.invalid, "--db \(Self.redact(text)): \(why); expected postgres://user[:password]@host[:port]/dbname")
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme,
            scheme == "postgres" || scheme == "postgresql"
        else { throw invalid("not a postgres:// URL") }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        for name in query.keys where !["sslmode", "password_file", "host"].contains(name) {
            throw invalid("unknown parameter \"\(name)\" (known: sslmode, password_file, host)")
        }
        guard let user = components.percentEncodedUser.flatMap({ $0.removingPercentEncoding }), !user.isEmpty else {
            throw invalid("no user name")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else { throw invalid("no database name after the host") }
        self.user = user
        self.database = database.removingPercentEncoding ?? database
        self.port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw invalid("port \(port) is out of range") }
        self.socketFolder = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        self.host = components.host ?? ""
        guard !host.isEmpty || socketFolder != nil else { throw invalid("no host") }
        self.sslMode = query["sslmode"] ?? "disable"
        guard ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"].contains(sslMode) else {
            throw invalid("sslmode \"\(sslMode)\" is not one of disable, prefer, require, verify-ca, verify-full")
        }
        if let password = components.percentEncodedPassword {
            self.password = password.removingPercentEncoding ?? password
        } else if let file = query["password_file"] {
            do {
                self.password = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .newlines)
            } catch {
                throw invalid("password_file \(file) cannot be read")
            }
        } else {
            self.password = environment["PGPASSWORD"]
        }
    }

    /// The URL without its password, for messages and logs.
    public var redacted: String {
        "postgres://\(user)@\(socketFolder ?? host):\(port)/\(database)"
    }

    static func redact(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }

    /// What `sslmode` asks for: no TLS, TLS if offered (certificate not checked), or TLS required and verified.
    enum TLSMode {
        case disable
        case prefer(TLSConfiguration)
        case require(TLSConfiguration)
    }

    var tlsMode: TLSMode {
        switch sslMode {
        case "disable", "allow": return .disable
        case "prefer":
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = .none
            return .prefer(configuration)
        default: return .require(.makeClientConfiguration())
        }
    }

    var socketPath: String? { socketFolder.map { "\($0)/.s.PGSQL.\(port)" } }

    /// A single connection's configuration (to check that the server answers before a pool is made).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if let socketPath {
            configuration = .init(unixSocketPath: socketPath, username: user, password: password, database: database)
        } else {
            let tls: PostgresConnection.Configuration.TLS
            switch tlsMode {
            case .disable: tls = .disable
            case .prefer(let settings): tls = .prefer(try NIOSSLContext(configuration: settings))
            case .require(let settings): tls = .require(try NIOSSLContext(configuration: settings))
            }
            configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    /// The client configuration: TLS as `sslmode` asks, a pool of at most `connections`.
    func configuration(connections: Int) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let socketPath {
            configuration = .init(unixSocketPath: socketPath, username: user, password: password, database: database)
        } else {
            let tls: PostgresClient.Configuration.TLS
            switch tlsMode {
            case .disable: tls = .disable
            case .prefer(let settings): tls = .prefer(settings)
            case .require(let settings): tls = .require(settings)
            }
            configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        configuration.options.maximumConnections = connections
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }
}
