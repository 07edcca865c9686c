import RelGraphKnowledge

/// What the cleaner removed from one document, for the run summary and for audits.
public struct CleaningReport: Sendable, Equatable {
    /// Lines blanked by a boilerplate rule.
    public var boilerplateLines = 0
    /// Injected phrases found (a headline fragment glued into sentences), and how many occurrences were blanked.
    public var injectedPhrases: [String] = []
    public var injectedOccurrences = 0
    /// Lines blanked as a repeat or a truncated copy of an earlier line.
    public var repeatedLines = 0
}

/// Blanks what is not article text, keeping every byte offset: the result has the same length as the input, with
/// removed bytes overwritten by spaces (newlines are kept, so lines stay lines).
///
/// Steps: HTML markup (for HTML documents); lines and phrases matched by the rules of `boilerplate.tsv`; injected
/// phrases — a multi-word capitalised phrase glued without a space after punctuation (",Strengthening Ties") at
/// least twice, or once if it also opens the first line (a headline fragment); and repeated or truncated copies of
/// the page's opening lines (headline echoes, breadcrumbs).
struct BoilerplateCleaner: Sendable {
    private let lineRules: [[UInt8]]
    private let containingRules: [[UInt8]]
    private let fromRules: [[UInt8]]
    private let phraseRules: [[UInt8]]

    /// Glob rules apply only to short lines: a rule such as "By *" is meant for bylines, not for paragraphs.
    static let maxGlobLineLength = 100
    /// How many opening lines are compared for headline echoes.
    static let headlineWindow = 12
    /// At most this many letters of junk in front of a headline echo ("WorldAsia" + headline).
    static let maxEchoPrefix = 24

    init(rules: [BoilerplateRule]) {
        lineRules = rules.filter { $0.kind == .line }.map { Array($0.pattern.utf8) }
        containingRules = rules.filter { $0.kind == .lineContaining }.map { Array($0.pattern.utf8) }
        fromRules = rules.filter { $0.kind == .from }.map { Array($0.pattern.utf8) }
        phraseRules = rules.filter { $0.kind == .phrase }.map { Array($0.pattern.utf8) }
    }

    func clean(_ original: [UInt8], isHTML: Bool) -> (text: [UInt8], report: CleaningReport) {
        var text = original
        var report = CleaningReport()
        if isHTML { HTMLText.blank(&text) }
        applyRules(&text, &report)
        removeInjectedPhrases(&text, &report)
        removeHeadlineEchoes(&text, &report)
        return (text, report)
    }

    private static func lines(_ text: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for (i, b) in text.enumerated() where b == 0x0A {
            result.append(start..<i)
            start = i + 1
        }
        result.append(start..<text.count)
        return result
    }

    private static func blank(_ text: inout [UInt8], _ range: Range<Int>) {
        for k in range where text[k] != 0x0A { text[k] = 0x20 }
    }

    private func applyRules(_ text: inout [UInt8], _ report: inout CleaningReport) {
        for line in Self.lines(text) {
            let trimmed = ByteSearch.trimmed(text, line)
            if trimmed.isEmpty { continue }
            if trimmed.count <= Self.maxGlobLineLength,
                lineRules.contains(where: { ByteSearch.globMatches($0, text[trimmed]) })
            {
                Self.blank(&text, line)
                report.boilerplateLines += 1
                continue
            }
            if containingRules.contains(where: { ByteSearch.find($0, in: text, from: line.lowerBound, end: line.upperBound) != nil }) {
                Self.blank(&text, line)
                report.boilerplateLines += 1
                continue
            }
            for rule in fromRules {
                if let at = ByteSearch.find(rule, in: text, from: line.lowerBound, end: line.upperBound) {
                    Self.blank(&text, at..<line.upperBound)
                    report.boilerplateLines += 1
                }
            }
            for rule in phraseRules {
                var from = line.lowerBound
                while let at = ByteSearch.find(rule, in: text, from: from, end: line.upperBound) {
                    Self.blank(&text, at..<(at + rule.count))
                    from = at + rule.count
                }
            }
        }
    }

    @inline(__always) private static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// A phrase of 2–5 capitalised words starting at `i`, separated by single spaces; its end, or nil.
    private static func capitalisedPhrase(_ text: [UInt8], at i: Int) -> Int? {
        var k = i
        var words = 0
        var end = i
        while k < text.count, isUpper(text[k]), words < 5 {
            var w = k
            while w < text.count && isLetter(text[w]) { w += 1 }
            words += 1
            end = w
            guard w + 1 < text.count, text[w] == 0x20, isUpper(text[w + 1]) else { break }
            k = w + 1
        }
        return words >= 2 ? end : nil
    }

    private func removeInjectedPhrases(_ text: inout [UInt8], _ report: inout CleaningReport) {
        // Candidates: capitalised phrases glued to a preceding , ; or . with no space.
        var counts: [[UInt8]: Int] = [:]
        var i = 1
        while i < text.count {
            let p = text[i - 1]
            if (p == UInt8(ascii: ",") || p == UInt8(ascii: ";")) && Self.isUpper(text[i]),
                let end = Self.capitalisedPhrase(text, at: i)
            {
                counts[Array(text[i..<end]), default: 0] += 1
                i = end
                continue
            }
            i += 1
        }
        guard !counts.isEmpty else { return }
        let firstLine = Self.lines(text).first { !ByteSearch.trimmed(text, $0).isEmpty } ?? 0..<0
        for (phrase, count) in counts.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            let inHeadline = ByteSearch.find(phrase, in: text, from: firstLine.lowerBound, end: firstLine.upperBound) != nil
            guard count >= 2 || (count >= 1 && inHeadline) else { continue }
            report.injectedPhrases.append(String(decoding: phrase, as: UTF8.self))
            var from = 0
            while let at = ByteSearch.find(phrase, in: text, from: from, end: text.count) {
                let end = at + phrase.count
                // Whole words only.
                let before = at == 0 ? 0x20 : text[at - 1]
                let after = end < text.count ? text[end] : 0x20
                if !Self.isLetter(before) && !Self.isLetter(after) {
                    Self.blank(&text, at..<end)
                    report.injectedOccurrences += 1
                }
                from = end
            }
        }
    }

    private func removeHeadlineEchoes(_ text: inout [UInt8], _ report: inout CleaningReport) {
        var seen: [(range: Range<Int>, key: [UInt8])] = []
        var seenKeys = Set<[UInt8]>()
        for line in Self.lines(text) {
            let trimmed = ByteSearch.trimmed(text, line)
            if trimmed.isEmpty { continue }
            let key = ByteSearch.normalisedKey(text, trimmed)
            guard key.count >= 15 else { continue }
            // An exact repeat of a line anywhere earlier: a duplicated paragraph or heading.
            if seenKeys.contains(key) {
                Self.blank(&text, line)
                report.repeatedLines += 1
                continue
            }
            if seen.count < Self.headlineWindow {
                if seen.contains(where: { $0.key.count > key.count && $0.key.starts(with: key) }) {
                    // A truncated copy of an earlier line ("Strengthening Ties: … and Russia’s:-").
                    Self.blank(&text, line)
                    report.repeatedLines += 1
                    continue
                }
                if let earlier = seen.firstIndex(where: {
                    $0.key.count > key.count && $0.key.count - key.count <= Self.maxEchoPrefix
                        && $0.key.reversed().starts(with: key.reversed())
                }) {
                    // An earlier line is this one with junk in front (a breadcrumb glued to the headline).
                    Self.blank(&text, seen[earlier].range)
                    report.repeatedLines += 1
                }
                seen.append((line, key))
            }
            seenKeys.insert(key)
        }
    }
}
