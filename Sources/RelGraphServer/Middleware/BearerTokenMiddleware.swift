import Hummingbird

/// Writes (every method but GET, HEAD and OPTIONS) need `Authorization: Bearer <token>`; reads are open.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: [UInt8]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if [.get, .head, .options].contains(request.method) { return try await next(request, context) }
        let given = request.headers[.authorization].flatMap { value -> [UInt8]? in
            guard value.hasPrefix("Bearer ") else { return nil }
            return Array(value.dropFirst("Bearer ".count).utf8)
        }
        guard let given, Self.equal(given, token) else {
            var error = APIError(.unauthorized, "this request changes the store: send Authorization: Bearer <token>")
            error.headers[.wwwAuthenticate] = "Bearer realm=\"relgraph\""
            throw error
        }
        return try await next(request, context)
    }

    /// Compares in time that does not depend on where the first difference is.
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}
