import RelGraphCore

/// GEXF 1.3 in dynamic mode, for Gephi's timeline and `networkx.read_gexf`: every edge carries its era as a time
/// interval (`start`/`end` years, inclusive), every entity the spells of the eras in which it has a tie, so playing
/// the timeline steps through the eras.
///
/// An era running to the present ends at the latest year any evidence speaks of; edges of the `undated` era have
/// no interval (always shown). Node attributes: `kind`, `mentions`; edge attributes: `era`, `relation`, `tone`,
/// `evidence_count`, and the edge's `weight`.
///
/// ```python
/// G = nx.read_gexf("graph.gexf")            # MultiGraph; G.edges[u, v, key]["start"] == 1945
/// ```
public enum GEXFWriter {
    public static func write(_ graph: RelationshipGraph, era: String? = nil) -> String {
        let edges = era.map { graph.edges(inEra: $0) } ?? graph.edges
        let nodes = ExportSelection.nodes(graph, edges: edges, era: era)
        let latest = graph.edges.lazy.flatMap(\.evidence).compactMap { $0.yearEnd ?? $0.year }.max()
        var intervals: [String: (start: Int, end: Int)] = [:]
        for e in graph.eras {
            guard let start = e.start else { continue }
            intervals[e.id] = (start, e.end ?? max(start, latest ?? start))
        }
        var spells: [EntityID: Set<String>] = [:]
        for edge in edges where intervals[edge.era] != nil {
            spells[edge.source, default: []].insert(edge.era)
            spells[edge.target, default: []].insert(edge.era)
        }
        let eraOrder = Dictionary(uniqueKeysWithValues: graph.eras.enumerated().map { ($1.id, $0) })
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
              <meta><creator>relgraph</creator><description>entities and their ties, one edge per pair, relation and era</description></meta>
              <graph mode="dynamic" defaultedgetype="undirected" timeformat="integer" timerepresentation="interval">
                <attributes class="node" mode="static">
                  <attribute id="kind" title="kind" type="string"/>
                  <attribute id="mentions" title="mentions" type="integer"/>
                </attributes>
                <attributes class="edge" mode="static">
                  <attribute id="era" title="era" type="string"/>
                  <attribute id="relation" title="relation" type="string"/>
                  <attribute id="tone" title="tone" type="double"/>
                  <attribute id="evidence_count" title="evidence_count" type="integer"/>
                </attributes>
                <nodes>

            """
        for node in nodes {
            out += "      <node id=\"\(XMLText.escape(node.id.rawValue))\" label=\"\(XMLText.escape(node.label))\">"
            out += "<attvalues><attvalue for=\"kind\" value=\"\(node.kind.rawValue)\"/>"
            out += "<attvalue for=\"mentions\" value=\"\(node.mentions.count)\"/></attvalues>"
            if let eras = spells[node.id] {
                out += "<spells>"
                for id in eras.sorted(by: { eraOrder[$0, default: 0] < eraOrder[$1, default: 0] }) {
                    let span = intervals[id]!
                    out += "<spell start=\"\(span.start)\" end=\"\(span.end)\"/>"
                }
                out += "</spells>"
            }
            out += "</node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (i, edge) in edges.enumerated() {
            out += "      <edge id=\"e\(i)\" source=\"\(XMLText.escape(edge.source.rawValue))\" target=\"\(XMLText.escape(edge.target.rawValue))\" "
            out += "label=\"\(edge.relation.rawValue)\" weight=\"\(CSV.number(edge.weight))\""
            if let span = intervals[edge.era] { out += " start=\"\(span.start)\" end=\"\(span.end)\"" }
            out += "><attvalues><attvalue for=\"era\" value=\"\(XMLText.escape(edge.era))\"/>"
            out += "<attvalue for=\"relation\" value=\"\(edge.relation.rawValue)\"/>"
            out += "<attvalue for=\"tone\" value=\"\(CSV.number(edge.tone))\"/>"
            out += "<attvalue for=\"evidence_count\" value=\"\(edge.evidence.count)\"/></attvalues></edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }
}
