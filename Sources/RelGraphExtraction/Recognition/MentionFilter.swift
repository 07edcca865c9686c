import RelGraphKnowledge

/// Rules that keep a name of a state from counting as a mention of that state when it is part of something else.
///
/// - A capital inside a larger proper name: "the Lusaka Protocol", "the Lima–Quito Protocol", "the Brasília
///   Presidential Act", "the Minsk Group", "the Reykjavik summit" — a capital followed (across spaces or hyphens,
///   through at most three capitalised words) by a place noun or an agreement head. Its tokens are given back to
///   the agreement patterns, which then take the whole name.
/// - A capital after "in"/"at" ("talks in Vienna"): the venue.
/// - A demonym naming people ("the Hungarian minority", "of Turkish descent").
enum MentionFilter {
    /// Whether the match of role `role` over `tokens` is no mention of its state.
    static func isPartOfSomethingElse(_ match: NameMatch, role: NameEntry.Role, words: TokenText) -> Bool {
        let tokens = words.tokens
        let next = match.tokens.upperBound
        switch role {
        case .capital:
            if words.is(match.tokens.lowerBound - 1, .placePreposition) { return true }
            return headedName(after: next, words: words)
        case .demonym:
            return next < tokens.count && tokens[next].gap == .space && words.is(next, .peopleNoun)
        default:
            return false
        }
    }

    /// Whether a place noun or an agreement head follows token `k - 1` within a run of capitalised words.
    static func headedName(after k: Int, words: TokenText) -> Bool {
        let tokens = words.tokens
        var j = k
        while j < tokens.count, j - k <= 3, tokens[j].gap == .space || tokens[j].gap == .hyphen {
            if words.is(j, .placeNoun) { return true }
            if words.is(j, .agreementHead) && tokens[j].isInitialUpper { return true }
            guard tokens[j].isInitialUpper else { return false }
            j += 1
        }
        return false
    }
}
