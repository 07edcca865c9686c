import Testing

import RelGraphAnalysis
import RelGraphExport

@Suite("centrality measures")
struct AnalysisTests {
    /// Two components: a weighted triangle with a pendant, and an edge. Reference values from NetworkX 3.6.1:
    /// `nx.pagerank(G, weight="weight", tol=1e-14)`, `nx.degree_centrality(G)`.
    static let edges = "a b 2\nb c 1\nc a 3\nc d 1\ne f 1\n"

    @Test("degree, strength and PageRank agree with NetworkX on a graph of two components")
    func referenceValues() throws {
        let graph = try EdgeListReader.read(Self.edges, file: "test")
        let degree = DegreeCentrality.compute(graph)
        for (value, reference) in zip(degree, [0.4, 0.4, 0.6, 0.2, 0.2, 0.2]) { #expect(abs(value - reference) < 1e-15) }
        #expect(Strength.compute(graph) == [5, 3, 5, 1, 1, 1])
        let pagerank = try PageRank.compute(graph)
        let expected = [
            0.2250888917825486, 0.14149894244880068, 0.23511011319257588, 0.06496871924274167,
            0.16666666666666666, 0.16666666666666666,
        ]
        for (value, reference) in zip(pagerank, expected) { #expect(abs(value - reference) < 1e-10) }
    }

    @Test("parallel edges are merged by summing weights; self-loops dropped")
    func simpleGraph() throws {
        let graph = try EdgeListReader.read("a b 1\nb a 2\na a 5\n", file: "test")
        #expect(graph.edgeCount == 1)
        #expect(Strength.compute(graph) == [3, 3])
    }

    @Test("an empty graph gives empty results")
    func empty() throws {
        let graph = try EdgeListReader.read("# nothing\n", file: "test")
        #expect(try PageRank.compute(graph).isEmpty)
        #expect(DegreeCentrality.compute(graph).isEmpty)
    }

    @Test("zero and negative weights are refused with file and line")
    func badWeights() {
        #expect(throws: GraphInputError(file: "w.txt", line: 2, message: "weight 0 must be positive (distances are 1/weight)")) {
            try EdgeListReader.read("a b\nb c 0\n", file: "w.txt")
        }
    }
}
