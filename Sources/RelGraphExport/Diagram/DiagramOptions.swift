import RelGraphAnalysis

/// How an era diagram is drawn: one line per pair or per relation, what sizes the nodes, how many nodes at most,
/// which Graphviz layout engine.
///
/// ```swift
/// var options = DiagramOptions()
/// options.edges = .perRelation      // one line per (pair, relation), as before
/// options.sizeBy = .betweenness
/// options.maxNodes = 60             // keep the 60 most central entities and say so in the title
/// ```
public struct DiagramOptions: Sendable, Equatable {
    /// One line per pair of entities (relations summed), or one per (pair, relation).
    public enum EdgeMode: String, Sendable, CaseIterable {
        case pair
        case perRelation = "per-relation"
    }

    public var edges: EdgeMode = .pair
    /// The centrality that sizes the nodes and ranks them for ``maxNodes``; `nil`: every node the same size,
    /// ranked by strength.
    public var sizeBy: Measure? = .pagerank
    /// The large-graph guard: at most this many entities per era, the most central ones.
    public var maxNodes = 50
    /// At most this many lines per era, the heaviest.
    public var maxTies = 100
    /// The layout engine; `nil`: ``LayoutEngine/default(nodeCount:)``.
    public var engine: LayoutEngine?
    /// Draw the legend (kinds, tone colours, line widths).
    public var legend = true

    public init() {}
}

/// Graphviz's layout engines that relgraph offers.
public enum LayoutEngine: String, Sendable, CaseIterable {
    case dot, neato, fdp, sfdp, circo

    /// neato (stress majorisation: the most faithful picture of a network) up to 200 nodes; sfdp (multilevel,
    /// near-linear time) beyond, where neato's quadratic cost would dominate.
    public static func `default`(nodeCount: Int) -> LayoutEngine { nodeCount <= 200 ? .neato : .sfdp }
}
