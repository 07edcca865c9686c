import RelGraphCore

/// GraphML for Gephi, yEd and `networkx.read_graphml`: one node per entity, one edge per (pair, relation, era),
/// with typed keys.
///
/// Node keys: `label`, `kind` (strings), `mentions` (int). Edge keys: `era`, `relation` (strings), `weight`,
/// `tone` (double), `evidence_count` (int). The graph is undirected with parallel edges (a pair can have several
/// relations and eras), so NetworkX reads it as a `MultiGraph`:
///
/// ```python
/// G = nx.read_graphml("graph.graphml")      # MultiGraph; G.nodes["country:russia"]["label"] == "Russia"
/// ```
public enum GraphMLWriter {
    /// The whole graph, or one era's edges and the entities they tie when `era` is given.
    public static func write(_ graph: RelationshipGraph, era: String? = nil) -> String {
        let edges = era.map { graph.edges(inEra: $0) } ?? graph.edges
        let nodes = ExportSelection.nodes(graph, edges: edges, era: era)
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
              <key id="label" for="node" attr.name="label" attr.type="string"/>
              <key id="kind" for="node" attr.name="kind" attr.type="string"/>
              <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>
              <key id="era" for="edge" attr.name="era" attr.type="string"/>
              <key id="relation" for="edge" attr.name="relation" attr.type="string"/>
              <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
              <key id="tone" for="edge" attr.name="tone" attr.type="double"/>
              <key id="evidence_count" for="edge" attr.name="evidence_count" attr.type="int"/>
              <graph id="\(XMLText.escape(era ?? "relgraph"))" edgedefault="undirected">

            """
        for node in nodes {
            out += "    <node id=\"\(XMLText.escape(node.id.rawValue))\">"
            out += "<data key=\"label\">\(XMLText.escape(node.label))</data>"
            out += "<data key=\"kind\">\(node.kind.rawValue)</data>"
            out += "<data key=\"mentions\">\(node.mentions.count)</data></node>\n"
        }
        for (i, edge) in edges.enumerated() {
            out += "    <edge id=\"e\(i)\" source=\"\(XMLText.escape(edge.source.rawValue))\" target=\"\(XMLText.escape(edge.target.rawValue))\">"
            out += "<data key=\"era\">\(XMLText.escape(edge.era))</data>"
            out += "<data key=\"relation\">\(edge.relation.rawValue)</data>"
            out += "<data key=\"weight\">\(CSV.number(edge.weight))</data>"
            out += "<data key=\"tone\">\(CSV.number(edge.tone))</data>"
            out += "<data key=\"evidence_count\">\(edge.evidence.count)</data></edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }
}

/// The entities an export writes: all of them for the whole graph, those the era's edges tie for one era.
enum ExportSelection {
    static func nodes(_ graph: RelationshipGraph, edges: [Edge], era: String?) -> [Node] {
        guard era != nil else { return graph.nodes }
        var used = Set<EntityID>()
        for e in edges { used.insert(e.source); used.insert(e.target) }
        return graph.nodes.filter { used.contains($0.id) }
    }
}
