/// A named span of years that edges are grouped by: "Soviet era 1945–1991", "the 2010s".
///
/// `end == nil` means the era is still running ("2000–present"). Both bounds are inclusive years.
public struct Era: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var label: String
    public var start: Int?
    public var end: Int?

    public init(id: String, label: String, start: Int?, end: Int?) {
        self.id = id
        self.label = label
        self.start = start
        self.end = end
    }

    /// The bucket for evidence whose year is unknown or lies outside every era. It has no bounds.
    public static let undated = Era(id: "undated", label: "Undated or outside every era", start: nil, end: nil)

    /// Number of years of `first...last` that fall inside this era (0 when they do not meet).
    public func overlap(_ first: Int, _ last: Int) -> Int {
        guard let start else { return 0 }
        let hi = Swift.min(last, end ?? Int.max)
        let lo = Swift.max(first, start)
        return hi >= lo ? hi - lo + 1 : 0
    }

    enum CodingKeys: String, CodingKey { case id, label, start, end }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(label, forKey: .label)
        try c.encode(start, forKey: .start)  // explicit null: no lower bound
        try c.encode(end, forKey: .end)  // explicit null: "present"
    }
}

/// A bad era definition, from a manifest or from `--eras`; the message names the offending part.
public struct EraDefinitionError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The eras of a corpus: ordered, non-overlapping, each year placed in at most one era.
///
/// ```swift
/// let eras = try EraSet.parse("soviet:1945-1991,post-soviet:1992-1999,putin:2000-")
/// eras.era(forYear: 1950, through: 1953)?.id  // "soviet"
/// ```
public struct EraSet: Sendable, Equatable {
    public private(set) var eras: [Era]

    /// Sorts the eras by start year and checks that ids are unique, bounds ordered and spans disjoint.
    public init(_ eras: [Era]) throws {
        var seen = Set<String>()
        for era in eras {
            guard !era.id.isEmpty, era.id != Era.undated.id else {
                throw EraDefinitionError("era id \"\(era.id)\" is empty or reserved")
            }
            guard seen.insert(era.id).inserted else { throw EraDefinitionError("era id \"\(era.id)\" is defined twice") }
            guard let start = era.start else { throw EraDefinitionError("era \"\(era.id)\" has no start year") }
            if let end = era.end, end < start {
                throw EraDefinitionError("era \"\(era.id)\" ends (\(end)) before it starts (\(start))")
            }
        }
        let sorted = eras.sorted { $0.start! < $1.start! }
        for (a, b) in zip(sorted, sorted.dropFirst()) where (a.end ?? Int.max) >= b.start! {
            throw EraDefinitionError("eras \"\(a.id)\" and \"\(b.id)\" overlap")
        }
        self.eras = sorted
    }

    /// Parses `id:start-end,id:start-` (an open end means "present"); an optional label may follow as
    /// `id=Label:start-end`.
    public static func parse(_ spec: String) throws -> EraSet {
        var eras: [Era] = []
        for item in spec.split(separator: ",", omittingEmptySubsequences: false) {
            let part = item.trimmingWhitespace()
            guard let colon = part.lastIndex(of: ":") else {
                throw EraDefinitionError("era \"\(part)\" is not of the form id:start-end or id:start-")
            }
            let name = String(part[..<colon])
            let span = part[part.index(after: colon)...]
            let (id, label): (String, String) = {
                if let eq = name.firstIndex(of: "=") {
                    return (String(name[..<eq]), String(name[name.index(after: eq)...]))
                }
                return (name, name)
            }()
            let bounds = span.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            guard bounds.count == 2, let start = Int(bounds[0]) else {
                throw EraDefinitionError("era \"\(part)\": expected start-end years, e.g. \(id.isEmpty ? "x" : id):1945-1991")
            }
            var end: Int?
            if !bounds[1].isEmpty {
                guard let e = Int(bounds[1]) else {
                    throw EraDefinitionError("era \"\(part)\": end year \"\(bounds[1])\" is not a number")
                }
                end = e
            }
            eras.append(Era(id: id, label: label, start: start, end: end))
        }
        return try EraSet(eras)
    }

    /// One era per decade from the decade of `minYear` to that of `maxYear`: ids `1940s`, `1950s`, …
    public static func decades(from minYear: Int, through maxYear: Int) -> EraSet {
        let first = minYear - ((minYear % 10) + 10) % 10
        var eras: [Era] = []
        var decade = first
        while decade <= maxYear {
            eras.append(Era(id: "\(decade)s", label: "The \(decade)s", start: decade, end: decade + 9))
            decade += 10
        }
        // Disjoint and ordered by construction.
        return try! EraSet(eras)
    }

    /// The era that holds the most years of `first...last` (the earlier on a tie); `nil` if none holds any.
    public func era(forYear first: Int, through last: Int? = nil) -> Era? {
        let last = Swift.max(first, last ?? first)
        var best: Era?
        var bestOverlap = 0
        for era in eras {
            let o = era.overlap(first, last)
            if o > bestOverlap {
                best = era
                bestOverlap = o
            }
        }
        return best
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    public func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}
