import Foundation

/// How `relgraph serve` listens and guards its API.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port (reported when the server is up).
    public var port: Int
    /// Writes (POST, DELETE) need `Authorization: Bearer <token>` when set.
    public var token: String?
    /// Request bodies larger than this answer 413.
    public var maxBodyBytes: Int
    /// Threads for the path-based measures.
    public var analysisThreads: Int

    public init(
        host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, maxBodyBytes: Int = 5_000_000,
        analysisThreads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.host = host
        self.port = port
        self.token = token
        self.maxBodyBytes = maxBodyBytes
        self.analysisThreads = analysisThreads
    }

    /// Whether `host` only accepts connections from this machine.
    public var isLoopback: Bool {
        let h = host.lowercased()
        return h == "localhost" || h == "::1" || h == "[::1]" || h.hasPrefix("127.")
    }

    /// Refuses to expose writes beyond this machine without a token.
    public func validate() throws {
        if !isLoopback && token == nil {
            throw ServerSetupError(
                "--host \(host) accepts connections from other machines: give --token-file so that writes need a token")
        }
        if let token, token.isEmpty { throw ServerSetupError("the token file is empty") }
        if maxBodyBytes < 1 { throw ServerSetupError("--max-body must be positive") }
        if !(0...65535).contains(port) { throw ServerSetupError("--port must be 0…65535") }
    }

    /// Parses a size such as `5MB`, `512KB`, `1GB` or a plain number of bytes.
    public static func byteCount(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        for (suffix, factor) in [("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000), ("B", 1)] where t.hasSuffix(suffix) {
            guard let n = Double(t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), n > 0 else { return nil }
            return Int(n * Double(factor))
        }
        return Int(t).flatMap { $0 > 0 ? $0 : nil }
    }
}

/// A server that cannot start as configured; the message says which option to change.
public struct ServerSetupError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
