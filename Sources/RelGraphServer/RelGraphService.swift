import Foundation
import Hummingbird
import Logging
import NIOCore
import RelGraphCore
import RelGraphExtraction
import RelGraphKnowledge
import RelGraphRender
import RelGraphStore

/// `relgraph serve`: the HTTP API, its OpenAPI document and the web page, over one ``GraphStore``.
///
/// The process keeps nothing but caches (``AnalysisCache``, keyed by the store's revision), so any number of
/// processes can serve the same store. SIGTERM and SIGINT stop accepting connections, let requests in flight
/// finish, then return (the store closes when the last reference goes).
///
/// ```swift
/// let service = RelGraphService(store: store, extractor: extractor, configuration: .init(port: 8080))
/// try await service.run()
/// ```
public struct RelGraphService: Sendable {
    let store: any GraphStore
    let extractor: DocumentExtractor
    let configuration: ServerConfiguration
    let logger: Logger
    let cache: AnalysisCache
    let metrics = ServerMetrics()
    /// Concurrent posts share transactions (group commit).
    let writer: WriteBatcher
    /// Owns the process's Graphviz context; renders on its own queue.
    let renderer: DiagramRenderer

    public init(
        store: any GraphStore, extractor: DocumentExtractor, configuration: ServerConfiguration,
        logger: Logger = Logger(label: "relgraph")
    ) throws {
        self.store = store
        self.extractor = extractor
        self.configuration = configuration
        self.logger = logger
        self.cache = AnalysisCache(store: store)
        self.writer = WriteBatcher(store: store)
        self.renderer = try DiagramRenderer.shared()
    }

    /// The routes, with their middleware: JSON errors, metrics, and the token on writes when one is set.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: MetricsMiddleware(metrics: metrics))
        router.add(middleware: JSONErrorMiddleware())
        router.add(middleware: MethodNotAllowedMiddleware(routes: DocumentedRoutes(openAPI: Data(PageRoutes.contents["/openapi.json"] ?? []))))
        if let token = configuration.token { router.add(middleware: BearerTokenMiddleware(token: Array(token.utf8))) }
        DocumentRoutes(service: self).register(on: router)
        EntityRoutes(service: self).register(on: router)
        GraphRoutes(service: self).register(on: router)
        AnalysisRoutes(service: self).register(on: router)
        OperationRoutes(service: self).register(on: router)
        PageRoutes().register(on: router)
        return router
    }

    /// The application, for running or for testing; `onRunning` receives the bound port.
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "relgraph"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }

    /// Serves until SIGTERM or SIGINT, then finishes the requests in flight.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try configuration.validate()
        try await application(onRunning: onRunning).runService()
    }
}
