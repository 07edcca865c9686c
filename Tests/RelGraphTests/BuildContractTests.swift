import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif
import RelGraphCore
import RelGraphExport
import RelGraphRender

/// The contract of `relgraph build` (issue: foundation), pinned on the seed corpus.
@Suite("relgraph build on the seeds")
struct BuildContractTests {
    let output = TestSupport.seedBuild.output
    var graph: RelationshipGraph { TestSupport.seedBuild.summary.graph }

    func json() throws -> [String: Any] {
        let data = try Data(contentsOf: output.appendingPathComponent("graph.json"))
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("graph.json is an undirected node-link multigraph with eras and documents")
    func topLevel() throws {
        let object = try json()
        #expect(object["directed"] as? Bool == false)
        #expect(object["multigraph"] as? Bool == true)
        let attributes = try #require(object["graph"] as? [String: Any])
        let eras = try #require(attributes["eras"] as? [[String: Any]])
        #expect(eras.prefix(3).map { $0["id"] as? String } == ["soviet", "post-soviet", "putin"])
        for era in eras { #expect(Set(era.keys) == ["id", "label", "start", "end"]) }
        #expect(eras[0]["start"] as? Int == 1945 && eras[0]["end"] as? Int == 1991)
        #expect(eras[2]["end"] is NSNull, "the Putin era runs to the present")
        let documents = try #require(attributes["documents"] as? [[String: Any]])
        #expect(documents.count == 5)
        for document in documents { #expect(Set(document.keys) == ["id", "title", "date", "source"]) }
        let first = try #require(documents.first { $0["id"] as? String == "000_599e8c3879d503ac" })
        #expect(first["date"] as? String == "2024-08-15")
        #expect(first["source"] as? String == "Bihane News")
        let undatedDocument = try #require(documents.first { $0["id"] as? String == "001_036690a85635bf39" })
        #expect(undatedDocument["date"] is NSNull, "a date the text does not establish stays null")
    }

    @Test("every node has an id, one of four kinds, a label, aliases and mentions")
    func nodes() throws {
        let nodes = try #require(try json()["nodes"] as? [[String: Any]])
        #expect(Set(nodes.compactMap { $0["id"] as? String }) == [
            "agreement:russia-north-korea-partnership-2024", "agreement:six-party-talks", "agreement:un-charter",
            "country:china", "country:japan", "country:north-korea", "country:russia", "country:south-korea",
            "country:soviet-union", "country:ukraine", "country:united-states", "leader:boris-yeltsin",
            "leader:joseph-stalin", "leader:kim-il-sung", "leader:kim-jong-il", "leader:kim-jong-un", "leader:moon-jae-in",
            "leader:vladimir-putin", "organization:nato", "organization:un-security-council", "organization:united-nations",
        ])
        #expect(nodes.count == 21, "each entity once")
        let kinds: Set<String> = ["country", "leader", "organization", "agreement"]
        for node in nodes {
            let id = try #require(node["id"] as? String)
            let kind = try #require(node["kind"] as? String)
            #expect(kinds.contains(kind))
            #expect(id.hasPrefix(kind + ":"), "ids are readable: \(id)")
            #expect((node["label"] as? String)?.isEmpty == false)
            #expect(node["aliases"] is [String])
            #expect(node["mentions"] is [[String: Any]])
        }
        let northKorea = try #require(nodes.first { $0["id"] as? String == "country:north-korea" })
        #expect(northKorea["iso"] as? String == "KP")
        let putin = try #require(nodes.first { $0["id"] as? String == "leader:vladimir-putin" })
        #expect(putin["country"] as? String == "country:russia")
        #expect((putin["tenure"] as? [[String: Any]])?.isEmpty == false)
    }

    @Test("every mention's offsets slice the original file, in code points, to the mention text")
    func mentionOffsets() throws {
        var files: [String: [Unicode.Scalar]] = [:]
        var checked = 0
        for node in graph.nodes {
            for mention in node.mentions {
                if files[mention.doc] == nil {
                    let url = TestSupport.seeds.appendingPathComponent(mention.doc + ".txt")
                    files[mention.doc] = Array(try String(contentsOf: url, encoding: .utf8).unicodeScalars)
                }
                let scalars = try #require(files[mention.doc])
                try #require(mention.start >= 0 && mention.end <= scalars.count && mention.start < mention.end)
                var slice = String.UnicodeScalarView()
                slice.append(contentsOf: scalars[mention.start..<mention.end])
                #expect(String(slice) == mention.text, "\(node.id) in \(mention.doc) at \(mention.start)")
                checked += 1
            }
        }
        #expect(checked == graph.nodes.reduce(0) { $0 + $1.mentions.count } && checked > 0)
    }

    @Test("every edge joins known nodes in a known era, with positive weight, distance 1/weight, tone and evidence")
    func edges() throws {
        let object = try json()
        let edges = try #require(object["edges"] as? [[String: Any]])
        let sentences = try #require(object["sentences"] as? [String])
        #expect(edges.count == graph.edges.count)
        let eraIDs = Set(graph.eras.map(\.id))
        let nodeIDs = Set(graph.nodes.map(\.id.rawValue))
        let relations = Set(Relation.allCases.map(\.rawValue))
        var keys = Set<String>()
        for edge in edges {
            let source = try #require(edge["source"] as? String)
            let target = try #require(edge["target"] as? String)
            #expect(nodeIDs.contains(source) && nodeIDs.contains(target))
            #expect(eraIDs.contains(try #require(edge["era"] as? String)))
            #expect(relations.contains(try #require(edge["relation"] as? String)))
            let weight = try #require(edge["weight"] as? Double)
            #expect(weight > 0)
            #expect(abs(try #require(edge["distance"] as? Double) - 1 / weight) < 1e-12)
            let tone = try #require(edge["tone"] as? Double)
            #expect((-10...10).contains(tone))
            let key = try #require(edge["key"] as? String)
            #expect(keys.insert("\(source)|\(target)|\(key)").inserted, "keys are unique per pair")
            let evidence = try #require(edge["evidence"] as? [[String: Any]])
            #expect(evidence.count == Int(weight), "weight counts distinct supporting sentences")
            for item in evidence {
                #expect(item["doc"] is String && item["start"] is Int && item["end"] is Int && item["text"] == nil)
                let sentence = try #require(item["sentence"] as? Int, "evidence names its sentence by position")
                #expect(sentences.indices.contains(sentence))
                #expect(item.keys.contains("year"), "year is present, null when unknown")
            }
        }
    }

    @Test("each era's DOT parses back through cgraph with that era's entities, one line per tied pair")
    func dotParses() throws {
        let eras = graph.erasWithEdges
        #expect(eras.map(\.id) == ["soviet", "post-soviet", "putin", "undated"])
        for era in eras {
            let dot = try String(contentsOf: output.appendingPathComponent("\(era.id).dot"), encoding: .utf8)
            let parsed = try Graphviz.validate(dot: dot)
            let edges = graph.edges(inEra: era.id)
            let nodes = Set(edges.flatMap { [$0.source, $0.target] })
            let pairs = Set(edges.map { [$0.source, $0.target].sorted() })
            let legend = DiagramStyle.legend(sizedBy: "pagerank").entries.count + 1
            #expect(parsed.nodes == nodes.count + legend + 2, "the era's entities, the legend and two frame corners")
            #expect(parsed.edges == pairs.count)
        }
    }

    @Test("overview.html shows every era side by side, one inline SVG each")
    func overview() throws {
        let html = try String(contentsOf: output.appendingPathComponent("overview.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "<figure ").count - 1 == graph.erasWithEdges.count)
        #expect(html.components(separatedBy: "<svg").count - 1 == graph.erasWithEdges.count)
        #expect(html.contains("<button id=\"play\">"))
    }

    @Test("each era's SVG is well-formed XML with an <svg> root")
    func svgWellFormed() throws {
        for era in graph.erasWithEdges {
            let data = try Data(contentsOf: output.appendingPathComponent("\(era.id).svg"))
            let parser = XMLParser(data: data)
            let root = RootElementRecorder()
            parser.delegate = root
            #expect(parser.parse(), "\(era.id).svg: \(String(describing: parser.parserError))")
            #expect(root.name == "svg")
        }
    }

    @Test("centrality.csv has a row per node and era with the measures")
    func centralityCSV() throws {
        let text = try String(contentsOf: output.appendingPathComponent("centrality.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.first == "era,node,label,kind,degree,strength,closeness,harmonic,betweenness,eigenvector,pagerank,katz")
        var expected = 0
        for era in graph.erasWithEdges {
            expected += Set(graph.edges(inEra: era.id).flatMap { [$0.source, $0.target] }).count
        }
        #expect(lines.count - 1 == expected)
    }

    @Test("networkx.node_link_graph loads graph.json as a MultiGraph", .enabled(if: PythonNetworkX.available))
    func networkxLoads() async throws {
        let script = """
            import json, sys, networkx as nx
            d = json.load(open(sys.argv[1]))
            try:
                G = nx.node_link_graph(d, edges="edges")
            except TypeError:  # NetworkX < 3.4 names the key with link=
                G = nx.node_link_graph(d, link="edges")
            assert isinstance(G, nx.MultiGraph) and not G.is_directed()
            print(G.number_of_nodes(), G.number_of_edges())
            """
        let graphFile = output.appendingPathComponent("graph.json").path
        let result = try await TestSupport.blocking { try PythonNetworkX.run(script, graphFile) }
        #expect(result == "\(graph.nodes.count) \(graph.edges.count)")
    }
}

/// Records the name of the document element.
final class RootElementRecorder: NSObject, XMLParserDelegate {
    var name: String?
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == nil { name = elementName }
    }
}

/// python3 with networkx, where the machine has it (CI installs it; the test is skipped elsewhere).
enum PythonNetworkX {
    static let available: Bool = (try? run("import networkx; print('ok')")) == "ok"

    static func run(_ script: String, _ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

@Suite("node-link JSON writer")
struct NodeLinkWriterTests {
    let graph = TestSupport.seedBuild.summary.graph

    @Test("graph.json reads back equal to the graph written")
    func roundTrip() throws {
        #expect(try NodeLinkJSON.decode(NodeLinkJSON.encode(graph), file: "graph.json") == graph)
    }

    @Test("each evidence sentence's text is written once, in the top-level sentences list")
    func sentencesOnce() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: NodeLinkJSON.encode(graph)) as? [String: Any])
        let sentences = try #require(object["sentences"] as? [String])
        let texts = graph.edges.flatMap { $0.evidence.map(\.text) }
        #expect(sentences.count == Set(texts).count)
        #expect(Set(sentences) == Set(texts))
        let edges = try #require(object["edges"] as? [[String: Any]])
        for (edge, written) in zip(graph.edges, edges) {
            let items = try #require(written["evidence"] as? [[String: Any]])
            #expect(items.compactMap { $0["sentence"] as? Int }.map { sentences[$0] } == edge.evidence.map(\.text))
        }
    }

    @Test("the older form, with each evidence text inline, reads the same")
    func readsOldForm() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: NodeLinkJSON.encode(graph)) as? [String: Any])
        let sentences = try #require(object.removeValue(forKey: "sentences") as? [String])
        var edges = try #require(object["edges"] as? [[String: Any]])
        for i in edges.indices {
            var items = try #require(edges[i]["evidence"] as? [[String: Any]])
            for j in items.indices {
                let reference = try #require(items[j].removeValue(forKey: "sentence") as? Int)
                items[j]["text"] = sentences[reference]
            }
            edges[i]["evidence"] = items
        }
        object["edges"] = edges
        let old = try JSONSerialization.data(withJSONObject: object)
        #expect(try NodeLinkJSON.decode(old, file: "old.json") == graph)
    }

    @Test("a sentence reference outside the list is an error naming the edge and evidence item")
    func badReference() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: NodeLinkJSON.encode(graph)) as? [String: Any])
        object["sentences"] = [String]()
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: GraphInputError(
            file: "g.json", message: "field edges[0].evidence[0]: evidence sentence 0 is not in the sentences list (0 entries)")
        ) { try NodeLinkJSON.decode(data, file: "g.json") }
    }
}
