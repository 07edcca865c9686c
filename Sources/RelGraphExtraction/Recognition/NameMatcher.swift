/// A dictionary match in a text: which tokens, and the knowledge-base entries it may stand for.
struct NameMatch: Sendable {
    var tokens: Range<Int>
    var bytes: Range<Int>
    /// Indices into ``KnowledgeIndex/entries`` whose spelling and case fit the text.
    var entries: [Int32]
}

/// Leftmost-longest matching of the knowledge base's names over a token sequence, one trie walk per start token.
///
/// A name may continue across a space, a hyphen or an apostrophe, and across a full stop only after an initial
/// ("U.S.", "George H. W. Bush"); never across a comma, a bracket or a line break.
enum NameMatcher {
    static func matches(_ tokens: [Token], index: KnowledgeIndex) -> [NameMatch] {
        var result: [NameMatch] = []
        var i = 0
        let n = tokens.count
        while i < n {
            guard tokens[i].id >= 0 else {
                i += 1
                continue
            }
            var node: Int32 = 0
            var j = i
            var best: (end: Int, entries: [Int32])?
            while j < n {
                let token = tokens[j]
                if j > i {
                    switch token.gap {
                    case .space, .hyphen, .apostrophe: break
                    case .period where tokens[j - 1].length <= 2: break
                    default: j = n
                    }
                    if j == n { break }
                }
                guard token.id >= 0 else { break }
                let child: Int32
                if node == 0 {
                    child = index.rootChild[Int(token.id)]
                    if child < 0 { break }
                } else {
                    let edge = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: token.id))
                    guard let next = index.transitions[edge] else { break }
                    child = next
                }
                node = child
                let group = index.terminal[Int(node)]
                if group >= 0 {
                    let entries = index.groups[Int(group)]
                    if entries.count == 1 {
                        if caseFits(index.entries[Int(entries[0])], tokens, from: i) { best = (j + 1, entries) }
                    } else {
                        let accepted = entries.filter { caseFits(index.entries[Int($0)], tokens, from: i) }
                        if !accepted.isEmpty { best = (j + 1, accepted) }
                    }
                }
                j += 1
            }
            if let best {
                result.append(
                    NameMatch(
                        tokens: i..<best.end, bytes: Int(tokens[i].start)..<Int(tokens[best.end - 1].end),
                        entries: best.entries))
                i = best.end
            } else {
                i += 1
            }
        }
        return result
    }

    @inline(__always)
    static func caseFits(_ entry: KnowledgeIndex.CompiledEntry, _ tokens: [Token], from start: Int) -> Bool {
        var k = 0
        while k < entry.tokenCount {
            let bit: UInt64 = 1 << UInt64(k)
            let token = tokens[start + k]
            if entry.allUpperMask & bit != 0 && !token.isAllUpper { return false }
            if entry.initialUpperMask & bit != 0 && !token.isInitialUpper && !token.isAllUpper { return false }
            k += 1
        }
        return true
    }
}
