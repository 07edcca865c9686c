import Dispatch
import Foundation
import Testing

import RelGraphCore

/// The process's one pool of worker threads.
@Suite("worker pool")
struct WorkerPoolTests {
    @Test("results come back in index order")
    func order() {
        #expect(WorkerPool.map(count: 1000, threads: 2) { $0 * $0 } == (0..<1000).map { $0 * $0 })
        #expect(WorkerPool.map(count: 0, threads: 2) { $0 }.isEmpty)
    }

    @Test("two workers run at once: each item waits for the other")
    func concurrent() {
        let pool = WorkerPool(threads: 2)
        let first = DispatchSemaphore(value: 0)
        let second = DispatchSemaphore(value: 0)
        let done = pool.map(count: 2, threads: 2) { i -> Bool in
            if i == 0 {
                first.signal()
                return second.wait(timeout: .now() + 10) == .success
            }
            second.signal()
            return first.wait(timeout: .now() + 10) == .success
        }
        #expect(done == [true, true])
    }

    @Test("a map inside a map body finishes, even with every pool thread busy")
    func nested() {
        let pool = WorkerPool(threads: 1)
        let sums = pool.map(count: 3, threads: 3) { i in pool.map(count: 4, threads: 4) { $0 + i }.reduce(0, +) }
        #expect(sums == [6, 10, 14])
    }
}
