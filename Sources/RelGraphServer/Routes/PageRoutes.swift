import Foundation
import Hummingbird

/// The web page (`/`, `/static/…`) and the OpenAPI document (`/openapi.json`), served from the module's resources:
/// plain HTML, CSS and JavaScript, no build step.
struct PageRoutes {
    static let files: [String: (resource: String, contentType: String)] = [
        "/": ("index.html", "text/html; charset=utf-8"),
        "/static/app.js": ("app.js", "text/javascript; charset=utf-8"),
        "/static/style.css": ("style.css", "text/css; charset=utf-8"),
        "/openapi.json": ("openapi.json", "application/json; charset=utf-8"),
    ]

    /// Read once, at start-up.
    static let contents: [String: [UInt8]] = {
        var contents: [String: [UInt8]] = [:]
        guard let folder = Bundle.module.url(forResource: "Resources", withExtension: nil) else { return contents }
        for (path, file) in files {
            let url = folder.appendingPathComponent("page").appendingPathComponent(file.resource)
            contents[path] = (try? Data(contentsOf: url)).map(Array.init)
        }
        return contents
    }()

    func register(on router: Router<BasicRequestContext>) {
        for (path, file) in Self.files {
            router.get(RouterPath(path)) { _, _ in
                guard let bytes = Self.contents[path] else { throw APIError(.internalServerError, "\(file.resource) is missing from the build") }
                var response = JSONBody.bytes(bytes, contentType: file.contentType)
                response.headers[.cacheControl] = "no-cache"
                return response
            }
        }
    }
}
