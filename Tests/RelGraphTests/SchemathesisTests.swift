import Foundation
import Testing

/// The served OpenAPI document against the server itself, by schemathesis (PyPI): for every operation it sends
/// requests the document calls valid (they must be accepted) and invalid (they must be refused with a 4xx), checks
/// every answer's status, content type, headers and body against the document, that no answer is a 5xx, and that a
/// method the document does not list answers 405. Its settings: `Tests/api/schemathesis.toml`.
@Suite("OpenAPI document vs. the server (schemathesis)")
struct SchemathesisTests {
    static let schemathesis: URL? = {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("schemathesis")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    static let available = schemathesis != nil && TestSupport.relgraphBinary != nil

    @Test(
        "schemathesis finds no answer that disagrees with /openapi.json, over the seeds, with three seeds of its own",
        .enabled(if: available, "schemathesis is not installed (pip install schemathesis; .ci/run does)"))
    func serverConformsToItsDocument() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-st-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("store.sqlite").path
        let ingest = try ScaleOutTests.relgraph(["ingest", TestSupport.seeds.path, "--db", db])
        try await TestSupport.blocking { ingest.waitUntilExit() }
        #expect(ingest.terminationStatus == 0)
        let (server, base) = try await ServerProcessTests.startServer(db: db)
        defer { server.terminate() }
        for seed in [1, 2, 3] {
            let run = try await TestSupport.runProcess(Self.schemathesis!, [
                "--no-color", "--config-file", TestSupport.packageRoot.appendingPathComponent("Tests/api/schemathesis.toml").path,
                "run", "\(base)/openapi.json", "--seed", "\(seed)", "--request-timeout", "60",
            ], in: folder)
            let text = run.out + run.err
            #expect(run.status == 0, "schemathesis seed \(seed):\n\(text.suffix(4000))")
            #expect(text.contains(" passed"), "schemathesis seed \(seed) ran no test:\n\(text.suffix(2000))")
        }
    }
}
