import Foundation
import Hummingbird
import RelGraphStore

/// `GET /healthz` (the store answers) and `GET /metrics` (Prometheus text).
struct OperationRoutes {
    let service: RelGraphService

    func register(on router: Router<BasicRequestContext>) {
        router.get("/healthz") { _, _ in try await health() }
        router.get("/metrics") { _, _ in try await metrics() }
    }

    struct Health: Encodable {
        var status: String
        var documents: Int
        var revision: Int64
    }

    func health() async throws -> Response {
        JSONBody.response(
            Health(status: "ok", documents: try await service.store.documentCount(), revision: try await service.store.revision()))
    }

    func metrics() async throws -> Response {
        let s = try await service.store.statistics()
        let text = service.metrics.exposition(gauges: [
            ("relgraph_store_documents", "Documents in the store.", Double(s.documents)),
            ("relgraph_store_mentions", "Entity mentions in the store.", Double(s.mentions)),
            ("relgraph_store_tie_occurrences", "Tie occurrences in the store.", Double(s.ties)),
            ("relgraph_store_evidence_sentences", "Evidence sentences in the store.", Double(s.evidence)),
            ("relgraph_store_size_bytes", "Bytes the store takes on disk.", Double(s.sizeBytes)),
        ])
        return JSONBody.bytes(Array(text.utf8), contentType: "text/plain; version=0.0.4; charset=utf-8")
    }
}
