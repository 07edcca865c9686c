import Foundation
import RelGraphBenchmarks
import RelGraphCore
import RelGraphCorpus
import RelGraphExtraction
import RelGraphStore
import Synchronization
import Testing

/// Several relgraph processes on one PostgreSQL database: ingesting side by side, serving side by side, one of them
/// killed. Needs a server (`RELGRAPH_TEST_POSTGRES`), the built `relgraph` binary and curl.
@Suite("scale-out on PostgreSQL")
struct ScaleOutTests {
    static let available = StoreBackend.postgresURL != nil && ServerProcessTests.available

    /// Writes `count` generated documents (and the seeds, when asked) into a new folder.
    static func corpus(_ name: String, count: Int, seed: UInt64, from: Int = 0) throws -> (URL, [URL]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let generator = CorpusGenerator(templates: StoreTests.seedDocuments, extractor: TestSupport.extractor)
        let files = try (from..<(from + count)).map { n in
            let url = folder.appendingPathComponent("doc-\(n).txt")
            try Data(generator.document(n, seed: seed).bytes).write(to: url)
            return url
        }
        return (folder, files)
    }

    /// Runs `relgraph` with `arguments` to the end; its exit status.
    static func relgraph(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = TestSupport.relgraphBinary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// A GET with curl: status and body.
    static func get(_ url: String) async throws -> (status: Int, body: Data) {
        let out = try await TestSupport.runProcess(URL(fileURLWithPath: "/usr/bin/curl"), ["-s", "-w", "\n%{http_code}", url]).out
        guard let newline = out.lastIndex(of: "\n") else { return (0, Data()) }  // curl did not run
        return (Int(out[out.index(after: newline)...]) ?? 0, Data(out[..<newline].utf8))
    }

    /// Runs blocking client bodies on threads of their own and waits for all of them.
    static func clients(_ bodies: [@Sendable () -> Void]) async {
        let done = DispatchGroup()
        for body in bodies {
            done.enter()
            Thread { body(); done.leave() }.start()
        }
        await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
            done.notify(queue: .global()) { finished.resume() }
        }
    }

    @Test(
        "two `relgraph ingest` processes on two halves into PostgreSQL give exactly the graph of one ingest of the whole into SQLite",
        .enabled(if: available, "\(StoreBackend.postgresMissing)"))
    func splitIngestEqualsOne() async throws {
        let (first, firstFiles) = try Self.corpus("half-a", count: 60, seed: 21)
        let (second, secondFiles) = try Self.corpus("half-b", count: 60, seed: 21, from: 60)
        let postgres = try await StoreBackend.freshPostgresDatabase()
        let sqlite = first.deletingLastPathComponent().appendingPathComponent("relgraph-whole-\(UUID().uuidString).sqlite").path

        // The two halves at the same time, each process with its own writer, into one database.
        let a = try Self.relgraph(["ingest", first.path, "--db", postgres])
        let b = try Self.relgraph(["ingest", second.path, "--db", postgres])
        let whole = try Self.relgraph(["ingest", first.path, second.path, "--db", sqlite])
        try await TestSupport.blocking { for process in [a, b, whole] { process.waitUntilExit() } }
        #expect([a, b, whole].map(\.terminationStatus) == [0, 0, 0])

        let shared = try await StoreLocation(postgres).open(knowledge: TestSupport.knowledge)
        let single = try SQLiteGraphStore(path: sqlite, knowledge: TestSupport.knowledge)
        #expect(try await shared.documentCount() == 120)
        let sharedGraph = try await shared.graph(GraphQuery())
        let singleGraph = try await single.graph(GraphQuery())
        #expect(sharedGraph.nodes == singleGraph.nodes)
        #expect(sharedGraph.edges == singleGraph.edges)
        #expect(sharedGraph == singleGraph)

        // Checked independently of both stores: the batch assembly of the same extractions, weight per
        // (era, source, target, relation), and the running sums PostgreSQL kept.
        let documents = try [first, second].flatMap { try CorpusReader.read(directory: $0).loadDocuments().documents }
        #expect(documents.count == firstFiles.count + secondFiles.count)
        let extractions = documents.map(TestSupport.processExtractor.extract)
        let expected = GraphAssembler.assemble(extractions, eras: try await shared.eras(), knowledge: TestSupport.knowledge)
        func weights(_ edges: [Edge]) -> [String: Double] {
            Dictionary(uniqueKeysWithValues: edges.map { ("\($0.era) \($0.source) \($0.target) \($0.relation)", $0.weight) })
        }
        #expect(weights(sharedGraph.edges) == weights(expected.edges))
        let light = try await shared.graph(GraphQuery(evidence: false, mentions: false))
        #expect(weights(light.edges) == weights(expected.edges))
        #expect(light.edges.map { $0.tone } == expected.edges.map { $0.tone })
        await shared.close()
    }

    @Test(
        "two servers on one database: 8 clients × 25 documents through both, plus the same documents posted to both at once: each stored once, both servers agree, caches follow the other server's writes",
        .enabled(if: available, "\(StoreBackend.postgresMissing)"))
    func twoServersOneDatabase() async throws {
        let (_, files) = try Self.corpus("two-servers", count: 200, seed: 5)
        let (_, sharedFiles) = try Self.corpus("two-servers-shared", count: 8, seed: 6, from: 1000)
        let postgres = try await StoreBackend.freshPostgresDatabase()
        let (one, oneBase) = try await ServerProcessTests.startServer(db: postgres)
        let (two, twoBase) = try await ServerProcessTests.startServer(db: postgres)
        defer { one.terminate(); two.terminate() }

        // A cached analysis on server two, before anything is stored.
        let before = try await Self.get("\(twoBase)/v1/centrality?measure=degree")
        #expect(before.status == 200)

        let statuses = Mutex<[String: [Int]]>([:])
        await Self.clients((0..<8).map { c in
            {
                for k in 0..<25 {
                    let n = c * 25 + k
                    let base = n % 2 == 0 ? oneBase : twoBase
                    let status = (try? ServerProcessTests.post(files[n], id: "doc-\(n)", to: base)) ?? 0
                    statuses.withLock { $0["doc-\(n)", default: []].append(status) }
                }
                // The same content to both servers at the same moment.
                let shared = sharedFiles[c]
                let id = "doc-\(1000 + c)"
                let racers = DispatchGroup()
                for base in [oneBase, twoBase] {
                    racers.enter()
                    Thread {
                        let status = (try? ServerProcessTests.post(shared, id: id, to: base)) ?? 0
                        statuses.withLock { $0[id, default: []].append(status) }
                        racers.leave()
                    }.start()
                }
                racers.wait()
            }
        })
        let answered = statuses.withLock { $0 }
        #expect(answered.count == 208)
        for n in 0..<200 { #expect(answered["doc-\(n)"] == [201], "doc-\(n)") }
        for c in 0..<8 {
            // One server stored it (201), the other found it stored (200).
            #expect(answered["doc-\(1000 + c)"]?.sorted() == [200, 201], "doc-\(1000 + c)")
        }

        for path in ["/v1/documents?limit=1", "/v1/graph?format=json", "/v1/centrality?measure=pagerank", "/v1/eras"] {
            let fromOne = try await Self.get(oneBase + path)
            let fromTwo = try await Self.get(twoBase + path)
            #expect(fromOne.status == 200 && fromTwo.status == 200, "\(path)")
            #expect(fromOne.body == fromTwo.body, "\(path) differs between the servers")
        }
        let listing = try JSONSerialization.jsonObject(with: await Self.get("\(oneBase)/v1/documents?limit=1").body) as? [String: Any]
        #expect(listing?["total"] as? Int == 208)
        // Server two's cached centrality was computed before the writes; it follows them.
        let after = try await Self.get("\(twoBase)/v1/centrality?measure=degree")
        #expect(after.status == 200 && after.body != before.body)
    }

    @Test(
        "kill -9 of one of two servers while clients post through both: every document either acknowledged is stored, complete",
        .enabled(if: available, "\(StoreBackend.postgresMissing)"))
    func killedServerOfTwo() async throws {
        let (_, files) = try Self.corpus("kill-one", count: 240, seed: 8)
        let postgres = try await StoreBackend.freshPostgresDatabase()
        let (victim, victimBase) = try await ServerProcessTests.startServer(db: postgres)
        let (survivor, survivorBase) = try await ServerProcessTests.startServer(db: postgres)
        defer { survivor.terminate() }
        let pid = victim.processIdentifier
        let acknowledged = Mutex<[Int]>([])
        await Self.clients((0..<4).map { c in
            {
                for n in stride(from: c, to: files.count, by: 4) {
                    let base = n % 2 == 0 ? victimBase : survivorBase
                    let status = (try? ServerProcessTests.post(files[n], id: "doc-\(n)", to: base)) ?? 0
                    if status == 201 {
                        let count = acknowledged.withLock { $0.append(n); return $0.count }
                        if count == 60 { kill(pid, SIGKILL) }
                    }
                }
            }
        })
        try await TestSupport.blocking { victim.waitUntilExit() }
        #expect(victim.terminationReason == .uncaughtSignal)
        let acked = acknowledged.withLock { $0 }
        #expect(acked.count > 60 && acked.count < 240)
        let store = try await StoreLocation(postgres).open(knowledge: TestSupport.knowledge)
        for n in acked {
            let stored = try await store.document(id: "doc-\(n)")
            #expect(stored?.bytes == Array(try Data(contentsOf: files[n])), "doc-\(n) acknowledged but not stored whole")
            let text = try String(contentsOf: files[n], encoding: .utf8)
            #expect(stored?.summary.ties == TestSupport.processExtractor.extract(SourceDocument(id: "doc-\(n)", text: text)).ties.count)
        }
        // The survivor answers for everything stored, whichever server stored it.
        let listing = try JSONSerialization.jsonObject(with: await Self.get("\(survivorBase)/v1/documents?limit=1").body) as? [String: Any]
        #expect(listing?["total"] as? Int == (try await store.documentCount()))
        await store.close()
    }
}
