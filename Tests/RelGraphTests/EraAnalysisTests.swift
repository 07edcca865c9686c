import Foundation
import Testing

import RelGraphAnalysis
import RelGraphCore
import RelGraphExport

/// Era comparison, ego networks and graph inputs, on passages written for the purpose and on the seeds.
@Suite("era comparison and neighbourhoods")
struct EraAnalysisTests {
    /// US–Cuba: broken in 1961, restored in 2015.
    static let cuba = try! TestSupport.graph(
        """
        In 1961 the United States broke off relations with Cuba and imposed an embargo. The Soviet Union supplied Cuba with oil.

        In 2015 the United States and Cuba restored diplomatic relations. Russia criticised the sanctions on Cuba.
        """, eras: "cold-war:1947-1991,after:1992-")

    @Test("comparison: added, removed and changed ties, who entered and who left")
    func comparison() throws {
        let c = try EraComparison(Self.cuba, from: "cold-war", to: "after", measure: .degree)
        let sovietCuba = try #require(c.ties.first { $0.source == "country:cuba" && $0.target == "country:soviet-union" })
        #expect(sovietCuba.status == .removed)
        let russiaCuba = try #require(c.ties.first { $0.source == "country:cuba" && $0.target == "country:russia" })
        #expect(russiaCuba.status == .added)
        let usCuba = try #require(c.ties.first { $0.source == "country:cuba" && $0.target == "country:united-states" })
        #expect(usCuba.fromTone! < 0 && usCuba.toTone! > 0, "conflict in 1961, cooperation in 2015")
        #expect(c.entered == ["country:russia"])
        #expect(c.left == ["country:soviet-union"])
        #expect(c.tieJaccard > 0 && c.tieJaccard < 1)
    }

    @Test("comparison, ego networks and graph input reject an unknown era with one message listing the valid ones")
    func unknownEra() throws {
        let expected = AnalysisError("unknown era \"bronze\"; valid eras: cold-war, after")
        #expect(throws: expected) { try EraComparison(Self.cuba, from: "cold-war", to: "bronze") }
        #expect(throws: expected) { try EgoNetwork(Self.cuba, center: "country:cuba", era: "bronze", depth: 1) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-era-\(UUID().uuidString).json")
        try NodeLinkJSON.encode(Self.cuba).write(to: file)
        #expect(throws: expected) { try GraphInput.load(path: file.path, era: "bronze") }
    }

    @Test("Spearman's rho: +1 for the same order, −1 for the reverse, average ranks for ties")
    func spearman() {
        #expect(EraComparison.spearmanCorrelation([1, 2, 3, 4], [10, 20, 30, 40]) == 1)
        #expect(EraComparison.spearmanCorrelation([1, 2, 3, 4], [4, 3, 2, 1]) == -1)
        let tied = EraComparison.spearmanCorrelation([1, 2, 2, 3], [1, 2, 3, 4])!
        #expect(abs(tied - 0.9486832980505138) < 1e-12)  // scipy.stats.spearmanr
    }

    @Test("ego network: depth 1 and 2, entities named by label or alias")
    func ego() throws {
        let graph = TestSupport.seedBuild.summary.graph
        let center = try EgoNetwork.resolve("Kim Il-sung", in: graph)
        #expect(center.rawValue == "leader:kim-il-sung")
        let near = try EgoNetwork(graph, center: center, era: "soviet", depth: 1)
        #expect(near.members.first?.entity == center)
        #expect(near.members.contains { $0.entity.rawValue == "country:north-korea" && $0.distance == 1 })
        let far = try EgoNetwork(graph, center: center, era: "soviet", depth: 2)
        #expect(far.members.count > near.members.count)
        #expect(far.members.filter { $0.distance == 2 }.count == far.members.count - near.members.count)
        #expect(try EgoNetwork.resolve("DPRK", in: graph).rawValue == "country:north-korea")
        #expect(throws: AnalysisError.self) { try EgoNetwork.resolve("Atlantis", in: graph) }
    }

    @Test("GraphML input: weights from the key named weight; errors with the line")
    func graphML() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="d0" for="edge" attr.name="weight" attr.type="double"/>
              <key id="d1" for="node" attr.name="label" attr.type="string"/>
              <graph edgedefault="undirected">
                <node id="a"><data key="d1">A</data></node><node id="b"/><node id="c"/>
                <edge source="a" target="b"><data key="d0">2.5</data></edge>
                <edge source="b" target="c"/>
              </graph>
            </graphml>
            """
        let graph = try GraphMLReader.read(Data(xml.utf8), file: "g.graphml")
        #expect(graph.names == ["a", "b", "c"])
        #expect(Strength.compute(graph) == [2.5, 3.5, 1])
        let bad = xml.replacingOccurrences(of: "2.5", with: "-1")
        #expect(throws: GraphInputError(file: "g.graphml", line: 7, message: "edge weight -1.0 must be positive (distances are 1/weight)")) {
            try GraphMLReader.read(Data(bad.utf8), file: "g.graphml")
        }
    }
}
