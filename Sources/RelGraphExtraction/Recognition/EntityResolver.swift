import RelGraphCore
import RelGraphKnowledge

/// Turns a dictionary match into one entity, using what the document has said so far and the year the sentence
/// speaks of. Holds the per-document state (the latest full mention of each leader, the states named so far).
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
            lastFullMention[id] = order
            if id.kind == .country { statesMentioned.insert(id) }
            return (id, role)
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
        guard let chosen else { return nil }
        if chosen.1 != .shortForm { lastFullMention[chosen.0] = order }
        if chosen.0.kind == .country { statesMentioned.insert(chosen.0) }
        return chosen
    }

    /// A surname: the nearest earlier full mention in the document; else the one in office in `year` whose state
    /// the document names; else the only candidate, if the document names its state or `year` is in its tenure.
    private func resolveShortForm(_ candidates: [(EntityID, NameEntry.Role)], year: Int?) -> (EntityID, NameEntry.Role)? {
        if let recent = candidates.compactMap({ c in lastFullMention[c.0].map { (c, $0) } }).max(by: { $0.1 < $1.1 }) {
            return recent.0
        }
        let leaders = candidates.compactMap { c in index.knowledge.leader(c.0).map { (c, $0) } }
        if let year {
            let inOffice = leaders.filter { $0.1.term(in: year) != nil && statesMentioned.contains($0.1.term(in: year)!.country) }
            if inOffice.count == 1 { return inOffice[0].0 }
        }
        // The only leader with this short form: accepted when the document names a state they led, or the
        // sentence speaks of a year they were in office.
        if leaders.count == 1 {
            let leader = leaders[0].1
            if leader.terms.contains(where: { statesMentioned.contains($0.country) }) { return leaders[0].0 }
            if let year, leader.term(in: year) != nil { return leaders[0].0 }
        }
        return nil
    }

    /// A name several states share (Moscow: the Soviet Union and Russia): the one that existed in `year`; else
    /// one already named in the document; else one that still exists; else the first listed.
    private func resolveByExistence(_ candidates: [(EntityID, NameEntry.Role)], year: Int?) -> (EntityID, NameEntry.Role)? {
        if let year {
            let existing = candidates.filter { index.knowledge.country($0.0)?.existed(in: year) ?? true }
            if existing.count == 1 { return existing[0] }
        }
        if let named = candidates.first(where: { statesMentioned.contains($0.0) }) { return named }
        if let current = candidates.first(where: { index.knowledge.country($0.0).map { $0.until == nil } ?? false }) {
            return current
        }
        return candidates.first
    }
}
