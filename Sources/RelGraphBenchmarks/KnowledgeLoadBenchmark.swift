import Dispatch
import Foundation
import RelGraphExtraction
import RelGraphKnowledge

/// How long start-up takes: reading and validating the knowledge base (bundled plus any extra files), and compiling
/// it into the recogniser's index. Best of `runs`, so one slow run on a shared machine does not count.
///
/// ```swift
/// let report = try KnowledgeLoadBenchmark(extraFiles: []).run(runs: 5)
/// print(report.load + report.index)   // seconds
/// ```
public struct KnowledgeLoadBenchmark: Sendable {
    public var extraFiles: [URL]

    public init(extraFiles: [URL]) { self.extraFiles = extraFiles }

    public struct Report: Sendable {
        /// Best time to read and validate the data files, and to build the index, in seconds.
        public var load: Double
        public var index: Double
        public var leaders: Int
        public var terms: Int
        public var names: Int
    }

    public func run(runs: Int) throws -> Report {
        var best = Report(load: .infinity, index: .infinity, leaders: 0, terms: 0, names: 0)
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            let knowledge = try KnowledgeBase.load(extraFiles: extraFiles)
            let loaded = DispatchTime.now().uptimeNanoseconds
            let index = KnowledgeIndex(knowledge)
            let indexed = DispatchTime.now().uptimeNanoseconds
            best.load = min(best.load, Double(loaded - start) / 1e9)
            best.index = min(best.index, Double(indexed - loaded) / 1e9)
            best.leaders = knowledge.leaders.count
            best.terms = knowledge.leaders.reduce(0) { $0 + $1.terms.count }
            best.names = index.entryCount
        }
        return best
    }
}
