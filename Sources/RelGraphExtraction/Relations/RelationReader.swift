import RelGraphCore
import RelGraphKnowledge

/// What a sentence's trigger words say: the relation it expresses between the entities it names, its tone, and
/// whether it speaks of joining an agreement, membership or succession.
struct SentenceReading: Sendable {
    var relation: Relation = .neutral
    var tone: Double = 0
    var terms: [String] = []
    var joins = false
    var membership = false
    var succession = false
}

/// Reads the trigger lexicon over a sentence's tokens. A trigger preceded within four words by a negation
/// ("unlikely to provide", "did not sign") is dropped; one preceded by a hedge ("could deepen") counts half.
enum RelationReader {
    static let window = 4

    /// - Parameter named: per token, whether it is part of a name (entity, period, outlet): "war" in "Cold War"
    ///   or "Korean War" is no trigger.
    static func read(_ tokens: [Token], _ range: Range<Int>, named: [Bool], index: KnowledgeIndex) -> SentenceReading {
        var found: [(position: Int, trigger: Trigger)] = []
        var k = range.lowerBound
        while k < range.upperBound {
            let id = tokens[k].id
            var advanced = false
            if id >= 0, !named[k], let candidates = index.triggersByFirstToken[id] {
                // Longest trigger starting here wins ("write off" over "write").
                var best: (length: Int, trigger: Trigger)?
                for c in candidates {
                    let compiled = index.triggers[Int(c)]
                    let length = compiled.words.count
                    guard k + length <= range.upperBound else { continue }
                    var ok = true
                    for w in 1..<max(length, 1)
                    where !compiled.words[w].contains(tokens[k + w].id) || tokens[k + w].gap == .newline || named[k + w] {
                        ok = false
                        break
                    }
                    if ok, best == nil || length > best!.length { best = (length, compiled.trigger) }
                }
                if let best {
                    // A word can be in several classes ("sign": cooperation and party); record each.
                    for c in candidates {
                        let t = index.triggers[Int(c)]
                        if t.words.count == best.length && t.trigger.term == best.trigger.term { found.append((k, t.trigger)) }
                    }
                    k += best.length
                    advanced = true
                }
            }
            if !advanced { k += 1 }
        }
        var reading = SentenceReading()
        var tones: [Double] = []
        for (position, trigger) in found {
            switch trigger.relation {
            case .negation, .hedge: continue
            default: break
            }
            let before = found.filter { $0.position < position && $0.position >= position - window }
            if before.contains(where: { $0.trigger.relation == .negation }) { continue }
            let factor = before.contains(where: { $0.trigger.relation == .hedge }) ? 0.5 : 1
            switch trigger.relation {
            case .cooperation, .conflict:
                tones.append(trigger.tone * factor)
                reading.terms.append(trigger.term)
            case .party:
                reading.joins = true
                reading.terms.append(trigger.term)
            case .member:
                reading.membership = true
            case .successor:
                reading.succession = true
                reading.terms.append(trigger.term)
            case .neutral, .negation, .hedge:
                break
            }
        }
        if !tones.isEmpty {
            let mean = tones.reduce(0, +) / Double(tones.count)
            reading.tone = mean
            reading.relation = mean > 0 ? .cooperation : mean < 0 ? .conflict : .neutral
        }
        var seen = Set<String>()
        reading.terms = reading.terms.filter { seen.insert($0).inserted }
        return reading
    }
}
