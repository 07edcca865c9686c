extension KnowledgeIndex {
    /// Whether `phrase` (UTF-8 bytes) contains a name of the knowledge base, spelt and capitalised as the index
    /// accepts it. The cleaner asks this before blanking a glued phrase, so that "…allies,South Korea…" keeps its
    /// state. Not on the hot path: called once per candidate phrase of a document.
    func holdsName(_ phrase: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(phrase)
        return bytes.withUnsafeBufferPointer { buffer in
            var tokens: [Token] = []
            Tokenizer.tokenize(buffer, range: 0..<buffer.count, vocabulary: vocabulary, into: &tokens)
            return NameMatcher.matches(tokens, index: self).contains { match in
                match.entries.contains {
                    if case .entity = entries[Int($0)].target { return true }
                    return false
                }
            }
        }
    }
}
