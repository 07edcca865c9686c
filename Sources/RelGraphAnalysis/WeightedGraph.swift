import RelGraphCore

/// A simple undirected weighted graph in compressed sparse row form: the neighbours of node `u` are
/// `neighbors[offsets[u] ..< offsets[u + 1]]`, with the matching `weights`. Every edge is stored in both
/// directions; parallel edges are merged by summing their weights; self-loops are dropped.
///
/// This is the shape every measure works on: contiguous arrays and integer ids, nothing allocated per node in
/// inner loops.
public struct WeightedGraph: Sendable, Equatable {
    /// Node names, indexed by node id.
    public let names: [String]
    public let offsets: [Int]
    public let neighbors: [Int32]
    public let weights: [Double]

    public var nodeCount: Int { names.count }
    /// Number of undirected edges.
    public var edgeCount: Int { neighbors.count / 2 }

    /// Builds the graph from `edges` over nodes `0 ..< names.count`.
    public init(names: [String], edges: [(u: Int, v: Int, weight: Double)]) {
        let n = names.count
        // Merge parallel edges: sort by (min, max) endpoint pair, then sum runs of equal pairs.
        var keyed: [(key: UInt64, weight: Double)] = []
        keyed.reserveCapacity(edges.count)
        for e in edges where e.u != e.v {
            precondition(e.u >= 0 && e.u < n && e.v >= 0 && e.v < n, "edge endpoint out of range")
            let (a, b) = e.u < e.v ? (e.u, e.v) : (e.v, e.u)
            keyed.append((UInt64(a) << 32 | UInt64(b), e.weight))
        }
        keyed.sort { $0.key < $1.key }
        var merged: [(key: UInt64, weight: Double)] = []
        merged.reserveCapacity(keyed.count)
        for item in keyed {
            if let last = merged.last, last.key == item.key {
                merged[merged.count - 1].weight += item.weight
            } else {
                merged.append(item)
            }
        }
        var offsets = [Int](repeating: 0, count: n + 1)
        for item in merged {
            offsets[Int(item.key >> 32) + 1] += 1
            offsets[Int(item.key & 0xFFFF_FFFF) + 1] += 1
        }
        for u in 0..<n { offsets[u + 1] += offsets[u] }
        var fill = offsets
        var neighbors = [Int32](repeating: 0, count: offsets[n])
        var weights = [Double](repeating: 0, count: offsets[n])
        // Pairs in increasing order give each adjacency list in increasing neighbour order: deterministic sums.
        for item in merged {
            let a = Int(item.key >> 32)
            let b = Int(item.key & 0xFFFF_FFFF)
            neighbors[fill[a]] = Int32(b); weights[fill[a]] = item.weight; fill[a] += 1
            neighbors[fill[b]] = Int32(a); weights[fill[b]] = item.weight; fill[b] += 1
        }
        self.names = names
        self.offsets = offsets
        self.neighbors = neighbors
        self.weights = weights
        assert(offsets.last == neighbors.count)
    }

    /// The simple graph of one era of a relationship graph (or of all eras when `era` is nil): nodes are the
    /// entities with an edge in that era (all nodes when `era` is nil), weights of parallel edges summed.
    public init(_ graph: RelationshipGraph, era: String?) {
        let edges = era.map { graph.edges(inEra: $0) } ?? graph.edges
        var ids: [EntityID]
        if era == nil {
            ids = graph.nodes.map(\.id)
        } else {
            var used = Set<EntityID>()
            for e in edges { used.insert(e.source); used.insert(e.target) }
            ids = graph.nodes.map(\.id).filter(used.contains)
        }
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        self.init(
            names: ids.map(\.rawValue),
            edges: edges.compactMap { e in
                guard let u = index[e.source], let v = index[e.target] else { return nil }
                return (u, v, e.weight)
            })
    }

    /// Sum of the weights of `u`'s edges.
    @inline(__always)
    public func strength(_ u: Int) -> Double {
        var s = 0.0
        for k in offsets[u]..<offsets[u + 1] { s += weights[k] }
        return s
    }

    @inline(__always)
    public func degree(_ u: Int) -> Int { offsets[u + 1] - offsets[u] }
}
