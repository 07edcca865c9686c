import RelGraphCore
import RelGraphKnowledge

/// Turns a dictionary match into one entity, using what the document has said so far and the year the sentence
/// speaks of. Holds the per-document state (the latest full mention of each leader, the states named so far).
///
/// - A short form ("Castro", "Kim") is the leader with that short form named in full most recently in the document;
///   else the one in office in the sentence's year in a state the document has named (or the only leader with that
///   short form at all, if in office then); else, when the sentence has no year, the only one who led a state the
///   document has named; else nothing — never a guess between several.
/// - A name several states share ("Moscow": the Soviet Union and Russia) is the one that existed in the year.
/// - A capital, demonym or seat of power of a state that did not exist yet (or not as such) in the sentence's year
///   is the predecessor that did: "Russian" in 1950 is the Soviet Union, "Berlin" in 1970 East Germany.
/// - A title after "the" ("the prime minister", "the king") is the holder of that office named in full most recently
///   in the document; else the one holding it in the sentence's year in a state the document has named; else
///   nothing. "The president of France" is the one holding the office in that state in the sentence's year.
struct EntityResolver {
    let index: KnowledgeIndex
    private var lastFullMention: [EntityID: Int] = [:]
    private var statesMentioned = Set<EntityID>()
    private var order = 0

    init(index: KnowledgeIndex) { self.index = index }

    static func rank(_ role: NameEntry.Role) -> Int {
        switch role {
        case .name: 0
        case .alias: 1
        case .acronym: 2
        case .demonym: 3
        case .capital: 4
        case .metonym: 5
        case .shortForm: 6
        }
    }

    /// The entity `match` stands for, or `nil` (a non-entity, a period, or a short form that cannot be resolved).
    mutating func resolve(_ match: NameMatch, year: Int?) -> (entity: EntityID, role: NameEntry.Role)? {
        order += 1
        // Fast path: one entry, a full name or alias of one entity.
        if match.entries.count == 1, case .entity(let id, let role) = index.entries[Int(match.entries[0])].target, role != .shortForm {
            let entity = Self.isPlaceOrPeople(role) ? inExistence(id, year: year) : id
            lastFullMention[entity] = order
            note(entity, year: year)
            return (entity, role)
        }
        var candidates: [(EntityID, NameEntry.Role)] = []
        for e in match.entries {
            if case .entity(let id, let role) = index.entries[Int(e)].target,
                !candidates.contains(where: { $0.0 == id })
            {
                candidates.append((id, role))
            }
        }
        guard !candidates.isEmpty else { return nil }
        // A name two states bore in turn ("Yugoslavia": the SFRY until 1992, then the FRY's short name) is the one
        // that existed in the sentence's year, whichever of them has it as its main name.
        if let year, candidates.count > 1, candidates.allSatisfy({ $0.0.kind == .country && Self.rank($0.1) <= Self.rank(.alias) }) {
            let existing = candidates.filter { index.knowledge.existence(of: $0.0, in: year)?.existed ?? true }
            if existing.count == 1 { candidates = existing }
        }
        // Full names beat short forms ("Jordan" the country over a leader surnamed Jordan).
        let bestRank = candidates.map { Self.rank($0.1) }.min()!
        candidates = candidates.filter { Self.rank($0.1) == bestRank }
        let chosen: (EntityID, NameEntry.Role)?
        if candidates.count == 1 && bestRank < Self.rank(.shortForm) {
            chosen = candidates[0]
        } else if bestRank == Self.rank(.shortForm) {
            chosen = resolveShortForm(candidates, year: year)
        } else {
            chosen = resolveByExistence(candidates, year: year)
        }
        guard var chosen else { return nil }
        if Self.isPlaceOrPeople(chosen.1) { chosen.0 = inExistence(chosen.0, year: year) }
        if chosen.1 != .shortForm { lastFullMention[chosen.0] = order }
        note(chosen.0, year: year)
        return chosen
    }

    static func isPlaceOrPeople(_ role: NameEntry.Role) -> Bool {
        role == .capital || role == .demonym || role == .metonym
    }

    /// Records what the document is about: a state named, or the state of a leader named.
    private mutating func note(_ entity: EntityID, year: Int?) {
        switch entity.kind {
        case .country:
            statesMentioned.insert(entity)
        case .leader:
            if let state = index.knowledge.state(ofLeader: entity, in: year) { statesMentioned.insert(state) }
        default:
            break
        }
    }

    /// `state`, or — when it did not exist yet (or not as such) in `year` — the predecessor that did, preferring
    /// one the document has named ("German" in 1970: East or West Germany, whichever the text is about).
    private func inExistence(_ state: EntityID, year: Int?) -> EntityID {
        let kb = index.knowledge
        guard let year, let existence = kb.existence(of: state, in: year), !existence.existed, year <= (existence.until ?? Int.max)
        else { return state }
        var existing: [EntityID] = []
        var frontier = kb.predecessors(of: state)
        while let next = frontier.popLast() {
            if kb.existence(of: next, in: year)?.existed == true {
                existing.append(next)
            } else {
                frontier += kb.predecessors(of: next)
            }
        }
        if existing.count == 1 { return existing[0] }
        return existing.first { statesMentioned.contains($0) } ?? state
    }

    /// A short form: the nearest earlier full mention in the document; else the one in office in `year` in a state
    /// the document names (or the only leader with this short form at all, if in office in `year`); else, for a
    /// sentence with no year, the only one who led a state the document names.
    private func resolveShortForm(_ candidates: [(EntityID, NameEntry.Role)], year: Int?) -> (EntityID, NameEntry.Role)? {
        if let recent = candidates.compactMap({ c in lastFullMention[c.0].map { (c, $0) } }).max(by: { $0.1 < $1.1 }) {
            return recent.0
        }
        let leaders = candidates.compactMap { c in index.knowledge.leader(c.0).map { (c, $0) } }
        if let year {
            let inOffice = leaders.filter { candidate in
                candidate.1.terms.contains { $0.contains(year: year) && statesMentioned.contains($0.country) }
            }
            if inOffice.count == 1 { return inOffice[0].0 }
            // The only leader anywhere with this short form, in office that year: no other reading exists.
            if inOffice.isEmpty, leaders.count == 1, leaders[0].1.term(in: year) != nil { return leaders[0].0 }
            return nil
        }
        let ledNamedState = leaders.filter { $0.1.terms.contains { statesMentioned.contains($0.country) } }
        return ledNamedState.count == 1 ? ledNamedState[0].0 : nil
    }

    /// A name several states share (Moscow: the Soviet Union and Russia): the one that existed in `year`; else
    /// one already named in the document; else one that still exists; else the first listed.
    private func resolveByExistence(_ candidates: [(EntityID, NameEntry.Role)], year: Int?) -> (EntityID, NameEntry.Role)? {
        if let year {
            let existing = candidates.filter { index.knowledge.existence(of: $0.0, in: year)?.existed ?? true }
            if existing.count == 1 { return existing[0] }
        }
        if let named = candidates.first(where: { statesMentioned.contains($0.0) }) { return named }
        if let current = candidates.first(where: { index.knowledge.country($0.0).map { $0.until == nil } ?? false }) {
            return current
        }
        return candidates.first
    }

    /// "the prime minister", "the king" (a title of `patterns.tsv` right after "the", not followed by a name), resolved
    /// as the type's doc comment says; "the president of France" (a state of `resolved` right after "of") is the
    /// holder of that office in that state in the sentence's year.
    mutating func officeReferences(
        in sentence: Range<Int>, words: TokenText, named: [Bool], resolved: [PatternRecognizer.Found], year: Int?
    ) -> [PatternRecognizer.Found] {
        var found: [PatternRecognizer.Found] = []
        let tokens = words.tokens
        var k = sentence.lowerBound + 1
        while k < sentence.upperBound {
            defer { k += 1 }
            guard !named[k], words.is(k, .titleStart), words.word(k - 1) == "the",
                let title = index.leaderTitles.first(where: { words.matches($0, at: k, within: sentence) })
            else { continue }
            // "the leader" alone says too little; "the President Joe Biden" is read by the patterns.
            if title.count == 1 && words.is(k, .leaderWord) { continue }
            let end = k + title.count
            let office = words.string(k..<end).lowercased()
            let leader: EntityID?
            if end < sentence.upperBound, words.word(end) == "of" {
                let stateStart = words.word(end + 1) == "the" ? end + 2 : end + 1
                guard let state = resolved.first(where: { $0.tokens.lowerBound == stateStart && $0.entity.kind == .country })
                else { continue }
                leader = holder(of: office, in: state.entity, year: year)
            } else if end < sentence.upperBound, tokens[end].gap == .space || tokens[end].gap == .hyphen,
                tokens[end].isInitialUpper || tokens[end].isAllUpper
            {
                continue
            } else {
                leader = holder(of: office, year: year)
            }
            guard let leader else { continue }
            order += 1
            found.append(PatternRecognizer.Found(entity: leader, tokens: k..<end))
            k = end - 1
        }
        return found
    }

    /// The one holder of `office` in `state` in `year` (or, with no year, the one named most recently).
    private func holder(of office: String, in state: EntityID, year: Int?) -> EntityID? {
        let holders = distinctLeaders(index.knowledge.terms(of: office)) { term in
            term.country == state && (year.map(term.contains(year:)) ?? true)
        }
        if year != nil { return holders.count == 1 ? holders[0] : nil }
        return mostRecentlyNamed(holders)
    }

    /// The holder of `office` named most recently in the document (in office in `year`, if given); else the one
    /// in office in `year` in a state the document names, if only one was.
    private func holder(of office: String, year: Int?) -> EntityID? {
        let terms = index.knowledge.terms(of: office)
        if let recent = mostRecentlyNamed(distinctLeaders(terms) { term in year.map(term.contains(year:)) ?? true }) {
            return recent
        }
        guard let year else { return nil }
        let inOffice = distinctLeaders(terms) { $0.contains(year: year) && statesMentioned.contains($0.country) }
        return inOffice.count == 1 ? inOffice[0] : nil
    }

    /// The leaders of `terms` with a term that satisfies `condition`, each once, in order.
    private func distinctLeaders(_ terms: [KnowledgeBase.OfficeTerm], where condition: (Node.Term) -> Bool) -> [EntityID] {
        var leaders: [EntityID] = []
        for t in terms where condition(t.term) && !leaders.contains(t.leader) { leaders.append(t.leader) }
        return leaders
    }

    private func mostRecentlyNamed(_ leaders: [EntityID]) -> EntityID? {
        leaders.compactMap { id in lastFullMention[id].map { (id, $0) } }.max { $0.1 < $1.1 }?.0
    }
}
