import Foundation
import Hummingbird
import RelGraphCore
import RelGraphExport
import RelGraphRender
import RelGraphStore

/// `GET /v1/eras` and `GET /v1/graph?era=&format=`: the graph of one era (or all) as node-link JSON, GraphML, GEXF,
/// CSV (the edges table), DOT, or a diagram rendered in-process (SVG, PNG, PDF).
///
/// Diagrams share one layout of all the eras (``EraDiagrams``), laid out once per store revision, so an entity keeps
/// its place from era to era as the page steps through them.
struct GraphRoutes {
    let service: RelGraphService

    func register(on router: Router<BasicRequestContext>) {
        router.get("/v1/eras") { _, _ in try await eras() }
        router.get("/v1/graph") { request, _ in try await graph(request) }
    }

    struct Eras: Encodable { var eras: [Era] }

    func eras() async throws -> Response {
        let eras = try await service.store.eras()
        return JSONBody.response(Eras(eras: eras.eras + [Era.undated]))
    }

    static func contentType(_ format: ExportFormat) -> String {
        switch format {
        case .json: "application/json; charset=utf-8"
        case .dot: "text/vnd.graphviz; charset=utf-8"
        case .svg: "image/svg+xml; charset=utf-8"
        case .png: "image/png"
        case .pdf: "application/pdf"
        case .graphml: "application/graphml+xml; charset=utf-8"
        case .gexf: "application/gexf+xml; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        }
    }

    func graph(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let formatName = query.get("format") ?? "json"
        guard let format = ExportFormat(rawValue: formatName) else {
            throw APIError.unknown("format", formatName, valid: ExportFormat.allCases.map(\.rawValue))
        }
        let asked = query.get("era").flatMap { $0.isEmpty ? nil : $0 }
        let store = service.store
        let eraIDs = try await store.eras().eras.map(\.id) + [Era.undated.id]
        if let asked, !eraIDs.contains(asked) { throw APIError.unknown("era", asked, valid: eraIDs, status: .notFound) }
        let renderer = service.renderer
        @Sendable func diagrams() async throws -> EraDiagrams {
            try await service.cache.value("diagrams") {
                try EraDiagrams(try await store.graph(GraphQuery(mentions: false)), options: DiagramOptions(), renderer: renderer)
            }
        }
        // A diagram draws one era: the one asked for, else the latest dated era that has ties.
        var chosen = asked ?? ""
        if format.isDiagram && asked == nil {
            let drawn = try await diagrams().contents.map(\.era)
            guard let latest = drawn.last(where: { $0.id != Era.undated.id }) ?? drawn.last else {
                throw APIError.notFound("no era has ties to draw")
            }
            chosen = latest.id
        }
        let era = chosen
        let bytes: Data = try await service.cache.value("graph|\(era)|\(format.rawValue)") {
            if format.isDiagram {
                let diagrams = try await diagrams()
                guard diagrams.contents.contains(where: { $0.era.id == era }) else {
                    throw APIError.notFound("era \"\(era)\" has no ties to draw")
                }
                if format == .dot { return Data(try diagrams.dot(era: era).utf8) }
                // Positions pinned: Graphviz only routes the edges (`nop2`).
                return try await renderer.render(dot: try diagrams.dot(era: era), format: RenderFormat(rawValue: format.rawValue)!, engine: "nop2")
            }
            let graph = try await store.graph(GraphQuery(era: era.isEmpty ? nil : era))
            return try GraphExporter.data(graph, era: era.isEmpty ? nil : era, format: format, renderer: renderer)
        }
        return JSONBody.bytes(bytes, contentType: Self.contentType(format))
    }
}
