import Foundation
import RelGraphBuild
import RelGraphCore
import RelGraphExtraction
import RelGraphKnowledge
import Synchronization

/// Paths and shared, computed-once fixtures for the tests.
enum TestSupport {
    /// The package root (this file is Tests/RelGraphTests/Support.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let seeds = packageRoot.appendingPathComponent("seeds")

    static let knowledge: KnowledgeBase = try! KnowledgeBase.bundled()
    static let index = KnowledgeIndex(knowledge)
    /// Fixed "present" so results do not change with the calendar.
    static let extractor = DocumentExtractor(index: index, presentYear: 2025)
    /// The extractor a `relgraph` process uses: this year is the present. Tests that compare a process's results
    /// with extractions of their own use it, or a sentence about "now" would be dated differently on each side.
    static let processExtractor = DocumentExtractor(index: index, presentYear: DocumentExtractor.currentYear())

    /// `relgraph build seeds --out <tmp>` run once for all tests that read its files.
    static let seedBuild: (summary: GraphBuild.Summary, output: URL) = {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-seeds-\(UUID().uuidString)")
        var build = GraphBuild(corpusDirectory: seeds, outputDirectory: output)
        build.presentYear = 2025
        let summary = try! build.run()
        return (summary, output)
    }()

    /// Extracts a passage written for a test, and assembles its graph with the given eras.
    static func graph(_ text: String, date: String? = nil, eras: String? = nil, id: String = "passage") throws -> RelationshipGraph {
        let document = SourceDocument(id: id, text: text, date: date.flatMap(PartialDate.init))
        let extraction = extractor.extract(document)
        let eraSet = try eras.map(EraSet.parse) ?? EraSet.decades(from: 1900, through: 2029)
        return GraphAssembler.assemble([extraction], eras: eraSet, knowledge: knowledge)
    }

    /// The executable built beside the test bundle.
    static var relgraphBinary: URL? {
        var directory = Bundle.module.bundleURL.deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("relgraph")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    /// Runs the relgraph executable; returns exit status, stdout and stderr.
    static func run(_ arguments: [String]) async throws -> (status: Int32, out: String, err: String) {
        guard let binary = relgraphBinary else { throw CocoaError(.fileNoSuchFile) }
        return try await runProcess(binary, arguments)
    }

    /// Runs a program; returns exit status, stdout and stderr. Both pipes are drained at once, so a child that
    /// writes much to one of them cannot stall on the other.
    static func runProcess(_ executable: URL, _ arguments: [String], in directory: URL? = nil) async throws -> (status: Int32, out: String, err: String) {
        try await blocking {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            if let directory { process.currentDirectoryURL = directory }
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let errData = Mutex(Data())
            let errRead = DispatchSemaphore(value: 0)
            Thread {
                let data = err.fileHandleForReading.readDataToEndOfFile()
                errData.withLock { $0 = data }
                errRead.signal()
            }.start()
            let outData = out.fileHandleForReading.readDataToEndOfFile()
            errRead.wait()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: outData, as: UTF8.self),
                    String(decoding: errData.withLock { $0 }, as: UTF8.self))
        }
    }

    /// Runs blocking work (a child process, curl, a read from a pipe) on a thread of its own and awaits it.
    ///
    /// Why: Swift concurrency has one cooperative thread per core, two on CI. Tests run in parallel, and a test that
    /// blocks in `waitUntilExit` on a cooperative thread starves every other test's tasks — among them the
    /// in-process HTTP servers, whose clients then time out.
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryDirectory(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension RelationshipGraph {
    func node(_ id: String) -> Node? { nodes.first { $0.id.rawValue == id } }

    /// Edges between two entities (either direction), optionally of one relation.
    func edges(between a: String, _ b: String, _ relation: Relation? = nil) -> [Edge] {
        edges.filter {
            (($0.source.rawValue == a && $0.target.rawValue == b) || ($0.source.rawValue == b && $0.target.rawValue == a))
                && (relation == nil || $0.relation == relation)
        }
    }
}
