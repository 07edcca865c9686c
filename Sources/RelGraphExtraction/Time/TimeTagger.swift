import RelGraphKnowledge

/// Finds the time a sentence speaks of in its own words: years, ranges ("1950-1953", "1950–53",
/// "1991-Present"), decades and parts of decades ("the early 2000s"), named periods from the knowledge base, and
/// expressions relative to the document date. Scope rules (paragraph, heading, document) are applied by the
/// extractor, which sees the sentences in order.
struct TimeTagger {
    let words: TokenText
    /// Year of the document's date, for "recently" and "present".
    let documentYear: Int?
    /// The year "present" means when the document has no date.
    let presentYear: Int

    var text: UnsafeBufferPointer<UInt8> { words.text }
    var tokens: [Token] { words.tokens }

    /// Leading digits of a token and the letters after them ("1960s" → (1960, 4, 1 letter, "s")).
    func number(_ k: Int) -> (value: Int, digits: Int, suffix: Suffix)? {
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
        let rest = Int(t.end) - i
        let suffix: Suffix = rest == 0 ? .none : (rest == 1 && text[i] | 0x20 == UInt8(ascii: "s")) ? .decade : .other
        return (value, digits, suffix)
    }

    enum Suffix { case none, decade, other }

    /// The first explicit time expression among `range`'s tokens.
    func explicitTime(in range: Range<Int>) -> TimeSpan? {
        for k in range {
            if let time = explicitTime(at: k, in: range) { return time }
        }
        return nil
    }

    /// The explicit time expression starting at token `k` (a year, range, decade or part of one), or nil.
    func explicitTime(at k: Int, in range: Range<Int>) -> TimeSpan? {
        guard let (value, digits, suffix) = number(k), digits == 4, (1800...2100).contains(value), suffix != .other
        else { return nil }
        let before = tokens[k].start > 0 ? text[Int(tokens[k].start) - 1] : 0x20
        let after = Int(tokens[k].end) < text.count ? text[Int(tokens[k].end)] : 0x20
        if before == UInt8(ascii: "$") || after == UInt8(ascii: "%") { return nil }
        if k + 1 < range.upperBound, tokens[k + 1].gap == .space, words.is(k + 1, .unit) { return nil }
        // "from 1967 to 1970": a range.
        if k + 2 < range.upperBound, k - 1 >= range.lowerBound, words.word(k + 1) == "to", words.word(k - 1) == "from", let (next, nextDigits, nextSuffix) = number(k + 2), nextDigits == 4,
            nextSuffix == .none, next >= value, next - value < 200
        {
            return TimeSpan(start: value, end: next, dating: .sentence)
        }
        if suffix == .decade || (k + 1 < range.upperBound && tokens[k + 1].gap == .apostrophe && words.is(k + 1, .possessive)) {
            // A decade ("the 1960s", "the 1960's"), or part of one.
            var start = value
            var end = value + 9
            if words.is(k - 1, .early) {
                end = value + 3
            } else if words.is(k - 1, .middle) {
                start = value + 3
                end = value + 6
            } else if words.is(k - 1, .late) {
                start = value + 6
            }
            if suffix == .decade || value % 10 == 0 { return TimeSpan(start: start, end: end, dating: .sentence) }
        }
        // A range: 1950-1953, 1950–53, 1991-Present.
        if k + 1 < range.upperBound, tokens[k + 1].gap == .hyphen {
            if let (next, nextDigits, nextSuffix) = number(k + 1), nextSuffix == .none {
                if nextDigits == 4, next >= value, next - value < 200 {
                    return TimeSpan(start: value, end: next, dating: .sentence)
                }
                if nextDigits == 2 {
                    var end = value - value % 100 + next
                    if end < value { end += 100 }
                    return TimeSpan(start: value, end: end, dating: .sentence)
                }
            } else if words.is(k + 1, .present) {
                return TimeSpan(start: value, end: Swift.max(value, documentYear ?? presentYear), dating: .sentence)
            }
        }
        return TimeSpan(start: value, dating: .sentence)
    }

    /// The first named period in `matches` that dates its sentence. Adjectival uses ("Soviet-era equipment") and
    /// reference points ("since the Cold War", "a legacy of the split") do not; "after"/"post-" a period dates the
    /// year after its end.
    func periodTime(_ matches: [(match: NameMatch, period: NamedPeriod)]) -> TimeSpan? {
        for (match, period) in matches {
            let first = match.tokens.lowerBound
            let last = match.tokens.upperBound - 1
            let allHyphenated = match.tokens.count > 1 && match.tokens.dropFirst().allSatisfy { tokens[$0].gap == .hyphen }
            if allHyphenated, last + 1 < tokens.count, tokens[last + 1].gap == .space { continue }
            let previous = [first - 1, first - 2, first - 3]
            if previous.contains(where: { words.is($0, .reference) }) { continue }
            let next = words.is(last + 1, .possessive) ? last + 2 : last + 1
            if words.is(next, .end) { continue }
            // Never later than the document's date (or now): "after the Ukraine war", a period still going on,
            // is the present, not the year after it.
            let now = documentYear ?? presentYear
            if previous.contains(where: { words.is($0, .after) }) {
                let year = Swift.min((period.end ?? now) + 1, now)
                guard year >= period.start else { return nil }
                return TimeSpan(start: year, dating: .period)
            }
            guard period.start <= now else { return nil }
            return TimeSpan(start: period.start, end: Swift.min(period.end ?? now, now), dating: .period)
        }
        return nil
    }

    /// "recently", "in recent years", "currently", "last year", "this year", "the first visit in 24 years" —
    /// against the document's date.
    func relativeTime(in range: Range<Int>) -> TimeSpan? {
        guard let documentYear else { return nil }
        for k in range {
            if words.is(k, .recent) { return TimeSpan(start: documentYear, dating: .relative) }
            if words.is(k, .year) && words.is(k - 1, .last) { return TimeSpan(start: documentYear - 1, dating: .relative) }
            if words.is(k, .year) && words.is(k - 1, .this) { return TimeSpan(start: documentYear, dating: .relative) }
            // "his first visit in 24 years": the visit is now, the number counts back from it.
            if words.is(k, .years) && words.is(k - 2, .inWord), let (_, digits, suffix) = number(k - 1), digits <= 3, suffix == .none {
                return TimeSpan(start: documentYear, dating: .relative)
            }
        }
        return nil
    }
}
