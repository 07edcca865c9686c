import Foundation
import Hummingbird
import NIOCore
import RelGraphAnalysis
import RelGraphStore

/// Answers every failure as JSON `{"error": "…"}`: the API's own errors with their status, the router's 404/405,
/// a body over the cap as 413, a store's "not found" as 404, its other errors as 500 (logged), never an HTML page.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError {
            let message: String
            switch error.status {
            case .notFound: message = error.body ?? "no such resource: \(request.method) \(request.uri.path)"
            case .contentTooLarge: message = "the request body is larger than the server accepts"
            default: message = error.body ?? error.status.reasonPhrase
            }
            return try APIError(error.status, message).response(from: request, context: context)
        } catch is NIOTooManyBytesError {
            return try APIError(.contentTooLarge, "the request body is larger than the server accepts").response(from: request, context: context)
        } catch let error as StoreError {
            switch error.kind {
            case .notFound: return try APIError(.notFound, error.description).response(from: request, context: context)
            case .invalid: return try APIError(.badRequest, error.description).response(from: request, context: context)
            case .storage:
                context.logger.error("store: \(error.description)")
                return try APIError(.internalServerError, "the store failed: \(error.description)").response(from: request, context: context)
            }
        } catch let error as AnalysisError {
            return try APIError(.badRequest, error.description).response(from: request, context: context)
        } catch {
            context.logger.error("\(request.method) \(request.uri.path): \(error)")
            return try APIError(.internalServerError, "internal error: \(error)").response(from: request, context: context)
        }
    }
}
