import Foundation
import RelGraphCore
import RelGraphExtraction
import RelGraphStore

/// Times what a user waits for on a filled store: reading one era's graph (for analysis: weights only; for export:
/// with evidence and mentions) and deleting one document (then adding it back, so the store is left as found).
public struct StoreBenchmark: Sendable {
    public struct Timing: Sendable {
        public var name: String
        /// Median and slowest of the repetitions, in milliseconds.
        public var medianMilliseconds: Double
        public var maxMilliseconds: Double
    }

    let store: any GraphStore
    let extractor: DocumentExtractor
    let repetitions: Int
    /// Only this era's weights-only read, when set (for profiling one read).
    let onlyEra: String?

    public init(store: any GraphStore, extractor: DocumentExtractor, repetitions: Int = 10, onlyEra: String? = nil) {
        self.store = store
        self.extractor = extractor
        self.repetitions = max(1, repetitions)
        self.onlyEra = onlyEra
    }

    public func run() async throws -> [Timing] {
        var timings: [Timing] = []
        let eras = try await store.eras().eras
        if let onlyEra {
            return [try await time("graph of era \(onlyEra), weights only") {
                try await store.graph(GraphQuery(era: onlyEra, evidence: false, mentions: false))
            }]
        }
        for era in eras {
            timings.append(try await time("graph of era \(era.id), weights only") {
                try await store.graph(GraphQuery(era: era.id, evidence: false, mentions: false))
            })
        }
        if let busiest = eras.last {
            timings.append(try await time("graph of era \(busiest.id), with evidence and mentions") {
                try await store.graph(GraphQuery(era: busiest.id))
            })
        }
        let count = try await store.documentCount()
        guard count > 0 else { return timings }
        var deletes: [Double] = []
        var adds: [Double] = []
        for i in 0..<repetitions {
            let summary = try await store.documents(limit: 1, offset: (i * 7919) % count)[0]
            guard let stored = try await store.document(id: summary.info.id) else { continue }
            let document = SourceDocument(info: summary.info, bytes: stored.bytes, format: stored.format)
            let extraction = extractor.extract(document)
            deletes.append(try await milliseconds { _ = try await store.deleteDocument(id: summary.info.id) })
            adds.append(try await milliseconds { _ = try await store.add(document, extraction: extraction) })
        }
        timings.append(Self.timing("delete one document", deletes))
        timings.append(Self.timing("add one document (extracted beforehand)", adds))
        return timings
    }

    /// Times `body` `repetitions` times. What it returns is let go after the clock stops: the time is that of
    /// having the result in hand, not of freeing it.
    func time<T>(_ name: String, _ body: () async throws -> T) async throws -> Timing {
        var samples: [Double] = []
        for _ in 0..<repetitions {
            var result: T?
            samples.append(try await milliseconds { result = try await body() })
            withExtendedLifetime(result) {}
        }
        return Self.timing(name, samples)
    }

    func milliseconds(_ body: () async throws -> Void) async throws -> Double {
        let start = ContinuousClock.now
        try await body()
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) * 1e-15
    }

    static func timing(_ name: String, _ samples: [Double]) -> Timing {
        let sorted = samples.sorted()
        return Timing(name: name, medianMilliseconds: sorted[sorted.count / 2], maxMilliseconds: sorted.last ?? 0)
    }
}
