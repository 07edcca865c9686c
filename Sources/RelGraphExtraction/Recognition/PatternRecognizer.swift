import RelGraphCore
import RelGraphKnowledge

/// Finds leaders and agreements the knowledge base lacks, from the words around them (`patterns.tsv`):
///
/// - a **leader**: a title and a capitalised name of two to four words ("Kenyan President William Ruto"); the
///   state is the one named just before the title ("Kenyan", "Uganda's"); "leader" is a title only after a state
///   ("Soviet leader …"). Later, the name's last word alone refers to the same person in that document;
/// - a **named agreement**: capitalised words headed by Treaty, Accord, Pact, … ("Élysée Treaty", "Treaty of
///   Tlatelolco");
/// - a **described agreement**: "a comprehensive strategic partnership agreement", "a peace treaty", when the
///   sentence names at least two states and says they signed, agreed or forged it (or that it is "between" them).
///
/// An agreement whose parties (two or more) are those of a known agreement, of the same year (±1) or sharing a
/// word of its name, is that agreement: "a peace treaty" that Egypt and Israel signed in 1979 is the Egypt–Israel Peace Treaty.
struct PatternRecognizer {
    let index: KnowledgeIndex
    /// Per document: surnames of the leaders found by pattern, and what is known of each discovered entity.
    private(set) var surnames: [String: EntityID] = [:]
    private(set) var discovered: [EntityID: DiscoveredEntity] = [:]
    private(set) var order: [EntityID] = []
    /// The agreement named last in the document, which "the treaty", "the deal" refer to.
    private(set) var lastAgreement: EntityID?


    init(index: KnowledgeIndex) { self.index = index }

    /// A found entity: which, and which tokens name it.
    struct Found {
        var entity: EntityID
        var tokens: Range<Int>
    }

    private mutating func remember(_ entity: DiscoveredEntity) {
        if discovered[entity.id] == nil { order.append(entity.id) }
        discovered[entity.id] = discovered[entity.id] ?? entity
    }

    var discoveredInOrder: [DiscoveredEntity] { order.map { discovered[$0]! } }

    /// The state a leader (known or discovered) led in `year`.
    func state(ofLeader id: EntityID, year: Int?) -> EntityID? {
        index.knowledge.state(ofLeader: id, in: year) ?? discovered[id]?.country
    }

    func parties(ofAgreement id: EntityID) -> [EntityID] {
        index.knowledge.agreement(id)?.parties ?? discovered[id]?.parties ?? []
    }

    // MARK: Leaders

    mutating func leaders(in sentence: Range<Int>, words: TokenText, named: inout [Bool], resolved: [Found]) -> [Found] {
        var found: [Found] = []
        let tokens = words.tokens
        var k = sentence.lowerBound
        while k < sentence.upperBound {
            defer { k += 1 }
            guard !named[k] else { continue }
            // Surname of a leader found earlier in the document.
            if !surnames.isEmpty, tokens[k].isInitialUpper, let id = surnames[words.word(k)],
                k + 1 >= sentence.upperBound || !tokens[k + 1].isInitialUpper || tokens[k + 1].gap != .space
            {
                named[k] = true
                found.append(Found(entity: id, tokens: k..<(k + 1)))
                continue
            }
            guard words.is(k, .titleStart), let title = index.leaderTitles.first(where: { t in
                words.matches(t, at: k, within: sentence) && t.indices.allSatisfy { !named[k + $0] }
            }) else { continue }
            let isLeaderWord = title.count == 1 && words.is(k, .leaderWord)
            // "the Chilean president, Michelle Bachelet,": a lower-case title with the name in apposition.
            let appositive = !tokens[k].isInitialUpper && commaOnly(before: k + title.count, words: words, within: sentence)
            guard isLeaderWord || tokens[k].isInitialUpper || appositive else { continue }
            // The state named just before the title: "Kenyan President", "Uganda's Prime Minister".
            var before = k - 1
            if before > sentence.lowerBound, words.is(before, .possessive), tokens[before].gap == .apostrophe { before -= 1 }
            let state = resolved.first { $0.tokens.upperBound - 1 == before && $0.entity.kind == .country }?.entity
            if (isLeaderWord || appositive) && state == nil { continue }
            // The name: two to four capitalised words.
            var end = k + title.count
            var nameTokens = 0
            while end < sentence.upperBound, nameTokens < 4, !named[end], tokens[end].isInitialUpper,
                !words.is(end, .nameStop),
                nameTokens == 0 ? tokens[end].gap == .space || appositive
                    : (tokens[end].gap == .space || tokens[end].gap == .hyphen
                        || (tokens[end].gap == .period && tokens[end - 1].length == 1))
            {
                end += 1
                nameTokens += 1
            }
            let name = (k + title.count)..<end
            guard nameTokens >= 2 else { continue }
            let label = words.string(name)
            let id = EntityID(kind: .leader, slug: EntityID.slug(label))
            if !index.knowledge.knows(id) {
                let office = words.string(k..<(k + title.count)).split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
                remember(DiscoveredEntity(id: id, label: label, country: state, office: office))
            }
            surnames[words.word(end - 1)] = id
            for j in name { named[j] = true }
            found.append(Found(entity: id, tokens: name))
            k = end - 1
        }
        return found
    }

    /// Whether only a comma (and spaces) separates token `k` from the one before it.
    func commaOnly(before k: Int, words: TokenText, within sentence: Range<Int>) -> Bool {
        guard k > sentence.lowerBound, k < sentence.upperBound else { return false }
        var commas = 0
        for i in Int(words.tokens[k - 1].end)..<Int(words.tokens[k].start) {
            let b = words.text[i]
            if b == UInt8(ascii: ",") { commas += 1 } else if b != 0x20 { return false }
        }
        return commas == 1
    }

    // MARK: Agreements

    mutating func agreements(
        in sentence: Range<Int>, isHeading: Bool, words: TokenText, named: inout [Bool], states: [EntityID],
        joins: Bool, year: Int?
    ) -> [Found] {
        var found: [Found] = []
        let saysBetween = sentence.contains { words.is($0, .between) }
        for k in sentence where !named[k] && words.is(k, .agreementHead) {
            // The last head of a run heads the phrase: "partnership agreement", "Strategic Partnership Treaty".
            if k + 1 < sentence.upperBound, words.is(k + 1, .agreementHead), words.joinedLoosely(k + 1) { continue }
            let capitalised = words.tokens[k].isInitialUpper
            let phrase: Range<Int>
            if capitalised {
                guard !isHeading, let name = namedPhrase(head: k, in: sentence, words: words, named: named) else { continue }
                phrase = name
            } else {
                let described = describedPhrase(head: k, in: sentence, words: words, named: named)
                if described.count == 1 {
                    // "the treaty", "the deal": the agreement named before in the document, or nothing.
                    guard words.is(k, .bareAgreementHead), let earlier = lastAgreement else { continue }
                    named[k] = true
                    found.append(Found(entity: earlier, tokens: k..<(k + 1)))
                    continue
                }
                guard states.count >= 2, joins || saysBetween else { continue }
                phrase = described
            }
            let id = identify(phrase, head: k, capitalised: capitalised, words: words, states: states, joins: joins, year: year)
            for j in phrase { named[j] = true }
            found.append(Found(entity: id, tokens: phrase))
            lastAgreement = id
        }
        return found
    }

    /// A named agreement around the capitalised head `k`: capitalised words before it ("Élysée Treaty", across
    /// hyphens and en dashes: "Lima–Quito Protocol") and "of/on …" after it ("Treaty of Tlatelolco"); nil when only
    /// generic words describe the head.
    func namedPhrase(head k: Int, in sentence: Range<Int>, words: TokenText, named: [Bool]) -> Range<Int>? {
        let tokens = words.tokens
        var start = k
        var end = k + 1
        while start > sentence.lowerBound, !named[start - 1], tokens[start].gap == .space || tokens[start].gap == .hyphen,
            tokens[start - 1].isInitialUpper
        {
            start -= 1
        }
        if end < sentence.upperBound, words.is(end, .complement) {
            var probe = end + 1
            var last = end
            while probe < sentence.upperBound, probe - end <= 8, !named[probe], tokens[probe].isInitialUpper || words.is(probe, .function) {
                if tokens[probe].isInitialUpper { last = probe }
                probe += 1
            }
            if last > end { end = last + 1 }
        }
        while start < k, words.is(start, .genericModifier) || words.is(start, .function) { start += 1 }
        let hasModifier = (start..<k).contains { !words.is($0, .genericModifier) }
        return hasModifier || end > k + 1 ? start..<end : nil
    }

    /// A described agreement around the lower-case head `k` ("a comprehensive strategic partnership agreement", "a
    /// declaration of peace and friendship", "a military intelligence-sharing pact"); just the head when nothing
    /// but generic words describe it ("the new treaty").
    func describedPhrase(head k: Int, in sentence: Range<Int>, words: TokenText, named: [Bool]) -> Range<Int> {
        let tokens = words.tokens
        var start = k
        var end = k + 1
        while start > sentence.lowerBound, !named[start - 1], words.joinedLoosely(start) {
            // A lower-case hyphenated compound describes too.
            let compound = tokens[start - 1].gap == .hyphen && !tokens[start - 1].isInitialUpper
                && start - 2 >= sentence.lowerBound && !tokens[start - 2].isInitialUpper
            guard words.is(start - 1, .agreementModifier) || words.is(start - 1, .agreementHead)
                || words.is(start - 1, .genericModifier) || compound
            else { break }
            start -= compound ? 2 : 1
        }
        if end + 1 < sentence.upperBound, words.is(end, .complement), words.is(end + 1, .agreementModifier) {
            var probe = end + 1
            while probe < sentence.upperBound, words.is(probe, .agreementModifier) || words.is(probe, .and) { probe += 1 }
            if words.is(probe - 1, .and) { probe -= 1 }
            end = probe
        }
        while start < k, words.is(start, .genericModifier) { start += 1 }
        return start < k || end > k + 1 ? start..<end : k..<(k + 1)
    }

    /// Which agreement a phrase names: a known one whose parties and year or words fit; a known one under the same
    /// singular name; else a discovered one, remembered with its year and parties.
    mutating func identify(
        _ phrase: Range<Int>, head k: Int, capitalised: Bool, words: TokenText, states: [EntityID], joins: Bool, year: Int?
    ) -> EntityID {
        let content = phrase.filter { !words.is($0, .genericModifier) && !words.is($0, .function) }.map(words.word)
        if let known = knownAgreement(content: Set(content), head: words.word(k), states: states, year: year, named: capitalised) {
            return known
        }
        if capitalised {
            // Singular and plural, with or without "the", are one agreement: a known one, or one discovered.
            let label = words.string(phrase)
            let key = AgreementNames.singularKey(label)
            if let known = index.agreementNames.bySingularKey[key] { return known }
            let id = EntityID(kind: .agreement, slug: EntityID.slug(key))
            remember(DiscoveredEntity(id: id, label: label, year: year, parties: joins ? states : nil))
            return id
        }
        let parties = states.sorted()
        let slug = EntityID.slug(content.joined(separator: " ")) + "-"
            + parties.map { String($0.rawValue.drop { $0 != ":" }.dropFirst()) }.joined(separator: "-")
        let id = EntityID(kind: .agreement, slug: slug)
        let names = parties.map { index.knowledge.country($0)?.name ?? $0.rawValue }.joined(separator: "–")
        let label = content.joined(separator: " ").prefix(1).uppercased() + content.joined(separator: " ").dropFirst() + " (\(names))"
        remember(DiscoveredEntity(id: id, label: label, year: year, parties: parties))
        return id
    }

    /// Notes the agreements a sentence names, for the generic references after it ("the treaty").
    mutating func note(_ found: [Found]) {
        if let last = found.last(where: { $0.entity.kind == .agreement }) { lastAgreement = last.entity }
    }

    /// A known agreement with two or more of `states` among its parties that the year or a word of its name
    /// confirms; `nil` when none or several fit equally.
    /// A proper name (`named`) must share a word besides its head with the known agreement's names: "the Lima–Quito
    /// Protocol" of 1998 is not the Brasília Presidential Act of the same year and parties.
    func knownAgreement(content: Set<String>, head: String, states: [EntityID], year: Int?, named: Bool) -> EntityID? {
        guard states.count >= 2 else { return nil }
        let names = index.agreementNames
        let agreements = index.knowledge.agreements
        // The agreements of the sentence's states, each as often as it has parties among them (states are distinct).
        var candidates: [Int32] = []
        for state in states { candidates += names.byParty[state] ?? [] }
        guard candidates.count >= 2 else { return nil }
        candidates.sort()
        let otherWords = content.subtracting([head])
        var best: (id: EntityID, score: Int)?
        var tie = false
        var run = candidates.startIndex
        while run < candidates.endIndex {
            let n = Int(candidates[run])
            var next = run + 1
            while next < candidates.endIndex, candidates[next] == candidates[run] { next += 1 }
            let overlap = next - run
            run = next
            guard overlap >= 2 else { continue }
            let nameWords = names.words[n]
            let sharedWords = otherWords.intersection(nameWords).count
            if named && sharedWords == 0 { continue }
            var confirmation = 0
            if nameWords.contains(head) { confirmation += 2 }
            confirmation += min(2, sharedWords)
            if let year, let signed = agreements[n].year {
                if signed == year { confirmation += 2 } else if abs(signed - year) <= 1 { confirmation += 1 } else { confirmation -= 2 }
            }
            guard confirmation >= 2 else { continue }
            let score = overlap + confirmation
            if best == nil || score > best!.score {
                best = (agreements[n].id, score)
                tie = false
            } else if score == best!.score {
                tie = true
            }
        }
        return tie ? nil : best?.id
    }
}
