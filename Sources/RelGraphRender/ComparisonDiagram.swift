import Foundation
import RelGraphAnalysis
import RelGraphCore
import RelGraphExport

/// `compare --diagram`: the two eras' difference drawn in the positions the eras' own diagrams use.
///
/// ```swift
/// let data = try ComparisonDiagram.render(comparison, graph: graph, options: DiagramOptions(), format: .svg,
///                                         renderer: renderer)
/// ```
public enum ComparisonDiagram {
    /// DOT, positions pinned to the layout every era diagram of `graph` shares (the one `build` draws with the
    /// same options), so each entity sits where it sits in the era diagrams.
    public static func dot(_ c: EraComparison, graph: RelationshipGraph, options: DiagramOptions, renderer: DiagramRenderer) throws -> String {
        let layout = try EraDiagrams(graph, options: options, renderer: renderer).layout
        return ComparisonDOTWriter.write(c, graph: graph, layout: layout)
    }

    public static func render(
        _ c: EraComparison, graph: RelationshipGraph, options: DiagramOptions, format: RenderFormat, renderer: DiagramRenderer
    ) throws -> Data {
        try renderer.render(dot: dot(c, graph: graph, options: options, renderer: renderer), format: format, engine: "nop2")
    }

    /// Writes the diagram to `path`, as DOT (`.dot`, `.gv`) or rendered (`.svg`, `.png`, `.pdf`).
    public static func write(
        _ c: EraComparison, graph: RelationshipGraph, options: DiagramOptions, to path: String, renderer: DiagramRenderer
    ) throws {
        let dot = try dot(c, graph: graph, options: options, renderer: renderer)
        try Graphviz.write(dot: dot, to: path, engine: "nop2")
    }
}
