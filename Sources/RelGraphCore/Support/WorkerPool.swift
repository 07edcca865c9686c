import Foundation
import Synchronization

/// One long-lived pool of worker threads for the whole process (one per core, started on first use), and a
/// parallel `map` over it that runs `body(i)` for `i` in `0..<count` with at most `threads` workers, each taking the
/// next index as it finishes the last, and returns the results in index order.
///
/// ```swift
/// let lengths = WorkerPool.map(count: files.count, threads: 2) { i in files[i].count }
/// ```
///
/// No thread is started per call: jobs wait in the pool's queue, so concurrent callers (requests of a server)
/// share the cores instead of multiplying threads. A caller that is not the main thread works on its own items
/// too, and waits only for items already being worked on, so a `map` inside a `map` body always makes progress;
/// the main thread only waits (glibc serves the main
/// thread from the main malloc arena, which measured here made single-threaded extraction 2× slower).
public final class WorkerPool: Sendable {
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// The process's pool.
    public static let shared = WorkerPool(threads: defaultThreads)

    public let threadCount: Int
    private let queue = Mutex<[@Sendable () -> Void]>([])
    private let pending = DispatchSemaphore(value: 0)

    /// Starts `threads` workers that live as long as the process.
    public init(threads: Int) {
        threadCount = max(1, threads)
        for _ in 0..<threadCount {
            let thread = Thread { [self] in
                while true {
                    pending.wait()
                    let job = queue.withLock { $0.removeFirst() }
                    job()
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private func submit(_ job: @escaping @Sendable () -> Void) {
        queue.withLock { $0.append(job) }
        pending.signal()
    }

    /// `body(i)` for every `i` in `0..<count` on the shared pool, with at most `threads` workers at once.
    public static func map<T: Sendable>(count: Int, threads: Int = defaultThreads, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        shared.map(count: count, threads: threads, body)
    }

    public func map<T: Sendable>(count: Int, threads: Int = WorkerPool.defaultThreads, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let work = MapWork(count: count, body: body)
        let participates = !Thread.isMainThread
        let helpers = max(participates ? 0 : 1, min(threads, count) - (participates ? 1 : 0))
        for _ in 0..<helpers { submit { work.drain() } }
        if participates { work.drain() }
        // Wait only for the items others have taken (a helper that starts after every item is taken just returns):
        // no one waits for a queued job, so a map inside a map body cannot deadlock the pool.
        work.finished.wait()
        return work.results()
    }
}

/// The shared state of one `map`: the next index to take, and the results so far.
private final class MapWork<T: Sendable>: Sendable {
    let count: Int
    let body: @Sendable (Int) -> T
    let next = Atomic<Int>(0)
    let done = Atomic<Int>(0)
    /// Signalled once, when the last item is done.
    let finished = DispatchSemaphore(value: 0)
    let slots: Mutex<[T?]>

    init(count: Int, body: @escaping @Sendable (Int) -> T) {
        self.count = count
        self.body = body
        slots = Mutex(Array(repeating: nil, count: count))
    }

    /// Takes indices until none is left.
    func drain() {
        while true {
            let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard i < count else { return }
            let value = body(i)
            slots.withLock { $0[i] = value }
            if done.wrappingAdd(1, ordering: .acquiringAndReleasing).newValue == count { finished.signal() }
        }
    }

    func results() -> [T] { slots.withLock { $0.map { $0! } } }
}
