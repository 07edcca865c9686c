/// Splits a sentence into clauses, so that an event takes its participants and its time from its own clause.
///
/// A clause starts after a semicolon or colon; after a comma that a conjunction follows (", and Pakistan broke
/// off relations"); at a contrast, relative or background word even without a comma ("but", "while", "which",
/// "that", "despite"); and at a subordinator that a state follows ("after Russia recognised …"). A coordination with no comma ("fought in 1995 and signed in 1998")
/// stays one clause: ``EventReader`` splits its predicates itself.
enum ClauseSplitter {
    /// Token positions in `sentence` where a new clause starts, ascending (appended to `boundaries`).
    /// - Parameter mentionStarts: token positions where a mention of an entity starts ("after Russia recognised
    ///   …" opens a clause; "after years of war" does not).
    static func boundaries(_ words: TokenText, _ sentence: Range<Int>, mentionStarts: [Int], into boundaries: inout [Int]) {
        guard sentence.count > 1 else { return }
        let tokens = words.tokens
        let text = words.text
        for k in (sentence.lowerBound + 1)..<sentence.upperBound {
            let classes = words.classes(k)
            if !classes.isDisjoint(with: [.contrast, .relative, .background]) {
                boundaries.append(k)
                continue
            }
            if classes.contains(.subordinator), mentionStarts.contains(k + 1) || (words.is(k + 1, .function) && mentionStarts.contains(k + 2)) {
                boundaries.append(k)
                continue
            }
            var comma = false
            var stop = false
            for i in Int(tokens[k - 1].end)..<Int(tokens[k].start) {
                let b = text[i]
                if b == UInt8(ascii: ";") || b == UInt8(ascii: ":") { stop = true }
                if b == UInt8(ascii: ",") { comma = true }
            }
            if stop || (comma && classes.contains(.conjunction)) { boundaries.append(k) }
        }
    }

    /// The clause of token `position`: how many boundaries are at or before it.
    @inline(__always)
    static func clause(of position: Int, _ boundaries: [Int]) -> Int {
        var n = 0
        for b in boundaries where b <= position { n += 1 }
        return n
    }
}
