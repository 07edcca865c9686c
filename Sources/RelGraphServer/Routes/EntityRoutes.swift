import Foundation
import Hummingbird
import RelGraphCore
import RelGraphExport
import RelGraphStore

/// `GET /v1/entities?q=&kind=&limit=` and `GET /v1/entities/{id}` (the entity with its ties and their evidence).
struct EntityRoutes {
    let service: RelGraphService

    func register(on router: Router<BasicRequestContext>) {
        router.get("/v1/entities") { request, _ in try await search(request) }
        router.get("/v1/entities/:id") { _, context in try await show(try Parameters.path(context, "id")) }
    }

    func search(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        var kind: EntityKind?
        if let name = query.get("kind"), !name.isEmpty {
            guard let k = EntityKind(rawValue: name) else {
                throw APIError.unknown("kind", name, valid: EntityKind.allCases.map(\.rawValue))
            }
            kind = k
        }
        let limit = try Parameters.integer(query.get("limit"), name: "limit", default: 100, range: 1...10_000)
        let nodes = try await service.store.entities(matching: query.get("q"), kind: kind, limit: limit)
        return JSONBody.bytes(EntityJSON.list(nodes), contentType: "application/json; charset=utf-8")
    }

    func show(_ id: String) async throws -> Response {
        let entity = EntityID(rawValue: id)
        let found = try await service.cache.value("entity|\(id)") { try await service.store.entity(id: entity) }
        guard let found else { throw APIError.notFound("no entity \"\(id)\" in the store") }
        return JSONBody.bytes(EntityJSON.entity(found.node, ties: found.ties), contentType: "application/json; charset=utf-8")
    }
}
