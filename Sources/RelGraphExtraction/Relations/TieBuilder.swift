import RelGraphCore
import RelGraphKnowledge

extension DocumentReader {
    /// Ties between the entities of one sentence — structural ties their knowledge implies (a leader and the state
    /// led, a party and its agreement, membership, succession), else one tie per event that relates the pair
    /// (``EventReader``), each with its own year and the trigger that decided it — and the structural ties of each
    /// entity named (every leader to the state led, every agreement to its parties).
    mutating func relate(reading: SentenceReading, evidence sentence: Evidence, words: TokenText, patterns: PatternRecognizer) {
        let evidence = evidenceList.count
        let year = sentence.year
        sources.removeAll(keepingCapacity: true)
        let tiesBefore = ties.count
        defer { if ties.count > tiesBefore { evidenceList.append(sentence) } }
        // Events grouped by pair with a counting sort (stable: each pair's events stay in reading order).
        let n = entities.count
        var starts = [Int](repeating: 0, count: n * n + 1)
        for event in events { starts[event.first * n + event.second + 1] += 1 }
        for k in 0..<(n * n) { starts[k + 1] += starts[k] }
        var fill = starts
        var grouped = events
        for event in events {
            let slot = event.first * n + event.second
            grouped[fill[slot]] = event
            fill[slot] += 1
        }
        for (i, a) in entities.enumerated() {
            for j in (i + 1)..<entities.count {
                let b = entities[j]
                let pairEvents = grouped[starts[i * n + j]..<starts[i * n + j + 1]]
                if var tie = structuralTie(a, b, reading: reading, evidence: evidence, year: year, patterns: patterns) {
                    // Leaving an agreement is a conflict with it, not a party tie.
                    if tie.relation == .partyTo, let exit = pairEvents.first(where: \.isReversal) {
                        tie = eventTie(a, b, exit, evidence: evidence, sentence: sentence, words: words)
                        ties.append(tie)
                        reversalTies(leaving: tie.target.kind == .agreement || tie.target.kind == .organization ? tie.target : tie.source,
                                     by: tie.target.kind == .agreement || tie.target.kind == .organization ? tie.source : tie.target,
                                     exit, evidence: evidence, sentence: sentence, words: words, patterns: patterns)
                    } else {
                        ties.append(tie)
                    }
                    continue
                }
                // An agreement is related only by leaving it (joining it is the structural tie above).
                let agreementPair = a.kind == .agreement || b.kind == .agreement
                for event in pairEvents where !agreementPair || event.isReversal {
                    ties.append(eventTie(a, b, event, evidence: evidence, sentence: sentence, words: words))
                    if event.isReversal {
                        let (agreement, leaver) = b.kind == .agreement || b.kind == .organization ? (b, a) : (a, b)
                        reversalTies(leaving: agreement, by: leaver, event, evidence: evidence, sentence: sentence, words: words, patterns: patterns)
                    }
                }
            }
        }
        // Every leader named is tied to the state led; every agreement to its parties.
        for entity in entities {
            if entity.kind == .leader, let state = patterns.state(ofLeader: entity, year: year), !entities.contains(state) {
                ties.append(Tie(source: entity, target: state, relation: .leads, evidenceIndex: evidence))
            }
            if entity.kind == .agreement {
                for party in patterns.parties(ofAgreement: entity)
                where !entities.contains(party) && !events.contains(where: { $0.isReversal && (entities[$0.first] == party || entities[$0.second] == party) }) {
                    ties.append(Tie(source: party, target: entity, relation: .partyTo, evidenceIndex: evidence))
                }
            }
        }
    }

    /// The tie one event makes between `a` and `b`: its relation and tone, its year when it is not the
    /// sentence's, and the trigger that decided it.
    mutating func eventTie(_ a: EntityID, _ b: EntityID, _ event: PairEvent, evidence: Int, sentence: Evidence, words: TokenText) -> Tie {
        var tie = Tie(source: a, target: b, relation: event.relation, evidenceIndex: evidence, tone: event.tone)
        if let time = event.time, time.start != sentence.year || (time.end != time.start ? time.end : nil) != sentence.yearEnd {
            tie.year = time.start
            tie.yearEnd = time.end != time.start ? time.end : nil
            tie.dating = time.dating
        }
        if let hit = event.hit {
            // One string per trigger of the sentence, shared by every tie it decided.
            if let cached = sources.first(where: { $0.position == hit.position && $0.trigger == hit.trigger }) {
                tie.polaritySource = cached.text
            } else {
                let text = RelationReader.source(of: hit, words: words, index: index)
                sources.append((hit.position, hit.trigger, text))
                tie.polaritySource = text
            }
        }
        return tie
    }

    /// "withdrew from the treaty": conflict ties between the leaver and the agreement's other parties not named in
    /// the sentence (a party that no longer existed in the event's year stands for its successor).
    mutating func reversalTies(
        leaving agreement: EntityID, by leaver: EntityID, _ event: PairEvent, evidence: Int, sentence: Evidence, words: TokenText,
        patterns: PatternRecognizer
    ) {
        let year = event.time?.start ?? sentence.year
        let leaverState = patterns.state(ofLeader: leaver, year: year) ?? leaver
        for var party in patterns.parties(ofAgreement: agreement) {
            if let year, let country = index.knowledge.country(party), let until = country.until, until < year, let successor = country.successor {
                party = successor
            }
            guard party != leaverState, party != leaver, !entities.contains(party) else { continue }
            ties.append(eventTie(leaver, party, event, evidence: evidence, sentence: sentence, words: words))
        }
    }

    /// A tie the knowledge base implies between two entities named together, or nil.
    func structuralTie(_ a: EntityID, _ b: EntityID, reading: SentenceReading, evidence: Int, year: Int?, patterns: PatternRecognizer) -> Tie? {
        let kb = index.knowledge
        func led(_ leader: EntityID, _ state: EntityID) -> Bool {
            kb.everLed(leader, state) ?? (patterns.state(ofLeader: leader, year: nil) == state)
        }
        switch (a.kind, b.kind) {
        case (.leader, .country) where led(a, b):
            return Tie(source: a, target: b, relation: .leads, evidenceIndex: evidence)
        case (.country, .leader) where led(b, a):
            return Tie(source: b, target: a, relation: .leads, evidenceIndex: evidence)
        case (_, .agreement), (.agreement, _):
            let (agreementID, other) = a.kind == .agreement ? (a, b) : (b, a)
            guard other.kind != .agreement else { return nil }
            let parties = patterns.parties(ofAgreement: agreementID)
            let otherState = patterns.state(ofLeader: other, year: year) ?? other
            guard reading.joins || parties.contains(other) || parties.contains(otherState) else { return nil }
            return Tie(source: other, target: agreementID, relation: .partyTo, evidenceIndex: evidence)
        case (.country, .organization) where reading.membership:
            return Tie(source: a, target: b, relation: .memberOf, evidenceIndex: evidence)
        case (.organization, .country) where reading.membership:
            return Tie(source: b, target: a, relation: .memberOf, evidenceIndex: evidence)
        case (.country, .country) where reading.succession:
            if kb.country(a)?.successor == b { return Tie(source: a, target: b, relation: .successor, evidenceIndex: evidence) }
            if kb.country(b)?.successor == a { return Tie(source: b, target: a, relation: .successor, evidenceIndex: evidence) }
            return nil
        default:
            return nil
        }
    }
}
