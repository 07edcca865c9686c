import Foundation
import RelGraphAnalysis
import RelGraphCore

/// A graph file given to `analyze` or `communities`: node-link JSON (`.json`, one era or all), GraphML
/// (`.graphml`, `.xml`) or an edge list (anything else).
public struct GraphInput {
    public var graph: WeightedGraph
    /// The relationship graph, when the input was relgraph's node-link JSON.
    public var relationships: RelationshipGraph?

    public static func load(path: String, era: String?) throws -> GraphInput {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw GraphInputError(file: path, message: "cannot be read (\(error.localizedDescription))")
        }
        switch url.pathExtension.lowercased() {
        case "json":
            let relationships = try NodeLinkJSON.decode(data, file: path)
            if let era { try AnalysisError.requireEra(era, in: relationships) }
            return GraphInput(graph: WeightedGraph(relationships, era: era), relationships: relationships)
        case "graphml", "xml":
            if era != nil { throw AnalysisError("--era applies to graph.json input only; a GraphML file has no eras") }
            return GraphInput(graph: try GraphMLReader.read(data, file: path), relationships: nil)
        default:
            if era != nil { throw AnalysisError("--era applies to graph.json input only; an edge list has no eras") }
            return GraphInput(graph: try EdgeListReader.read(bytes: Array(data), file: path), relationships: nil)
        }
    }
}
