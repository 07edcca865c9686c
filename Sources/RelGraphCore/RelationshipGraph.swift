/// The graph relgraph builds from a corpus: entities as nodes, one edge per (pair, relation, era).
///
/// It is read (`Decodable`) from NetworkX's node-link format for an undirected multigraph, which relgraph's
/// `NodeLinkJSON` writes, so that `networkx.node_link_graph(json.load(f), edges="edges")` loads it:
/// ```json
/// {"directed": false, "multigraph": true,
///  "graph": {"eras": [...], "documents": [...]},
///  "nodes": [{"id": "country:north-korea", "kind": "country", ...}],
///  "edges": [{"source": ..., "target": ..., "key": "cooperation@soviet", "evidence": [{"sentence": 0, ...}], ...}],
///  "sentences": ["text of sentence 0", ...]}
/// ```
/// An evidence item names its sentence by position in `sentences`; files written before that list existed have
/// the `text` inline, and read the same.
/// ```json
/// ```
public struct RelationshipGraph: Sendable, Decodable, Equatable {
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

    struct GraphAttributes: Decodable, Equatable {
        var eras: [Era]
        var documents: [DocumentInfo]
    }

    enum CodingKeys: String, CodingKey { case directed, multigraph, graph, nodes, edges, sentences }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let attributes = try c.decodeIfPresent(GraphAttributes.self, forKey: .graph)
        eras = attributes?.eras ?? []
        documents = attributes?.documents ?? []
        nodes = try c.decode([Node].self, forKey: .nodes)
        edges = try c.decode([Edge].self, forKey: .edges)
        let sentences = try c.decodeIfPresent([String].self, forKey: .sentences) ?? []
        for i in edges.indices {
            for j in edges[i].evidence.indices {
                guard let reference = edges[i].evidence[j].sentenceReference else { continue }
                guard sentences.indices.contains(reference) else {
                    throw DecodingError.dataCorrupted(DecodingError.Context(
                        codingPath: [CodingKeys.edges, PathKey(i), PathKey("evidence"), PathKey(j)],
                        debugDescription: "evidence sentence \(reference) is not in the sentences list (\(sentences.count) entries)"))
                }
                edges[i].evidence[j].text = sentences[reference]
                edges[i].evidence[j].sentenceReference = nil
            }
        }
    }

    /// A step of a coding path: a field name or an array position.
    private struct PathKey: CodingKey {
        var intValue: Int?
        var stringValue: String
        init(_ i: Int) { (intValue, stringValue) = (i, "\(i)") }
        init(_ name: String) { (intValue, stringValue) = (nil, name) }
        init?(intValue: Int) { self.init(intValue) }
        init?(stringValue: String) { self.init(stringValue) }
    }
}
