import Foundation
import Testing

import RelGraphBuild
import RelGraphExport

/// The one streaming writer behind every report: exact bytes, non-numbers, file output and its failures.
@Suite("report writers")
struct ReportWriterTests {
    @Test("CSV cells: NaN is empty, infinities are inf and -inf, integers have no fraction, quoting as RFC 4180")
    func csvCells() {
        #expect([Double.nan, .infinity, -.infinity, 3, -0.5, 1e300].map(CSV.number) == ["", "inf", "-inf", "3", "-0.5", "1e+300"])
        #expect(CSV.row(["a,b", "say \"hi\"", "plain", "line\nbreak"]) == "\"a,b\",\"say \"\"hi\"\"\",plain,\"line\nbreak\"\n")
        let report = ScoreReport(measure: "katz", era: nil, ranked: [("x", .infinity), ("y", .nan), ("z", 0.25)])
        #expect(report.render(.csv) == "node,katz\nx,inf\ny,\nz,0.25\n")
    }

    @Test("score JSON is exact, in rank order, with null for a value that is not a number")
    func scoreJSON() {
        let report = ScoreReport(measure: "pagerank", era: "putin", ranked: [("country:peru", 0.5), ("a\"b", 0.25), ("c", .nan)])
        #expect(report.render(.json) == """
            {
              "measure": "pagerank",
              "era": "putin",
              "scores": {
                "country:peru": 0.5,
                "a\\"b": 0.25,
                "c": null
              }
            }

            """)
        #expect(report.render(.table) == "rank  node          pagerank\n1     country:peru  0.5\n2     a\"b           0.25\n3     c             nan\n")
    }

    @Test("community JSON is exact")
    func communityJSON() {
        let text = CommunityReport.render([["a", "b"], ["c"]], modularity: 0.375, era: nil, seed: 7, resolution: 1, format: .json)
        #expect(text == """
            {
              "communities": [
                [
                  "a",
                  "b"
                ],
                [
                  "c"
                ]
              ],
              "era": null,
              "modularity": 0.375,
              "resolution": 1,
              "seed": 7
            }

            """)
    }

    @Test("a file larger than the sink's chunk streams out whole, and replaces the old file only when complete")
    func fileOutput() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-sink-\(UUID().uuidString).csv").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        let ranked = (0..<200_000).map { ("node-\($0)", Double($0) / 7) }
        try OutputFile.write(to: path) { ScoreReport(measure: "m", era: nil, ranked: ranked).write(.csv, to: &$0) }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == ScoreReport(measure: "m", era: nil, ranked: ranked).render(.csv))
        #expect(text.utf8.count > 2 * (1 << 20))
        struct Stop: Error {}
        #expect(throws: Stop.self) { try OutputFile.write(to: path) { _ in throw Stop() } }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text, "a failed write leaves the old file")
    }

    @Test("an output that cannot be written is an OutputWriteError naming it")
    func writeFailure() {
        #expect(throws: OutputWriteError(path: "/nonexistent-dir/graph.json", reason: "No such file or directory")) {
            try OutputFile.write(to: "/nonexistent-dir/graph.json") { $0.append("{}") }
        }
        let directory = FileManager.default.temporaryDirectory.path
        #expect(throws: OutputWriteError(path: directory, reason: "Is a directory")) {
            try OutputFile.write(to: directory) { $0.append("x") }
        }
    }

    @Test("a build whose output cannot be written fails with OutputWriteError naming the file")
    func buildWriteFailure() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("graph.json"), withIntermediateDirectories: true)
        var build = GraphBuild(corpusDirectory: TestSupport.seeds, outputDirectory: out)
        build.renderFormats = []
        #expect(throws: OutputWriteError(path: out.appendingPathComponent("graph.json").path, reason: "Is a directory")) {
            try build.run()
        }
    }
}
