/// Read access to the words of a tokenised text, for the rules that look at neighbouring words.
///
/// Holds the word classes rather than the whole ``KnowledgeIndex``: the per-sentence readers copy it, and a copy of
/// the index would retain and release each of its tables.
struct TokenText {
    let text: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    /// Roles of words by vocabulary id (``KnowledgeIndex/wordClasses``).
    let wordClasses: [WordClass]

    init(text: UnsafeBufferPointer<UInt8>, tokens: [Token], index: KnowledgeIndex) {
        self.text = text
        self.tokens = tokens
        self.wordClasses = index.wordClasses
    }

    /// The roles of the word at `k` (none outside the text).
    @inline(__always)
    func classes(_ k: Int) -> WordClass {
        guard k >= 0 && k < tokens.count else { return [] }
        let id = Int(tokens[k].id)
        return id >= 0 && id < wordClasses.count ? wordClasses[id] : []
    }

    /// Whether the word at `k` plays `role` (false outside the text).
    @inline(__always)
    func `is`(_ k: Int, _ role: WordClass) -> Bool { classes(k).contains(role) }

    /// Whether the words from `k` on are `phrase` (token ids).
    func matches(_ phrase: [Int32], at k: Int, within range: Range<Int>) -> Bool {
        guard k + phrase.count <= range.upperBound else { return false }
        for (offset, id) in phrase.enumerated() where tokens[k + offset].id != id { return false }
        return true
    }

    /// The word at `k`, lower-cased (ASCII letters only; other bytes kept), or "" outside the text.
    func word(_ k: Int) -> String {
        guard k >= 0 && k < tokens.count else { return "" }
        let t = tokens[k]
        return String(unsafeUninitializedCapacity: t.length) { buffer in
            for i in 0..<t.length {
                let b = text[Int(t.start) + i]
                buffer[i] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
            }
            return t.length
        }
    }

    /// The bytes of tokens `range`, as written (with what lies between them).
    func span(_ range: Range<Int>) -> Range<Int> { Int(tokens[range.lowerBound].start)..<Int(tokens[range.upperBound - 1].end) }

    func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: text[span(range)]), as: UTF8.self) }

    /// Whether the bytes between token `k - 1` and token `k` are only spaces, quotes or a hyphen (a phrase may run
    /// across them: "a “comprehensive strategic” partnership agreement").
    func joinedLoosely(_ k: Int) -> Bool {
        guard k > 0 else { return false }
        for i in Int(tokens[k - 1].end)..<Int(tokens[k].start) {
            let b = text[i]
            if b == 0x20 || b == 0x2D || b == 0x22 || b == 0x27 { continue }
            if b == 0xE2 || b == 0x80 || b == 0x9C || b == 0x9D || b == 0x98 || b == 0x99 { continue }  // “ ” ‘ ’
            return false
        }
        return true
    }
}
