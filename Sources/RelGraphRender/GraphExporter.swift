import Foundation
import RelGraphCore
import RelGraphExport

/// Formats `relgraph export` writes (and the service will serve).
public enum ExportFormat: String, CaseIterable, Sendable {
    case dot, svg, png, pdf, graphml, gexf, csv, json

    /// Formats drawn by Graphviz (one diagram per era).
    public var isDiagram: Bool { [.dot, .svg, .png, .pdf].contains(self) }
}

/// A relationship graph (or one era of it) in any export format.
///
/// ```swift
/// let gexf = try GraphExporter.data(graph, era: nil, format: .gexf, renderer: renderer)
/// let files = try GraphExporter.files(graph, era: nil, format: .csv, renderer: renderer)  // nodes.csv, edges.csv
/// ```
public enum GraphExporter {
    /// The file(s) of one export: one per era for diagrams without `era`, `nodes.csv` and `edges.csv` for CSV, one
    /// file otherwise. Names are relative (`graph.graphml`, `putin.svg`).
    public static func files(
        _ graph: RelationshipGraph, era: String?, format: ExportFormat, options: DiagramOptions = DiagramOptions(),
        renderer: DiagramRenderer
    ) throws -> [(name: String, data: Data)] {
        if let era { try checkEra(era, in: graph) }
        let stem = era ?? "graph"
        switch format {
        case .json: return [("\(stem).json", NodeLinkJSON.encode(restricted(graph, to: era)))]
        case .graphml: return [("\(stem).graphml", Data(GraphMLWriter.write(graph, era: era).utf8))]
        case .gexf: return [("\(stem).gexf", Data(GEXFWriter.write(graph, era: era).utf8))]
        case .csv:
            return [
                ("nodes.csv", Data(TieCSVWriter.nodes(graph, era: era).utf8)),
                ("edges.csv", Data(TieCSVWriter.edges(graph, era: era).utf8)),
            ]
        case .dot, .svg, .png, .pdf:
            // Every era: one layout they all share. One era: laid out alone (what a request for one diagram needs).
            let diagrams = try EraDiagrams(graph, eras: era.map { [$0] }, options: options, renderer: renderer)
            let eras = era.map { [$0] } ?? diagrams.contents.map(\.era.id)
            return try eras.map { id in
                if format == .dot { return ("\(id).dot", Data(try diagrams.dot(era: id).utf8)) }
                let render = RenderFormat(rawValue: format.rawValue)!
                return ("\(id).\(format.rawValue)", try diagrams.render(era: id, format: render, renderer: renderer))
            }
        }
    }

    /// One export as one body (for a service): a diagram needs `era`; CSV gives `edges.csv`.
    public static func data(
        _ graph: RelationshipGraph, era: String?, format: ExportFormat, options: DiagramOptions = DiagramOptions(),
        renderer: DiagramRenderer
    ) throws -> Data {
        if format.isDiagram && era == nil {
            throw GraphvizError("a \(format.rawValue) diagram shows one era: choose one of \(graph.erasWithEdges.map(\.id).joined(separator: ", "))")
        }
        let files = try files(graph, era: era, format: format, options: options, renderer: renderer)
        return (files.first { $0.name == "edges.csv" } ?? files[0]).data
    }

    static func checkEra(_ era: String, in graph: RelationshipGraph) throws {
        guard graph.eras.contains(where: { $0.id == era }) else {
            let valid = graph.eras.map(\.id).joined(separator: ", ")
            throw GraphvizError("unknown era \"\(era)\"; valid eras: \(valid.isEmpty ? "(none)" : valid)")
        }
    }

    /// The graph with only `era`'s edges and the entities they tie (the whole graph when `era` is nil).
    static func restricted(_ graph: RelationshipGraph, to era: String?) -> RelationshipGraph {
        guard let era else { return graph }
        let edges = graph.edges(inEra: era)
        var used = Set<EntityID>()
        for e in edges { used.insert(e.source); used.insert(e.target) }
        return RelationshipGraph(
            eras: graph.eras.filter { $0.id == era }, documents: graph.documents, nodes: graph.nodes.filter { used.contains($0.id) },
            edges: edges)
    }
}
