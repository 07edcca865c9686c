import Foundation
import RelGraphCore

/// Node-link JSON, the format NetworkX's `node_link_data` / `node_link_graph` use, with relgraph's fields.
///
/// ```python
/// import json, networkx as nx
/// G = nx.node_link_graph(json.load(open("graphs/graph.json")), edges="edges")   # a MultiGraph
/// ```
public enum NodeLinkJSON {
    /// Pretty-printed with sorted keys, so the file diffs well and is byte-for-byte reproducible.
    public static func encode(_ graph: RelationshipGraph) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(graph)
        data.append(0x0A)
        return data
    }

    public static func decode(_ data: Data, file: String) throws -> RelationshipGraph {
        do {
            return try JSONDecoder().decode(RelationshipGraph.self, from: data)
        } catch let error as DecodingError {
            let (path, detail): ([any CodingKey], String) = {
                switch error {
                case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): return (c.codingPath, c.debugDescription)
                case .keyNotFound(let key, let c): return (c.codingPath + [key], "missing")
                @unknown default: return ([], "\(error)")
                }
            }()
            let field = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            throw GraphInputError(file: file, message: field.isEmpty ? "not node-link JSON (\(detail))" : "field \(field.dropFirst()): \(detail)")
        }
    }
}
