import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RelGraphAnalysis

/// Reads a GraphML file into a weighted simple graph: `<node id>`s and `<edge source target>`s, with the weight
/// from the edge data whose `<key>` has `attr.name="weight"` (1 when absent). Errors name the file and line.
public enum GraphMLReader {
    public static func read(_ data: Data, file: String) throws -> WeightedGraph {
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse(), delegate.error == nil else {
            if var error = delegate.error {
                error.file = file
                throw error
            }
            throw GraphInputError(
                file: file, line: parser.lineNumber, message: "not well-formed XML (\(parser.parserError.map { "\($0)" } ?? "unknown error"))")
        }
        var index: [String: Int] = [:]
        var names: [String] = []
        func id(_ name: String) -> Int {
            if let i = index[name] { return i }
            index[name] = names.count
            names.append(name)
            return names.count - 1
        }
        for node in delegate.nodes { _ = id(node) }
        var edges: [(u: Int, v: Int, weight: Double)] = []
        for e in delegate.edges {
            var weight = 1.0
            if let key = delegate.weightKey, let text = e.data[key] {
                guard let w = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)), w.isFinite else {
                    throw GraphInputError(file: file, line: e.line, message: "edge weight \"\(text)\" is not a number")
                }
                guard w > 0 else {
                    throw GraphInputError(file: file, line: e.line, message: "edge weight \(w) must be positive (distances are 1/weight)")
                }
                weight = w
            }
            edges.append((id(e.source), id(e.target), weight))
        }
        return WeightedGraph(names: names, edges: edges)
    }

    final class Delegate: NSObject, XMLParserDelegate {
        struct RawEdge {
            var source: String
            var target: String
            var line: Int
            var data: [String: String] = [:]
        }
        var nodes: [String] = []
        var edges: [RawEdge] = []
        var weightKey: String?
        var error: GraphInputError?
        private var dataKey: String?
        private var inEdge = false
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "key" where attributes["attr.name"] == "weight" && (attributes["for"] ?? "edge") != "node":
                weightKey = attributes["id"]
            case "node":
                if let id = attributes["id"] { nodes.append(id) }
            case "edge":
                guard let s = attributes["source"], let t = attributes["target"] else {
                    error = GraphInputError(file: "", line: parser.lineNumber, message: "an edge needs source and target")
                    parser.abortParsing()
                    return
                }
                edges.append(RawEdge(source: s, target: t, line: parser.lineNumber))
                inEdge = true
            case "data":
                dataKey = attributes["key"]
                text = ""
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { if dataKey != nil { text += string } }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "edge" { inEdge = false }
            if name == "data", inEdge, let key = dataKey, !edges.isEmpty {
                edges[edges.count - 1].data[key] = text
            }
            if name == "data" { dataKey = nil }
        }
    }
}
