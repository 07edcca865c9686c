/// The graph relgraph builds from a corpus: entities as nodes, one edge per (pair, relation, era).
///
/// Its `Codable` form is NetworkX's node-link format for an undirected multigraph, so that
/// `networkx.node_link_graph(json.load(f), edges="edges")` loads it:
/// ```json
/// {"directed": false, "multigraph": true,
///  "graph": {"eras": [...], "documents": [...]},
///  "nodes": [{"id": "country:north-korea", "kind": "country", ...}],
///  "edges": [{"source": ..., "target": ..., "key": "cooperation@soviet", ...}]}
/// ```
public struct RelationshipGraph: Sendable, Codable, Equatable {
    public var eras: [Era]
    public var documents: [DocumentInfo]
    public var nodes: [Node]
    public var edges: [Edge]

    public init(eras: [Era], documents: [DocumentInfo], nodes: [Node], edges: [Edge]) {
        self.eras = eras
        self.documents = documents
        self.nodes = nodes
        self.edges = edges
    }

    /// The edges of one era.
    public func edges(inEra era: String) -> [Edge] { edges.filter { $0.era == era } }

    /// Eras that have at least one edge, in the order of `eras`.
    public var erasWithEdges: [Era] {
        let used = Set(edges.map(\.era))
        return eras.filter { used.contains($0.id) }
    }

    struct GraphAttributes: Codable, Equatable {
        var eras: [Era]
        var documents: [DocumentInfo]
    }

    enum CodingKeys: String, CodingKey { case directed, multigraph, graph, nodes, edges }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let attributes = try c.decodeIfPresent(GraphAttributes.self, forKey: .graph)
        eras = attributes?.eras ?? []
        documents = attributes?.documents ?? []
        nodes = try c.decode([Node].self, forKey: .nodes)
        edges = try c.decode([Edge].self, forKey: .edges)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(false, forKey: .directed)
        try c.encode(true, forKey: .multigraph)
        try c.encode(GraphAttributes(eras: eras, documents: documents), forKey: .graph)
        try c.encode(nodes, forKey: .nodes)
        try c.encode(edges, forKey: .edges)
    }
}
