import RelGraphCore

/// Every measure for every node of every era that has edges: the content of `centrality.csv`.
public struct CentralityTable: Sendable {
    public struct Row: Sendable {
        public var era: String
        public var node: String
        /// One value per measure, in the order of ``CentralityTable/measures``; NaN where it did not converge.
        public var values: [Double]
    }

    public let measures: [Measure]
    public let rows: [Row]

    private static let pathMeasures: Set<Measure> = [.closeness, .harmonic, .betweenness]

    public init(_ graph: RelationshipGraph, measures: [Measure] = Measure.nodeMeasures) {
        self.measures = measures
        var rows: [Row] = []
        for era in graph.erasWithEdges {
            let simple = WeightedGraph(graph, era: era.id)
            // A measure that does not converge on an era (Katz when alpha is too large) leaves that column empty
            // (NaN) for the era instead of failing the whole table.
            // Closeness, harmonic and betweenness share one shortest-path run per source.
            let paths = measures.contains { Self.pathMeasures.contains($0) } ? ShortestPathMeasures.compute(simple) : nil
            let scores = measures.map { measure in
                switch (measure, paths) {
                case (.closeness, let paths?): paths.closeness
                case (.harmonic, let paths?): paths.harmonic
                case (.betweenness, let paths?): paths.betweenness
                default: (try? measure.scores(simple)) ?? Array(repeating: .nan, count: simple.nodeCount)
                }
            }
            for (u, name) in simple.names.enumerated() {
                rows.append(Row(era: era.id, node: name, values: scores.map { $0[u] }))
            }
        }
        self.rows = rows
    }
}
