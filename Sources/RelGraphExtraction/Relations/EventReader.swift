import RelGraphCore
import RelGraphKnowledge

/// A time expression of a sentence with its year found.
struct ResolvedTime: Sendable {
    var position: Int
    var span: TimeSpan
    var isRepeat: Bool
    var datesFollowing: Bool
}

/// One event of a sentence as it relates two of the sentence's entities.
struct PairEvent: Sendable {
    /// Indices into the sentence's entity list.
    var first: Int
    var second: Int
    var relation: Relation
    var tone: Double
    /// The trigger that decided the relation; nil for a bare co-occurrence (neutral).
    var hit: TriggerHit?
    /// The event's own time; nil when nothing dates it.
    var time: TimeSpan?
    /// Leaving an agreement or organisation ("withdrew from"): a conflict tie with it (and its other parties).
    var isReversal: Bool
}

/// The buffers a document's event reading reuses from sentence to sentence, so that a warm reader allocates nothing
/// per sentence.
struct EventScratch {
    var predicates: [EventReader.Predicate] = []
    /// The predicates' subjects and objects, as indices into the sentence's mentions.
    var participants: [Int] = []
    var timed: [(Int, Int, Int)] = []
    var pairFlags: [UInt8] = []
    var bound: [Bool] = []
    var seen = Set<Int>()
    /// The token spans of the sentence's background predicates ("despite tensions", "after years of war").
    var background: [ClosedRange<Int>] = []
}

/// Reads the events of one sentence: which entities each trigger relates, with which polarity, and in which year.
///
/// The sentence is cut into clauses (``ClauseSplitter``); in each clause the triggers form *predicates* — runs of
/// triggers with no entity, time expression, "and" or clause break between them ("signed a treaty of friendship"
/// is one). A predicate's *subjects* are the entities before it in its clause (a predicate after another one in
/// the same clause shares that one's subjects: "Japan established relations with China and ended its ties with
/// Taiwan"); its *objects* the entities after it, up to the next predicate, except places ("in Lebanon").
/// Subjects are related to objects; with no object but agreements, subjects to each other ("Egypt and Israel
/// signed a treaty"); after "between", objects to each other. Background predicates ("despite tensions", "after
/// years of war", "over aid") relate nothing. The predicate's polarity is its object trigger if it has one ("broke off … relations"),
/// else a reversal ("withdrew from"), else its last cooperation or conflict trigger.
///
/// Each pair's year is the time expression nearest after its later entity within the predicate's reach, else the
/// last one before the predicate in the sentence, else the sentence's own time; "again in 1972" repeats the event
/// in that year. Relative expressions count from the event before ("a year later"), or from the document's date
/// ("today", "on Monday", "two decades ago").
///
/// Pairs of one clause that no predicate relates are neutral co-occurrences; pairs of different clauses that no
/// predicate relates are not tied.
struct EventReader {
    let words: TokenText
    let sentence: Range<Int>
    /// Token position of each entity's first mention in the sentence, and its kind.
    let positions: [Int]
    let kinds: [EntityKind]
    /// Every mention of the sentence: which entity (index into `positions`) and its tokens.
    let mentions: [(entity: Int, start: Int, end: Int)]
    /// The clause of each mention.
    let mentionClauses: [Int]
    let reading: SentenceReading
    let boundaries: [Int]
    /// The sentence's time expressions, resolved, in token order.
    let times: [ResolvedTime]
    /// The time of the sentence as a whole (own, period, tenure, paragraph, heading or document).
    let sentenceTime: TimeSpan?

    /// A run of triggers acting as one predicate. Its subjects and objects are indices into `mentions`, kept in
    /// ``EventScratch/participants`` (a predicate coordinated with the one before shares that one's range).
    struct Predicate {
        var start: Int
        var end: Int
        var clause: Int
        var decider: TriggerHit
        var subjects: Range<Int> = 0..<0
        var objects: Range<Int> = 0..<0
        var between = false
        /// A pronoun stands among its objects ("restored relations with it").
        var unnamedObject = false
    }

    /// Resolves time mentions: relative ones against the one before in the sentence (or `previousYear`, the year
    /// of the document's event before this sentence), present ones against the document's year.
    static func resolve(_ mentions: [TimeMention], previousYear: Int?, documentYear: Int?, into resolved: inout [ResolvedTime]) {
        resolved.removeAll(keepingCapacity: true)
        var anchor = previousYear
        for mention in mentions {
            let span: TimeSpan?
            switch mention.kind {
            case .absolute(let s): span = s
            case .afterPrevious(let years): span = anchor.map { TimeSpan(start: $0 + years, dating: .relative) }
            case .fromDocument(let years): span = documentYear.map { TimeSpan(start: $0 + years, dating: .relative) }
            }
            guard let span else { continue }
            resolved.append(ResolvedTime(position: mention.position, span: span, isRepeat: mention.isRepeat, datesFollowing: mention.datesFollowing))
            anchor = span.start
        }
    }

    @inline(__always)
    func clause(_ position: Int) -> Int { boundaries.isEmpty ? 0 : ClauseSplitter.clause(of: position, boundaries) }

    /// Whether mention `m` ends right before token `position` ("U.S. support", "Egypt's recognition", "Pakistan
    /// broke off"): at most two words between, none of them a comma, conjunction or preposition.
    func isAdjacent(_ m: Int, to position: Int) -> Bool {
        let end = mentions[m].end
        guard end <= position, position - end <= 2 else { return false }
        for k in end..<position where words.is(k, .and) || words.is(k, .preposition) || words.is(k, .conjunction) { return false }
        return !times.contains { $0.position >= end && $0.position < position }
    }

    /// The predicates of the sentence, with their subjects and objects, into `scratch.predicates`.
    func predicates(_ scratch: inout EventScratch) {
        scratch.predicates.removeAll(keepingCapacity: true)
        scratch.participants.removeAll(keepingCapacity: true)
        // Runs of triggers with nothing between them that separates predicates.
        let hits = reading.hits
        var runStart = 0
        for h in hits.indices where h == hits.count - 1 || separated(hits[h].position, hits[h + 1].position) {
            let run = hits[runStart...h]
            let decider = run.first { $0.object != nil } ?? run.first { $0.relation == .reversal } ?? hits[h]
            scratch.predicates.append(Predicate(start: run.first!.position, end: hits[h].position, clause: clause(run.first!.position), decider: decider))
            runStart = h + 1
        }
        // Participants.
        for i in scratch.predicates.indices {
            let p = scratch.predicates[i]
            let next = i + 1 < scratch.predicates.count && scratch.predicates[i + 1].clause == p.clause ? scratch.predicates[i + 1] : nil
            let previous = i > 0 && scratch.predicates[i - 1].clause == p.clause ? scratch.predicates[i - 1] : nil
            // A mention right before the next predicate is its subject ("U.S. support"), and this one's object too
            // unless a comma or a time stands between ("gratitude to Stalin for his support").
            let objectsStart = scratch.participants.count
            for (m, mention) in mentions.enumerated() where mentionClauses[m] == p.clause {
                if mention.start > p.end, next == nil || mention.start < next!.start,
                    next == nil || !isAdjacent(m, to: next!.start) || !pause(p.end, mention.start),
                    !isCircumstance(m)
                {
                    scratch.participants.append(m)
                }
            }
            let objects = objectsStart..<scratch.participants.count
            let subjectsStart = scratch.participants.count
            for (m, mention) in mentions.enumerated() where mentionClauses[m] == p.clause {
                if mention.start < p.start, previous == nil || (mention.start > previous!.end && isAdjacent(m, to: p.start)) {
                    scratch.participants.append(m)
                }
            }
            var subjects = subjectsStart..<scratch.participants.count
            if previous == nil { subjects = trailingList(subjects, scratch.participants) }
            if subjects.isEmpty, let previous {
                // A predicate coordinated with the one before shares its subjects ("… and ended its ties with …").
                subjects = previous.subjects.isEmpty ? previous.objects : previous.subjects
            }
            if subjects.isEmpty, i > 0, scratch.predicates[i - 1].clause == p.clause - 1,
                !mentions.indices.contains(where: { mentionClauses[$0] == p.clause && mentions[$0].start < p.start })
            {
                subjects = scratch.predicates[i - 1].subjects  // ", accusing Russia …" after a clause break
            }
            scratch.predicates[i].subjects = subjects
            scratch.predicates[i].objects = objects
            if !objects.isEmpty {
                let firstObject = scratch.participants[objects.lowerBound]
                scratch.predicates[i].between = (p.end..<mentions[firstObject].start).contains { words.is($0, .between) }
            }
            // "ended … relations with it": an object the reader cannot name.
            let reach = next?.start ?? (boundaries.first { $0 > p.end } ?? sentence.upperBound)
            scratch.predicates[i].unnamedObject = ((p.end + 1)..<max(p.end + 1, reach)).contains { words.is($0, .pronoun) }
        }
        // Background predicates relate nothing, and their triggers type no other pair ("after four years of
        // fighting" is no conflict between the states of the sentence).
        scratch.background.removeAll(keepingCapacity: true)
        scratch.predicates.removeAll { p in
            guard isBackground(p) else { return false }
            scratch.background.append(p.start...p.end)
            return true
        }
    }

    /// The subjects that form the list just before a predicate ("Egypt, Jordan and Syria signed", "U.S.
    /// President Ronald Reagan and Soviet leader Mikhail Gorbachev signed"): earlier mentions separated from it by
    /// other words ("as Iran expanded its enrichment, leading to UN sanctions"; a dateline "WASHINGTON
    /// (Reuters) -") are not subjects.
    func trailingList(_ subjects: Range<Int>, _ participants: [Int]) -> Range<Int> {
        guard var k = subjects.indices.last else { return subjects }
        while k > subjects.lowerBound, listGap(mentions[participants[k - 1]].end, mentions[participants[k]].start) { k -= 1 }
        return k..<subjects.upperBound
    }

    /// Whether tokens `from ..< to` only join two names of a list: "and", "the", "of", a possessive "s", titles,
    /// capitalised words; commas, spaces, apostrophes and full stops between them.
    func listGap(_ from: Int, _ to: Int) -> Bool {
        guard from <= to else { return false }
        let tokens = words.tokens
        if from < to {
            for k in from..<to {
                let joins = words.is(k, .and) || words.is(k, .function) || words.is(k, .possessive)
                    || words.is(k, .titleStart) || words.is(k, .leaderWord) || tokens[k].isInitialUpper
                if !joins { return false }
            }
        }
        for j in max(from, 1)...to {
            for i in Int(tokens[j - 1].end)..<Int(tokens[j].start) {
                let b = words.text[i]
                if !(b == 0x20 || b == UInt8(ascii: ",") || b == UInt8(ascii: "'") || b == UInt8(ascii: ".") || b >= 0x80) { return false }
                if b == 0xE2, i + 2 < words.text.count, words.text[i + 1] == 0x80, words.text[i + 2] != 0x99 { return false }  // dashes
            }
        }
        return true
    }

    /// A mention after "in", "at" or "near" (within two words) is where, not whom: "a war with Hezbollah in
    /// Lebanon", "a warplane near the Syrian border".
    func isCircumstance(_ m: Int) -> Bool {
        let start = mentions[m].start
        return (1...2).contains { start - $0 >= sentence.lowerBound && words.is(start - $0, .placePreposition) }
    }

    /// A predicate that is the background of an event, not an event: "despite tensions", "after years of war",
    /// "broke off relations over aid convoys".
    func isBackground(_ p: Predicate) -> Bool {
        let k = p.start
        if (1...3).contains(where: { k - $0 >= sentence.lowerBound && words.is(k - $0, .background) }) { return true }
        if words.is(k - 1, .complement), words.is(k - 2, .years) || words.is(k - 2, .year) || words.is(k - 2, .decade) { return true }
        return (1...2).contains { k - $0 >= sentence.lowerBound && words.is(k - $0, .topic) }
    }

    /// Whether a comma or a time expression lies between tokens `a` and `b`.
    func pause(_ a: Int, _ b: Int) -> Bool {
        if times.contains(where: { $0.position > a && $0.position < b }) { return true }
        let tokens = words.tokens
        guard b > a, a >= 0 else { return false }
        for i in Int(tokens[a].end)..<Int(tokens[b].start) where words.text[i] == UInt8(ascii: ",") { return true }
        return false
    }

    /// Whether something separates two triggers into two predicates.
    func separated(_ a: Int, _ b: Int) -> Bool {
        if mentions.contains(where: { $0.start > a && $0.start < b }) { return true }
        if times.contains(where: { $0.position > a && $0.position < b }) { return true }
        if clause(a) != clause(b) { return true }
        guard b > a + 1 else { return false }
        return ((a + 1)..<b).contains { words.is($0, .and) }
    }

    /// The events of the sentence, appended to `events`; `scratch` holds the buffers reused from sentence to
    /// sentence.
    func read(into events: inout [PairEvent], scratch: inout EventScratch) {
        let count = positions.count
        guard !reading.hits.isEmpty else {
            // No trigger: the pairs of one clause co-occur, in the sentence's time.
            for a in 0..<count {
                for b in (a + 1)..<max(a + 1, count) where clause(positions[a]) == clause(positions[b]) {
                    events.append(PairEvent(first: a, second: b, relation: .neutral, tone: 0, hit: nil, time: sentenceTime, isReversal: false))
                }
            }
            return
        }
        predicates(&scratch)
        let predicates = scratch.predicates
        let participants = scratch.participants
        scratch.seen.removeAll(keepingCapacity: true)
        var mayRepeat = predicates.count > 1 || times.contains(where: \.isRepeat)
        for p in predicates where !mayRepeat && agreements(among: p.objects, participants) > 1 { mayRepeat = true }
        // Per pair of entities (a * count + b): some predicate relates it; both are co-participants of one predicate.
        let relatedFlag: UInt8 = 1
        let togetherFlag: UInt8 = 2
        scratch.pairFlags.removeAll(keepingCapacity: true)
        scratch.pairFlags.append(contentsOf: repeatElement(0, count: count * count))
        for (index, p) in predicates.enumerated() {
            // Pairs to relate: (mention, mention, mention whose time counts).
            scratch.timed.removeAll(keepingCapacity: true)
            for s in participants[p.subjects] {
                for o in participants[p.objects] where mentions[o].entity != mentions[s].entity { scratch.timed.append((s, o, o)) }
            }
            if p.between { forEachPair(participants[p.objects]) { scratch.timed.append(($0, $1, $1)) } }
            // "Kosovo declared independence …, and the United States recognised it": with no object named but
            // "it", the object is the state or organisation the sentence opened with, if it is not a subject.
            if p.unnamedObject, p.objects.isEmpty, let antecedent = antecedent(of: p, participants) {
                for s in participants[p.subjects] { scratch.timed.append((s, antecedent, s)) }
            }
            // "Egypt and Israel signed a treaty": with no object but an agreement (or a subject named again, "at the
            // White House"), subjects are related. Subjects related through the agreements they sign take each
            // agreement's time ("SALT I in 1972 and SALT II in 1979").
            let joint = !p.unnamedObject && participants[p.objects].allSatisfy { o in
                kinds[mentions[o].entity] == .agreement || participants[p.subjects].contains { mentions[$0].entity == mentions[o].entity }
            }
            if joint {
                let agreementCount = agreements(among: p.objects, participants)
                forEachPair(participants[p.subjects]) { x, y in
                    if agreementCount == 0 {
                        scratch.timed.append((x, y, y))
                    } else {
                        for a in participants[p.objects] where kinds[mentions[a].entity] == .agreement { scratch.timed.append((x, y, a)) }
                    }
                }
            }
            let nextStart = index + 1 < predicates.count && predicates[index + 1].clause == p.clause ? predicates[index + 1].start : sentence.upperBound
            let isReversal = p.decider.relation == .reversal
            let tone = p.decider.tone
            let relation: Relation = tone > 0 ? .cooperation : tone < 0 ? .conflict : .neutral
            // "switched its support from Somalia to Ethiopia": a switch turns the cooperation with the state it
            // leaves (after "from") into conflict.
            let switches = relation == .cooperation
                && (max(sentence.lowerBound, p.start - 3)...p.end).contains { words.is($0, .switching) }
            for (x, y, z) in scratch.timed {
                let (a, b) = (mentions[x].entity, mentions[y].entity)
                guard a != b else { continue }
                let (relation, tone) = switches && (isLeft(x) || isLeft(y)) ? (Relation.conflict, -tone) : (relation, tone)
                if isReversal && !(isAgreementLike(a) || isAgreementLike(b)) { continue }
                let (first, second) = (min(a, b), max(a, b))
                let (firstTime, repeats) = time(for: x, z, predicate: p, participants: participants, nextStart: nextStart)
                for r in (repeats.lowerBound - 1)..<repeats.upperBound {
                    let time = r < repeats.lowerBound ? firstTime : times[r].span
                    // One event per pair, relation and year, however many predicates say it.
                    let key = ((first * count + second) * 4 + Int(relation == .cooperation ? 1 : relation == .conflict ? 2 : 0)) &* 8191
                        &+ (time?.start ?? 0) &* 31 &+ (time?.end ?? 0)
                    // (Only several predicates, agreements or repeats can say one event twice.)
                    if mayRepeat { guard scratch.seen.insert(key).inserted else { continue } }
                    events.append(PairEvent(first: first, second: second, relation: relation, tone: tone, hit: p.decider, time: time, isReversal: isReversal))
                }
                scratch.pairFlags[first * count + second] |= relatedFlag
            }
        }
        // Co-participants of one predicate that it does not relate ("Egypt, Jordan and Syria signed … with Israel":
        // Egypt and Jordan) are only co-occurring. Entities some predicate gives a role (a subject, or an object of a
        // predicate with a subject) take no relation from a trigger that is not theirs.
        scratch.bound.removeAll(keepingCapacity: true)
        scratch.bound.append(contentsOf: repeatElement(false, count: count))
        func markTogether(_ list: Range<Int>) {
            for x in participants[list] {
                for y in participants[list] { scratch.pairFlags[mentions[x].entity * count + mentions[y].entity] |= togetherFlag }
            }
        }
        for p in predicates {
            markTogether(p.subjects)
            markTogether(p.objects)
            for x in participants[p.subjects] { scratch.bound[mentions[x].entity] = true }
            if !p.subjects.isEmpty { for x in participants[p.objects] { scratch.bound[mentions[x].entity] = true } }
        }
        // Other pairs of one clause: the trigger nearest to them (the last between them, else the first after
        // both), else a neutral co-occurrence.
        let hasNamedTarget = predicates.contains { !$0.objects.isEmpty }
        for a in 0..<count {
            for b in (a + 1)..<max(a + 1, count) where scratch.pairFlags[a * count + b] & relatedFlag == 0 && clause(positions[a]) == clause(positions[b]) {
                let (low, high) = (min(positions[a], positions[b]), max(positions[a], positions[b]))
                // A place takes no trigger's polarity when the event has a named target ("a war with Hezbollah in
                // Lebanon", "a Russian warplane near the Syrian border"); with none, the place is the target ("crushed
                // the uprising in Hungary").
                let untyped = scratch.pairFlags[a * count + b] & togetherFlag != 0 || (scratch.bound[a] && scratch.bound[b])
                    || (hasNamedTarget && (isOnlyPlace(a) || isOnlyPlace(b)))
                let hit = untyped ? nil : nearestTrigger(low, high, background: scratch.background)
                let relation: Relation = hit.map { $0.tone > 0 ? .cooperation : $0.tone < 0 ? .conflict : .neutral } ?? .neutral
                events.append(PairEvent(
                    first: a, second: b, relation: relation, tone: relation == .neutral ? 0 : hit!.tone, hit: relation == .neutral ? nil : hit,
                    time: time(after: high, before: sentence.upperBound) ?? time(before: high) ?? sentenceTime, isReversal: false))
            }
        }
    }

    /// What "it" after predicate `p` stands for: the sentence's first mention, before `p`, of a state or an
    /// organisation that is not one of `p`'s subjects — the most salient thing named, in subject position.
    func antecedent(of p: Predicate, _ participants: [Int]) -> Int? {
        let reach = boundaries.first { $0 > p.end } ?? sentence.upperBound
        guard ((p.end + 1)..<max(p.end + 1, reach)).contains(where: { words.is($0, .neuterPronoun) }) else { return nil }
        let first = mentions.indices.min { mentions[$0].start < mentions[$1].start }
        guard let m = first, mentions[m].start < p.start, kinds[mentions[m].entity] == .country || kinds[mentions[m].entity] == .organization,
            !participants[p.subjects].contains(where: { mentions[$0].entity == mentions[m].entity })
        else { return nil }
        return m
    }

    /// Whether every mention of entity `e` in the sentence is a place where something happened (``isCircumstance``).
    func isOnlyPlace(_ e: Int) -> Bool {
        var any = false
        for m in mentions.indices where mentions[m].entity == e {
            guard isCircumstance(m) else { return false }
            any = true
        }
        return any
    }

    /// Whether mention `m` follows "from" ("from Taiwan", "from the Soviet Union").
    func isLeft(_ m: Int) -> Bool {
        let start = mentions[m].start
        return words.is(start - 1, .from) || (words.is(start - 2, .from) && words.is(start - 1, .function))
    }

    /// How many of the mentions `participants[range]` name agreements.
    func agreements(among range: Range<Int>, _ participants: [Int]) -> Int {
        var n = 0
        for m in participants[range] where kinds[mentions[m].entity] == .agreement { n += 1 }
        return n
    }

    /// The cooperation or conflict trigger of the pair's clause nearest to mentions at `low` < `high`, outside the
    /// `background` predicates.
    func nearestTrigger(_ low: Int, _ high: Int, background: [ClosedRange<Int>]) -> TriggerHit? {
        let clause = clause(low)
        var between: TriggerHit?
        var after: TriggerHit?
        for hit in reading.hits where hit.relation == .cooperation || hit.relation == .conflict {
            if background.contains(where: { $0.contains(hit.position) }) { continue }
            if hit.position > low && hit.position < high {
                if self.clause(hit.position) == clause { between = hit }
            } else if hit.position > high, after == nil, self.clause(hit.position) == clause {
                after = hit
            }
        }
        return between ?? after
    }

    func isAgreementLike(_ e: Int) -> Bool { kinds[e] == .agreement || kinds[e] == .organization }

    /// Calls `body` with every pair of `list` in order: (list[0], list[1]), (list[0], list[2]), …
    @inline(__always)
    func forEachPair(_ list: ArraySlice<Int>, _ body: (Int, Int) -> Void) {
        for i in list.indices { for j in list.indices where j > i { body(list[i], list[j]) } }
    }

    /// The time of one pair's event (mentions `x`, `y`): the first expression after its later mention and before
    /// the next object or predicate of the clause, else the last expression before the predicate, else the
    /// sentence's time; and the indices into ``times`` of the "again in …" expressions that repeat it.
    func time(for x: Int, _ y: Int, predicate p: Predicate, participants: [Int], nextStart: Int) -> (time: TimeSpan?, repeats: Range<Int>) {
        let later = max(mentions[x].start, mentions[y].start)
        let from = max(later, p.start)
        var end = min(nextStart, boundaries.first { $0 > from } ?? sentence.upperBound)
        // The next object of the same predicate has its own time ("B in 1988 and C in 2001").
        for o in participants[p.objects] where mentions[o].start > from && mentions[o].start < end { end = mentions[o].start }
        guard let first = times.firstIndex(where: { $0.position > from && $0.position < end && !$0.datesFollowing }) else {
            return (time(before: p.start) ?? sentenceTime, 0..<0)
        }
        var k = first + 1
        let clauseEnd = boundaries.first { $0 > times[first].position } ?? sentence.upperBound
        while k < times.count, times[k].position < clauseEnd, times[k].isRepeat,
            !mentions.contains(where: { $0.start > times[first].position && $0.start < times[k].position })
        {
            k += 1
        }
        return (times[first].span, (first + 1)..<k)
    }

    func time(after position: Int, before end: Int) -> TimeSpan? {
        times.first { $0.position > position && $0.position < end }?.span
    }

    func time(before position: Int) -> TimeSpan? {
        times.last { $0.position < position }?.span
    }
}
