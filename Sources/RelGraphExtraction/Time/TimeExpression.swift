import RelGraphCore

/// The span of years a sentence speaks of, and how that was established.
public struct TimeSpan: Sendable, Equatable {
    public var start: Int
    /// Last year of a range ("1950-1953", "the 1960s"); equal to `start` for a single year.
    public var end: Int
    public var dating: Dating

    /// Where a sentence's time comes from (the model's enum, written to graph.json as is).
    public typealias Dating = Evidence.Dating

    public init(start: Int, end: Int? = nil, dating: Dating) {
        self.start = start
        self.end = Swift.max(start, end ?? start)
        self.dating = dating
    }

    func with(_ dating: Dating) -> TimeSpan { TimeSpan(start: start, end: end, dating: dating) }
}
