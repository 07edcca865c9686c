import Foundation
import Hummingbird
import RelGraphCore
import RelGraphCorpus
import RelGraphStore

/// `POST /v1/documents`, `GET /v1/documents`, `GET /v1/documents/{id}`, `DELETE /v1/documents/{id}`.
struct DocumentRoutes {
    let service: RelGraphService

    func register(on router: Router<BasicRequestContext>) {
        router.post("/v1/documents") { request, context in try await add(request, context) }
        router.get("/v1/documents") { request, _ in try await list(request) }
        router.get("/v1/documents/:id") { _, context in try await show(try Parameters.path(context, "id")) }
        router.delete("/v1/documents/:id") { _, context in try await delete(try Parameters.path(context, "id")) }
    }

    /// The JSON form of a posted document.
    struct Posted: Decodable {
        var text: String
        var id: String?
        var title: String?
        var date: String?
        var source: String?
        /// `text` (default) or `html`.
        var format: String?
    }

    struct Added: Encodable {
        var id: String
        var outcome: String
        var entities: [String]
    }

    func add(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: service.configuration.maxBodyBytes)
        let bytes = Array(body.readableBytesView)
        let contentType = request.headers[.contentType]?.lowercased() ?? "text/plain"
        let document: SourceDocument
        if contentType.hasPrefix("application/json") {
            document = try Self.document(json: bytes)
        } else if contentType.hasPrefix("text/plain") || contentType.hasPrefix("text/html") {
            let query = request.uri.queryParameters
            document = try Self.document(
                text: bytes, id: query.get("id"), title: query.get("title"), date: query.get("date"),
                source: query.get("source"), format: contentType.hasPrefix("text/html") ? .html : .text)
        } else {
            throw APIError(.unsupportedMediaType, "send text/plain, text/html or application/json, not \(contentType)")
        }
        // Extraction runs here, outside any transaction; the store writes the result in one.
        let extraction = service.extractor.extract(document)
        let result = try await service.writer.add(document, extraction: extraction)
        let entities: [String]
        if result.outcome == .unchanged, let stored = try await service.store.document(id: result.id) {
            entities = stored.entities.map(\.rawValue)
        } else {
            entities = Set(extraction.mentions.map(\.entity.rawValue)).sorted()
        }
        var response = JSONBody.response(
            Added(id: result.id, outcome: result.outcome.rawValue, entities: entities),
            status: result.outcome == .unchanged ? .ok : .created)
        response.headers[.location] = "/v1/documents/\(result.id)"
        return response
    }

    static func document(json bytes: [UInt8]) throws -> SourceDocument {
        let posted: Posted
        do { posted = try JSONDecoder().decode(Posted.self, from: Data(bytes)) } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw APIError.badRequest("malformed JSON document: the body is not JSON")
            }
            throw APIError.badRequest("malformed JSON document: \(CorpusReader.describe(error))")
        } catch {
            throw APIError.badRequest("malformed JSON document")
        }
        let format: SourceDocument.Format
        switch posted.format ?? "text" {
        case "text": format = .text
        case "html": format = .html
        case let other: throw APIError.unknown("format", other, valid: ["text", "html"])
        }
        return try document(
            text: Array(posted.text.utf8), id: posted.id, title: posted.title, date: posted.date, source: posted.source,
            format: format)
    }

    static func document(
        text: [UInt8], id: String?, title: String?, date: String?, source: String?, format: SourceDocument.Format
    ) throws -> SourceDocument {
        if let problem = CorpusReader.problem(with: text) { throw APIError.badRequest("the document's text is \(problem)") }
        let id = try id.map(validID) ?? ContentHash.derivedID(for: text)
        var partialDate: PartialDate?
        if let date, !date.isEmpty {
            guard let parsed = PartialDate(date) else {
                throw APIError.badRequest("date \"\(date)\": expected YYYY, YYYY-MM or YYYY-MM-DD")
            }
            partialDate = parsed
        }
        let info = DocumentInfo(id: id, title: title, date: partialDate, source: source)
        return SourceDocument(info: info, bytes: text, format: format)
    }

    /// Ids are file-name-like: letters, digits, `.`, `_` and `-`, at most 200 characters, not starting with `.`
    /// (no hidden files, no `..`) — the pattern the OpenAPI document gives.
    static func validID(_ id: String) throws -> String {
        let allowed = id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)
        }
        guard !id.isEmpty, id.count <= 200, allowed, !id.hasPrefix(".") else {
            throw APIError.badRequest("id \"\(id)\": use 1–200 letters, digits, '.', '_' or '-', not starting with '.'")
        }
        return id
    }

    struct Listed: Encodable {
        var total: Int
        var limit: Int
        var offset: Int
        var documents: [Summary]
    }

    struct Summary: Encodable {
        var id: String
        var title: String?
        var date: String?
        var source: String?
        var contentHash: String
        var bytes: Int
        var mentions: Int
        var ties: Int

        init(_ s: StoredDocumentSummary) {
            id = s.info.id
            title = s.info.title
            date = s.info.date?.description
            source = s.info.source
            contentHash = s.contentHash
            bytes = s.bytes
            mentions = s.mentions
            ties = s.ties
        }

        enum CodingKeys: String, CodingKey {
            case id, title, date, source, bytes, mentions, ties
            case contentHash = "content_hash"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(title, forKey: .title)
            try c.encode(date, forKey: .date)
            try c.encode(source, forKey: .source)
            try c.encode(contentHash, forKey: .contentHash)
            try c.encode(bytes, forKey: .bytes)
            try c.encode(mentions, forKey: .mentions)
            try c.encode(ties, forKey: .ties)
        }
    }

    func list(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let limit = try Parameters.integer(query.get("limit"), name: "limit", default: 100, range: 1...1000)
        let offset = try Parameters.integer(query.get("offset"), name: "offset", default: 0, range: 0...Int.max)
        let total = try await service.store.documentCount()
        let documents = try await service.store.documents(limit: limit, offset: offset)
        return JSONBody.response(Listed(total: total, limit: limit, offset: offset, documents: documents.map(Summary.init)))
    }

    struct Shown: Encodable {
        var document: Summary
        var format: String
        var text: String
        var entities: [String]
    }

    func show(_ id: String) async throws -> Response {
        guard let stored = try await service.store.document(id: id) else { throw APIError.notFound("no document \"\(id)\"") }
        return JSONBody.response(
            Shown(
                document: Summary(stored.summary), format: stored.format.rawValue,
                text: String(decoding: stored.bytes, as: UTF8.self), entities: stored.entities.map(\.rawValue)))
    }

    func delete(_ id: String) async throws -> Response {
        guard try await service.store.deleteDocument(id: id) else { throw APIError.notFound("no document \"\(id)\"") }
        return Response(status: .noContent)
    }
}

/// Path and query parameters checked with a message that names them.
enum Parameters {
    /// A path segment, percent-decoded (`country%3Acuba` is `country:cuba`).
    static func path(_ context: BasicRequestContext, _ name: String) throws -> String {
        let raw = try context.parameters.require(name)
        guard let decoded = raw.removingPercentEncoding else { throw APIError.badRequest("\(name) \"\(raw)\": bad percent-encoding") }
        return decoded
    }

    static func integer(_ value: String?, name: String, default: Int, range: ClosedRange<Int>) throws -> Int {
        guard let value else { return `default` }
        // Digits only: `Int` alone would take "+5"; an empty value is not a number either.
        guard !value.isEmpty, value.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let n = Int(value), range.contains(n) else {
            let bounds = range.upperBound == Int.max ? "at least \(range.lowerBound)" : "\(range.lowerBound)…\(range.upperBound)"
            throw APIError.badRequest("\(name) \"\(value)\": expected a whole number, \(bounds)")
        }
        return n
    }
}
