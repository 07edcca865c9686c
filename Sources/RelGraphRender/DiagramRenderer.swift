import Foundation
import RelGraphCore
import RelGraphExport

/// Renders relationship graphs: owns one ``GraphvizContext`` for its life, safe to call from any thread or task.
///
/// Graphviz is not re-entrant, so in one process renders take turns (each holds the context only while Graphviz
/// works; DOT is written outside); a service that wants renders in parallel runs several processes.
///
/// ```swift
/// let renderer = try DiagramRenderer()
/// let png = try renderer.render(graph, era: "putin", format: .png)         // in the shared era layout
/// let svg = try renderer.render(dot: "graph { a -- b }", format: .svg, engine: "neato")
/// ```
public final class DiagramRenderer: Sendable {
    public let context: GraphvizContext

    public init() throws { context = try GraphvizContext() }

    /// The process's shared renderer (over ``Graphviz/sharedContext()``).
    public static func shared() throws -> DiagramRenderer { DiagramRenderer(context: try Graphviz.sharedContext()) }

    init(context: GraphvizContext) { self.context = context }

    /// Lays out and renders DOT text (`engine` nil: the graph's own `layout` attribute, else `dot`).
    public func render(dot: String, format: RenderFormat, engine: String?) throws -> Data {
        Data(try context.render(dot: dot, format: format, engine: engine))
    }

    /// One era of `graph`, laid out on its own. For positions shared with the other eras, keep an ``EraDiagrams``
    /// (one layout of all eras) and render from it.
    public func render(_ graph: RelationshipGraph, era: String, format: RenderFormat, options: DiagramOptions = DiagramOptions()) throws -> Data {
        try EraDiagrams(graph, eras: [era], options: options, renderer: self).render(era: era, format: format, renderer: self)
    }

    /// Parses DOT only; Graphviz's message when it is not valid.
    @discardableResult
    public func validate(dot: String) throws -> (nodes: Int, edges: Int) { try context.validate(dot: dot) }
}
