import Foundation
import Testing

import RelGraphAnalysis

/// Every measure against the values NetworkX computes on the same graphs (`Fixtures/reference`, made by
/// `make_reference.py`): every era of the seeds and random weighted graphs with several components.
@Suite("agreement with NetworkX")
struct NetworkXAgreementTests {
    struct Reference: Decodable {
        struct Graph: Decodable {
            var name: String
            var edges: [Edge]
            var measures: [String: Values?]
        }
        struct Edge: Decodable {
            var u: String
            var v: String
            var w: Double
            init(from decoder: any Decoder) throws {
                var c = try decoder.unkeyedContainer()
                u = try c.decode(String.self)
                v = try c.decode(String.self)
                w = try c.decode(Double.self)
            }
        }
        enum Values: Decodable {
            case scores([String: Double])
            case number(Double)
            init(from decoder: any Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let n = try? c.decode(Double.self) { self = .number(n) } else { self = .scores(try c.decode([String: Double].self)) }
            }
        }
        var graphs: [Graph]
    }

    static let reference: Reference = {
        let url = Bundle.module.url(forResource: "Fixtures/reference/reference", withExtension: "json")!
        return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }()

    static func graph(_ r: Reference.Graph) -> WeightedGraph {
        var index: [String: Int] = [:]
        var names: [String] = []
        func id(_ s: String) -> Int {
            if let i = index[s] { return i }
            index[s] = names.count
            names.append(s)
            return names.count - 1
        }
        let edges = r.edges.map { (id($0.u), id($0.v), $0.w) }
        return WeightedGraph(names: names, edges: edges)
    }

    static var graphNames: [String] { reference.graphs.map(\.name) }

    @Test("node measures within 1e-6, and no result where NetworkX does not converge", arguments: graphNames)
    func nodeMeasures(name: String) throws {
        let r = try #require(Self.reference.graphs.first { $0.name == name })
        let graph = Self.graph(r)
        for measure in Measure.nodeMeasures {
            guard case .scores(let expected)?? = r.measures[measure.rawValue] else {
                // NetworkX did not converge (eigenvector within its 100 iterations; Katz at alpha 0.1): neither may we.
                #expect(throws: (any Error).self, "\(measure.rawValue) on \(name)") { try measure.scores(graph, threads: 2) }
                continue
            }
            let tolerance = 1e-6
            let scores = try measure.scores(graph, threads: 2)
            #expect(expected.count == graph.nodeCount)
            var worst = 0.0
            for (i, name) in graph.names.enumerated() {
                worst = max(worst, abs(scores[i] - (expected[name] ?? .nan)))
            }
            #expect(worst <= tolerance, "\(measure.rawValue) on \(name): largest difference \(worst)")
        }
    }

    @Test("edge betweenness within 1e-6", arguments: graphNames)
    func edgeBetweenness(name: String) throws {
        let r = try #require(Self.reference.graphs.first { $0.name == name })
        guard case .scores(let expected)?? = r.measures["edge-betweenness"] else { Issue.record("no reference"); return }
        let graph = Self.graph(r)
        let edges = EdgeBetweenness.compute(graph, threads: 2)
        #expect(edges.count == expected.count)
        for e in edges {
            let (a, b) = (graph.names[e.u], graph.names[e.v])
            let key = a < b ? "\(a)|\(b)" : "\(b)|\(a)"
            let value = try #require(expected[key], "edge \(key) missing")
            #expect(abs(e.score - value) <= 1e-6, "\(key): \(e.score) vs \(value)")
        }
    }

    @Test("threads do not change results")
    func threadsAgree() throws {
        let r = try #require(Self.reference.graphs.last)
        let graph = Self.graph(r)
        #expect(Betweenness.compute(graph, threads: 1).elementsEqual(Betweenness.compute(graph, threads: 2)) { abs($0 - $1) < 1e-12 })
    }
}

@Suite("communities")
struct CommunityTests {
    @Test("Louvain's modularity is within 0.01 of NetworkX's louvain_communities", arguments: NetworkXAgreementTests.graphNames)
    func louvain(name: String) throws {
        let r = try #require(NetworkXAgreementTests.reference.graphs.first { $0.name == name })
        guard case .number(let reference)?? = r.measures["louvain-modularity"] else { Issue.record("no reference"); return }
        let graph = NetworkXAgreementTests.graph(r)
        let result = Louvain.detect(graph, seed: 7)
        #expect(result.modularity >= reference - 0.01, "\(name): \(result.modularity) vs NetworkX \(reference)")
        #expect(abs(Modularity.compute(graph, community: result.community) - result.modularity) < 1e-12)
        #expect(Louvain.detect(graph, seed: 7).community == result.community, "deterministic for a seed")
    }
}
