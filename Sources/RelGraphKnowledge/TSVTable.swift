import Foundation

/// A tab-separated data file: `#` comment lines, one header row naming the columns, then one record per line.
///
/// Lists inside a field are separated by `|`. Every error names the file and line.
struct TSVTable {
    struct Row {
        let line: Int
        let fields: [String]
        /// Column name → position, shared by every row of the table.
        let columns: [String: Int]

        subscript(_ column: String) -> String {
            guard let k = columns[column], k < fields.count else { return "" }
            return fields[k]
        }

        func list(_ column: String) -> [String] {
            self[column].split(separator: "|").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        }
    }

    let file: String
    let columns: [String]
    /// The line the header row is on.
    let headerLine: Int
    let rows: [Row]

    init(text: String, file: String) throws {
        self.file = file
        var columns: [String]?
        var headerLine = 0
        var positions: [String: Int] = [:]
        var rows: [Row] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.trimmingWhitespace().isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            guard let header = columns else {
                columns = fields
                headerLine = lineNumber
                for (k, name) in fields.enumerated() where positions[name] == nil { positions[name] = k }
                continue
            }
            guard fields.count <= header.count else {
                throw KnowledgeError(
                    file: file, line: lineNumber,
                    message: "\(fields.count) fields, but the header names \(header.count) columns (\(header.joined(separator: ", ")))")
            }
            rows.append(Row(line: lineNumber, fields: fields, columns: positions))
        }
        guard let columns else { throw KnowledgeError(file: file, line: lineNumber, message: "no header row") }
        self.columns = columns
        self.headerLine = headerLine
        self.rows = rows
    }

    /// The value of `column` as a year, or `nil` when empty; an error naming file, line and column otherwise.
    func year(_ row: Row, _ column: String) throws -> Int? {
        let text = row[column]
        if text.isEmpty { return nil }
        guard let value = Int(text), (-3000...3000).contains(value) else {
            throw KnowledgeError(file: file, line: row.line, message: "column \(column): \"\(text)\" is not a year")
        }
        return value
    }

    /// The value of `column` as year ranges ("1946-1989|2001-2003"), empty when the field is.
    func yearRanges(_ row: Row, _ column: String) throws -> [ClosedRange<Int>] {
        try row.list(column).map { text in
            let parts = text.split(separator: "-").map { Int($0.trimmingWhitespace()) }
            guard parts.count == 2, let low = parts[0], let high = parts[1], low <= high else {
                throw KnowledgeError(
                    file: file, line: row.line, message: "column \(column): \"\(text)\" is not a range of years such as 1946-1989")
            }
            return low...high
        }
    }

    func required(_ row: Row, _ column: String) throws -> String {
        let text = row[column]
        guard !text.isEmpty else {
            throw KnowledgeError(file: file, line: row.line, message: "column \(column) must not be empty")
        }
        return text
    }
}

/// A problem in a knowledge-base data file, with the file and line it is on.
public struct KnowledgeError: Error, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
