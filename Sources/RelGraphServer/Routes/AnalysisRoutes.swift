import Foundation
import Hummingbird
import RelGraphAnalysis
import RelGraphCore
import RelGraphExport
import RelGraphStore

/// `GET /v1/centrality?measure=&era=&top=` and `GET /v1/compare?from=&to=&measure=`, computed once per store
/// revision and served from ``AnalysisCache`` after that.
struct AnalysisRoutes {
    let service: RelGraphService

    func register(on router: Router<BasicRequestContext>) {
        router.get("/v1/centrality") { request, _ in try await centrality(request) }
        router.get("/v1/compare") { request, _ in try await compare(request) }
    }

    static func measure(_ name: String?) throws -> Measure {
        let name = name ?? Measure.pagerank.rawValue
        guard let measure = Measure(rawValue: name) else {
            throw APIError.unknown("measure", name, valid: Measure.allCases.map(\.rawValue))
        }
        return measure
    }

    func centrality(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let measure = try Self.measure(query.get("measure"))
        let era = query.get("era").flatMap { $0.isEmpty ? nil : $0 }
        let top = try query.get("top").map { try Parameters.integer($0, name: "top", default: 0, range: 1...Int.max) }
        let store = service.store
        let threads = service.configuration.analysisThreads
        let json: String = try await service.cache.value("centrality|\(era ?? "")|\(measure.rawValue)|\(top ?? 0)") {
            let graph = try await store.graph(GraphQuery(era: era, evidence: false, mentions: false))
            let (names, scores) = try measure.namedScores(WeightedGraph(graph, era: era), threads: threads)
            return ScoreReport(measure: measure.rawValue, era: era, ranked: Ranking.rank(names: names, scores: scores, top: top))
                .render(.json)
        }
        return JSONBody.bytes(Array(json.utf8), contentType: "application/json; charset=utf-8")
    }

    func compare(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        guard let from = query.get("from"), !from.isEmpty, let to = query.get("to"), !to.isEmpty else {
            throw APIError.badRequest("compare needs from=<era> and to=<era>")
        }
        let measure = try Self.measure(query.get("measure"))
        let store = service.store
        let json: String = try await service.cache.value("compare|\(from)|\(to)|\(measure.rawValue)") {
            let eras = try await store.eras().eras.map(\.id) + [Era.undated.id]
            for era in [from, to] where !eras.contains(era) {
                throw APIError.unknown("era", era, valid: eras, status: .notFound)
            }
            let graph = try await store.graph(GraphQuery(evidence: false, mentions: false))
            return ComparisonReport.json(try EraComparison(graph, from: from, to: to, measure: measure))
        }
        return JSONBody.bytes(Array(json.utf8), contentType: "application/json; charset=utf-8")
    }
}
