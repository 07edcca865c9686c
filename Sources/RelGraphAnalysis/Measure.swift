/// The centrality measures `relgraph analyze` computes, by their command-line names.
public enum Measure: String, CaseIterable, Sendable {
    case degree
    case strength
    case pagerank

    /// One score per node of `graph`, indexed by node id.
    public func scores(_ graph: WeightedGraph) throws -> [Double] {
        switch self {
        case .degree: DegreeCentrality.compute(graph)
        case .strength: Strength.compute(graph)
        case .pagerank: try PageRank.compute(graph)
        }
    }
}

/// A bad request to the analysis engine, with the valid values where there is a list of them.
public struct AnalysisError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }

    public static func unknownMeasure(_ name: String) -> AnalysisError {
        AnalysisError("unknown measure \"\(name)\"; valid measures: \(Measure.allCases.map(\.rawValue).joined(separator: ", "))")
    }
}
