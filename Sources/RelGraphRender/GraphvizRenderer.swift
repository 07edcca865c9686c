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
}

/// A DOT text Graphviz would not parse, lay out or render, with Graphviz's own message.
public struct GraphvizError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Graphviz's layout and rendering (libgvc + libcgraph), in-process — no `dot` executable involved.
///
/// ```swift
/// let svg = try Graphviz.render(dot: "graph { a -- b }", format: .svg)
/// try Graphviz.validate(dot: text)      // parse only
/// ```
/// Graphviz keeps global state (its error buffer, plugin registry), so calls are serialised.
public enum Graphviz {
    private static let lock = Mutex(())

    /// Lays out `dot` with `engine` ("dot", "neato", "fdp", "sfdp", "circo", "twopi") and renders it.
    public static func render(dot: String, format: RenderFormat, engine: String = "dot") throws -> [UInt8] {
        try lock.withLock { _ in
            try withGraph(dot) { graph in
                guard let context = gvContext() else { throw GraphvizError("cannot create a Graphviz context") }
                defer { gvFreeContext(context) }
                guard gvLayout(context, graph, engine) == 0 else {
                    throw GraphvizError("layout with \"\(engine)\" failed: \(lastError())")
                }
                defer { gvFreeLayout(context, graph) }
                var data: UnsafeMutablePointer<CChar>?
                var length: UInt32 = 0
                guard gvRenderData(context, graph, format.rawValue, &data, &length) == 0, let data else {
                    throw GraphvizError("rendering \(format.rawValue) failed: \(lastError())")
                }
                defer { gvFreeRenderData(data) }
                return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                    Array(UnsafeBufferPointer(start: $0, count: Int(length)))
                }
            }
        }
    }

    /// Writes `dot` to `path`: as it is for `.dot`/`.gv`, rendered in-process for `.svg`, `.png` or `.pdf`.
    public static func write(dot: String, to path: String) throws {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        let bytes: [UInt8]
        if ext == "dot" || ext == "gv" {
            bytes = Array(dot.utf8)
        } else if let format = RenderFormat(rawValue: ext) {
            bytes = try render(dot: dot, format: format)
        } else {
            throw GraphvizError("diagram \(path): use a .dot, .gv, .svg, .png or .pdf file name")
        }
        guard let file = fopen(path, "wb") else { throw GraphvizError("\(path): cannot be written") }
        defer { fclose(file) }
        guard fwrite(bytes, 1, bytes.count, file) == bytes.count else { throw GraphvizError("\(path): cannot be written") }
    }

    /// Parses `dot` with cgraph and reports the number of nodes and edges; throws with Graphviz's message if the
    /// text is not valid DOT.
    @discardableResult
    public static func validate(dot: String) throws -> (nodes: Int, edges: Int) {
        try lock.withLock { _ in
            try withGraph(dot) { graph in (Int(agnnodes(graph)), Int(agnedges(graph))) }
        }
    }

    private static func withGraph<T>(_ dot: String, _ body: (UnsafeMutablePointer<Agraph_t>) throws -> T) throws -> T {
        silenceErrors()
        agreseterrors()
        guard let graph = dot.withCString({ agmemread($0) }) else {
            throw GraphvizError("not valid DOT: \(lastError())")
        }
        defer { agclose(graph) }
        if agerrors() > 0 { throw GraphvizError("not valid DOT: \(lastError())") }
        return try body(graph)
    }

    /// Graphviz prints errors on stderr; keep them for the thrown error instead.
    private static func silenceErrors() {
        _ = agseterrf { _ in 0 }
    }

    private static func lastError() -> String {
        guard let message = aglasterr() else { return "no message from Graphviz" }
        let text = String(cString: message).trimmingCharacters(in: [" ", "\n"])
        free(message)
        return text.isEmpty ? "no message from Graphviz" : text
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
