import RelGraphCore
import RelGraphKnowledge

/// What a sentence's trigger words say: the relation it expresses between the entities it names, its tone, and
/// whether it speaks of joining an agreement, membership or succession.
struct SentenceReading: Sendable {
    /// The sentence as a whole: mean tone of its cooperation and conflict triggers.
    var tone: Double = 0
    var terms: [String] = []
    var joins = false
    var membership = false
    var succession = false
    /// Cooperation and conflict triggers that count (not negated), by token position, with their (hedged) tone.
    var polar: [(position: Int, tone: Double)] = []

    /// The relation and tone between two entities named at token positions `first < second`: the trigger nearest
    /// before the second among those between them ("China re-engaged with Cuba to counterbalance the U.S." —
    /// Cuba–U.S. gets "counterbalance", China–Cuba "re-engaged"); else the nearest after both ("Sadat and Begin
    /// signed …"); else the nearest before both ("a rift between Albania and the Soviet Union"); else neutral.
    func between(_ first: Int, _ second: Int) -> (relation: Relation, tone: Double) {
        let (a, b) = first <= second ? (first, second) : (second, first)
        var chosen: Double?
        if let t = polar.last(where: { $0.position > a && $0.position < b }) {
            chosen = t.tone
        } else if let t = polar.first(where: { $0.position > b }) {
            chosen = t.tone
        } else if let t = polar.last(where: { $0.position < a }) {
            chosen = t.tone
        }
        guard let tone = chosen, tone != 0 else { return (.neutral, 0) }
        return (tone > 0 ? .cooperation : .conflict, tone)
    }
}

/// Reads the trigger lexicon over a sentence's tokens. A trigger preceded within four words by a negation
/// ("unlikely to provide", "did not sign") is dropped; one preceded by a hedge ("could deepen") counts half.
enum RelationReader {
    static let window = 4

    /// - Parameter named: per token, whether it is part of a name (entity, period, outlet): "war" in "Cold War"
    ///   or "Korean War" is no trigger.
    static func read(_ tokens: [Token], _ range: Range<Int>, named: [Bool], index: KnowledgeIndex) -> SentenceReading {
        // (token position, compiled trigger index) of every trigger found, in order.
        var found: [(position: Int, trigger: Int32)] = []
        var k = range.lowerBound
        while k < range.upperBound {
            let id = tokens[k].id
            var advance = 1
            let first = id >= 0 ? Int(index.firstTokenTriggerStart[Int(id)]) : 0
            let last = id >= 0 ? Int(index.firstTokenTriggerStart[Int(id) + 1]) : 0
            if first < last, !named[k] {
                let candidates = index.firstTokenTriggers[first..<last]
                // Longest trigger starting here wins ("write off" over "write").
                var bestLength = 0
                for c in candidates {
                    let words = index.triggers[Int(c)].words
                    let length = words.count
                    guard length > bestLength, k + length <= range.upperBound else { continue }
                    var ok = true
                    for w in 1..<max(length, 1)
                    where !words[w].contains(tokens[k + w].id) || tokens[k + w].gap == .newline || named[k + w] {
                        ok = false
                        break
                    }
                    if ok { bestLength = length }
                }
                if bestLength > 0 {
                    // A word can be in several classes ("sign": cooperation and party); record each.
                    for c in candidates where index.triggers[Int(c)].words.count == bestLength {
                        let words = index.triggers[Int(c)].words
                        var same = true
                        for w in 1..<max(bestLength, 1) where !words[w].contains(tokens[k + w].id) {
                            same = false
                            break
                        }
                        if same { found.append((k, c)) }
                    }
                    advance = bestLength
                }
            }
            k += advance
        }
        var reading = SentenceReading()
        guard !found.isEmpty else { return reading }
        var toneSum = 0.0
        var toneCount = 0
        var terms: [Int32] = []
        for (n, (position, c)) in found.enumerated() {
            let trigger = index.triggers[Int(c)].trigger
            if trigger.relation == .negation || trigger.relation == .hedge { continue }
            var negated = false
            var hedged = false
            var j = n - 1
            while j >= 0 && found[j].position >= position - window {
                if found[j].position < position {
                    let r = index.triggers[Int(found[j].trigger)].trigger.relation
                    if r == .negation { negated = true } else if r == .hedge { hedged = true }
                }
                j -= 1
            }
            if negated { continue }
            switch trigger.relation {
            case .cooperation, .conflict:
                let tone = trigger.tone * (hedged ? 0.5 : 1)
                toneSum += tone
                toneCount += 1
                terms.append(c)
                reading.polar.append((position, tone))
            case .party:
                reading.joins = true
                terms.append(c)
            case .member:
                reading.membership = true
            case .successor:
                reading.succession = true
                terms.append(c)
            case .neutral, .negation, .hedge:
                break
            }
        }
        if toneCount > 0 {
            reading.tone = toneSum / Double(toneCount)
        }
        for c in terms {
            let term = index.triggers[Int(c)].trigger.term
            if !reading.terms.contains(term) { reading.terms.append(term) }
        }
        return reading
    }
}
