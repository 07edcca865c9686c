import Foundation
import Hummingbird
import RelGraphCore
import RelGraphExport
import RelGraphRender
import RelGraphStore

/// `GET /v1/eras` and `GET /v1/graph?era=&format=`: the graph of one era (or all) as node-link JSON, DOT, or a
/// diagram rendered in-process (SVG, PNG, PDF).
struct GraphRoutes {
    let service: RelGraphService

    /// The formats `/v1/graph` answers in, with their media types.
    enum Format: String, CaseIterable {
        case json, dot, svg, png, pdf

        var contentType: String {
            switch self {
            case .json: "application/json; charset=utf-8"
            case .dot: "text/vnd.graphviz; charset=utf-8"
            case .svg: "image/svg+xml; charset=utf-8"
            case .png: "image/png"
            case .pdf: "application/pdf"
            }
        }
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/v1/eras") { _, _ in try await eras() }
        router.get("/v1/graph") { request, _ in try await graph(request) }
    }

    struct Eras: Encodable { var eras: [Era] }

    func eras() async throws -> Response {
        let eras = try await service.store.eras()
        return JSONBody.response(Eras(eras: eras.eras + [Era.undated]))
    }

    func graph(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let formatName = query.get("format") ?? "json"
        guard let format = Format(rawValue: formatName) else {
            throw APIError.unknown("format", formatName, valid: Format.allCases.map(\.rawValue))
        }
        let era = query.get("era").flatMap { $0.isEmpty ? nil : $0 }
        if format != .json && era == nil {
            let eras = try await service.store.eras().eras.map(\.id) + [Era.undated.id]
            throw APIError.badRequest("format \(format.rawValue) draws one era: add era=…; valid eras: \(eras.joined(separator: ", "))")
        }
        let store = service.store
        let bytes: [UInt8] = try await service.cache.value("graph|\(era ?? "")|\(format.rawValue)") {
            let graph = try await store.graph(GraphQuery(era: era))
            switch format {
            case .json: return Array(NodeLinkJSON.encode(graph))
            case .dot: return Array(DOTWriter.write(graph, era: era!).utf8)
            case .svg, .png, .pdf:
                return try Graphviz.render(dot: DOTWriter.write(graph, era: era!), format: RenderFormat(rawValue: format.rawValue)!)
            }
        }
        return JSONBody.bytes(bytes, contentType: format.contentType)
    }
}
