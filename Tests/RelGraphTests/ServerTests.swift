import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RelGraphAnalysis
import RelGraphBenchmarks
import RelGraphCore
import RelGraphExport
import RelGraphServer
import RelGraphStore
import Testing

/// The HTTP API through Hummingbird's test client: every route, its JSON, and a JSON 4xx for every kind of bad input.
@Suite("HTTP API")
struct ServerTests {
    static func service(token: String? = nil, maxBody: Int = 5_000_000) throws -> (RelGraphService, SQLiteGraphStore) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-server-\(UUID().uuidString).sqlite")
        let store = try SQLiteGraphStore(path: url.path, knowledge: TestSupport.knowledge)
        let configuration = ServerConfiguration(port: 0, token: token, maxBodyBytes: maxBody)
        return (try RelGraphService(store: store, extractor: TestSupport.extractor, configuration: configuration), store)
    }

    static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])
    }

    static func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    /// The seeds posted as JSON documents with the manifest's metadata.
    static func postSeeds(_ client: some TestClientProtocol) async throws {
        try await client.execute(uri: "/v1/eras", method: .get)  // a read before any write
        for document in StoreTests.seedDocuments {
            var object: [String: Any] = ["id": document.info.id, "text": String(decoding: document.bytes, as: UTF8.self)]
            object["title"] = document.info.title
            object["date"] = document.info.date?.description
            object["source"] = document.info.source
            let data = try JSONSerialization.data(withJSONObject: object)
            try await client.execute(
                uri: "/v1/documents", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(bytes: data)
            ) { response in
                #expect(response.status == .created)
                let answer = try json(response.body)
                #expect(answer["id"] as? String == document.info.id)
                #expect(answer["outcome"] as? String == "added")
            }
        }
    }

    @Test("documents: post as JSON and as text, the same again is 200 and unchanged, list, show, delete")
    func documents() async throws {
        let (service, store) = try Self.service()
        try await store.setEras(StoreTests.seedEras)
        try await service.application().test(.router) { client in
            try await Self.postSeeds(client)
            let first = StoreTests.seedDocuments[0]
            try await client.execute(
                uri: "/v1/documents", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: [
                    "id": first.info.id, "text": String(decoding: first.bytes, as: UTF8.self), "title": first.info.title!,
                    "date": first.info.date!.description, "source": first.info.source!,
                ]))
            ) { response in
                #expect(response.status == .ok)
                let answer = try Self.json(response.body)
                #expect(answer["outcome"] as? String == "unchanged")
                #expect((answer["entities"] as? [String])?.contains("country:north-korea") == true)
            }
            let text = "In 1975 Portugal recognised the independence of Angola and Mozambique."
            var derived = ""
            try await client.execute(uri: "/v1/documents?date=1975", method: .post, headers: [.contentType: "text/plain"], body: Self.body(text)) { response in
                #expect(response.status == .created)
                let answer = try Self.json(response.body)
                derived = try #require(answer["id"] as? String)
                #expect(derived.hasPrefix("doc-") && derived.count == 20)
                #expect(answer["entities"] as? [String] == ["country:angola", "country:mozambique", "country:portugal"])
            }
            try await client.execute(uri: "/v1/documents?date=1975", method: .post, headers: [.contentType: "text/plain"], body: Self.body(text)) { response in
                #expect(response.status == .ok)
                let value1 = try Self.json(response.body)["id"] as? String
                #expect(value1 == derived)
            }
            try await client.execute(uri: "/v1/documents?limit=2&offset=1", method: .get) { response in
                let answer = try Self.json(response.body)
                #expect(answer["total"] as? Int == 6)
                let listed = try #require(answer["documents"] as? [[String: Any]])
                #expect(listed.map { $0["id"] as? String } == Array(StoreTests.seedDocuments.map(\.info.id).sorted()[1...2]))
            }
            try await client.execute(uri: "/v1/documents/\(derived)", method: .get) { response in
                let value2 = try Self.json(response.body)["text"] as? String
                #expect(value2 == text)
            }
            try await client.execute(uri: "/v1/documents/\(derived)", method: .delete) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/v1/documents/\(derived)", method: .delete) { response in
                #expect(response.status == .notFound)
                let error = try Self.json(response.body)["error"] as? String
                #expect(error == "no document \"\(derived)\"")
            }
        }
    }

    @Test("eras, entities, an entity's ties with evidence, the graph in every format, centrality and compare")
    func reads() async throws {
        let (service, store) = try Self.service()
        try await store.setEras(StoreTests.seedEras)
        let built = TestSupport.seedBuild.summary.graph
        try await service.application().test(.router) { client in
            try await Self.postSeeds(client)
            try await client.execute(uri: "/v1/eras", method: .get) { response in
                let eras = try #require(try Self.json(response.body)["eras"] as? [[String: Any]])
                #expect(eras.map { $0["id"] as? String } == ["soviet", "post-soviet", "putin", "undated"])
            }
            try await client.execute(uri: "/v1/entities?q=DPRK&kind=country", method: .get) { response in
                let found = try #require(try Self.json(response.body)["entities"] as? [[String: Any]])
                #expect(found.map { $0["id"] as? String } == ["country:north-korea"])
            }
            try await client.execute(uri: "/v1/entities/country%3Anorth-korea", method: .get) { response in
                let entity = try Self.json(response.body)
                #expect(entity["label"] as? String == "North Korea")
                let ties = try #require(entity["ties"] as? [[String: Any]])
                let expected = built.edges.filter { $0.source.rawValue == "country:north-korea" || $0.target.rawValue == "country:north-korea" }
                #expect(ties.count == expected.count)
                let evidence = try #require(ties.first?["evidence"] as? [[String: Any]])
                #expect(evidence.first?["text"] as? String == expected.first?.evidence.first?.text)
                #expect(evidence.first?["start"] as? Int == expected.first?.evidence.first?.start)
            }
            try await client.execute(uri: "/v1/graph?era=putin", method: .get) { response in
                let graph = try NodeLinkJSON.decode(Data(response.body.readableBytesView), file: "response")
                #expect(graph.edges == built.edges(inEra: "putin"))
            }
            try await client.execute(uri: "/v1/graph", method: .get) { response in
                let graph = try NodeLinkJSON.decode(Data(response.body.readableBytesView), file: "response")
                #expect(graph == built)
            }
            for format in ["graphml", "gexf", "csv"] {
                try await client.execute(uri: "/v1/graph?era=soviet&format=\(format)", method: .get) { response in
                    #expect(response.status == .ok)
                    let text = String(buffer: response.body)
                    #expect(format == "csv" ? text.hasPrefix("source,") : text.hasPrefix("<?xml"), "\(format): \(text.prefix(40))")
                    #expect(text.contains("country:north-korea"), "\(format)")
                }
            }
            for (format, signature) in [("svg", Array("<?xml".utf8)), ("png", [0x89, 0x50, 0x4E, 0x47]), ("pdf", Array("%PDF".utf8)), ("dot", Array("graph".utf8))] {
                try await client.execute(uri: "/v1/graph?era=soviet&format=\(format)", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(Array(response.body.readableBytesView.prefix(signature.count)) == signature, "\(format)")
                }
            }
            // Without an era, a diagram draws the latest dated era that has ties.
            var latest = ""
            try await client.execute(uri: "/v1/graph?era=putin&format=dot", method: .get) { latest = String(buffer: $0.body) }
            try await client.execute(uri: "/v1/graph?format=dot", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == latest)
            }
            let graph = WeightedGraph(built, era: "putin")
            let (names, scores) = try Measure.pagerank.namedScores(graph, threads: 1)
            let expected = ScoreReport(measure: "pagerank", era: "putin", ranked: Ranking.rank(names: names, scores: scores, top: 5)).render(.json)
            for _ in 0..<2 {  // the second answer comes from the cache
                try await client.execute(uri: "/v1/centrality?measure=pagerank&era=putin&top=5", method: .get) { response in
                    #expect(String(buffer: response.body) == expected)
                }
            }
            try await client.execute(uri: "/v1/compare?from=soviet&to=putin&measure=degree", method: .get) { response in
                let answer = try Self.json(response.body)
                #expect(answer["from"] as? String == "soviet" && answer["to"] as? String == "putin")
                let expected = try EraComparison(built, from: "soviet", to: "putin", measure: .degree)
                #expect((answer["ties"] as? [Any])?.count == expected.ties.count)
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                let value3 = try Self.json(response.body)["documents"] as? Int
                #expect(value3 == 5)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("relgraph_store_documents 5.0"))
                #expect(text.contains(#"relgraph_http_requests_total{method="GET",route="/v1/centrality",status="200"} 2"#))
            }
        }
    }

    @Test("a write changes what reads answer at once (the cache follows the store's revision)")
    func cacheFollowsWrites() async throws {
        let (service, _) = try Self.service()
        try await service.application().test(.router) { client in
            let uri = "/v1/centrality?measure=degree&era=1990s"
            try await client.execute(uri: "/v1/documents?id=a&date=1994", method: .post, headers: [.contentType: "text/plain"], body: Self.body("In 1994 Israel and Jordan signed a peace treaty.")) { #expect($0.status == .created) }
            let before = try await client.execute(uri: uri, method: .get) { String(buffer: $0.body) }
            #expect(before.contains("country:israel") && !before.contains("country:egypt"))
            try await client.execute(uri: "/v1/documents?id=b&date=1995", method: .post, headers: [.contentType: "text/plain"], body: Self.body("In 1995 Egypt and Israel held talks.")) { #expect($0.status == .created) }
            let after = try await client.execute(uri: uri, method: .get) { String(buffer: $0.body) }
            #expect(after.contains("country:egypt"))
            try await client.execute(uri: "/v1/documents/b", method: .delete) { #expect($0.status == .noContent) }
            #expect(try await client.execute(uri: uri, method: .get) { String(buffer: $0.body) } == before)
        }
    }

    @Test("bad input answers a JSON 4xx naming the problem")
    func badInput() async throws {
        let (service, _) = try Self.service(maxBody: 1000)
        try await service.application().test(.router) { client in
            let cases: [(String, HTTPRequest.Method, HTTPFields, ByteBuffer?, HTTPResponse.Status, String)] = [
                ("/v1/documents", .post, [.contentType: "text/plain"], Self.body("  \n "), .badRequest, "the document's text is empty"),
                ("/v1/documents", .post, [.contentType: "text/plain"], ByteBuffer(bytes: [0x41, 0xC3, 0x28]), .badRequest, "the document's text is not valid UTF-8"),
                ("/v1/documents", .post, [.contentType: "application/json"], Self.body("{\"text\": "), .badRequest, "malformed JSON document: the body is not JSON"),
                ("/v1/documents", .post, [.contentType: "application/json"], Self.body("{\"title\": \"x\"}"), .badRequest, "malformed JSON document: field text is missing"),
                ("/v1/documents?id=../etc", .post, [.contentType: "text/plain"], Self.body("Chile."), .badRequest, "id \"../etc\": use 1–200 letters, digits, '.', '_' or '-', not starting with '.'"),
                ("/v1/documents?date=May", .post, [.contentType: "text/plain"], Self.body("Chile."), .badRequest, "date \"May\": expected YYYY, YYYY-MM or YYYY-MM-DD"),
                ("/v1/documents", .post, [.contentType: "text/plain"], Self.body(String(repeating: "x", count: 1001)), .contentTooLarge, "the request body is larger than the server accepts"),
                ("/v1/documents", .post, [.contentType: "image/png"], Self.body("x"), .unsupportedMediaType, "send text/plain, text/html or application/json, not image/png"),
                ("/v1/graph?format=gif", .get, [:], nil, .badRequest, "unknown format \"gif\"; valid formats: dot, svg, png, pdf, graphml, gexf, csv, json"),
                ("/v1/graph?era=1812", .get, [:], nil, .notFound, "unknown era \"1812\"; valid eras: undated"),
                ("/v1/graph?format=svg", .get, [:], nil, .notFound, "no era has ties to draw"),
                ("/v1/eras", .put, [:], nil, .methodNotAllowed, "PUT is not allowed on /v1/eras; allowed: GET"),
                ("/v1/documents/x", .post, [:], nil, .methodNotAllowed, "POST is not allowed on /v1/documents/x; allowed: DELETE, GET"),
                ("/v1/centrality?measure=fame", .get, [:], nil, .badRequest, "unknown measure \"fame\"; valid measures: degree, strength, closeness, harmonic, betweenness, eigenvector, pagerank, katz, edge-betweenness"),
                ("/v1/centrality?top=0", .get, [:], nil, .badRequest, "top \"0\": expected a whole number, at least 1"),
                ("/v1/entities?kind=city", .get, [:], nil, .badRequest, "unknown kind \"city\"; valid kinds: country, leader, organization, agreement"),
                ("/v1/documents?limit=x", .get, [:], nil, .badRequest, "limit \"x\": expected a whole number, 1…1000"),
                ("/v1/compare?from=a", .get, [:], nil, .badRequest, "compare needs from=<era> and to=<era>"),
                ("/v1/compare?from=a&to=undated", .get, [:], nil, .notFound, "unknown era \"a\"; valid eras: undated"),
                ("/v1/entities/country:atlantis", .get, [:], nil, .notFound, "no entity \"country:atlantis\" in the store"),
                ("/v2/nothing", .get, [:], nil, .notFound, "no such resource: GET /v2/nothing"),
            ]
            for (uri, method, headers, body, status, message) in cases {
                try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
                    #expect(response.status == status, "\(method) \(uri)")
                    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, "\(uri)")
                    let error = try Self.json(response.body)["error"] as? String
                    #expect(error == message, "\(uri)")
                }
            }
        }
    }

    @Test("with a token, writes need it and reads do not; a non-loopback host needs a token")
    func token() async throws {
        let (service, _) = try Self.service(token: "s3cret")
        try await service.application().test(.router) { client in
            for headers: HTTPFields in [[.contentType: "text/plain"], [.contentType: "text/plain", .authorization: "Bearer wrong"]] {
                try await client.execute(uri: "/v1/documents", method: .post, headers: headers, body: Self.body("Chile and Peru.")) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"relgraph\"")
                }
            }
            try await client.execute(uri: "/v1/documents/x", method: .delete) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/v1/documents", method: .post, headers: [.contentType: "text/plain", .authorization: "Bearer s3cret"], body: Self.body("Chile and Peru.")) {
                #expect($0.status == .created)
            }
            try await client.execute(uri: "/v1/documents", method: .get) { #expect($0.status == .ok) }
        }
        #expect(throws: ServerSetupError.self) { try ServerConfiguration(host: "0.0.0.0").validate() }
        try ServerConfiguration(host: "0.0.0.0", token: "t").validate()
        try ServerConfiguration(host: "127.0.0.1").validate()
    }

    @Test("8 concurrent clients posting 25 documents each, each on a connection of its own: all 200 stored once")
    func concurrentPosts() async throws {
        let (service, store) = try Self.service()
        let generator = CorpusGenerator(templates: StoreTests.seedDocuments, extractor: TestSupport.extractor)
        try await service.application().test(.live) { live in
            let port = try #require(live.port)
            // `.live`'s own client is one pipelined connection; these are eight. The generous timeout is for a
            // 2-core CI machine running the other suites at the same time, where one post can wait for seven.
            let configuration = TestClient.Configuration(timeout: .seconds(120))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for c in 0..<8 {
                    group.addTask {
                        try await TestClient.withClient(host: "localhost", port: port, configuration: configuration) { client in
                            for d in 0..<25 {
                                let n = c * 25 + d
                                let text = String(decoding: generator.document(n, seed: 3).bytes, as: UTF8.self)
                                let response = try await client.execute(TestClient.Request(
                                    "/v1/documents?id=gen-\(n)", method: .post, authority: "localhost",
                                    headers: [.contentType: "text/plain"], body: ByteBuffer(string: text)))
                                #expect(response.status == .created, "gen-\(n)")
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        #expect(try await store.documentCount() == 200)
    }

    @Test("the OpenAPI document lists exactly the routes served, and each answers one of its documented statuses")
    func openAPI() async throws {
        let (service, _) = try Self.service()
        try await service.application().test(.router) { client in
            let spec = try await client.execute(uri: "/openapi.json", method: .get) { try Self.json($0.body) }
            let paths = try #require(spec["paths"] as? [String: [String: Any]])
            #expect(Set(paths.keys) == [
                "/v1/documents", "/v1/documents/{id}", "/v1/eras", "/v1/entities", "/v1/entities/{id}", "/v1/graph",
                "/v1/centrality", "/v1/compare", "/healthz", "/metrics", "/openapi.json", "/",
            ])
            try await client.execute(uri: "/v1/documents?id=d1&date=2001", method: .post, headers: [.contentType: "text/plain"], body: Self.body("In 2001 China and Russia signed a treaty of friendship."))
            let samples: [String: String] = ["{id}": "d1"]
            for (path, operations) in paths {
                for (method, operation) in operations where method != "parameters" {
                    let responses = try #require((operation as? [String: Any])?["responses"] as? [String: Any])
                    var uri = path
                    for (placeholder, value) in samples { uri = uri.replacingOccurrences(of: placeholder, with: value) }
                    if path == "/v1/entities/{id}" { uri = "/v1/entities/country:china" }
                    if path == "/v1/graph" || path == "/v1/centrality" { uri += "?era=2000s" }
                    if path == "/v1/compare" { uri += "?from=2000s&to=undated" }
                    let httpMethod = HTTPRequest.Method(rawValue: method.uppercased())!
                    let body: ByteBuffer? = httpMethod == .post ? Self.body("Kenya and Uganda.") : nil
                    let headers: HTTPFields = httpMethod == .post ? [.contentType: "text/plain"] : [:]
                    try await client.execute(uri: uri, method: httpMethod, headers: headers, body: body) { response in
                        #expect(responses.keys.contains(String(response.status.code)), "\(method) \(uri) answered \(response.status.code)")
                    }
                }
            }
        }
    }

    @Test("the web page and its assets are served")
    func page() async throws {
        let (service, _) = try Self.service()
        try await service.application().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(String(buffer: response.body).contains("<script src=\"/static/app.js\"></script>"))
            }
            for asset in ["/static/app.js", "/static/style.css"] {
                try await client.execute(uri: asset, method: .get) { response in
                    #expect(response.status == .ok && response.body.readableBytes > 1000, "\(asset)")
                }
            }
        }
    }
}
