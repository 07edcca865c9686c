import Foundation
import RelGraphCore
import RelGraphExport

/// Renders relationship graphs: owns one ``GraphvizContext`` for its life, safe to call from any thread or task.
///
/// Graphviz is not re-entrant, so in one process renders take turns (each holds the context only while Graphviz
/// works; DOT is written outside); a service that wants renders in parallel runs several processes. From async
/// code, the `async` overloads run the work on the renderer's own queue, so no task blocks a cooperative thread.
///
/// ```swift
/// let renderer = try DiagramRenderer()
/// let png = try renderer.render(graph, era: "putin", format: .png)              // laid out alone
/// let svg = try await renderer.render(graph, era: "putin", format: .svg)        // from a request handler
/// let dot = try renderer.render(dot: "graph { a -- b }", format: .svg, engine: "neato")
/// ```
public final class DiagramRenderer: Sendable {
    public let context: GraphvizContext

    public init() throws { context = try GraphvizContext() }

    /// The process's shared renderer (over ``Graphviz/sharedContext()``).
    public static func shared() throws -> DiagramRenderer { DiagramRenderer(context: try Graphviz.sharedContext()) }

    /// Where the `async` overloads run their work, one at a time (as Graphviz allows).
    private let queue = DispatchQueue(label: "relgraph.graphviz")

    init(context: GraphvizContext) { self.context = context }

    /// `body`, run on the renderer's queue; the calling task waits without holding a thread.
    private func onQueue<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }

    public func render(dot: String, format: RenderFormat, engine: String?) async throws -> Data {
        try await onQueue { try self.render(dot: dot, format: format, engine: engine) }
    }

    public func render(
        _ graph: RelationshipGraph, era: String, format: RenderFormat, options: DiagramOptions = DiagramOptions()
    ) async throws -> Data {
        try await onQueue { try self.render(graph, era: era, format: format, options: options) }
    }

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
