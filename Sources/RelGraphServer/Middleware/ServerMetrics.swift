import Foundation
import Hummingbird
import Synchronization

/// Request counts and latencies per route and status, kept in memory and served at `/metrics` in Prometheus'
/// text format with the store's own figures.
final class ServerMetrics: Sendable {
    struct Series: Hashable {
        var method: String
        var route: String
        var status: Int
    }

    /// Upper bounds of the latency histogram's buckets, in seconds.
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    struct Histogram {
        var counts = [Int](repeating: 0, count: ServerMetrics.buckets.count)
        var count = 0
        var sum = 0.0
    }

    private let state = Mutex<[Series: Histogram]>([:])

    func record(method: String, route: String, status: Int, seconds: Double) {
        state.withLock { series in
            var h = series[Series(method: method, route: route, status: status), default: Histogram()]
            h.count += 1
            h.sum += seconds
            for (i, bound) in Self.buckets.enumerated() where seconds <= bound { h.counts[i] += 1 }
            series[Series(method: method, route: route, status: status)] = h
        }
    }

    /// The text exposition; `gauges` are added as they are (name, help, value).
    func exposition(gauges: [(name: String, help: String, value: Double)]) -> String {
        let snapshot = state.withLock { $0 }
        let keys = snapshot.keys.sorted { ($0.route, $0.method, $0.status) < ($1.route, $1.method, $1.status) }
        var out = "# HELP relgraph_http_requests_total Requests answered, by method, route and status.\n"
        out += "# TYPE relgraph_http_requests_total counter\n"
        for key in keys {
            out += "relgraph_http_requests_total{\(labels(key))} \(snapshot[key]!.count)\n"
        }
        out += "# HELP relgraph_http_request_duration_seconds Time to answer, by method, route and status.\n"
        out += "# TYPE relgraph_http_request_duration_seconds histogram\n"
        for key in keys {
            let h = snapshot[key]!
            for (i, bound) in Self.buckets.enumerated() {
                out += "relgraph_http_request_duration_seconds_bucket{\(labels(key)),le=\"\(bound)\"} \(h.counts[i])\n"
            }
            out += "relgraph_http_request_duration_seconds_bucket{\(labels(key)),le=\"+Inf\"} \(h.count)\n"
            out += "relgraph_http_request_duration_seconds_sum{\(labels(key))} \(h.sum)\n"
            out += "relgraph_http_request_duration_seconds_count{\(labels(key))} \(h.count)\n"
        }
        for gauge in gauges {
            out += "# HELP \(gauge.name) \(gauge.help)\n# TYPE \(gauge.name) gauge\n\(gauge.name) \(gauge.value)\n"
        }
        return out
    }

    private func labels(_ key: Series) -> String {
        "method=\"\(key.method)\",route=\"\(escape(key.route))\",status=\"\(key.status)\""
    }

    private func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}

/// Times every request and records it in ``ServerMetrics`` under its route pattern (not its concrete path, so
/// that document ids do not make a series each).
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        metrics.record(
            method: request.method.rawValue, route: context.endpointPath ?? "unmatched", status: response.status.code,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        return response
    }
}
