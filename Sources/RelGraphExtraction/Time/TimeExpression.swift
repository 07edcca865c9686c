/// The span of years a sentence speaks of, and how that was established.
public struct TimeSpan: Sendable, Equatable {
    public var start: Int
    /// Last year of a range ("1950-1953", "the 1960s"); equal to `start` for a single year.
    public var end: Int
    public var dating: Dating

    /// Where a sentence's time comes from, in order of precedence.
    public enum Dating: String, Sendable {
        /// a year, range, decade or month-and-year in the sentence itself
        case sentence
        /// a named period in the sentence ("during the Korean War")
        case period
        /// the tenure of a leader the sentence places it under ("under President X")
        case tenure
        /// the year of a known agreement the sentence names ("the Six-Party Talks" → 2003)
        case agreement
        /// a relative expression resolved against the document date ("recently", "last year")
        case relative
        /// an earlier sentence of the same paragraph
        case paragraph
        /// the heading of the section ("Soviet Era (1948-1991):")
        case heading
        /// the document's date
        case document
    }

    public init(start: Int, end: Int? = nil, dating: Dating) {
        self.start = start
        self.end = Swift.max(start, end ?? start)
        self.dating = dating
    }

    func with(_ dating: Dating) -> TimeSpan { TimeSpan(start: start, end: end, dating: dating) }
}
