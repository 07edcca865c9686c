import Foundation
import HTTPTypes
import Hummingbird

/// Answers `405 Method Not Allowed`, with the `Allow` header, for a method the API does not offer on a path it does
/// offer (`TRACE /v1/eras`, `PUT /v1/documents/x`), instead of the router's 404. The paths and their methods are read
/// from the served OpenAPI document, so the answer and the document cannot disagree.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: DocumentedRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && error.body == nil {
            guard let allowed = routes.methods(for: request.uri.path), !allowed.isEmpty else { throw error }
            var refusal = APIError(
                .methodNotAllowed,
                "\(request.method) is not allowed on \(request.uri.path); allowed: \(allowed.joined(separator: ", "))")
            refusal.headers[.allow] = allowed.joined(separator: ", ")
            throw refusal
        }
    }
}

/// The paths of the OpenAPI document and the methods each takes.
struct DocumentedRoutes: Sendable {
    /// Path templates split into segments (`{id}` matches any one segment), with their methods.
    let templates: [(segments: [Substring], methods: [String])]

    init(openAPI data: Data) {
        let document = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        let paths = document?["paths"] as? [String: [String: Any]] ?? [:]
        templates = paths.keys.sorted().map { path in
            let methods = paths[path]!.keys.filter { $0 != "parameters" }.map { $0.uppercased() }
            return (path.split(separator: "/", omittingEmptySubsequences: false), methods.sorted())
        }
    }

    /// The methods allowed on `path`, or `nil` when the document has no such path.
    func methods(for path: String) -> [String]? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        return templates.first { template in
            template.segments.count == segments.count
                && zip(template.segments, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }?.methods
    }
}
