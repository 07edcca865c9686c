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
///
/// Rules apply where the mess is and never erase content: an injected phrase is blanked only where it is glued
/// (a clean sentence elsewhere that says the same words keeps them), never when it holds a knowledge-base name
/// ("…allies,South Korea…" is a missing space, not spam), and an author-bio phrase ("is a seasoned") blanks its
/// line only when the line also has a word of the writing trade ("journalist", "editor").
struct BoilerplateCleaner: Sendable {
    private let lineRules: [[UInt8]]
    /// The rules that look inside a line (containing, from, phrase), lower-cased and laid out flat: rule `r`'s
    /// bytes are `ruleBytes[ruleOffsets[r] ..< ruleOffsets[r + 1]]`. `firstByteStarts` indexes, per byte value,
    /// the rules that begin with it (`firstByteRules[firstByteStarts[b] ..< firstByteStarts[b + 1]]`), so one pass
    /// over a line tries at each byte only those, with no per-byte allocation or reference counting.
    private let ruleKinds: [BoilerplateRule.Kind]
    private let ruleBytes: [UInt8]
    private let ruleOffsets: [Int]
    private let firstByteStarts: [Int]
    private let firstByteRules: [Int]
    /// Bit `b0 << 8 | b1`: some rule begins with byte `b0` (as written, or its capital) then lower-cased byte `b1`.
    /// Most word starts begin no rule; this settles them with one load instead of a pass over the rules of `b0`.
    private let firstTwoBytes: [UInt64]

    /// Glob rules apply only to short lines: a rule such as "By *" is meant for bylines, not for paragraphs.
    static let maxGlobLineLength = 100
    /// How many opening lines are compared for headline echoes.
    static let headlineWindow = 12
    /// Lines longer than this are paragraphs, not headlines (or copies of them).
    static let maxHeadlineLength = 400
    /// At most this many letters of junk in front of a headline echo ("WorldAsia" + headline).
    static let maxEchoPrefix = 24

    init(rules: [BoilerplateRule]) {
        lineRules = rules.filter { $0.kind == .line }.map { Array($0.pattern.utf8) }
        let inner = rules.filter { $0.kind != .line && !$0.pattern.isEmpty }
        ruleKinds = inner.map(\.kind)
        var bytes: [UInt8] = []
        var offsets = [0]
        var byFirst = [[Int]](repeating: [], count: 256)
        var twoBytes = [UInt64](repeating: 0, count: 65536 / 64)
        func allow(_ b0: UInt8, _ b1: UInt16?) {
            for second in b1.map({ [$0] }) ?? Array(0..<256) {
                let bit = Int(b0) << 8 | Int(second)
                twoBytes[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
        for (index, rule) in inner.enumerated() {
            let pattern = Array(rule.pattern.utf8).map(ByteSearch.lower)
            bytes += pattern
            offsets.append(bytes.count)
            byFirst[Int(pattern[0])].append(index)
            let second = pattern.count > 1 ? UInt16(pattern[1]) : nil  // a one-byte rule: any second byte
            allow(pattern[0], second)
            if pattern[0] >= 0x61 && pattern[0] <= 0x7A {
                byFirst[Int(pattern[0] & ~0x20)].append(index)
                allow(pattern[0] & ~0x20, second)
            }
        }
        firstTwoBytes = twoBytes
        ruleBytes = bytes
        ruleOffsets = offsets
        firstByteStarts = byFirst.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        firstByteRules = byFirst.flatMap { $0 }
    }

    /// - Parameter holdsName: whether a phrase's bytes contain a knowledge-base name (such a phrase is never blanked).
    func clean(
        _ original: [UInt8], isHTML: Bool, holdsName: (ArraySlice<UInt8>) -> Bool = { _ in false }
    ) -> (text: [UInt8], report: CleaningReport) {
        var text = original
        var report = CleaningReport()
        if isHTML { HTMLText.blank(&text) }
        let lines = Self.lines(text)  // blanking keeps every line where it is
        let glued = applyRules(&text, lines, &report)
        removeInjectedPhrases(&text, lines, candidates: glued, holdsName: holdsName, &report)
        removeHeadlineEchoes(&text, lines, &report)
        return (text, report)
    }

    private static func lines(_ text: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        result.reserveCapacity(text.count / 64)
        text.withUnsafeBufferPointer { buffer in
            var start = 0
            for i in 0..<buffer.count where buffer[i] == 0x0A {
                result.append(start..<i)
                start = i + 1
            }
            result.append(start..<buffer.count)
        }
        return result
    }

    private static func blank(_ text: inout [UInt8], _ range: Range<Int>) {
        for k in range where text[k] != 0x0A { text[k] = 0x20 }
    }

    /// Applies the rules line by line, and returns, from the same pass, the positions of capital letters glued to
    /// a preceding comma or semicolon (",Strengthening"): the candidates for injected phrases.
    private func applyRules(_ text: inout [UInt8], _ lines: [Range<Int>], _ report: inout CleaningReport) -> [Int] {
        var glued: [Int] = []
        for line in lines {
            let trimmed = ByteSearch.trimmed(text, line)
            if trimmed.isEmpty { continue }
            if trimmed.count <= Self.maxGlobLineLength,
                lineRules.contains(where: { ByteSearch.globMatches($0, text[trimmed]) })
            {
                Self.blank(&text, line)
                report.boilerplateLines += 1
                continue
            }
            // One pass over the line, trying at each byte only the rules that start with it.
            var blankLine = false
            var bioPhrase = false
            var bioWord = false
            var blankFrom: Int?
            var phrases: [Range<Int>] = []
            text.withUnsafeBufferPointer { buffer in
                ruleBytes.withUnsafeBufferPointer { patterns in
                    firstByteRules.withUnsafeBufferPointer { candidates in
                        var i = line.lowerBound
                        var previousIsWord = false
                        scan: while i < line.upperBound {
                            let b = Int(buffer[i])
                            // Rules match at the start of a word only ("ALSO READ", not "…alsoread").
                            let isWord = (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
                            defer { previousIsWord = isWord }
                            if previousIsWord && isWord {
                                i += 1
                                continue
                            }
                            if b >= 0x41 && b <= 0x5A && i > 0 && (buffer[i - 1] == UInt8(ascii: ",") || buffer[i - 1] == UInt8(ascii: ";")) {
                                glued.append(i)
                            }
                            let pair = b << 8 | Int(i + 1 < line.upperBound ? ByteSearch.lower(buffer[i + 1]) : 0)
                            guard firstTwoBytes[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else {
                                i += 1
                                continue
                            }
                            for c in firstByteStarts[b]..<firstByteStarts[b + 1] {
                                let r = candidates[c]
                                let start = ruleOffsets[r]
                                let count = ruleOffsets[r + 1] - start
                                guard i + count <= line.upperBound else { continue }
                                var k = 1
                                while k < count && ByteSearch.lower(buffer[i + k]) == patterns[start + k] { k += 1 }
                                guard k == count else { continue }
                                switch ruleKinds[r] {
                                case .lineContaining:
                                    blankLine = true
                                    break scan
                                case .from:
                                    blankFrom = i
                                    break scan
                                case .phrase:
                                    phrases.append(i..<(i + count))
                                case .bio:
                                    bioPhrase = true
                                case .bioWord:
                                    bioWord = true
                                case .line:
                                    break
                                }
                            }
                            i += 1
                        }
                    }
                }
            }
            if blankLine || (bioPhrase && bioWord) {
                Self.blank(&text, line)
                report.boilerplateLines += 1
                continue
            }
            for phrase in phrases { Self.blank(&text, phrase) }
            if let blankFrom {
                Self.blank(&text, blankFrom..<line.upperBound)
                report.boilerplateLines += 1
            }
        }
        return glued
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

    private func removeInjectedPhrases(
        _ text: inout [UInt8], _ lines: [Range<Int>], candidates: [Int], holdsName: (ArraySlice<UInt8>) -> Bool,
        _ report: inout CleaningReport
    ) {
        // Capitalised phrases glued to a preceding , or ; with no space (positions found by `applyRules`; those
        // it blanked since are skipped by `capitalisedPhrase`, which needs capitals).
        var occurrences: [[UInt8]: [Range<Int>]] = [:]
        var after = 0
        for i in candidates where i >= after {
            if let end = Self.capitalisedPhrase(text, at: i) {
                occurrences[Array(text[i..<end]), default: []].append(i..<end)
                after = end
            }
        }
        guard !occurrences.isEmpty else { return }
        let firstLine = lines.first { !ByteSearch.trimmed(text, $0).isEmpty } ?? 0..<0
        for (phrase, glued) in occurrences.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            let inHeadline = ByteSearch.find(phrase, in: text, from: firstLine.lowerBound, end: firstLine.upperBound) != nil
            guard glued.count >= 2 || inHeadline, !holdsName(phrase[...]) else { continue }
            report.injectedPhrases.append(String(decoding: phrase, as: UTF8.self))
            // Only the glued occurrences: the same words in a clean sentence are the article's own.
            for range in glued {
                let next = range.upperBound < text.count ? text[range.upperBound] : 0x20
                guard !Self.isLetter(next) else { continue }
                Self.blank(&text, range)
                report.injectedOccurrences += 1
            }
        }
    }

    private func removeHeadlineEchoes(_ text: inout [UInt8], _ lines: [Range<Int>], _ report: inout CleaningReport) {
        var seen: [(range: Range<Int>, key: [UInt8])] = []
        var seenKeys = Set<UInt64>()
        for line in lines {
            let trimmed = ByteSearch.trimmed(text, line)
            if trimmed.isEmpty { continue }
            let (hash, length) = text.withUnsafeBufferPointer { ByteSearch.normalisedHash($0, trimmed) }
            guard length >= 15 else { continue }
            // An exact repeat of a line anywhere earlier: a duplicated paragraph or heading.
            if seenKeys.contains(hash) {
                Self.blank(&text, line)
                report.repeatedLines += 1
                continue
            }
            // Headline echoes are short lines; paragraphs are left to the exact-repeat check above.
            if seen.count < Self.headlineWindow && trimmed.count <= Self.maxHeadlineLength {
                let key = ByteSearch.normalisedKey(text, trimmed)
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
            seenKeys.insert(hash)
        }
    }
}
