import Foundation
import RelGraphCore

/// Entities as the HTTP API answers them: nodes in their node-link form, and one entity with its ties, each tie's
/// evidence sentences written inline (a client reading one entity needs no sentence list).
///
/// ```json
/// {"id": "country:cuba", "kind": "country", "label": "Cuba", …,
///  "ties": [{"source": "country:cuba", "target": "country:soviet-union", "relation": "cooperation", "era": "1960s",
///            "weight": 3, "evidence": [{"doc": "…", "start": 10, "end": 96, "text": "…", "year": 1962, …}]}]}
/// ```
public enum EntityJSON {
    /// `{"entities": [node, …]}`.
    public static func list(_ nodes: [Node]) -> Data {
        var w = JSONWriter(into: ByteSink(capacity: 512 * nodes.count + 64))
        w.beginObject()
        w.key("entities"); w.beginArray()
        for node in nodes { NodeLinkJSON.write(node, &w) }
        w.endArray()
        w.endObject()
        return Data(w.out.bytes)
    }

    /// The node's own fields, with `ties` beside them.
    public static func entity(_ node: Node, ties: [Edge]) -> Data {
        var w = JSONWriter(into: ByteSink(capacity: 1024 * (ties.count + 1)))
        var inline: NodeLinkJSON.SentenceList? = nil
        w.beginObject()
        NodeLinkJSON.writeFields(node, &w)
        w.key("ties"); w.beginArray()
        for edge in ties { NodeLinkJSON.write(edge, &w, &inline) }
        w.endArray()
        w.endObject()
        return Data(w.out.bytes)
    }
}
