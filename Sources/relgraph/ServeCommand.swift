import ArgumentParser
import Foundation
import RelGraphExtraction
import RelGraphKnowledge
import RelGraphServer
import RelGraphStore

/// `relgraph serve --db relgraph.sqlite`
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API, its OpenAPI document (/openapi.json) and the web page (/) over a store.",
        discussion: """
            Writes (POST, DELETE) need `Authorization: Bearer <token>` when --token-file is given; a --host other \
            than loopback is refused without one. SIGTERM or SIGINT stops accepting, finishes the requests in \
            flight, and closes the store.
            """
    )

    @Option(help: "The store, as for `ingest`: a SQLite file or a postgres:// URL.")
    var db: String

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port, printed at start).")
    var port: Int = 8080

    @Option(help: "A file holding the bearer token that writes need.")
    var tokenFile: String?

    @Option(help: "Largest request body, e.g. 5MB, 512KB.")
    var maxBody: String = "5MB"

    @Option(name: .customLong("kb"), help: "An extra knowledge-base file or folder (same columns as a bundled table; a known id replaces its row); repeatable.")
    var knowledgeFiles: [String] = []

    func validate() throws {
        if ServerConfiguration.byteCount(maxBody) == nil { throw ValidationError("--max-body \"\(maxBody)\": expected a size such as 5MB or 512KB") }
        if !(0...65535).contains(port) { throw ValidationError("--port must be 0…65535") }
    }

    func run() async throws {
        var token: String?
        if let tokenFile {
            do {
                token = try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                throw ValidationError("\(tokenFile): cannot be read (\(error.localizedDescription))")
            }
        }
        let configuration = ServerConfiguration(host: host, port: port, token: token, maxBodyBytes: ServerConfiguration.byteCount(maxBody)!)
        try configuration.validate()
        let knowledge = try KnowledgeBase.load(extraFiles: knowledgeFiles.map { URL(fileURLWithPath: $0) })
        let host = self.host
        try await withStore(db, knowledge: knowledge) { store in
            let service = try RelGraphService(
                store: store, extractor: DocumentExtractor(index: KnowledgeIndex(knowledge)), configuration: configuration)
            try await service.run { port in
                FileHandle.standardError.write(Data("relgraph serve: listening on http://\(host):\(port)\n".utf8))
            }
        }
    }
}
