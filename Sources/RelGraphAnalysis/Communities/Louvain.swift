import RelGraphCore

/// Louvain community detection, as NetworkX's `community.louvain_communities(G, weight="weight",
/// resolution=γ, threshold=1e-7, seed=…)`: nodes move, in a seeded random order, to the neighbouring community
/// with the largest modularity gain until no move helps; communities are then merged into single nodes and the
/// process repeats while modularity grows by more than `threshold`.
///
/// Deterministic for a given seed (its random order is not Python's, so partitions can differ from NetworkX's
/// while reaching comparable modularity).
///
/// Reference: V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre, "Fast unfolding of communities in large
/// networks", J. Stat. Mech. P10008, 2008.
public enum Louvain {
    public struct Result: Sendable {
        /// Community of each node of the input graph, numbered by first appearance.
        public var community: [Int]
        public var modularity: Double
        public var levels: Int

        /// The members of each community by name, each sorted, largest community first (ties by first member).
        public func groups(names: [String]) -> [[String]] {
            var groups = [[String]](repeating: [], count: (community.max() ?? -1) + 1)
            for (node, c) in community.enumerated() { groups[c].append(names[node]) }
            return groups.map { $0.sorted() }.sorted {
                $0.count != $1.count ? $0.count > $1.count : ($0.first ?? "") < ($1.first ?? "")
            }
        }
    }

    /// A graph that may have self-loops (communities merged into nodes keep their inside weight as one).
    struct LevelGraph {
        var offsets: [Int]
        var neighbors: [Int]
        var weights: [Double]
        var selfLoop: [Double]
        var nodeCount: Int { selfLoop.count }

        /// Weighted degree, a self-loop counting twice (as NetworkX's `G.degree(weight=…)`).
        func strength(_ u: Int) -> Double {
            var s = 2 * selfLoop[u]
            for k in offsets[u]..<offsets[u + 1] { s += weights[k] }
            return s
        }
    }

    public static func detect(_ graph: WeightedGraph, resolution: Double = 1, threshold: Double = 1e-7, seed: UInt64 = 0) -> Result {
        let n = graph.nodeCount
        var membership = Array(0..<n)
        guard n > 0, graph.edgeCount > 0 else { return Result(community: membership, modularity: 0, levels: 0) }
        var level = LevelGraph(
            offsets: graph.offsets, neighbors: graph.neighbors.map(Int.init), weights: graph.weights,
            selfLoop: Array(repeating: 0, count: n))
        let m = graph.weights.reduce(0, +) / 2
        var random = SplitMix64(seed: seed)
        var modularity = Modularity.compute(graph, community: membership, resolution: resolution)
        var levels = 0
        while true {
            let (partition, improved) = oneLevel(level, m: m, resolution: resolution, random: &random)
            let candidate = membership.map { partition[$0] }
            let newModularity = Modularity.compute(graph, community: candidate, resolution: resolution)
            if !improved || newModularity - modularity <= threshold { break }
            membership = candidate
            modularity = newModularity
            levels += 1
            level = aggregate(level, partition: partition)
        }
        // Number communities by first appearance.
        var renumber: [Int: Int] = [:]
        let community = membership.map { c in
            if let r = renumber[c] { return r }
            renumber[c] = renumber.count
            return renumber.count - 1
        }
        return Result(community: community, modularity: modularity, levels: levels)
    }

    /// One level of local moves. Returns each node's community (0-based, dense) and whether any node moved.
    static func oneLevel(_ g: LevelGraph, m: Double, resolution: Double, random: inout SplitMix64) -> ([Int], Bool) {
        let n = g.nodeCount
        var community = Array(0..<n)
        let strength = (0..<n).map(g.strength)
        var total = strength  // Σ_tot per community
        var order = Array(0..<n)
        random.shuffle(&order)
        var weightTo = [Double](repeating: 0, count: n)
        var touched: [Int] = []
        var movedAny = false
        var moved = true
        while moved {
            moved = false
            for u in order {
                let ku = strength[u]
                let current = community[u]
                // Weights from u to each neighbouring community.
                for k in g.offsets[u]..<g.offsets[u + 1] {
                    let c = community[g.neighbors[k]]
                    if weightTo[c] == 0 { touched.append(c) }
                    weightTo[c] += g.weights[k]
                }
                total[current] -= ku
                var best = current
                var bestGain = weightTo[current] / m - resolution * total[current] * ku / (2 * m * m)
                for c in touched where c != current {
                    let gain = weightTo[c] / m - resolution * total[c] * ku / (2 * m * m)
                    if gain > bestGain {
                        bestGain = gain
                        best = c
                    }
                }
                total[best] += ku
                if best != current {
                    community[u] = best
                    moved = true
                    movedAny = true
                }
                for c in touched { weightTo[c] = 0 }
                weightTo[current] = 0
                touched.removeAll(keepingCapacity: true)
            }
        }
        var dense: [Int: Int] = [:]
        let partition = community.map { c in
            if let d = dense[c] { return d }
            dense[c] = dense.count
            return dense.count - 1
        }
        return (partition, movedAny)
    }

    /// The graph of communities: one node each, inside weight as a self-loop, weights between them summed.
    static func aggregate(_ g: LevelGraph, partition: [Int]) -> LevelGraph {
        let count = (partition.max() ?? -1) + 1
        var selfLoop = [Double](repeating: 0, count: count)
        var between: [[Int: Double]] = Array(repeating: [:], count: count)
        for u in 0..<g.nodeCount {
            let cu = partition[u]
            selfLoop[cu] += g.selfLoop[u]
            for k in g.offsets[u]..<g.offsets[u + 1] {
                let cv = partition[g.neighbors[k]]
                if cu == cv {
                    selfLoop[cu] += g.weights[k] / 2  // each inside edge is seen from both ends
                } else {
                    between[cu][cv, default: 0] += g.weights[k]
                }
            }
        }
        var offsets = [0]
        var neighbors: [Int] = []
        var weights: [Double] = []
        for c in 0..<count {
            for (d, w) in between[c].sorted(by: { $0.key < $1.key }) {
                neighbors.append(d)
                weights.append(w)
            }
            offsets.append(neighbors.count)
        }
        return LevelGraph(offsets: offsets, neighbors: neighbors, weights: weights, selfLoop: selfLoop)
    }
}
