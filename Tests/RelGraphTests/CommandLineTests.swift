import Foundation
import Testing

/// The executable's behaviour on good and bad input: one clear line and a non-zero exit on error.
@Suite("relgraph command line")
struct CommandLineTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("build into an empty folder writes graph.json, DOT, SVG and centrality.csv")
    func buildWritesFiles() async throws {
        let out = try temporaryDirectory().appendingPathComponent("graphs")
        let result = try await TestSupport.run(["build", TestSupport.seeds.path, "--out", out.path])
        #expect(result.status == 0, "\(result.err)")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        for name in ["graph.json", "centrality.csv", "soviet.dot", "soviet.svg", "putin.dot", "putin.svg", "post-soviet.dot", "post-soviet.svg"] {
            #expect(files.contains(name), "\(name) missing")
        }
    }

    @Test("a missing corpus folder is one line naming it, exit non-zero")
    func missingFolder() async throws {
        let result = try await TestSupport.run(["build", "/nonexistent/corpus", "--out", try temporaryDirectory().path])
        #expect(result.status != 0)
        #expect(result.err.contains("/nonexistent/corpus: no such folder"))
        #expect(result.err.split(separator: "\n").count == 1)
    }

    @Test("a bad --eras is rejected before any work", arguments: ["soviet:1991-1945", "x", "a:1950-1960,a:1970-", "a:1950-1970,b:1960-"])
    func badEras(spec: String) async throws {
        let out = try temporaryDirectory().appendingPathComponent("never")
        let result = try await TestSupport.run(["build", TestSupport.seeds.path, "--out", out.path, "--eras", spec])
        #expect(result.status != 0)
        #expect(result.err.hasPrefix("Error: era"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("--eras overrides the manifest")
    func erasOverride() async throws {
        let out = try temporaryDirectory()
        let result = try await TestSupport.run(["build", TestSupport.seeds.path, "--out", out.path, "--eras", "cold:1945-1991,after:1992-", "--no-render"])
        #expect(result.status == 0, "\(result.err)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(files.contains("cold.dot") && files.contains("after.dot") && !files.contains("soviet.dot"))
    }

    @Test("unreadable documents are skipped with a warning; the run goes on")
    func skipsBadDocuments() async throws {
        let corpus = try temporaryDirectory()
        try Data("In 1961 the United States broke off relations with Cuba.".utf8).write(to: corpus.appendingPathComponent("good.txt"))
        try Data([0x66, 0x6F, 0x00, 0x01]).write(to: corpus.appendingPathComponent("binary.txt"))
        try Data([0xC3, 0x28, 0x41]).write(to: corpus.appendingPathComponent("latin1.txt"))
        try Data().write(to: corpus.appendingPathComponent("empty.txt"))
        let result = try await TestSupport.run(["build", corpus.path, "--out", corpus.appendingPathComponent("out").path, "--no-render"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.contains("binary.txt: skipped: binary"))
        #expect(result.err.contains("latin1.txt: skipped: not valid UTF-8"))
        #expect(result.err.contains("empty.txt: skipped: empty"))
        #expect(result.out.contains("1 documents read, 3 skipped"))
    }

    @Test("a malformed manifest names the file and the field")
    func badManifest() async throws {
        let corpus = try temporaryDirectory()
        try Data("text about Cuba".utf8).write(to: corpus.appendingPathComponent("a.txt"))
        try Data("documents:\n  - id: a\n    date: \"last spring\"\n".utf8).write(to: corpus.appendingPathComponent("corpus.yaml"))
        let result = try await TestSupport.run(["build", corpus.path, "--out", corpus.appendingPathComponent("out").path])
        #expect(result.status != 0)
        #expect(result.err.contains("corpus.yaml"))
        #expect(result.err.contains("documents[0].date"))
    }

    @Test("analyze prints {measure, era, scores} JSON for a graph.json era")
    func analyzeGraph() async throws {
        let graph = TestSupport.seedBuild.output.appendingPathComponent("graph.json")
        let result = try await TestSupport.run(["analyze", graph.path, "--measure", "pagerank", "--era", "putin"])
        #expect(result.status == 0, "\(result.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(object["measure"] as? String == "pagerank")
        #expect(object["era"] as? String == "putin")
        let scores = try #require(object["scores"] as? [String: Double])
        #expect(abs(scores.values.reduce(0, +) - 1) < 1e-9)
        #expect(scores["country:north-korea"] != nil)
    }

    @Test("analyze reads an edge list and errors name the file and line")
    func analyzeEdgeList() async throws {
        let directory = try temporaryDirectory()
        let good = directory.appendingPathComponent("g.txt")
        try Data("# a triangle and a tail\na b 2\nb c\nc\ta\nc,d,0.5\n".utf8).write(to: good)
        let table = try await TestSupport.run(["analyze", good.path, "--measure", "degree", "--format", "csv"])
        #expect(table.status == 0)
        #expect(table.out == "node,degree\nc,1\na,0.6666666666666666\nb,0.6666666666666666\nd,0.3333333333333333\n")
        let bad = directory.appendingPathComponent("bad.txt")
        try Data("a b\nb c x\n".utf8).write(to: bad)
        let failure = try await TestSupport.run(["analyze", bad.path, "--measure", "degree"])
        #expect(failure.status != 0)
        #expect(failure.err.contains("bad.txt:2: weight \"x\" is not a number"))
        let unknown = try await TestSupport.run(["analyze", good.path, "--measure", "fame"])
        #expect(unknown.status == 64)
        #expect(unknown.err.hasPrefix(
            "Error: The value 'fame' is invalid for '--measure <measure>'. Please provide one of the following:\n"
                + "  - degree\n  - strength\n  - closeness\n  - harmonic\n  - betweenness\n  - eigenvector\n  - pagerank\n"
                + "  - katz\n  - edge-betweenness\n"))
        let graph = TestSupport.seedBuild.output.appendingPathComponent("graph.json")
        let era = try await TestSupport.run(["analyze", graph.path, "--measure", "degree", "--era", "bronze-age"])
        #expect(era.status != 0)
        #expect(era.err.contains("valid eras: soviet, post-soviet, putin"))
    }
}
