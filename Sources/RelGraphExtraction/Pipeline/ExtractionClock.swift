import Foundation

/// Where extraction learns the present year: the year "1991-Present", an open tenure or an open-ended period ends
/// in when the document itself has no date, and the cap on dates read relative to now.
///
/// Injected, and read once per document rather than fixed when the extractor is made, so that a long-running
/// service crossing New Year dates new documents by the new year, and tests can pin the present.
/// ```swift
/// let extractor = DocumentExtractor(index: index, clock: .fixed(2025))
/// ```
public struct ExtractionClock: Sendable {
    private let readYear: @Sendable () -> Int

    /// A clock reading `year` each time it is asked.
    public init(year: @escaping @Sendable () -> Int) { readYear = year }

    /// The system's calendar year (Gregorian, the process's time zone). Read through the C library's `localtime_r`
    /// — a few hundred nanoseconds, where making a Foundation `Calendar` for each document cost more than some
    /// documents' extraction.
    public static let system = ExtractionClock {
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil else { return Calendar(identifier: .gregorian).component(.year, from: Date()) }
        return Int(parts.tm_year) + 1900
    }

    /// A clock standing still in `year`.
    public static func fixed(_ year: Int) -> ExtractionClock { ExtractionClock { year } }

    /// The present year, now.
    public func currentYear() -> Int { readYear() }
}
