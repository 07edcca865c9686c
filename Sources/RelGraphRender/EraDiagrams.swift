import Foundation
import Synchronization
import RelGraphCore
import RelGraphExport

/// Every era's diagram of a graph, in one shared layout: the union of the eras is laid out once, then each era is
/// drawn with its entities pinned to those positions (Graphviz's `nop2`: edges routed, nothing moved), which is
/// both what makes eras comparable by eye and what keeps rendering cheap — one layout, then one render per era.
///
/// ```swift
/// let renderer = try DiagramRenderer()
/// let diagrams = try EraDiagrams(graph, options: DiagramOptions(), renderer: renderer)
/// let svg = try diagrams.render(era: "putin", format: .svg, renderer: renderer)
/// let files = try diagrams.files(formats: [.svg, .png], renderer: renderer)   // what `build` writes
/// ```
public struct EraDiagrams: Sendable {
    public let contents: [EraDiagramContent]
    public let layout: PinnedLayout

    /// Lays out the union of `graph`'s eras with edges (or of `eras`, when given).
    public init(_ graph: RelationshipGraph, eras: [String]? = nil, options: DiagramOptions, renderer: DiagramRenderer) throws {
        let chosen = eras.map { ids in graph.eras.filter { ids.contains($0.id) } } ?? graph.erasWithEdges
        var contents = chosen.map { EraDiagramContent(graph, era: $0, options: options) }
        // The union of the eras' entities is laid out once; when it is more than twice an era's allowance, keep the
        // entities most central in some era, so the shared frame stays readable.
        let cap = 2 * options.maxNodes
        var best: [EntityID: Double] = [:]
        for content in contents {
            for (id, share) in content.share { best[id] = max(best[id] ?? 0, share) }
        }
        if best.count > cap {
            let allowed = Set(best.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(cap).map(\.key))
            contents = chosen.map { EraDiagramContent(graph, era: $0, options: options, allowed: allowed) }
        }
        self.contents = contents
        layout = try EraLayout.layout(contents, engine: options.engine, context: renderer.context)
    }

    public func content(era: String) throws -> EraDiagramContent {
        guard let content = contents.first(where: { $0.era.id == era }) else {
            let valid = contents.map(\.era.id).joined(separator: ", ")
            throw GraphvizError("no diagram for era \"\(era)\"; eras with edges: \(valid.isEmpty ? "(none)" : valid)")
        }
        return content
    }

    /// The era's DOT, positions pinned.
    public func dot(era: String) throws -> String { DOTWriter.write(try content(era: era), layout: layout) }

    /// The era drawn in `format`.
    public func render(era: String, format: RenderFormat, renderer: DiagramRenderer) throws -> Data {
        try renderer.render(dot: dot(era: era), format: format, engine: "nop2")
    }

    /// What `build` writes: `<era>.dot` and `<era>.<format>` for each era, and `overview.html` (every era side by
    /// side, and a timeline that steps through them). With `workers`, the renders run in parallel in its processes.
    public func files(
        formats: [RenderFormat], renderer: DiagramRenderer, workers: RenderWorkerPool? = nil
    ) throws -> [(name: String, data: Data)] {
        let dots = contents.map { DOTWriter.write($0, layout: layout) }
        // Each era in every format asked for, and in SVG for the overview.
        let wanted = formats.isEmpty ? [] : formats.contains(.svg) ? formats : formats + [.svg]
        let jobs = dots.indices.flatMap { era in wanted.map { (era: era, format: $0) } }
        let rendered = Mutex<[Int: Result<Data, any Error>]>([:])
        let run: @Sendable (Int) -> Void = { i in
            let job = jobs[i]
            let result = Result {
                try workers?.render(dot: dots[job.era], format: job.format, engine: "nop2")
                    ?? renderer.render(dot: dots[job.era], format: job.format, engine: "nop2")
            }
            rendered.withLock { $0[i] = result }
        }
        if workers != nil {
            DispatchQueue.concurrentPerform(iterations: jobs.count, execute: run)
        } else {
            for i in jobs.indices { run(i) }
        }
        let results = rendered.withLock { $0 }
        var files: [(name: String, data: Data)] = []
        var svgs: [String] = []
        for (era, content) in contents.enumerated() {
            files.append(("\(content.era.id).dot", Data(dots[era].utf8)))
            for (k, format) in wanted.enumerated() {
                let data = try results[era * wanted.count + k]!.get()
                if formats.contains(format) { files.append(("\(content.era.id).\(format.rawValue)", data)) }
                if format == .svg { svgs.append(String(decoding: data, as: UTF8.self)) }
            }
        }
        if !formats.isEmpty {
            files.append(("overview.html", OverviewPage.html(eras: contents.map(\.era), svgs: svgs)))
        }
        return files
    }
}

extension EraDiagrams {
    /// What `build` writes for `graph`: with formats, every era in the shared layout and `overview.html`
    /// (see ``files(formats:renderer:)``); without, each era's DOT unpinned (no Graphviz work at all).
    public static func build(
        _ graph: RelationshipGraph, options: DiagramOptions, formats: [RenderFormat], workers: RenderWorkerPool? = nil
    ) throws -> [(name: String, data: Data)] {
        guard !formats.isEmpty else {
            return graph.erasWithEdges.map { era in ("\(era.id).dot", Data(DOTWriter.write(graph, era: era.id, options: options).utf8)) }
        }
        let renderer = try DiagramRenderer.shared()
        return try EraDiagrams(graph, options: options, renderer: renderer).files(formats: formats, renderer: renderer, workers: workers)
    }
}
