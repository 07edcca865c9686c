import RelGraphCore

/// The centrality measures `relgraph analyze` computes, by their command-line names. Node measures give one score
/// per node; `edge-betweenness` gives one per edge.
public enum Measure: String, CaseIterable, Sendable {
    case degree
    case strength
    case closeness
    case harmonic
    case betweenness
    case eigenvector
    case pagerank
    case katz
    case edgeBetweenness = "edge-betweenness"

    /// The node measures (all but `edge-betweenness`).
    public static var nodeMeasures: [Measure] { allCases.filter { $0 != .edgeBetweenness } }

    /// One score per node of `graph`, indexed by node id. For `edge-betweenness`, use ``edgeScores(_:threads:)``.
    public func scores(_ graph: WeightedGraph, threads: Int = WorkerPool.defaultThreads) throws -> [Double] {
        switch self {
        case .degree: DegreeCentrality.compute(graph)
        case .strength: Strength.compute(graph)
        case .closeness: Closeness.compute(graph, threads: threads)
        case .harmonic: Harmonic.compute(graph, threads: threads)
        case .betweenness: Betweenness.compute(graph, threads: threads)
        case .eigenvector: try Eigenvector.compute(graph)
        case .pagerank: try PageRank.compute(graph)
        case .katz: try Katz.compute(graph)
        case .edgeBetweenness: throw AnalysisError("edge-betweenness scores edges, not nodes")
        }
    }

    /// Scores keyed by name: node names, or `u|v` for edges.
    public func namedScores(_ graph: WeightedGraph, threads: Int = WorkerPool.defaultThreads) throws -> (names: [String], scores: [Double]) {
        if self == .edgeBetweenness {
            let edges = EdgeBetweenness.compute(graph, threads: threads)
            return (edges.map { "\(graph.names[$0.u])|\(graph.names[$0.v])" }, edges.map(\.score))
        }
        return (graph.names, try scores(graph, threads: threads))
    }
}

/// A bad request to the analysis engine, with the valid values where there is a list of them.
public struct AnalysisError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }

    /// The one check and message for an era a graph does not have.
    public static func requireEra(_ era: String, in graph: RelationshipGraph) throws(AnalysisError) {
        guard !graph.eras.contains(where: { $0.id == era }) else { return }
        let valid = graph.eras.map(\.id).joined(separator: ", ")
        throw AnalysisError("unknown era \"\(era)\"; valid eras: \(valid.isEmpty ? "(none)" : valid)")
    }

    public static func unknownMeasure(_ name: String) -> AnalysisError {
        AnalysisError("unknown measure \"\(name)\"; valid measures: \(Measure.allCases.map(\.rawValue).joined(separator: ", "))")
    }
}
