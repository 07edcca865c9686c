import RelGraphCore

/// Every measure for every node of every era that has edges: the content of `centrality.csv`.
public struct CentralityTable: Sendable {
    public struct Row: Sendable {
        public var era: String
        public var node: String
        /// One value per measure, in the order of ``CentralityTable/measures``.
        public var values: [Double]
    }

    public let measures: [Measure]
    public let rows: [Row]

    public init(_ graph: RelationshipGraph, measures: [Measure] = Measure.nodeMeasures) throws {
        self.measures = measures
        var rows: [Row] = []
        for era in graph.erasWithEdges {
            let simple = WeightedGraph(graph, era: era.id)
            let scores = try measures.map { try $0.scores(simple) }
            for (u, name) in simple.names.enumerated() {
                rows.append(Row(era: era.id, node: name, values: scores.map { $0[u] }))
            }
        }
        self.rows = rows
    }
}
