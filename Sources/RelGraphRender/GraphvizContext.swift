import CGraphviz
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Output formats the in-process renderer produces.
public enum RenderFormat: String, CaseIterable, Sendable {
    case svg, png, pdf

    /// Graphviz's output format name: PNG and PDF through cairo (antialiased text), SVG by the core renderer.
    var graphvizName: String {
        switch self {
        case .svg: "svg"
        case .png: "png:cairo"
        case .pdf: "pdf:cairo"
        }
    }
}

/// A DOT text Graphviz would not parse, lay out or render, with Graphviz's own message.
public struct GraphvizError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// One Graphviz context (`GVC_t`: loaded plugins, layout and render state), created once and reused for every
/// graph — the C boundary of relgraph.
///
/// Every graph it parses is closed and every layout freed before a call returns, so any number of renders leave
/// memory flat. Graphviz keeps process-wide state (the DOT parser, layout globals, its error buffer), so two
/// contexts must never run at once: all calls take turns, process-wide. Parallel rendering therefore means several
/// processes (see `RenderWorkerPool`), each with its own context.
///
/// ```swift
/// let context = try GraphvizContext()
/// let svg = try context.render(dot: "graph { a -- b }", format: .svg, engine: "neato")
/// ```
public final class GraphvizContext: @unchecked Sendable {
    // Safe: `context` is created in `init`, released in `deinit`, and used only while holding `exclusive`.
    private let context: OpaquePointer

    /// Held around every call into Graphviz, process-wide.
    private static let exclusive = Mutex(())

    /// Runs `body` while holding ``exclusive``.
    private static func serialised<T>(_ body: () throws -> T) throws -> T {
        var result: Result<T, any Error>?
        exclusive.withLock { _ in result = Result { try body() } }
        return try result!.get()
    }

    private static func serialised<T>(_ body: () -> T) -> T {
        var result: T?
        exclusive.withLock { _ in result = body() }
        return result!
    }

    public init() throws {
        let made: OpaquePointer? = Self.serialised { gvContext() }
        guard let made else { throw GraphvizError("cannot create a Graphviz context") }
        context = made
    }

    deinit {
        Self.serialised { _ = gvFreeContext(context) }
    }

    /// Lays out `dot` with `engine` (`dot`, `neato`, `fdp`, `sfdp`, `circo`, `twopi`, `nop2` for pinned positions,
    /// or `nil`: the graph's own `layout` attribute, else `dot`)
    /// positions) and renders it.
    public func render(dot: String, format: RenderFormat, engine: String?) throws -> [UInt8] {
        try withLayout(dot, engine: engine) { graph in
            try self.renderData(graph, format: format.graphvizName)
        }
    }

    /// Lays out `dot` with `engine` and returns every node's centre and size in points, by node name.
    public func positions(dot: String, engine: String) throws -> [String: (x: Double, y: Double, width: Double, height: Double)] {
        try withLayout(dot, engine: engine) { graph in
            // The "dot" output writes the layout back into the graph's attributes (`pos`), which we then read.
            _ = try self.renderData(graph, format: "dot")
            var result: [String: (x: Double, y: Double, width: Double, height: Double)] = [:]
            let widths = Self.nodeAttribute("width", of: graph)
            let heights = Self.nodeAttribute("height", of: graph)
            for (name, pos) in Self.nodeAttribute("pos", of: graph) {
                let parts = pos.split(separator: ",")
                if parts.count >= 2, let x = Double(parts[0]), let y = Double(parts[1].filter { $0 != "!" }) {
                    // width and height are in inches
                    result[name] = (x, y, 72 * (widths[name].flatMap(Double.init) ?? 0), 72 * (heights[name].flatMap(Double.init) ?? 0))
                }
            }
            return result
        }
    }

    /// Parses `dot` with cgraph and reports the number of nodes and edges; throws with Graphviz's message if the
    /// text is not valid DOT.
    @discardableResult
    public func validate(dot: String) throws -> (nodes: Int, edges: Int) {
        try Self.serialised {
            try Self.withGraph(dot) { graph in (Int(agnnodes(graph)), Int(agnedges(graph))) }
        }
    }

    /// Parses `dot`, reads attribute `name` of every node, and returns them by node name (for tests that check
    /// what a label reads back as).
    public func nodeAttribute(_ name: String, dot: String) throws -> [String: String] {
        try Self.serialised {
            try Self.withGraph(dot) { graph in Self.nodeAttribute(name, of: graph) }
        }
    }

    /// Attribute `name` of every node of `graph` that has it, by node name.
    private static func nodeAttribute(_ name: String, of graph: UnsafeMutablePointer<Agraph_t>) -> [String: String] {
        var result: [String: String] = [:]
        var node = agfstnode(graph)
        while let n = node {
            let object = UnsafeMutableRawPointer(n)
            if let nodeName = agnameof(object),
                let value = name.withCString({ agget(object, UnsafeMutablePointer(mutating: $0)) })
            {
                result[String(cString: nodeName)] = String(cString: value)
            }
            node = agnxtnode(graph, n)
        }
        return result
    }

    private func withLayout<T>(_ dot: String, engine: String?, _ body: (UnsafeMutablePointer<Agraph_t>) throws -> T) throws -> T {
        try Self.serialised {
            try Self.withGraph(dot) { graph in
                let own = "layout".withCString { agget(UnsafeMutableRawPointer(graph), UnsafeMutablePointer(mutating: $0)) }
                let engine = engine ?? own.map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "dot"
                guard gvLayout(context, graph, engine) == 0 else {
                    throw GraphvizError("layout with \"\(engine)\" failed: \(Self.lastError())")
                }
                defer { gvFreeLayout(context, graph) }
                return try body(graph)
            }
        }
    }

    private func renderData(_ graph: UnsafeMutablePointer<Agraph_t>, format: String) throws -> [UInt8] {
        var data: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(context, graph, format, &data, &length) == 0, let data else {
            throw GraphvizError("rendering \(format) failed: \(Self.lastError())")
        }
        defer { gvFreeRenderData(data) }
        return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            Array(UnsafeBufferPointer(start: $0, count: Int(length)))
        }
    }

    private static func withGraph<T>(_ dot: String, _ body: (UnsafeMutablePointer<Agraph_t>) throws -> T) throws -> T {
        // Keep every warning and error in Graphviz's buffer (for the thrown error) instead of printing it.
        _ = agseterr(AGMAX)
        agreseterrors()
        // The DOT lexer is global and keeps what it had read ahead of the last text (its final line break, or the rest
        // of a bad text): drop it, and count lines from 1.
        aglexbad()
        agreadline(1)
        guard let graph = dot.withCString({ agmemread($0) }) else {
            throw GraphvizError("not valid DOT: \(lastError())")
        }
        defer { agclose(graph) }
        if agerrors() > 0 { throw GraphvizError("not valid DOT: \(lastError())") }
        return try body(graph)
    }

    private static func lastError() -> String {
        guard let message = aglasterr() else { return "no message from Graphviz" }
        defer { free(message) }
        let text = String(cString: message).trimmingWhitespace()
        return text.isEmpty ? "no message from Graphviz" : text
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
