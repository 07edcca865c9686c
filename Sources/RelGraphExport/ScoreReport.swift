import Foundation

/// Scores of one measure in the three output formats of `relgraph analyze`:
/// JSON `{"measure", "era", "scores": {"<node>": value}}`, CSV `node,<measure>`, and an aligned table.
public struct ScoreReport: Sendable {
    public enum Format: String, CaseIterable, Sendable { case json, csv, table }

    public var measure: String
    public var era: String?
    public var ranked: [(name: String, score: Double)]

    public init(measure: String, era: String?, ranked: [(name: String, score: Double)]) {
        self.measure = measure
        self.era = era
        self.ranked = ranked
    }

    public func render(_ format: Format) throws -> String {
        switch format {
        case .json:
            let object: [String: Any] = [
                "measure": measure, "era": era ?? NSNull(),
                "scores": Dictionary(uniqueKeysWithValues: ranked.map { ($0.0, $0.1) }),
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            return String(decoding: data, as: UTF8.self) + "\n"
        case .csv:
            return CSV.row(["node", measure]) + ranked.map { CSV.row([$0.0, CSV.number($0.1)]) }.joined()
        case .table:
            let width = max(4, ranked.map(\.0.count).max() ?? 0)
            var out = "rank  " + "node".padding(toLength: width, withPad: " ", startingAt: 0) + "  \(measure)\n"
            for (i, (name, value)) in ranked.enumerated() {
                let rank = String(i + 1).padding(toLength: 4, withPad: " ", startingAt: 0)
                out += "\(rank)  \(name.padding(toLength: width, withPad: " ", startingAt: 0))  \(value)\n"
            }
            return out
        }
    }
}
