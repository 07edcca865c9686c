import RelGraphAnalysis
import RelGraphCore

/// What an era's diagram shows: the entities kept by the large-graph guard (the most central), their size, and the
/// ties among them — with counts of what was left out, for the title.
public struct EraDiagramContent: Sendable {
    public var era: Era
    /// Entities drawn, in the graph's node order.
    public var nodes: [Node]
    /// Each drawn entity's centrality as a share (0…1) of the era's highest; all 1 when nothing sizes nodes.
    public var share: [EntityID: Double]
    /// Ties between drawn entities (pair mode) …
    public var ties: [PairTie]
    /// … or their edges (per-relation mode).
    public var edges: [Edge]
    /// Entities and ties of the era in all.
    public var totalNodes: Int
    public var totalTies: Int
    public var options: DiagramOptions

    /// The name of the ranking measure, for titles and the legend.
    public var measureName: String { options.sizeBy?.rawValue ?? "strength" }

    /// The era's content; with `allowed`, only those entities may be drawn (how ``EraDiagramSet`` keeps the union
    /// of the eras small).
    public init(_ graph: RelationshipGraph, era: Era, options: DiagramOptions, allowed: Set<EntityID>? = nil) {
        self.era = era
        self.options = options
        let eraEdges = graph.edges(inEra: era.id)
        let simple = WeightedGraph(graph, era: era.id)
        // Centrality ranks the entities for the guard; PageRank and the others always converge on these graphs,
        // Katz may not — then strength stands in.
        let measure = options.sizeBy ?? .strength
        let scores = (try? measure.scores(simple, threads: 1)) ?? Strength.compute(simple)
        let top = scores.max() ?? 0
        var ranked = simple.names.indices.filter { allowed?.contains(EntityID(rawValue: simple.names[$0])) ?? true }
        ranked.sort { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : simple.names[$0] < simple.names[$1] }
        let kept = Set(ranked.prefix(max(1, options.maxNodes)).map { EntityID(rawValue: simple.names[$0]) })
        var share: [EntityID: Double] = [:]
        for (u, name) in simple.names.enumerated() where kept.contains(EntityID(rawValue: name)) {
            share[EntityID(rawValue: name)] = options.sizeBy == nil || top <= 0 ? 1 : scores[u] / top
        }
        self.share = share
        nodes = graph.nodes.filter { kept.contains($0.id) }
        totalNodes = simple.nodeCount
        let keptEdges = eraEdges.filter { kept.contains($0.source) && kept.contains($0.target) }
        // The heaviest ties, at most `maxTies` of them: past that a diagram is a hairball.
        let limit = max(1, options.maxTies)
        switch options.edges {
        case .pair:
            let all = PairTie.ties(keptEdges)
            ties = all.count <= limit ? all : Array(all.sorted { $0.weight > $1.weight }.prefix(limit)).sorted { ($0.a, $0.b) < ($1.a, $1.b) }
            edges = []
            totalTies = kept.count == totalNodes ? all.count : PairTie.ties(eraEdges).count
        case .perRelation:
            ties = []
            edges = keptEdges.count <= limit ? keptEdges : Array(keptEdges.sorted { $0.weight > $1.weight }.prefix(limit))
            totalTies = eraEdges.count
        }
    }

    /// Ties drawn: pairs in pair mode, edges in per-relation mode.
    public var drawnTies: Int { options.edges == .pair ? ties.count : edges.count }

    /// "Cold War (1947–1991) — 40 of 120 entities (highest pagerank), 85 of 400 ties".
    public var title: String {
        var text = DiagramStyle.title(era)
        let unit = options.edges == .pair ? "ties" : "relations"
        if nodes.count < totalNodes {
            text += "\nshowing the \(nodes.count) entities of highest \(measureName) of \(totalNodes), "
                + "\(drawnTies) of \(totalTies) \(unit)"
        } else {
            text += "\n\(totalNodes) entities, \(drawnTies) \(unit)"
        }
        return text
    }
}
