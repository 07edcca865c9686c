/// A time expression at its place in a sentence, for dating each event by the expression nearest to it.
struct TimeMention: Sendable {
    enum Kind: Sendable {
        /// a year, range or decade ("in 1988", "from 1967 to 1970", "the 1960s")
        case absolute(TimeSpan)
        /// years after (or, negative, before) the event before it: "two years later", "the following year",
        /// "a decade earlier", "three years after …"
        case afterPrevious(Int)
        /// years from the document's date: "today", "on Monday", "this week" (0), "two decades ago" (−20)
        case fromDocument(Int)
    }

    /// Token position of the expression's first word.
    var position: Int
    var kind: Kind
    /// Whether "again" or "once more" comes just before it: a repeat of the event before, in another year.
    var isRepeat: Bool
    /// "three years after …", "two years before …": it dates what follows it, not the event before it.
    var datesFollowing = false
}

extension TimeTagger {
    /// Every time expression in `range`, in token order (appended to `mentions`).
    func mentions(in range: Range<Int>, into mentions: inout [TimeMention]) {
        var k = range.lowerBound
        while k < range.upperBound {
            if let span = explicitTime(at: k, in: range) {
                mentions.append(TimeMention(position: k, kind: .absolute(span), isRepeat: repeats(k, range)))
                // Past the range's second year ("1950-1953", "from 1967 to 1970").
                let start = k
                k += 1
                while k < range.upperBound, k <= start + 2, span.end != span.start,
                    number(k)?.value == span.end || words.word(k) == "to"
                {
                    k += 1
                }
                continue
            }
            if let (kind, width) = relative(at: k, in: range) {
                var mention = TimeMention(position: k, kind: kind, isRepeat: false)
                mention.datesFollowing = words.is(k + width - 1, .after) || words.is(k + width - 1, .reference)
                mentions.append(mention)
                k += width
                continue
            }
            k += 1
        }
    }

    /// "again in 1972", "once more in 1975": "again"/"more" within three words before.
    private func repeats(_ k: Int, _ range: Range<Int>) -> Bool {
        (1...3).contains { k - $0 >= range.lowerBound && words.is(k - $0, .again) }
    }

    /// A relative time expression starting at `k`, and how many tokens it spans.
    private func relative(at k: Int, in range: Range<Int>) -> (TimeMention.Kind, Int)? {
        let token = tokens[k]
        // Most words start no relative expression: one look at the word's roles settles them.
        guard token.isNumeric || !words.classes(k).isDisjoint(with: [.numberWord, .following, .presentMarker, .this, .last]) else {
            return nil
        }
        // "two years later", "a decade earlier", "three years after", "two decades ago", "ten weeks later"
        if k + 2 < range.upperBound, words.is(k + 1, .year) || words.is(k + 1, .years) || words.is(k + 1, .decade)
            || words.is(k + 1, .dayWord) || words.is(k + 1, .week),
            words.is(k, .numberWord) || (token.isNumeric && (number(k)?.digits ?? 9) <= 3)
        {
            let count = words.is(k, .numberWord) ? (NumberWords.values[words.word(k)] ?? 0) : (number(k)?.value ?? 0)
            let years: Int? =
                words.is(k + 1, .decade) ? count * 10 : words.is(k + 1, .year) || words.is(k + 1, .years) ? count
                : 0
            if let years, count > 0 {
                if words.is(k + 2, .ago) { return (.fromDocument(-years), 3) }
                if words.is(k + 2, .later) { return (.afterPrevious(years), 3) }
                if words.is(k + 2, .earlier) || words.is(k + 2, .after) { return (.afterPrevious(-years), 3) }
            }
        }
        // "the following year", "the next day"
        if words.is(k, .following), k + 1 < range.upperBound {
            if words.is(k + 1, .year) { return (.afterPrevious(1), 2) }
            if words.is(k + 1, .dayWord) { return (.afterPrevious(0), 2) }
        }
        // "today", "on Monday", "this week"; "last year", "this year"
        if words.is(k, .presentMarker) { return (.fromDocument(0), 1) }
        if words.is(k, .this), k + 1 < range.upperBound, words.is(k + 1, .week) || words.is(k + 1, .year) {
            return (.fromDocument(0), 2)
        }
        if words.is(k, .last), k + 1 < range.upperBound, words.is(k + 1, .year) { return (.fromDocument(-1), 2) }
        return nil
    }
}
