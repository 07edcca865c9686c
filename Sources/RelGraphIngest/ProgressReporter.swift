import Foundation
import Synchronization

/// Shows how an ingest is going: on a terminal, one line redrawn in place (a bar, documents done/total, documents
/// per second, time left); otherwise a plain line every few seconds, so logs stay readable.
///
/// ```text
/// [##########..........]  512/1024 documents  210.4/s  ETA 2s
/// relgraph ingest: 512/1024 documents, 210.4/s, ETA 2s
/// ```
public final class ProgressReporter: Sendable {
    private struct State {
        var lastPrint: ContinuousClock.Instant?
        var drewBar = false
    }

    private let started = ContinuousClock.now
    private let interactive: Bool
    private let interval: Duration
    private let write: @Sendable (String) -> Void
    private let state = Mutex(State())

    /// `interactive`: whether the output is a terminal (a bar redrawn in place) or a log (periodic lines).
    public init(interactive: Bool, interval: Duration = .seconds(2), write: @escaping @Sendable (String) -> Void) {
        self.interactive = interactive
        self.interval = interval
        self.write = write
    }

    /// Progress to standard error, a bar when it is a terminal.
    public static func standardError() -> ProgressReporter {
        ProgressReporter(interactive: isatty(STDERR_FILENO) == 1) { FileHandle.standardError.write(Data($0.utf8)) }
    }

    public func update(done: Int, total: Int) {
        let now = ContinuousClock.now
        let line: String? = state.withLock { state in
            let due = state.lastPrint.map { now - $0 >= (interactive ? .milliseconds(100) : interval) } ?? true
            guard due || done == total else { return nil }
            state.lastPrint = now
            let elapsed = seconds(now - started)
            let rate = elapsed > 0 ? Double(done) / elapsed : 0
            let eta = rate > 0 ? Double(total - done) / rate : 0
            let figures = "\(done)/\(total) documents, \(String(format: "%.1f", rate))/s, ETA \(Int(eta.rounded(.up)))s"
            if interactive {
                state.drewBar = true
                let width = 20
                let filled = total > 0 ? width * done / total : width
                let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
                return "\r[\(bar)] \(figures)\u{1B}[K"
            }
            return "relgraph ingest: \(figures)\n"
        }
        if let line { write(line) }
    }

    /// Ends the bar's line on a terminal.
    public func finish() {
        if state.withLock({ $0.drewBar }) { write("\n") }
    }

    private func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
