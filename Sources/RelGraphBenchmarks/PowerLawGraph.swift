import RelGraphCore

/// Power-law graphs for benchmarks: Barabási–Albert preferential attachment (each new node links to `m` existing
/// nodes chosen in proportion to their degree), with weights drawn uniformly from 1…9. Deterministic per seed.
///
/// Reference: A.-L. Barabási, R. Albert, "Emergence of scaling in random networks", Science 286, 1999.
public enum PowerLawGraph {
    public static func edges(nodes: Int, edgesPerNode m: Int, seed: UInt64) -> [(u: Int, v: Int, weight: Double)] {
        precondition(nodes > m && m > 0, "need more nodes than edges per node")
        var random = SplitMix64(seed: seed)
        var edges: [(Int, Int, Double)] = []
        edges.reserveCapacity(nodes * m)
        // Endpoints list: a node appears once per edge end, so a uniform pick is degree-proportional.
        var ends: [Int] = []
        ends.reserveCapacity(2 * nodes * m)
        for v in 0..<m { ends.append(v) }  // the first m nodes start with weight 1 each
        var targets = Set<Int>()
        for u in m..<nodes {
            targets.removeAll(keepingCapacity: true)
            while targets.count < m { targets.insert(ends[Int(random.next() % UInt64(ends.count))]) }
            for v in targets.sorted() {
                edges.append((u, v, Double(1 + random.next() % 9)))
                ends.append(u)
                ends.append(v)
            }
        }
        return edges
    }

    /// The edge list as text (`u v w` lines), as `relgraph analyze` and igraph's `Read_Ncol` read it.
    public static func edgeList(nodes: Int, edgesPerNode: Int, seed: UInt64) -> String {
        var text = ""
        text.reserveCapacity(nodes * edgesPerNode * 16)
        for (u, v, w) in edges(nodes: nodes, edgesPerNode: edgesPerNode, seed: seed) {
            text += "\(u) \(v) \(Int(w))\n"
        }
        return text
    }
}
