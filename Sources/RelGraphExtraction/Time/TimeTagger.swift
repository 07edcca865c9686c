import RelGraphKnowledge

/// Finds the time a sentence speaks of in its own words: years, ranges ("1950-1953", "1950–53",
/// "1991-Present"), decades and parts of decades ("the early 2000s"), named periods from the knowledge base, and
/// expressions relative to the document date. Scope rules (paragraph, heading, document) are applied by the
/// extractor, which sees the sentences in order.
struct TimeTagger {
    let text: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    /// Year of the document's date, for "recently" and "present".
    let documentYear: Int?
    /// The year "present" means when the document has no date.
    let presentYear: Int

    static let units: Set<String> = [
        "billion", "million", "thousand", "km", "kilometres", "kilometers", "miles", "troops", "soldiers", "people",
        "tons", "tonnes", "dollars", "usd", "barrels", "units", "kg", "mw", "percent",
    ]
    static let presentWords: Set<String> = ["present", "today", "now", "date"]
    static let afterWords: Set<String> = ["after", "post", "following", "aftermath"]
    static let referenceWords: Set<String> = ["since", "before", "until", "pre", "prior", "legacy", "memory", "memories", "lessons"]

    func word(_ k: Int) -> String {
        guard k >= 0 && k < tokens.count else { return "" }
        var s = ""
        for i in Int(tokens[k].start)..<Int(tokens[k].end) {
            let b = text[i]
            s.unicodeScalars.append(Unicode.Scalar((b >= 0x41 && b <= 0x5A) ? b | 0x20 : b))
        }
        return s
    }

    /// Leading digits of a token and what follows them ("1960s" → (1960, 4, "s")).
    func number(_ k: Int) -> (value: Int, digits: Int, suffix: String)? {
        let t = tokens[k]
        guard t.isNumeric else { return nil }
        var value = 0
        var i = Int(t.start)
        var digits = 0
        while i < Int(t.end), text[i] >= 0x30, text[i] <= 0x39, digits < 9 {
            value = value * 10 + Int(text[i] - 0x30)
            i += 1
            digits += 1
        }
        var suffix = ""
        while i < Int(t.end) {
            suffix.unicodeScalars.append(Unicode.Scalar(text[i] | 0x20))
            i += 1
        }
        return (value, digits, suffix)
    }

    /// The first explicit time expression among `range`'s tokens.
    func explicitTime(in range: Range<Int>) -> TimeSpan? {
        for k in range {
            guard let (value, digits, suffix) = number(k), digits == 4, (1800...2100).contains(value) else { continue }
            guard suffix.isEmpty || suffix == "s" || suffix == "'s" else { continue }
            let before = tokens[k].start > 0 ? text[Int(tokens[k].start) - 1] : 0x20
            let after = Int(tokens[k].end) < text.count ? text[Int(tokens[k].end)] : 0x20
            if before == UInt8(ascii: "$") || after == UInt8(ascii: "%") { continue }
            if k + 1 < range.upperBound, tokens[k + 1].gap == .space, Self.units.contains(word(k + 1)) { continue }
            if suffix == "s" {
                // A decade, or part of one.
                var start = value
                var end = value + 9
                switch word(k - 1) {
                case "early": end = value + 3
                case "mid": start = value + 3; end = value + 6
                case "late": start = value + 6
                default: break
                }
                return TimeSpan(start: start, end: end, dating: .sentence)
            }
            // A range: 1950-1953, 1950–53, 1991-Present.
            if k + 1 < range.upperBound, tokens[k + 1].gap == .hyphen {
                if let (next, nextDigits, nextSuffix) = number(k + 1), nextSuffix.isEmpty {
                    if nextDigits == 4, next >= value, next - value < 200 {
                        return TimeSpan(start: value, end: next, dating: .sentence)
                    }
                    if nextDigits == 2 {
                        var end = value - value % 100 + next
                        if end < value { end += 100 }
                        return TimeSpan(start: value, end: end, dating: .sentence)
                    }
                } else if Self.presentWords.contains(word(k + 1)) {
                    return TimeSpan(start: value, end: Swift.max(value, documentYear ?? presentYear), dating: .sentence)
                }
            }
            return TimeSpan(start: value, dating: .sentence)
        }
        return nil
    }

    /// The first named period in `matches` that dates its sentence. Adjectival uses ("Soviet-era equipment") and
    /// reference points ("since the Cold War") do not; "after"/"post-" a period dates the year after its end.
    func periodTime(_ matches: [(match: NameMatch, period: NamedPeriod)]) -> TimeSpan? {
        for (match, period) in matches {
            let first = match.tokens.lowerBound
            let last = match.tokens.upperBound - 1
            let allHyphenated = match.tokens.count > 1 && match.tokens.dropFirst().allSatisfy { tokens[$0].gap == .hyphen }
            if allHyphenated, last + 1 < tokens.count, tokens[last + 1].gap == .space { continue }
            let previous = [word(first - 1), word(first - 2), word(first - 3)]
            if previous.contains(where: Self.referenceWords.contains) { continue }
            let next = word(last + 1) == "s" ? word(last + 2) : word(last + 1)
            if next == "end" || next == "ended" || next == "collapse" { continue }
            if previous.contains(where: Self.afterWords.contains) {
                let year = (period.end ?? presentYear) + 1
                return TimeSpan(start: year, dating: .period)
            }
            return TimeSpan(start: period.start, end: period.end ?? Swift.max(period.start, documentYear ?? presentYear), dating: .period)
        }
        return nil
    }

    /// "recently", "in recent years", "currently", "last year", "this year" — against the document's date.
    func relativeTime(in range: Range<Int>) -> TimeSpan? {
        guard let documentYear else { return nil }
        for k in range {
            switch word(k) {
            case "recent", "recently", "currently", "nowadays":
                return TimeSpan(start: documentYear, dating: .relative)
            case "year" where word(k - 1) == "last":
                return TimeSpan(start: documentYear - 1, dating: .relative)
            case "year" where word(k - 1) == "this":
                return TimeSpan(start: documentYear, dating: .relative)
            default:
                continue
            }
        }
        return nil
    }
}
