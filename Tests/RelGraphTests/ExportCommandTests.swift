import Foundation
import Testing

import RelGraphCore
import RelGraphExport
import RelGraphRender

/// `relgraph export` and the diagram options of `build` and `compare`, run as the executable.
@Suite("relgraph export and diagram options")
struct ExportCommandTests {
    var graphJSON: String { TestSupport.seedBuild.output.appendingPathComponent("graph.json").path }
    var graph: RelationshipGraph { TestSupport.seedBuild.summary.graph }

    func temporaryDirectory() throws -> URL { try TestSupport.temporaryDirectory("relgraph-export-cli") }

    @Test("--format csv writes nodes.csv and edges.csv, one row per entity and per tie per era")
    func csv() async throws {
        let out = try temporaryDirectory().appendingPathComponent("csv")
        let result = try await TestSupport.run(["export", graphJSON, "--format", "csv", "-o", out.path])
        #expect(result.status == 0, "\(result.err)")
        let nodes = try String(contentsOf: out.appendingPathComponent("nodes.csv"), encoding: .utf8)
        let edges = try String(contentsOf: out.appendingPathComponent("edges.csv"), encoding: .utf8)
        #expect(nodes.split(separator: "\n").count == 1 + graph.nodes.count)
        #expect(edges.split(separator: "\n").count == 1 + graph.edges.count)
        #expect(edges.hasPrefix("source,target,era,relation,weight,tone,evidence_count\n"))
    }

    @Test("one era to one file: SVG, PNG, PDF and GraphML by --format, into the file -o names")
    func oneEra() async throws {
        let directory = try temporaryDirectory()
        for format in ["svg", "png", "pdf", "graphml", "gexf", "dot", "json"] {
            let file = directory.appendingPathComponent("putin.\(format)")
            let result = try await TestSupport.run(["export", graphJSON, "--format", format, "--era", "putin", "-o", file.path])
            #expect(result.status == 0, "\(format): \(result.err)")
            let data = try Data(contentsOf: file)
            let head = String(decoding: data.prefix(16), as: UTF8.self)
            switch format {
            case "png": #expect(Array(data.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
            case "pdf": #expect(head.hasPrefix("%PDF-"))
            case "dot": #expect(head.hasPrefix("graph \"putin\""))
            case "json": #expect(try NodeLinkJSON.decode(data, file: file.path).edges.count == graph.edges(inEra: "putin").count)
            default: #expect(head.hasPrefix("<?xml"))
            }
        }
    }

    @Test("diagrams of every era go into a folder, all in one frame; --edges per-relation draws every relation")
    func everyEra() async throws {
        let out = try temporaryDirectory().appendingPathComponent("dots")
        let result = try await TestSupport.run(["export", graphJSON, "--format", "dot", "--edges", "per-relation", "--size-by", "none", "-o", out.path])
        #expect(result.status == 0, "\(result.err)")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        #expect(files == Set(graph.erasWithEdges.map { "\($0.id).dot" }))
        for era in graph.erasWithEdges {
            let dot = try String(contentsOf: out.appendingPathComponent("\(era.id).dot"), encoding: .utf8)
            let legend = DiagramStyle.legend(sizedBy: nil).entries.count + 1
            #expect(try Graphviz.validate(dot: dot).edges == graph.edges(inEra: era.id).count)
            let nodes = Set(graph.edges(inEra: era.id).flatMap { [$0.source, $0.target] })
            #expect(try Graphviz.validate(dot: dot).nodes == nodes.count + legend + 2)
        }
    }

    @Test("errors: unknown era, unknown format, bad --size-by; non-zero exit, one line")
    func errors() async throws {
        let out = try temporaryDirectory().appendingPathComponent("x.svg").path
        let era = try await TestSupport.run(["export", graphJSON, "--format", "svg", "--era", "nowhen", "-o", out])
        #expect(era.status != 0)
        #expect(era.err == "Error: unknown era \"nowhen\"; valid eras: soviet, post-soviet, putin, undated\n")
        let format = try await TestSupport.run(["export", graphJSON, "--format", "bmp", "-o", out])
        #expect(format.status != 0 && format.err.contains("bmp"))
        let size = try await TestSupport.run(["export", graphJSON, "--format", "svg", "--size-by", "fame", "-o", out])
        #expect(size.status != 0 && size.err.contains("--size-by: \"fame\" is not one of none, degree"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("compare --diagram draws entities where the era diagrams have them")
    func compareDiagram() async throws {
        let file = try temporaryDirectory().appendingPathComponent("diff.dot")
        let result = try await TestSupport.run(["compare", graphJSON, "--from", "soviet", "--to", "putin", "--diagram", file.path])
        #expect(result.status == 0, "\(result.err)")
        let diff = try String(contentsOf: file, encoding: .utf8)
        let eraDOT = try String(contentsOf: TestSupport.seedBuild.output.appendingPathComponent("putin.dot"), encoding: .utf8)
        let context = try Graphviz.sharedContext()
        let diffPositions = try context.nodeAttribute("pos", dot: diff)
        let eraPositions = try context.nodeAttribute("pos", dot: eraDOT)
        var compared = 0
        for (node, pos) in eraPositions where node.contains(":") {
            #expect(diffPositions[node] == pos, "\(node)")
            compared += 1
        }
        #expect(compared == Set(graph.edges(inEra: "putin").flatMap { [$0.source, $0.target] }).count)
    }
}
