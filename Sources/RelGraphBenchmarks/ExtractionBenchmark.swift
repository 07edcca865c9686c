import Foundation
import RelGraphCore
import RelGraphExtraction

/// Extraction throughput on a generated corpus: megabytes of text per second on one thread and on several, and
/// the process's peak resident memory.
public struct ExtractionBenchmark: Sendable {
    public struct Run: Sendable {
        public var threads: Int
        public var seconds: Double
        public var megabytesPerSecond: Double
    }

    public struct Report: Sendable {
        public var documents: Int
        public var megabytes: Double
        public var mentions: Int
        public var ties: Int
        public var runs: [Run]
        public var peakResidentMegabytes: Double
    }

    public let documents: [SourceDocument]
    public let extractor: DocumentExtractor

    public init(documents: [SourceDocument], extractor: DocumentExtractor) {
        self.documents = documents
        self.extractor = extractor
    }

    /// Times a full extraction of every document with each thread count (best of `repetitions`).
    public func run(threads: [Int], repetitions: Int = 3) -> Report {
        let bytes = documents.reduce(0) { $0 + $1.bytes.count }
        let megabytes = Double(bytes) / 1_000_000
        _ = CorpusExtractor.extract(Array(documents.prefix(20)), with: extractor, threads: 1)  // warm up
        var runs: [Run] = []
        var mentions = 0
        var ties = 0
        for count in threads {
            var best = Double.infinity
            for _ in 0..<max(1, repetitions) {
                let clock = ContinuousClock()
                var results: [DocumentExtraction] = []
                let elapsed = clock.measure { results = CorpusExtractor.extract(documents, with: extractor, threads: count) }
                best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
                mentions = results.reduce(0) { $0 + $1.mentions.count }
                ties = results.reduce(0) { $0 + $1.ties.count }
            }
            runs.append(Run(threads: count, seconds: best, megabytesPerSecond: megabytes / best))
        }
        return Report(
            documents: documents.count, megabytes: megabytes, mentions: mentions, ties: ties, runs: runs,
            peakResidentMegabytes: ResourceUsage.peakResidentMegabytes())
    }
}

/// The process's resource usage.
public enum ResourceUsage {
    /// Peak resident set size in megabytes (Linux reports kilobytes).
    public static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        #if os(Linux)
        return Double(usage.ru_maxrss) / 1024
        #else
        return Double(usage.ru_maxrss) / 1_048_576
        #endif
    }
}
