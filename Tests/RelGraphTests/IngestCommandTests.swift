import Foundation
import RelGraphCore
import RelGraphExtraction
import RelGraphStore
import Testing

/// `relgraph ingest` as a user runs it: bad files named and skipped, the rest stored, and nothing acknowledged lost
/// when the process is killed.
@Suite("relgraph ingest")
struct IngestCommandTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("bad files are named and skipped, the rest goes in, the exit status says so; a second run changes nothing")
    func badFilesSkipped() async throws {
        let folder = try temporaryDirectory()
        try "In 1972 Chile and Peru signed a fisheries accord in Lima.".write(
            to: folder.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)
        try Data().write(to: folder.appendingPathComponent("empty.txt"))
        try Data([0x41, 0x00, 0x42]).write(to: folder.appendingPathComponent("binary.txt"))
        try Data([0x41, 0xFF, 0xFE]).write(to: folder.appendingPathComponent("latin.txt"))
        try String(repeating: "Ghana and Togo. ", count: 100).write(
            to: folder.appendingPathComponent("large.txt"), atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("store.sqlite").path
        let result = try await TestSupport.run(["ingest", folder.path, "--db", db, "--max-bytes", "1000"])
        #expect(result.status == 1)
        #expect(result.out.contains("relgraph ingest: 1 added, 0 unchanged, 0 replaced, 4 skipped"), "\(result.out)")
        for (file, reason) in [
            ("empty.txt", "empty"), ("binary.txt", "binary (contains NUL bytes)"), ("latin.txt", "not valid UTF-8"),
            ("large.txt", "too large (1600 bytes; the limit is 1000)"),
        ] {
            #expect(result.err.contains("warning: \(folder.appendingPathComponent(file).path): skipped: \(reason)"), "\(result.err)")
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("large.txt"))
        let again = try await TestSupport.run(["ingest", folder.appendingPathComponent("good.txt").path, "--db", db])
        #expect(again.status == 0, "\(again.err)")
        #expect(again.out.hasPrefix("relgraph ingest: 0 added, 1 unchanged, 0 replaced, 0 skipped"))
    }

    @Test("--eras from a YAML file is stored; a bad one stops before anything is written")
    func erasFile() async throws {
        let folder = try temporaryDirectory()
        try "In 1983 Argentina and the United Kingdom were still at odds.".write(
            to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        let eras = folder.appendingPathComponent("eras.yaml")
        try "- {id: junta, label: Junta, start: 1976, end: 1983}\n- {id: democracy, label: Democracy, start: 1984, end: null}\n"
            .write(to: eras, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("store.sqlite").path
        let ok = try await TestSupport.run(["ingest", folder.appendingPathComponent("a.txt").path, "--db", db, "--eras", eras.path])
        #expect(ok.status == 0, "\(ok.err)")
        let store = try SQLiteGraphStore(path: db, knowledge: TestSupport.knowledge)
        #expect(try await store.eras().eras.map(\.id) == ["junta", "democracy"])

        try "- {id: a, label: A, start: 1990, end: 1980}\n".write(to: eras, atomically: true, encoding: .utf8)
        let bad = try await TestSupport.run(["ingest", folder.path, "--db", db, "--eras", eras.path])
        #expect(bad.status != 0)
        #expect(bad.err.contains("\(eras.path): era \"a\" ends (1980) before it starts (1990)"), "\(bad.err)")
        #expect(try await store.eras().eras.map(\.id) == ["junta", "democracy"])
    }

    @Test("kill -9 in the middle of a large ingest: every document reported stored is there, complete; none half-written")
    func killedIngestLosesNothing() async throws {
        let folder = try temporaryDirectory()
        let corpus = folder.appendingPathComponent("corpus")
        let generated = try await TestSupport.run(["bench", "generate", corpus.path, "--documents", "800"])
        #expect(generated.status == 0, "\(generated.err)")
        let db = folder.appendingPathComponent("store.sqlite").path

        let process = Process()
        guard let binary = TestSupport.relgraphBinary else { throw CocoaError(.fileNoSuchFile) }
        process.executableURL = binary
        process.arguments = ["ingest", corpus.path, "--db", db, "--verbose"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Read acknowledgements until a good part of the batch is in, then kill the writer mid-stream.
        let text = try await TestSupport.blocking {
            var text = ""
            while text.split(separator: "\n").count < 150 {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return text + String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
        #expect(process.terminationReason == .uncaughtSignal)
        // A line cut by the kill is not an acknowledgement.
        let lines = text.hasSuffix("\n") ? text.split(separator: "\n") : text.split(separator: "\n").dropLast()
        let acknowledged = lines.filter { $0.hasPrefix("added ") }.map { String($0.dropFirst("added ".count)) }
        #expect(acknowledged.count >= 150)

        let store = try SQLiteGraphStore(path: db, knowledge: TestSupport.knowledge)
        let total = try await store.documentCount()
        #expect(total >= acknowledged.count && total < 800, "killed before the end: \(total) stored")
        let stored = try await store.documents(limit: total, offset: 0)
        let storedIDs = Set(stored.map(\.info.id))
        #expect(Set(acknowledged).isSubset(of: storedIDs))
        // Complete: each stored document has exactly the rows a fresh extraction of its file gives.
        for summary in stored {
            let document = try #require(try await store.document(id: summary.info.id))
            // `ingest` reads "present" as this year, as a user's run does.
            let extraction = DocumentExtractor(index: TestSupport.index).extract(
                SourceDocument(info: summary.info, bytes: document.bytes, format: document.format))
            #expect(summary.mentions == extraction.mentions.count && summary.ties == extraction.ties.count, "\(summary.info.id)")
        }
        let statistics = try await store.statistics()
        #expect(statistics.mentions == stored.reduce(0) { $0 + $1.mentions })
        #expect(statistics.ties == stored.reduce(0) { $0 + $1.ties })
    }

    @Test("analyze, communities, compare and neighbors answer the same from --db as from build's graph.json")
    func readingCommandsTakeTheStore() async throws {
        let folder = try temporaryDirectory()
        let db = folder.appendingPathComponent("store.sqlite").path
        let ingested = try await TestSupport.run(["ingest", TestSupport.seeds.path, "--db", db])
        #expect(ingested.status == 0, "\(ingested.err)")
        let graphFile = TestSupport.seedBuild.output.appendingPathComponent("graph.json").path
        let commands: [[String]] = [
            ["analyze", "--measure", "pagerank", "--era", "putin", "--format", "json"],
            ["analyze", "--measure", "betweenness", "--format", "csv"],
            ["communities", "--era", "soviet", "--format", "json"],
            ["compare", "--from", "soviet", "--to", "putin", "--format", "json"],
        ]
        for command in commands {
            let fromFile = try await TestSupport.run([command[0], graphFile] + command.dropFirst())
            let fromStore = try await TestSupport.run([command[0], "--db", db] + command.dropFirst())
            #expect(fromFile.status == 0 && fromStore.status == 0, "\(command): \(fromFile.err) \(fromStore.err)")
            #expect(fromStore.out == fromFile.out, "\(command)")
            #expect(!fromStore.out.isEmpty)
        }
        let neighboursFromFile = try await TestSupport.run(["neighbors", "Pyongyang", "--graph", graphFile, "--format", "json"])
        let neighboursFromStore = try await TestSupport.run(["neighbors", "Pyongyang", "--db", db, "--format", "json"])
        #expect(neighboursFromStore.status == 0 && neighboursFromStore.out == neighboursFromFile.out)
        let unknown = try await TestSupport.run(["analyze", "--db", db, "--measure", "degree", "--era", "1812"])
        #expect(unknown.status != 0)
        #expect(unknown.err.contains("unknown era \"1812\"; valid eras: soviet, post-soviet, putin, undated"), "\(unknown.err)")
        let both = try await TestSupport.run(["analyze", graphFile, "--db", db, "--measure", "degree"])
        #expect(both.status != 0 && both.err.contains("give a graph file or --db <store>, not both"))
    }
}
