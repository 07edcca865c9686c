import Foundation
import Testing

import RelGraphCorpus

/// Arguments are checked before any work: a bad value is one usage error (exit 64) even when the input file
/// does not exist, since nothing is read before the check.
@Suite("command-line validation before work")
struct CommandValidationTests {
    static let missing = "/nonexistent/graph.json"

    @Test(
        "out-of-range numbers are usage errors before the graph is read",
        arguments: [
            (["compare", missing, "--from", "a", "--to", "b", "--top=-1"], "Error: --top must be at least 1"),
            (["compare", missing, "--from", "a", "--to", "b", "--measure", "edge-betweenness"],
             "Error: compare ranks nodes: choose a node measure, not edge-betweenness"),
            (["analyze", missing, "--measure", "pagerank", "--top", "0"], "Error: --top must be at least 1"),
            (["analyze", missing, "--measure", "betweenness", "--threads", "0"], "Error: --threads must be at least 1"),
            (["communities", missing, "--resolution", "0"], "Error: --resolution must be a positive number"),
            (["neighbors", "Cuba", "--graph", missing, "--depth", "0"], "Error: --depth must be at least 1"),
        ])
    func usageErrors(arguments: [String], message: String) async throws {
        let result = try await TestSupport.run(arguments)
        #expect(result.status == 64, "\(result.err)")
        #expect(result.err.split(separator: "\n").first.map(String.init) == message)
        #expect(result.out.isEmpty)
    }

    @Test("--help lists the measures")
    func helpListsMeasures() async throws {
        let help = try await TestSupport.run(["analyze", "--help"]).out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains(
            "--measure <measure> The measure. (values: degree, strength, closeness, harmonic, betweenness, eigenvector, pagerank, katz, edge-betweenness)"))
    }

    @Test("a manifest entry whose file is missing is an error naming the entry")
    func manifestEntryWithoutFile() async throws {
        let corpus = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try Data("In 1994 Nelson Mandela became president of South Africa.".utf8).write(to: corpus.appendingPathComponent("mandela.txt"))
        try Data("documents:\n  - id: mandela\n  - id: mandella-typo\n".utf8).write(to: corpus.appendingPathComponent("corpus.yaml"))
        #expect(throws: CorpusError.self) { try CorpusReader.read(directory: corpus) }
        let result = try await TestSupport.run(["build", corpus.path, "--out", corpus.appendingPathComponent("out").path, "--no-render"])
        #expect(result.status == 1)
        #expect(result.err == "Error: \(corpus.path)/corpus.yaml: documents[1] (id \"mandella-typo\") has no file in the folder "
            + "(looked for mandella-typo.htm, mandella-typo.html, mandella-typo.md, mandella-typo.txt)\n")
        #expect(!FileManager.default.fileExists(atPath: corpus.appendingPathComponent("out").path))
    }
}
