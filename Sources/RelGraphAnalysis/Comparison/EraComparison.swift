import RelGraphCore

/// How two eras of a relationship graph differ: who rose and fell by a centrality measure, which ties appeared,
/// vanished, strengthened or weakened, and summary figures.
///
/// Ties are compared per pair of entities, all relations together: a tie's weight in an era is the sum of the
/// weights of the pair's edges in that era, its tone their weight-averaged tone.
public struct EraComparison: Sendable {
    public struct NodeChange: Sendable {
        public var node: String
        /// Score and rank (1 = highest) in each era; `nil` where the node has no tie in that era.
        public var fromScore: Double?
        public var toScore: Double?
        public var fromRank: Int?
        public var toRank: Int?
        /// `toScore − fromScore`, a missing score counting as 0.
        public var change: Double { (toScore ?? 0) - (fromScore ?? 0) }
        /// Places climbed (positive) or lost; `nil` unless ranked in both eras.
        public var rankChange: Int? { fromRank.flatMap { f in toRank.map { f - $0 } } }
    }

    public enum TieStatus: String, Sendable, CaseIterable { case added, removed, strengthened, weakened, unchanged }

    public struct TieChange: Sendable {
        public var source: String
        public var target: String
        public var fromWeight: Double
        public var toWeight: Double
        public var fromTone: Double?
        public var toTone: Double?
        public var status: TieStatus
        public var toneChange: Double? { fromTone.flatMap { f in toTone.map { $0 - f } } }
    }

    public var from: String
    public var to: String
    public var measure: Measure
    public var nodes: [NodeChange]
    public var ties: [TieChange]
    /// Jaccard overlap of the two eras' sets of tied pairs: |A ∩ B| / |A ∪ B|.
    public var tieJaccard: Double
    /// Spearman rank correlation of the measure over the nodes present in both eras (average ranks for ties);
    /// `nil` with fewer than two such nodes or no variation.
    public var spearman: Double?
    public var entered: [String]
    public var left: [String]

    public init(_ graph: RelationshipGraph, from: String, to: String, measure: Measure = .pagerank) throws {
        for era in [from, to] { try AnalysisError.requireEra(era, in: graph) }
        guard measure != .edgeBetweenness else { throw AnalysisError("compare ranks nodes: choose a node measure") }
        self.from = from
        self.to = to
        self.measure = measure
        let a = WeightedGraph(graph, era: from)
        let b = WeightedGraph(graph, era: to)
        let scoresA = Dictionary(uniqueKeysWithValues: zip(a.names, try measure.scores(a)))
        let scoresB = Dictionary(uniqueKeysWithValues: zip(b.names, try measure.scores(b)))
        let ranksA = Self.ranks(scoresA)
        let ranksB = Self.ranks(scoresB)
        let all = Set(scoresA.keys).union(scoresB.keys).sorted()
        nodes = all.map { n in
            NodeChange(node: n, fromScore: scoresA[n], toScore: scoresB[n], fromRank: ranksA[n], toRank: ranksB[n])
        }.sorted { abs($0.change) != abs($1.change) ? abs($0.change) > abs($1.change) : $0.node < $1.node }
        entered = all.filter { scoresA[$0] == nil }
        left = all.filter { scoresB[$0] == nil }

        let tiesA = Self.ties(graph.edges(inEra: from))
        let tiesB = Self.ties(graph.edges(inEra: to))
        let pairs = Set(tiesA.keys).union(tiesB.keys)
        ties = pairs.map { pair in
            let x = tiesA[pair]
            let y = tiesB[pair]
            let status: TieStatus =
                x == nil ? .added : y == nil ? .removed : y!.weight > x!.weight ? .strengthened
                : y!.weight < x!.weight ? .weakened : .unchanged
            return TieChange(
                source: pair.a, target: pair.b, fromWeight: x?.weight ?? 0, toWeight: y?.weight ?? 0, fromTone: x?.tone,
                toTone: y?.tone, status: status)
        }.sorted {
            let d0 = abs($0.toWeight - $0.fromWeight)
            let d1 = abs($1.toWeight - $1.fromWeight)
            return d0 != d1 ? d0 > d1 : ($0.source, $0.target) < ($1.source, $1.target)
        }
        let union = pairs.count
        let common = Set(tiesA.keys).intersection(tiesB.keys).count
        tieJaccard = union == 0 ? 1 : Double(common) / Double(union)
        let shared = all.filter { scoresA[$0] != nil && scoresB[$0] != nil }
        spearman = Self.spearmanCorrelation(shared.map { scoresA[$0]! }, shared.map { scoresB[$0]! })
    }

    struct Pair: Hashable {
        var a: String
        var b: String
    }

    static func ties(_ edges: [Edge]) -> [Pair: (weight: Double, tone: Double)] {
        var sums: [Pair: (weight: Double, toneWeight: Double)] = [:]
        for e in edges {
            let (a, b) = e.source < e.target ? (e.source.rawValue, e.target.rawValue) : (e.target.rawValue, e.source.rawValue)
            let current = sums[Pair(a: a, b: b)] ?? (0, 0)
            sums[Pair(a: a, b: b)] = (current.weight + e.weight, current.toneWeight + e.tone * e.weight)
        }
        return sums.mapValues { ($0.weight, $0.toneWeight / $0.weight) }
    }

    /// 1 for the highest score; equal scores share the better rank.
    static func ranks(_ scores: [String: Double]) -> [String: Int] {
        let ordered = scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        var ranks: [String: Int] = [:]
        var previous: Double?
        var rank = 0
        for (i, (name, value)) in ordered.enumerated() {
            if value != previous { rank = i + 1 }
            previous = value
            ranks[name] = rank
        }
        return ranks
    }

    /// Spearman's ρ: Pearson correlation of average ranks.
    public static func spearmanCorrelation(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count >= 2 else { return nil }
        func averageRanks(_ v: [Double]) -> [Double] {
            let order = v.indices.sorted { v[$0] < v[$1] }
            var ranks = [Double](repeating: 0, count: v.count)
            var i = 0
            while i < order.count {
                var j = i
                while j + 1 < order.count && v[order[j + 1]] == v[order[i]] { j += 1 }
                let average = Double(i + j) / 2 + 1
                for k in i...j { ranks[order[k]] = average }
                i = j + 1
            }
            return ranks
        }
        let rx = averageRanks(x)
        let ry = averageRanks(y)
        let mx = rx.reduce(0, +) / Double(rx.count)
        let my = ry.reduce(0, +) / Double(ry.count)
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for i in rx.indices {
            sxy += (rx[i] - mx) * (ry[i] - my)
            sxx += (rx[i] - mx) * (rx[i] - mx)
            syy += (ry[i] - my) * (ry[i] - my)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }
}
