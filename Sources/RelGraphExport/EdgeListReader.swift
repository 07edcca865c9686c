import RelGraphAnalysis

/// Reads an edge list: one edge `u v [w]` per line, fields separated by spaces, tabs or commas; `#` starts a
/// comment; a missing weight is 1. Node names are kept in order of first appearance.
public enum EdgeListReader {
    public static func read(_ text: String, file: String) throws -> WeightedGraph {
        var names: [String] = []
        var index: [String: Int] = [:]
        var edges: [(u: Int, v: Int, weight: Double)] = []
        func id(_ name: Substring) -> Int {
            let key = String(name)
            if let i = index[key] { return i }
            index[key] = names.count
            names.append(key)
            return names.count - 1
        }
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\r" })
            if fields.isEmpty { continue }
            guard fields.count == 2 || fields.count == 3 else {
                throw GraphInputError(file: file, line: lineNumber, message: "expected \"u v [weight]\", found \(fields.count) fields")
            }
            var weight = 1.0
            if fields.count == 3 {
                guard let w = Double(fields[2]), w.isFinite else {
                    throw GraphInputError(file: file, line: lineNumber, message: "weight \"\(fields[2])\" is not a number")
                }
                guard w > 0 else {
                    throw GraphInputError(file: file, line: lineNumber, message: "weight \(fields[2]) must be positive (distances are 1/weight)")
                }
                weight = w
            }
            edges.append((id(fields[0]), id(fields[1]), weight))
        }
        return WeightedGraph(names: names, edges: edges)
    }
}
