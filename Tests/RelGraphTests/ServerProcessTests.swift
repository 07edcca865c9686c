import Foundation
import RelGraphBenchmarks
import RelGraphStore
import Synchronization
import Testing

/// `relgraph serve` as a process: killed with SIGKILL while clients post, it loses no document it acknowledged.
@Suite("relgraph serve, killed")
struct ServerProcessTests {
    /// Starts `relgraph serve` on a free loopback port; returns the process and its base URL.
    static func startServer(db: String) async throws -> (Process, String) {
        guard let binary = TestSupport.relgraphBinary else { throw CocoaError(.fileNoSuchFile) }
        return try await TestSupport.blocking { try launchServer(binary, db: db) }
    }

    /// Starts the server and blocks until it says where it listens.
    private static func launchServer(_ binary: URL, db: String) throws -> (Process, String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--db", db, "--port", "0"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("listening on http://") || !text.contains("\n") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { throw CocoaError(.fileReadUnknown) }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let line = text.split(separator: "\n").first { $0.hasPrefix("relgraph serve: listening on ") }!
        return (process, String(line.split(separator: " ").last!))
    }

    /// POSTs a file with curl; the HTTP status, or 0 when the server did not answer.
    static func post(_ file: URL, id: String, to base: String) throws -> Int {
        try curl([
            "-H", "Content-Type: text/plain", "--data-binary", "@\(file.path)", "\(base)/v1/documents?id=\(id)",
        ])
    }

    /// Runs curl with `arguments`; the HTTP status, or 0 when the server did not answer.
    static func curl(_ arguments: [String]) throws -> Int {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-s", "-o", "/dev/null", "-w", "%{http_code}"] + arguments
        let out = Pipe()
        curl.standardOutput = out
        try curl.run()
        let status = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        curl.waitUntilExit()
        return Int(status) ?? 0
    }

    static let available = TestSupport.relgraphBinary != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")

    /// Ids the server answered 201 for, from several clients.
    final class Acknowledged: Sendable {
        let ids = Mutex<[String]>([])
        /// Reads answered 200 while the posts went on.
        let reads = Mutex(0)
    }

    @Test("kill -9 while 4 clients post and one reads: reads answer meanwhile; every document answered 201 is in the store after a restart", .enabled(if: available))
    func killedServerLosesNothing() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let generator = CorpusGenerator(templates: StoreTests.seedDocuments, extractor: TestSupport.extractor)
        let files = try (0..<400).map { n in
            let url = folder.appendingPathComponent("doc-\(n).txt")
            try Data(generator.document(n, seed: 9).bytes).write(to: url)
            return url
        }
        let db = folder.appendingPathComponent("store.sqlite").path
        let (server, base) = try await Self.startServer(db: db)
        let acknowledged = Acknowledged()
        let pid = server.processIdentifier
        // Clients on threads of their own (curl blocks): 4 posting, 1 reading.
        let done = DispatchGroup()
        func client(_ body: @escaping @Sendable () -> Void) {
            done.enter()
            Thread { body(); done.leave() }.start()
        }
        for c in 0..<4 {
            client {
                for n in stride(from: c, to: files.count, by: 4) {
                    let status = (try? Self.post(files[n], id: "doc-\(n)", to: base)) ?? 0
                    if status == 201 {
                        // Once a good part is acknowledged, the server is killed mid-stream.
                        let count = acknowledged.ids.withLock { $0.append("doc-\(n)"); return $0.count }
                        if count >= 60 { kill(pid, SIGKILL) }
                    }
                    if status == 0 { return }  // the server is gone
                }
            }
        }
        client {
            // Reads keep answering while the documents go in.
            while (try? Self.curl(["\(base)/v1/centrality?measure=degree"])) == 200 {
                acknowledged.reads.withLock { $0 += 1 }
            }
        }
        await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
            done.notify(queue: .global()) { finished.resume() }
        }
        try await TestSupport.blocking { server.waitUntilExit() }
        #expect(server.terminationReason == .uncaughtSignal)
        let acked = acknowledged.ids.withLock { $0 }
        #expect(acked.count >= 60 && acked.count < 400)
        #expect(acknowledged.reads.withLock { $0 } >= 10)

        // Restart on the same store: everything acknowledged is there.
        let (again, againBase) = try await Self.startServer(db: db)
        defer { again.terminate() }
        let store = try SQLiteGraphStore(path: db, knowledge: TestSupport.knowledge)
        let stored = Set(try await store.documents(limit: 1000, offset: 0).map(\.info.id))
        #expect(Set(acked).isSubset(of: stored), "lost: \(Set(acked).subtracting(stored).sorted())")
        let again0 = try await TestSupport.blocking { try Self.post(files[0], id: "doc-0", to: againBase) }
        #expect(again0 == (acked.contains("doc-0") ? 200 : 201))
    }
}
