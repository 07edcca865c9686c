import Foundation
import Synchronization

/// One-call conveniences over a process-wide ``GraphvizContext`` (created on first use, kept for the process's life).
///
/// ```swift
/// let svg = try Graphviz.render(dot: "graph { a -- b }", format: .svg)
/// try Graphviz.validate(dot: text)                  // parse only
/// try Graphviz.write(dot: text, to: "era.png")      // by file extension; .dot/.gv as they are
/// ```
public enum Graphviz {
    private static let cached = Mutex<GraphvizContext?>(nil)

    /// The process's shared context.
    public static func sharedContext() throws -> GraphvizContext {
        try cached.withLock { slot in
            if let context = slot { return context }
            let context = try GraphvizContext()
            slot = context
            return context
        }
    }

    /// Lays out with `engine`, or the graph's own `layout` attribute when `nil` (else `dot`).
    public static func render(dot: String, format: RenderFormat, engine: String? = nil) throws -> [UInt8] {
        try sharedContext().render(dot: dot, format: format, engine: engine)
    }

    @discardableResult
    public static func validate(dot: String) throws -> (nodes: Int, edges: Int) {
        try sharedContext().validate(dot: dot)
    }

    /// Writes `dot` to `path`: as it is for `.dot`/`.gv`, rendered in-process for `.svg`, `.png` or `.pdf`.
    public static func write(dot: String, to path: String, engine: String? = nil) throws {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        let bytes: [UInt8]
        if ext == "dot" || ext == "gv" {
            bytes = Array(dot.utf8)
        } else if let format = RenderFormat(rawValue: ext) {
            bytes = try render(dot: dot, format: format, engine: engine)
        } else {
            throw GraphvizError("diagram \(path): use a .dot, .gv, .svg, .png or .pdf file name")
        }
        do { try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw GraphvizError("\(path): cannot be written (\(error.localizedDescription))")
        }
    }
}
