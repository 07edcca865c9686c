import Foundation
import RelGraphCore

/// Node-link JSON, the format NetworkX's `node_link_data` / `node_link_graph` use, with relgraph's fields.
///
/// ```python
/// import json, networkx as nx
/// G = nx.node_link_graph(json.load(open("graphs/graph.json")), edges="edges")   # a MultiGraph
/// ```
///
/// Each evidence sentence's text is written once, in the top-level list `sentences`; an evidence item names it by
/// its position there (`"sentence": 12` is `sentences[12]`) and keeps its document, offsets and year inline. The
/// model's `Decodable` conformances read this form and the older one with `text` inline.
///
/// This is the only encoder of the node-link form: the model types are `Decodable` only.
public enum NodeLinkJSON {
    /// The whole file in memory (small graphs and tests); ``write(_:to:)`` streams.
    public static func encode(_ graph: RelationshipGraph) -> Data {
        var sink = ByteSink(capacity: 256 * (graph.edges.count + graph.nodes.count) + 4096)
        write(graph, to: &sink)
        return Data(sink.bytes)
    }

    /// Streams the graph with keys in alphabetical order, one record per line — each edge (with its evidence), node
    /// (with its mentions), document, era and sentence on a line of its own, without indentation or spaces after
    /// separators — so the file diffs line by line, is byte-for-byte reproducible, and carries no layout bytes
    /// beyond one newline per record (indenting every field took a fifth of the file).
    public static func write(_ graph: RelationshipGraph, to sink: inout ByteSink) {
        var sentences: SentenceList? = SentenceList()
        var w = JSONWriter(into: sink, compact: true)
        defer { sink = w.out }
        w.beginObject()
        w.key("directed"); w.bool(false)
        w.key("edges"); w.beginArray()
        for edge in graph.edges { write(edge, &w, &sentences) }
        w.endArray()
        w.key("graph"); w.beginObject()
        w.key("documents"); w.beginArray()
        for d in graph.documents {
            w.beginObject(inline: w.compact)
            w.field("date", d.date?.description)
            w.field("id", d.id)
            w.field("source", d.source)
            w.field("title", d.title)
            w.endObject()
        }
        w.endArray()
        w.key("eras"); w.beginArray()
        for era in graph.eras {
            w.beginObject(inline: w.compact)
            w.field("end", era.end)
            w.field("id", era.id)
            w.field("label", era.label)
            w.field("start", era.start)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.key("multigraph"); w.bool(true)
        w.key("nodes"); w.beginArray()
        for node in graph.nodes { write(node, &w) }
        w.endArray()
        w.field("sentences", sentences?.texts ?? [])
        w.endObject()
        w.out.append(0x0A)
    }

    /// Evidence sentences numbered in order of first use.
    struct SentenceList {
        var texts: [String] = []
        var ids: [String: Int] = [:]

        mutating func id(_ text: String) -> Int {
            if let id = ids[text] { return id }
            ids[text] = texts.count
            texts.append(text)
            return texts.count - 1
        }
    }

    /// An edge; each evidence sentence by its number in `sentences`, or its text inline when there is no list.
    /// In a compact writer (graph.json) the edge takes one line; in an indented one (reports), one line per field.
    static func write(_ edge: Edge, _ w: inout JSONWriter, _ sentences: inout SentenceList?) {
        w.beginObject(inline: w.compact)
        w.field("distance", edge.distance)
        w.field("era", edge.era)
        w.key("evidence"); w.beginArray()
        for e in edge.evidence {
            w.beginObject(inline: true)
            w.field("dating", e.dating?.rawValue)
            w.field("doc", e.doc)
            w.field("end", e.end)
            if let source = e.polaritySource { w.field("polarity_source", source) }
            if sentences != nil { w.field("sentence", sentences!.id(e.text)) }
            w.field("start", e.start)
            if sentences == nil { w.field("text", e.text) }
            w.field("tone", e.tone)
            w.field("triggers", e.triggers)
            w.field("year", e.year)
            if let yearEnd = e.yearEnd { w.field("year_end", yearEnd) }
            w.endObject()
        }
        w.endArray()
        w.field("key", edge.key)
        w.field("relation", edge.relation.rawValue)
        w.field("source", edge.source.rawValue)
        w.field("target", edge.target.rawValue)
        w.field("tone", edge.tone)
        w.field("weight", edge.weight)
        w.endObject()
    }

    /// One line in a compact writer, as ``write(_:_:_:)`` for edges.
    static func write(_ node: Node, _ w: inout JSONWriter) {
        w.beginObject(inline: w.compact)
        writeFields(node, &w)
        w.endObject()
    }

    /// A node's fields, inside an object the caller opens (and may add to).
    static func writeFields(_ node: Node, _ w: inout JSONWriter) {
        if let acronym = node.acronym { w.field("acronym", acronym) }
        w.field("aliases", node.aliases)
        if let capital = node.capital { w.field("capital", capital) }
        if let country = node.country { w.field("country", country.rawValue) }
        if let from = node.existedFrom { w.field("existed_from", from) }
        if let until = node.existedUntil { w.field("existed_until", until) }
        w.field("id", node.id.rawValue)
        if let iso = node.iso { w.field("iso", iso) }
        if let iso3 = node.iso3 { w.field("iso3", iso3) }
        w.field("kind", node.kind.rawValue)
        w.field("label", node.label)
        w.key("mentions"); w.beginArray()
        for m in node.mentions {
            w.beginObject(inline: true)
            w.field("doc", m.doc)
            w.field("end", m.end)
            w.field("start", m.start)
            w.field("text", m.text)
            w.endObject()
        }
        w.endArray()
        if let office = node.office { w.field("office", office) }
        if let parties = node.parties { w.field("parties", parties.map(\.rawValue)) }
        if let successor = node.successor { w.field("successor", successor.rawValue) }
        if let tenure = node.tenure {
            w.key("tenure"); w.beginArray()
            for term in tenure {
                w.beginObject(inline: true)
                w.field("country", term.country.rawValue)
                w.field("end", term.end)
                w.field("office", term.office)
                w.field("start", term.start)
                w.endObject()
            }
            w.endArray()
        }
        if let year = node.year { w.field("year", year) }
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
