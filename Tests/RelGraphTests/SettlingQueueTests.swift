import Foundation
import Testing

@testable import RelGraphAnalysis
import RelGraphBenchmarks
import RelGraphCore

/// Dijkstra's two settling queues — the distance buckets (used when edge lengths spread at most 4096-fold) and the
/// binary heap (otherwise) — must decide every shortest path and every tie alike, so betweenness agrees with NetworkX
/// whichever runs.
@Suite("settling queues")
struct SettlingQueueTests {
    @Test("betweenness within 1e-6 of NetworkX with the heap and with the buckets", arguments: NetworkXAgreementTests.graphNames)
    func bothQueuesAgreeWithNetworkX(name: String) throws {
        let r = try #require(NetworkXAgreementTests.reference.graphs.first { $0.name == name })
        guard case .scores(let expected)?? = r.measures["betweenness"] else { Issue.record("no reference"); return }
        let graph = NetworkXAgreementTests.graph(r)
        for queue in [DijkstraWorkspace.QueueChoice.heap, .buckets] {
            let scores = Betweenness.compute(graph, threads: 2, queue: queue)
            let worst = graph.names.indices.map { abs(scores[$0] - expected[graph.names[$0]]!) }.max() ?? 0
            #expect(worst <= 1e-6, "\(queue) on \(name): largest difference \(worst)")
        }
    }

    @Test("a 6561-fold spread of weights: the automatic choice is the heap, and the buckets give the same scores")
    func wideSpread() {
        // Weights w⁴ for w in 1…9: lengths from 1/6561 to 1, beyond the buckets' 4096-fold limit.
        let edges = PowerLawGraph.edges(nodes: 400, edgesPerNode: 3, seed: 11).map { ($0.u, $0.v, pow($0.weight, 4)) }
        let graph = WeightedGraph(names: (0..<400).map(String.init), edges: edges)
        #expect(DistanceBucketQueue(nodeCount: 400, shortest: 1.0 / 6561, longest: 1) == nil)
        let heap = Betweenness.compute(graph, threads: 1, queue: .heap)
        let automatic = Betweenness.compute(graph, threads: 1)
        let buckets = Betweenness.compute(graph, threads: 1, queue: .buckets)
        #expect(automatic == heap)
        #expect(zip(heap, buckets).allSatisfy { abs($0 - $1) <= 1e-12 })
        #expect(heap.contains { $0 > 0.01 })
    }

    @Test("sources are dealt into blocks summed in block order: 2 and 3 threads, run twice, give the same bits")
    func blocksAreReproducible() throws {
        let r = try #require(NetworkXAgreementTests.reference.graphs.first { $0.name == "power-law-800" })
        let graph = NetworkXAgreementTests.graph(r)
        #expect(SourceParallel.blockCount(nodes: graph.nodeCount, threads: 2) == 8)
        #expect(SourceParallel.blockCount(nodes: graph.nodeCount, threads: 3) == 8)
        #expect(SourceParallel.blockCount(nodes: 5, threads: 2) == 5)
        let first = Betweenness.compute(graph, threads: 2)
        #expect(Betweenness.compute(graph, threads: 3) == first)
        #expect(Betweenness.compute(graph, threads: 2) == first)
    }

    @Test("settling order: the source first, every node after its shortest-path predecessors (a 729-fold spread: the ring's bitmap spans several words)")
    func settlingOrder() {
        let edges = PowerLawGraph.edges(nodes: 300, edgesPerNode: 2, seed: 5).map { ($0.u, $0.v, pow($0.weight, 3)) }
        let graph = WeightedGraph(names: (0..<300).map(String.init), edges: edges)
        let workspace = DijkstraWorkspace(graph, queue: .buckets)
        for source in [0, 17, 299] {
            workspace.run(from: source, countingPaths: true)
            #expect(workspace.orderCount == 300)
            #expect(Int(workspace.order[0]) == source)
            var rank = [Int](repeating: -1, count: 300)
            for i in 0..<workspace.orderCount { rank[Int(workspace.order[i])] = i }
            for v in 0..<300 {
                let base = graph.offsets[v]
                for p in base..<base + Int(workspace.predecessorCount[v]) {
                    #expect(rank[Int(workspace.predecessorNodes[p])] < rank[v])
                }
            }
        }
    }
}

@Suite("shortest-path measures together")
struct ShortestPathMeasuresTests {
    @Test("one run per source gives exactly closeness, harmonic and betweenness computed one by one", arguments: NetworkXAgreementTests.graphNames)
    func sameAsSeparate(name: String) throws {
        let r = try #require(NetworkXAgreementTests.reference.graphs.first { $0.name == name })
        let graph = NetworkXAgreementTests.graph(r)
        let together = ShortestPathMeasures.compute(graph, threads: 2)
        #expect(together.closeness == Closeness.compute(graph, threads: 2))
        #expect(together.harmonic == Harmonic.compute(graph, threads: 2))
        #expect(together.betweenness == Betweenness.compute(graph, threads: 2))
    }

    @Test("centrality.csv's table takes its path columns from the shared run, equal to each measure's own")
    func tableColumns() throws {
        let graph = TestSupport.seedBuild.summary.graph
        let table = CentralityTable(graph)
        for era in graph.erasWithEdges {
            let simple = WeightedGraph(graph, era: era.id)
            let rows = table.rows.filter { $0.era == era.id }
            #expect(rows.map(\.node) == simple.names)
            for measure in [Measure.closeness, .harmonic, .betweenness] {
                let column = try #require(table.measures.firstIndex(of: measure))
                #expect(rows.map { $0.values[column] } == (try measure.scores(simple)), "\(measure) in \(era.id)")
            }
        }
    }
}
