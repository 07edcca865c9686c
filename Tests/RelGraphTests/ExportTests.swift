import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

import RelGraphAnalysis
import RelGraphCore
import RelGraphExport
import RelGraphRender

/// A small graph whose labels and ids carry everything a format must escape: quotes, backslashes, line breaks,
/// `<`, `>`, `&`, braces, a Graphviz escape (`\N`) and non-ASCII.
enum HostileGraph {
    static let labels = [
        "country:a": "Côte \"d'Ivoire\" <&> {braces}",
        "country:b": "back\\slash \\N and\nnew line",
        "leader:c": "Ким Чен Ын 金正恩 <b>&amp;</b>",
        "organization:d": "Tab\there, ]]> end; 'single'",
    ]

    static let graph: RelationshipGraph = {
        let eras = [
            Era(id: "cold", label: "Cold <war> & \"peace\"", start: 1945, end: 1991),
            Era(id: "now", label: "Now", start: 1992, end: nil),
            Era.undated,
        ]
        let nodes = labels.keys.sorted().map { id in
            Node(
                id: EntityID(rawValue: id), kind: EntityID(rawValue: id).kind!, label: labels[id]!,
                mentions: [Mention(doc: "d", text: "x", start: 0, end: 1)])
        }
        func evidence(_ year: Int?, _ n: Int) -> [Evidence] {
            (0..<n).map { Evidence(doc: "d", start: $0, end: $0 + 1, text: "s\($0)", year: year) }
        }
        let edges = [
            Edge(source: "country:a", target: "country:b", era: "cold", relation: .cooperation, weight: 3, tone: 4.5, evidence: evidence(1950, 3)),
            Edge(source: "country:a", target: "country:b", era: "cold", relation: .conflict, weight: 1, tone: -6, evidence: evidence(1960, 1)),
            Edge(source: "country:a", target: "country:b", era: "now", relation: .cooperation, weight: 2, tone: 2.25, evidence: evidence(2024, 2)),
            Edge(source: "leader:c", target: "country:b", era: "now", relation: .leads, weight: 1, tone: 0, evidence: evidence(2020, 1)),
            Edge(source: "country:a", target: "organization:d", era: "undated", relation: .neutral, weight: 1, tone: 0, evidence: evidence(nil, 1)),
        ]
        return RelationshipGraph(eras: eras, documents: [DocumentInfo(id: "d")], nodes: nodes, edges: edges)
    }()
}

@Suite("exports and diagrams")
struct ExportTests {
    let renderer = try! DiagramRenderer()

    func temporaryDirectory() throws -> URL { try TestSupport.temporaryDirectory("relgraph-export") }

    @Test("hostile labels read back through cgraph exactly as DOT escapes them")
    func dotLabelsReadBack() throws {
        let graph = HostileGraph.graph
        for era in ["cold", "now"] {
            let dot = DOTWriter.write(graph, era: era)
            let labels = try renderer.context.nodeAttribute("label", dot: dot)
            for (id, label) in HostileGraph.labels where labels[id] != nil {
                // cgraph keeps backslashes as written (Graphviz reads `\\` as one backslash when drawing); a line
                // break is DOT's `\n`; a tab becomes a space; `&` is `&amp;` (Graphviz decodes entities in labels).
                let expected = label.replacingOccurrences(of: "&", with: "&amp;")
                    .replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
                    .replacingOccurrences(of: "\t", with: " ")
                #expect(labels[id] == expected, "\(id)")
            }
        }
        var options = DiagramOptions()
        options.legend = false
        let cold = try renderer.validate(dot: DOTWriter.write(graph, era: "cold", options: options))
        #expect(cold.nodes == 2 && cold.edges == 1, "two entities; one line for the pair")
        options.edges = .perRelation
        #expect(try renderer.validate(dot: DOTWriter.write(graph, era: "cold", options: options)).edges == 2)
        // Nothing pinned: the legend is one node, in words.
        let legend = try renderer.validate(dot: DOTWriter.write(graph, era: "cold"))
        #expect(legend.nodes == 2 + 1 && legend.edges == 1)
        let text = try renderer.context.nodeAttribute("label", dot: DOTWriter.write(graph, era: "cold"))["legend"]
        #expect(text?.hasPrefix("Legend\\lblue ellipse: country\\lorange box: leader\\l") == true, "\(text ?? "")")
    }

    @Test("SVG of hostile labels is well-formed and shows them as written")
    func svgHostile() throws {
        let svg = try renderer.render(HostileGraph.graph, era: "now", format: .svg)
        let text = TextCollector()
        let parser = XMLParser(data: svg)
        parser.delegate = text
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(text.text.contains("Côte \"d'Ivoire\" <&> {braces}"))
        #expect(text.text.contains("Ким Чен Ын 金正恩 <b>&amp;</b>"))
        #expect(text.text.contains("back\\slash \\N and"))
    }

    @Test("PNG and PDF carry their signatures")
    func signatures() throws {
        let png = try renderer.render(HostileGraph.graph, era: "cold", format: .png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let pdf = try renderer.render(HostileGraph.graph, era: "cold", format: .pdf)
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        #expect(String(decoding: pdf.suffix(7), as: UTF8.self).contains("%%EOF"))
    }

    @Test("GraphML and GEXF of hostile labels are well-formed XML")
    func xmlWellFormed() throws {
        for text in [GraphMLWriter.write(HostileGraph.graph), GEXFWriter.write(HostileGraph.graph)] {
            let parser = XMLParser(data: Data(text.utf8))
            #expect(parser.parse(), "\(String(describing: parser.parserError))")
        }
    }

    @Test("GraphML, GEXF and CSV read back in NetworkX and Python's csv with the same nodes, edges and weights",
          .enabled(if: PythonNetworkX.available), arguments: ["hostile", "seeds"])
    func networkxRoundTrip(which: String) async throws {
        let graph = which == "hostile" ? HostileGraph.graph : TestSupport.seedBuild.summary.graph
        let directory = try temporaryDirectory()
        for format in [ExportFormat.json, .graphml, .gexf, .csv] {
            for file in try GraphExporter.files(graph, era: nil, format: format, renderer: renderer) {
                try file.data.write(to: directory.appendingPathComponent(file.name))
            }
        }
        let script = TestSupport.packageRoot.appendingPathComponent("Tests/Scripts/export_roundtrip.py").path
        let result = try await TestSupport.runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, directory.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out == "ok \(graph.nodes.count) \(graph.edges.count)\n")
    }

    @Test("CSV: one row per tie per era, quoted where needed")
    func csvRows() throws {
        let edges = TieCSVWriter.edges(HostileGraph.graph).split(separator: "\n")
        #expect(edges.count == 1 + HostileGraph.graph.edges.count)
        #expect(edges[1] == "country:a,country:b,cold,cooperation,3,4.5,3")
        let nodes = TieCSVWriter.nodes(HostileGraph.graph)
        #expect(nodes.contains("country:a,\"Côte \"\"d'Ivoire\"\" <&> {braces}\",country,1\n"))
    }

    @Test("GEXF gives each edge its era's years; an open era ends at the latest evidence year")
    func gexfIntervals() throws {
        let gexf = GEXFWriter.write(HostileGraph.graph)
        #expect(gexf.contains("mode=\"dynamic\"") && gexf.contains("version=\"1.3\""))
        #expect(gexf.contains("weight=\"3\" start=\"1945\" end=\"1991\""))
        #expect(gexf.contains("weight=\"2\" start=\"1992\" end=\"2024\""))
        #expect(gexf.contains("label=\"neutral\" weight=\"1\"><attvalues>"), "undated: no interval")
    }

    @Test("every entity keeps its place in every era's diagram")
    func stableLayout() throws {
        let graph = TestSupport.seedBuild.summary.graph
        let diagrams = try EraDiagrams(graph, options: DiagramOptions(), renderer: renderer)
        var seen: [String: String] = [:]
        var shared = 0
        for era in graph.erasWithEdges {
            let positions = try renderer.context.nodeAttribute("pos", dot: diagrams.dot(era: era.id))
            for (node, pos) in positions where node.contains(":") {
                if let before = seen[node] {
                    #expect(before == pos, "\(node) moved in \(era.id)")
                    shared += 1
                }
                seen[node] = pos
            }
            #expect(positions["frame-low"] == PinnedLayout.pinned(diagrams.layout.low))
            #expect(positions["frame-high"] == PinnedLayout.pinned(diagrams.layout.high))
        }
        #expect(shared > 0)
        // The rendered eras share one frame.
        let boxes = try graph.erasWithEdges.map { era -> String in
            let svg = String(decoding: try diagrams.render(era: era.id, format: .svg, renderer: renderer), as: UTF8.self)
            return String(try #require(svg.range(of: #"viewBox="[^"]*""#, options: .regularExpression).map { svg[$0] }))
        }
        #expect(Set(boxes).count == 1, "\(boxes)")
    }

    @Test("the large-graph guard keeps the most central entities and says so in the title")
    func largeGraphGuard() throws {
        let graph = TestSupport.seedBuild.summary.graph
        var options = DiagramOptions()
        options.maxNodes = 5
        let era = try #require(graph.eras.first { $0.id == "putin" })
        let content = EraDiagramContent(graph, era: era, options: options)
        #expect(content.nodes.count == 5)
        let all = EraDiagramContent(graph, era: era, options: DiagramOptions())
        let top = all.share.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(5).map(\.key)
        #expect(Set(content.nodes.map(\.id)) == Set(top))
        #expect(content.title.contains("showing the 5 entities of highest pagerank of \(all.nodes.count)"))
        options.legend = false
        let dot = DOTWriter.write(EraDiagramContent(graph, era: era, options: options), layout: nil)
        #expect(try renderer.validate(dot: dot).nodes == 5)
    }

    @Test("Graphviz's own message for bad DOT and an unknown engine")
    func graphvizErrors() throws {
        #expect(throws: GraphvizError.self) { try renderer.validate(dot: "graph { a -- }") }
        // The same message each time, whatever was parsed before (a text ending in a line break, a bad text).
        try renderer.validate(dot: "graph { a -- b }\n\n")
        for _ in 0..<3 {
            do {
                try renderer.validate(dot: "graph {\n a -- b\n c -- ;\n}")
                Issue.record("no error")
            } catch let error as GraphvizError {
                #expect(error.description == "not valid DOT: syntax error in line 3 near ';'")
            }
        }
        do {
            _ = try renderer.render(dot: "graph { a -- b }", format: .svg, engine: "no-such-engine")
            Issue.record("no error")
        } catch let error as GraphvizError {
            #expect(error.description.contains("layout with \"no-such-engine\" failed"), "\(error.description)")
        }
    }

    @Test("renders requested from many tasks at once give what one-at-a-time renders give")
    func concurrentRequests() async throws {
        let graph = TestSupport.seedBuild.summary.graph
        let eras = graph.erasWithEdges.map(\.id)
        let renderer = self.renderer
        // Blocking calls from tasks too (a sync function, so the sync overload).
        @Sendable func renderNow(_ era: String) throws -> Data { try renderer.render(graph, era: era, format: .svg) }
        let expected = try eras.map(renderNow)
        let results = try await withThrowingTaskGroup(of: (Int, Data).self) { group in
            for round in 0..<3 {
                for (i, era) in eras.enumerated() {
                    group.addTask { (i, try await renderer.render(graph, era: era, format: .svg)) }
                    if round == 0 { group.addTask { (i, try renderNow(era)) } }
                }
            }
            var all: [(Int, Data)] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == eras.count * 4)
        for (i, data) in results { #expect(data == expected[i], "\(eras[i])") }
    }

    @Test("worker processes render every era as this process does, in parallel; their errors are Graphviz's",
          .enabled(if: TestSupport.relgraphBinary != nil))
    func workerProcesses() throws {
        let graph = TestSupport.seedBuild.summary.graph
        let pool = try RenderWorkerPool(executable: try #require(TestSupport.relgraphBinary), count: 2)
        let diagrams = try EraDiagrams(graph, options: DiagramOptions(), renderer: renderer)
        let inProcess = try diagrams.files(formats: [.svg, .png], renderer: renderer)
        let parallel = try diagrams.files(formats: [.svg, .png], renderer: renderer, workers: pool)
        #expect(parallel.map(\.name) == inProcess.map(\.name))
        for (a, b) in zip(parallel, inProcess) { #expect(a.data == b.data, "\(a.name)") }
        do {
            _ = try pool.render(dot: "graph {\n a -- b\n c -- ;\n}", format: .svg, engine: nil)
            Issue.record("no error")
        } catch let error as GraphvizError {
            #expect(error.description == "not valid DOT: syntax error in line 3 near ';'")
        }
        #expect(try pool.render(dot: "graph { a -- b }", format: .svg, engine: "neato").starts(with: Data("<?xml".utf8)))
    }

    @Test("1,000 renders in one process leave resident memory flat", .enabled(if: TestSupport.relgraphBinary != nil))
    func memoryLoop() throws {
        // The renders run in a worker process of their own (the same Graphviz context code as in-process), so that
        // the other suites, running in this process at the same time, do not move the memory measured.
        let pool = try RenderWorkerPool(executable: TestSupport.relgraphBinary!, count: 1)
        let pid = pool.processIdentifiers[0]
        let dot = DOTWriter.write(HostileGraph.graph, era: "cold")
        for _ in 0..<100 { _ = try pool.render(dot: dot, format: .svg, engine: "neato") }
        // Four batches of 250: leaking as little as 2 KB a render (a parsed graph and its layout are more) would add
        // 500 KB to each batch.
        var growth: [Int] = []
        for _ in 0..<4 {
            let before = try residentBytes(of: pid)
            for _ in 0..<250 { _ = try pool.render(dot: dot, format: .svg, engine: "neato") }
            growth.append(try residentBytes(of: pid) - before)
        }
        #expect(growth.min()! < 500_000, "resident memory grew in every batch of 250 renders: \(growth) bytes")
    }

    func residentBytes(of pid: Int32) throws -> Int {
        let statm = try String(contentsOfFile: "/proc/\(pid)/statm", encoding: .utf8).split(separator: " ")
        return Int(statm[1])! * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

/// Every piece of character data of an XML document, concatenated.
final class TextCollector: NSObject, XMLParserDelegate {
    var text = ""
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

