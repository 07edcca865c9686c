import RelGraphCore
import RelGraphKnowledge

/// One trigger that counts in a sentence (not negated): where it is, which lexicon entry, and the tone it gives.
struct TriggerHit: Sendable {
    /// Token position of the trigger's first word.
    var position: Int
    /// Index into ``KnowledgeIndex/triggers``.
    var trigger: Int32
    /// The class it acts as: `cooperation`, `conflict`, `reversal`, or `neutral` for a neutral object trigger
    /// ("split … into"); a refused cooperation acts as conflict.
    var relation: TriggerClass
    /// Its tone after negation and hedging.
    var tone: Double
    /// Token position of the object word that made an object trigger hold ("relations" of "sever … relations").
    var object: Int?
    /// Token position of the negation that turned it ("not", "refused"), if any.
    var negation: Int?
}

/// What a sentence's trigger words say: the polar triggers with their positions (for ``EventReader``), the tone of
/// the sentence as a whole, and whether it speaks of joining an agreement, membership or succession.
struct SentenceReading: Sendable {
    /// The sentence as a whole: mean tone of its cooperation and conflict triggers.
    var tone: Double = 0
    var terms: [String] = []
    var joins = false
    var membership = false
    var succession = false
    /// Cooperation, conflict and reversal triggers that count, in token order.
    var hits: [TriggerHit] = []
}

/// Reads the trigger lexicon over a sentence's tokens, in three stages: ``scan`` finds every lexicon entry (the
/// longest at each word; an entry that needs an object only when its object follows, and then it wins),
/// ``qualify`` applies negations and hedges within four words before a trigger, and ``summarise`` gives the
/// sentence's overall tone and the words that typed it.
///
/// Negation by meaning: a refusal ("did not recognise", "refused to sign", "never ratified": a negation row with a
/// negative tone) turns a cooperation into a conflict of half its tone; a softer negation ("unlikely to provide",
/// tone 0) cancels it; a negated conflict ("did not attack") counts for nothing.
enum RelationReader {
    static let window = 4
    /// How far after a trigger its object may be ("broke off diplomatic relations", "cut its ties").
    static let objectWindow = 6

    /// A lexicon entry found at a token position, with the object word that made it hold.
    struct Match {
        var position: Int
        var trigger: Int32
        var object: Int?
    }

    /// - Parameter named: per token, whether it is part of a name (entity, period, outlet): "war" in "Cold War"
    ///   or "Korean War" is no trigger.
    static func read(_ tokens: [Token], _ range: Range<Int>, named: [Bool], index: KnowledgeIndex) -> SentenceReading {
        let found = scan(tokens, range, named: named, index: index)
        var reading = SentenceReading()
        guard !found.isEmpty else { return reading }
        qualify(found, index: index, into: &reading)
        summarise(found, index: index, into: &reading)
        return reading
    }

    /// Every lexicon entry in `range`, in token order.
    static func scan(_ tokens: [Token], _ range: Range<Int>, named: [Bool], index: KnowledgeIndex) -> [Match] {
        // Entries are read in place through a buffer: a copy of each candidate would retain its sets and strings.
        index.triggers.withUnsafeBufferPointer { triggers in
            var found: [Match] = []
            var consumed: [Int] = []  // object words taken by an object trigger
            var k = range.lowerBound
            while k < range.upperBound {
                let id = tokens[k].id
                guard id >= 0, !named[k], !consumed.contains(k) else {
                    k += 1
                    continue
                }
                let first = Int(index.firstTokenTriggerStart[Int(id)])
                let last = Int(index.firstTokenTriggerStart[Int(id) + 1])
                guard first < last else {
                    k += 1
                    continue
                }
                // Best entry here: one whose object is present wins; then the longest.
                var bestLength = 0
                var bestHasObject = false
                for c in index.firstTokenTriggers[first..<last] {
                    let length = triggers[Int(c)].words.count
                    guard fits(triggers, Int(c), at: k, tokens, range, named: named) else { continue }
                    let hasObject = !triggers[Int(c)].objects.isEmpty
                    if hasObject && object(of: triggers, Int(c), after: k + length, tokens, range, named: named) == nil { continue }
                    if (hasObject && !bestHasObject) || (hasObject == bestHasObject && length > bestLength) {
                        bestLength = length
                        bestHasObject = hasObject
                    }
                }
                guard bestLength > 0 else {
                    k += 1
                    continue
                }
                // A word can be in several classes ("sign": cooperation and party); record each.
                for c in index.firstTokenTriggers[first..<last] {
                    guard triggers[Int(c)].words.count == bestLength, triggers[Int(c)].objects.isEmpty != bestHasObject,
                        fits(triggers, Int(c), at: k, tokens, range, named: named)
                    else { continue }
                    let object = bestHasObject ? object(of: triggers, Int(c), after: k + bestLength, tokens, range, named: named) : nil
                    if let object { consumed.append(object) }
                    found.append(Match(position: k, trigger: c, object: object))
                }
                k += bestLength
            }
            return found
        }
    }

    /// Whether the words of entry `c` are at `k` (none of them part of a name or across a line break).
    @inline(__always)
    static func fits(
        _ triggers: UnsafeBufferPointer<KnowledgeIndex.CompiledTrigger>, _ c: Int, at k: Int, _ tokens: [Token],
        _ range: Range<Int>, named: [Bool]
    ) -> Bool {
        let length = triggers[c].words.count
        guard length > 0, k + length <= range.upperBound else { return false }
        for w in 1..<max(length, 1) {
            let t = tokens[k + w]
            if !triggers[c].words[w].contains(t.id) || t.gap == .newline || named[k + w] { return false }
        }
        return true
    }

    /// The position of entry `c`'s object word within ``objectWindow`` words from `start`, or nil.
    @inline(__always)
    static func object(
        of triggers: UnsafeBufferPointer<KnowledgeIndex.CompiledTrigger>, _ c: Int, after start: Int, _ tokens: [Token],
        _ range: Range<Int>, named: [Bool]
    ) -> Int? {
        var k = start
        while k < min(start + objectWindow, range.upperBound) {
            // Names may stand between ("suspended Egypt's membership"), but are never the object word.
            if !named[k], triggers[c].objects.contains(tokens[k].id) { return k }
            k += 1
        }
        return nil
    }

    /// Negations and hedges within ``window`` words before a trigger; the triggers that count become hits.
    static func qualify(_ found: [Match], index: KnowledgeIndex, into reading: inout SentenceReading) {
        for (n, match) in found.enumerated() {
            // Fields read in place: a copy of the lexicon entry would retain its word lists.
            let relation = index.triggers[Int(match.trigger)].trigger.relation
            let tone = index.triggers[Int(match.trigger)].trigger.tone
            if relation == .negation || relation == .hedge { continue }
            var negation: Int?
            var refusal = false
            var hedged = false
            var j = n - 1
            while j >= 0 && found[j].position >= match.position - window {
                if found[j].position < match.position {
                    let before = index.triggers[Int(found[j].trigger)].trigger.relation
                    if before == .negation {
                        negation = found[j].position
                        // "pledging not to support": a promise, not a refusal.
                        let promised = j > 0 && found[j - 1].position >= found[j].position - 2
                            && index.triggers[Int(found[j - 1].trigger)].trigger.relation == .cooperation
                        refusal = index.triggers[Int(found[j].trigger)].trigger.tone < 0 && !promised
                    } else if before == .hedge {
                        hedged = true
                    }
                }
                j -= 1
            }
            let scale = hedged ? 0.5 : 1
            switch (relation, negation) {
            case (.cooperation, nil), (.conflict, nil), (.reversal, nil):
                reading.hits.append(TriggerHit(position: match.position, trigger: match.trigger, relation: relation, tone: tone * scale, object: match.object))
            case (.cooperation, let negation?) where refusal:
                // "did not recognise", "refused to sign": a refusal, half as hostile as the act is friendly.
                reading.hits.append(TriggerHit(position: match.position, trigger: match.trigger, relation: .conflict, tone: -abs(tone) * scale / 2, object: match.object, negation: negation))
            case (.neutral, nil) where match.object != nil:
                // "split … into": a neutral reading by meaning, which decides its predicate.
                reading.hits.append(TriggerHit(position: match.position, trigger: match.trigger, relation: .neutral, tone: 0, object: match.object))
            case (.party, nil):
                reading.joins = true
            case (.member, nil):
                reading.membership = true
            case (.successor, nil):
                reading.succession = true
            default:
                break  // a negated conflict, party or succession says nothing
            }
        }
    }

    /// The sentence's overall tone and relation, and the words that typed it.
    static func summarise(_ found: [Match], index: KnowledgeIndex, into reading: inout SentenceReading) {
        var toneSum = 0.0
        var toneCount = 0
        for hit in reading.hits where hit.relation == .cooperation || hit.relation == .conflict {
            toneSum += hit.tone
            toneCount += 1
        }
        if toneCount > 0 {
            reading.tone = toneSum / Double(toneCount)
        }
        var seenTerms: [Int32] = []
        func add(_ c: Int32) {
            let term = index.triggers[Int(c)].termID
            guard !seenTerms.contains(term) else { return }
            seenTerms.append(term)
            reading.terms.append(index.triggers[Int(c)].term)
        }
        for hit in reading.hits { add(hit.trigger) }
        if reading.joins || reading.succession {
            for match in found {
                let relation = index.triggers[Int(match.trigger)].trigger.relation
                if relation == .party || relation == .successor { add(match.trigger) }
            }
        }
    }

    /// What decided a hit, for audit: the trigger as written in the text, its object, and its negation
    /// ("not + recognised", "broke off … relations").
    static func source(of hit: TriggerHit, words: TokenText, index: KnowledgeIndex) -> String {
        var text = words.string(hit.position..<(hit.position + index.triggers[Int(hit.trigger)].words.count))
        if let object = hit.object { text += " … " + words.string(object..<(object + 1)) }
        if let negation = hit.negation { text = words.string(negation..<(negation + 1)) + " + " + text }
        return text
    }
}
