/// Whether a sentence speaks of the present, for dating it by the document's date when it has no date of its own.
///
/// A sentence does when it has a word of the present ("is", "has", "will", "can", "now", "today", "on Monday") or no
/// verb in the past tense. A past tense is an irregular past form ("fought", "broke") or a lower-case word in
/// "-ed" ("signed", "agreed") that is no participle: not after an auxiliary, a determiner or a possessive ("has
/// signed", "was signed", "its renewed ties", "Russia's shared interests", "under shared interests") and not before
/// "by", "with", "as", "at" ("coupled with", "backed by", "aimed at"). So "Kenya gains a valuable partner" and
/// "the partnership could lead to…" take the publication year, and "Kenya and Uganda signed a trade pact", with no
/// date of its own, takes none: it may be about any year.
///
/// English grammar words only (`EventWords.swift`); a heuristic without a part-of-speech tagger, which errs towards
/// the present (a sentence it cannot read keeps the document's date, as before it existed).
enum SentenceTense {
    static func speaksOfPresent(_ range: Range<Int>, words: TokenText) -> Bool {
        var sawPast = false
        for k in range {
            let classes = words.classes(k)
            if classes.contains(.presentTense) || classes.contains(.presentMarker) { return true }
            if !sawPast, isPastVerb(k, classes: classes, words: words) { sawPast = true }
        }
        return !sawPast
    }

    /// Whether the word at `k` is a finite verb in the past tense.
    static func isPastVerb(_ k: Int, classes: WordClass, words: TokenText) -> Bool {
        if classes.contains(.pastTense) { return !words.is(k - 1, .participleBefore) }
        let token = words.tokens[k]
        guard token.length >= 4, !token.isInitialUpper, !classes.contains(.notPast) else { return false }
        let end = Int(token.end)
        guard words.text[end - 2] == UInt8(ascii: "e"), words.text[end - 1] == UInt8(ascii: "d") else { return false }
        let before = words.classes(k - 1).union(words.classes(k - 2))
        return before.isDisjoint(with: [.participleBefore, .possessive]) && !words.is(k + 1, .participleAfter)
    }
}
