import Foundation
import RelGraphCore
import RelGraphKnowledge

/// Reads one document: clean → tokenise → segment → recognise → date → resolve → relate.
///
/// A pure function of the document and the (read-only) knowledge index, so documents can be extracted in parallel
/// and one at a time as they arrive.
/// ```swift
/// let extractor = DocumentExtractor(index: KnowledgeIndex(try KnowledgeBase.bundled()))
/// let result = extractor.extract(SourceDocument(id: "cuba-1961", text: "In 1961 the United States …"))
/// ```
public struct DocumentExtractor: Sendable {
    public let index: KnowledgeIndex
    /// Gives the year "present" stands for in an undated document ("1991-Present"), read once per document.
    public let clock: ExtractionClock
    private let cleaner: BoilerplateCleaner

    public init(index: KnowledgeIndex, clock: ExtractionClock = .system) {
        self.index = index
        self.clock = clock
        self.cleaner = BoilerplateCleaner(rules: index.knowledge.boilerplate)
    }

    /// An extractor whose present stands still in `presentYear` (tests, reproducible builds).
    public init(index: KnowledgeIndex, presentYear: Int) {
        self.init(index: index, clock: .fixed(presentYear))
    }

    /// The present year by the system clock.
    public static func currentYear() -> Int { ExtractionClock.system.currentYear() }

    public func extract(_ document: SourceDocument) -> DocumentExtraction {
        let presentYear = clock.currentYear()
        let (clean, report) = cleaner.clean(document.bytes, isHTML: document.format == .html, holdsName: index.holdsName)
        var statistics = DocumentExtraction.Statistics()
        statistics.boilerplateLines = report.boilerplateLines
        statistics.injectedPhrases = report.injectedPhrases
        statistics.repeatedLines = report.repeatedLines
        return clean.withUnsafeBufferPointer { text in
            var reader = DocumentReader(
                extractor: self, document: document, text: text, offsets: ScalarOffsets(document.bytes),
                presentYear: presentYear, statistics: statistics)
            return reader.read()
        }
    }
}

/// Two states named together in one sentence. "The two countries" are the two states of the sentence before when
/// it named just two; otherwise the pair the text is about: the one named together most often, then most recently,
/// then nearest the start of its sentence ("Egypt and Israel signed, with the United States as witness": Egypt and
/// Israel), not the last two states named.
struct StatePair {
    var first: EntityID
    var second: EntityID
    var count: Int
    /// The last sentence that named both, and the position of the later of the two among that sentence's states.
    var sentence: Int
    var reach: Int

    /// Whether `other` is more the text's pair than this one.
    func precedes(_ other: StatePair) -> Bool {
        (count, sentence, -reach) < (other.count, other.sentence, -other.reach)
    }

    /// The pair a text is about, from the states of its sentences so far that named two or more (`states`, flat;
    /// sentence `k`'s from `sentenceStarts[k]`). Counted only when a text says "the two countries", so reading
    /// costs nothing otherwise.
    static func about(_ states: [EntityID], sentenceStarts: [Int]) -> StatePair? {
        var pairs: [StatePair] = []
        for s in sentenceStarts.indices {
            let end = s + 1 < sentenceStarts.count ? sentenceStarts[s + 1] : states.count
            let sentence = states[sentenceStarts[s]..<end]
            for i in sentence.indices {
                for j in sentence.indices where j > i {
                    let (first, second) = states[i] < states[j] ? (states[i], states[j]) : (states[j], states[i])
                    let reach = j - sentence.startIndex
                    if let k = pairs.firstIndex(where: { $0.first == first && $0.second == second }) {
                        pairs[k].count += 1
                        pairs[k].sentence = s
                        pairs[k].reach = reach
                    } else {
                        pairs.append(StatePair(first: first, second: second, count: 1, sentence: s, reach: reach))
                    }
                }
            }
        }
        return pairs.max { $0.precedes($1) }
    }
}

/// The per-document state of one extraction. ``read()`` runs the stages sentence by sentence: dictionary matches
/// (``sentenceMatches``), time (``sentenceTime``), entities (``recognise``), the states spoken of
/// (``statesSpokenOf``), mentions (``record``), and events and ties (``relate``, in `TieBuilder.swift`).
struct DocumentReader {
    let extractor: DocumentExtractor
    let document: SourceDocument
    let text: UnsafeBufferPointer<UInt8>
    let offsets: ScalarOffsets
    /// The present year, as the extractor's clock gave it for this document.
    let presentYear: Int
    var statistics: DocumentExtraction.Statistics
    /// Stored, not computed from `extractor`: a computed copy of this struct of arrays would retain and release
    /// every one of its arrays at each use in the hot loops.
    let index: KnowledgeIndex

    var mentions: [EntityMention] = []
    var evidenceList: [Evidence] = []
    var ties: [Tie] = []
    /// States in the order last named (or referred to): with `namedStates` and `lastNamedStates`, what "the two
    /// countries" refers to (``StatePair``).
    var recentStates: [EntityID] = []
    /// The states of each sentence that named two or more, flat: sentence `k`'s are
    /// `namedStates[namedStateStarts[k] ..< namedStateStarts[k + 1]]` (the last up to the end).
    var namedStates: [EntityID] = []
    var namedStateStarts: [Int] = []
    /// The states of the last sentence that named (or referred to) any.
    var lastNamedStates: [EntityID] = []
    var years: [Int] = []
    /// The year of the last event read, the anchor of "a year later" in the next sentence.
    var lastEventYear: Int?

    /// Per-sentence lists, emptied and refilled for each sentence rather than allocated anew.
    var sentenceMatches: [NameMatch] = []
    var periods: [(match: NameMatch, period: NamedPeriod)] = []
    var found: [PatternRecognizer.Found] = []
    var states: [EntityID] = []
    var entities: [EntityID] = []
    /// Token position of each entity's first mention in the sentence.
    var positions: [Int] = []
    var timeMentions: [TimeMention] = []
    var boundaries: [Int] = []
    var events: [PairEvent] = []
    var eventMentions: [(entity: Int, start: Int, end: Int)] = []
    /// Per entity of the sentence, its kind; per mention, its first token and its clause.
    var kinds: [EntityKind] = []
    var mentionStarts: [Int] = []
    var mentionClauses: [Int] = []
    var resolvedTimes: [ResolvedTime] = []
    var eventScratch = EventScratch()
    /// The polarity sources of the sentence's triggers, built once each (`TieBuilder`).
    var sources: [(position: Int, trigger: Int32, text: String)] = []

    init(extractor: DocumentExtractor, document: SourceDocument, text: UnsafeBufferPointer<UInt8>, offsets: ScalarOffsets, presentYear: Int, statistics: DocumentExtraction.Statistics) {
        self.extractor = extractor
        self.presentYear = presentYear
        self.index = extractor.index
        self.document = document
        self.text = text
        self.offsets = offsets
        self.statistics = statistics
    }

    /// The scopes a sentence's time falls back on.
    struct TimeScope {
        var heading: TimeSpan?
        var paragraph: TimeSpan?
        var currentParagraph = -1
    }

    mutating func read() -> DocumentExtraction {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.count / 6)
        Tokenizer.tokenize(text, range: 0..<text.count, vocabulary: index.vocabulary, into: &tokens)
        let words = TokenText(text: text, tokens: tokens, index: index)
        let sentences = Segmenter.split(text, tokens: tokens)
        let matches = NameMatcher.matches(tokens, index: index)
        var named = [Bool](repeating: false, count: tokens.count)
        for match in matches { for k in match.tokens { named[k] = true } }
        let tagger = TimeTagger(words: words, documentYear: document.info.date?.year, presentYear: presentYear)
        var resolver = EntityResolver(index: index)
        var patterns = PatternRecognizer(index: index)
        var seenSentences = Set<UInt64>()
        var scope = TimeScope()
        var m = 0
        statistics.sentences = sentences.count

        for sentence in sentences {
            sentenceMatches(sentence, matches, from: &m)
            let (own, sentenceTime) = self.sentenceTime(sentence, tagger: tagger, scope: &scope)
            var time = sentenceTime
            recognise(sentence, words: words, named: &named, resolver: &resolver, patterns: &patterns, time: time)
            // "under President X": the leader's tenure dates a sentence that has no time of its own.
            if own == nil, let tenure = tenureTime(found, tagger: tagger) {
                time = tenure
            } else if own == nil, let signed = firstAgreementYear(found) {
                // A known agreement named in a sentence with no time of its own dates it.
                time = TimeSpan(start: signed, dating: .agreement)
            } else if time == nil, let year = lastEventYear,
                // (In a dated document, `sentenceTime` found the sentence not of the present already.)
                document.info.date != nil || !SentenceTense.speaksOfPresent(sentence.tokens, words: words),
                !found.contains(where: { index.knowledge.isOutOfOffice($0.entity, year: year) })
            {
                // A past-tense sentence with nothing to date it continues the story: the event told before it —
                // unless a leader it names did not hold office then (the story has moved on).
                time = TimeSpan(start: year, dating: .narrative)
            }
            let referred = statesSpokenOf(sentence, words: words, patterns: patterns, year: time?.start)
            // Only a sentence that names or refers to something can tie anything.
            let reading = states.isEmpty && found.isEmpty
                ? SentenceReading() : RelationReader.read(tokens, sentence.tokens, named: named, index: index)
            found += patterns.agreements(
                in: sentence.tokens, isHeading: sentence.isHeading, words: words, named: &named, states: states,
                joins: reading.joins, year: time?.start)
            patterns.note(found)
            record(sentence, words: words, referred: referred, time: time)
            if let time {
                years.append(time.start)
                years.append(time.end)
            }

            // Evidence, for a sentence with something to tie: a repeated sentence counts once.
            let mayTie = entities.count >= 2 || entities.contains { $0.kind == .leader || $0.kind == .agreement }
            guard mayTie else {
                if let time, own != nil { lastEventYear = time.start }
                continue
            }
            let key = ByteSearch.normalisedHash(text, sentence.bytes)
            guard key.length >= 10 else { continue }
            guard seenSentences.insert(key.hash).inserted else {
                statistics.duplicateSentences += 1
                continue
            }
            readEvents(sentence, words: words, tagger: tagger, reading: reading, time: time)
            relate(reading: reading, evidence: evidence(sentence, time: time, reading: reading), words: words, patterns: patterns)
            if let year = events.last(where: { $0.hit != nil })?.time?.start ?? (own != nil ? time?.start : nil) {
                lastEventYear = year
            }
        }
        return DocumentExtraction(
            document: document.info, mentions: mentions, evidence: evidenceList, ties: ties,
            discovered: patterns.discoveredInOrder, years: years,
            statistics: statistics)
    }

    /// The dictionary matches inside `sentence` (and the named periods among them), from match `m` on.
    mutating func sentenceMatches(_ sentence: Sentence, _ matches: [NameMatch], from m: inout Int) {
        while m < matches.count && matches[m].tokens.lowerBound < sentence.tokens.lowerBound { m += 1 }
        sentenceMatches.removeAll(keepingCapacity: true)
        while m < matches.count && matches[m].tokens.lowerBound < sentence.tokens.upperBound {
            sentenceMatches.append(matches[m])
            m += 1
        }
        periods.removeAll(keepingCapacity: true)
        for match in sentenceMatches {
            for e in match.entries {
                if case .period(let p) = index.entries[Int(e)].target {
                    periods.append((match, index.knowledge.periods[p]))
                    break
                }
            }
        }
    }

    /// The sentence's own time, and its time after the scopes around it: own > paragraph > heading > document.
    func sentenceTime(_ sentence: Sentence, tagger: TimeTagger, scope: inout TimeScope) -> (own: TimeSpan?, time: TimeSpan?) {
        if sentence.paragraph != scope.currentParagraph {
            scope.currentParagraph = sentence.paragraph
            scope.paragraph = nil
        }
        let own = tagger.explicitTime(in: sentence.tokens) ?? tagger.periodTime(periods) ?? tagger.relativeTime(in: sentence.tokens)
        if sentence.isHeading {
            scope.heading = own.map { $0.with(.heading) }
            scope.paragraph = nil
        } else if let own, own.dating != .relative {
            scope.paragraph = own.with(.paragraph)
        }
        // The publication date dates only a sentence that speaks of the present ("is", "has", "will", "now"): one
        // in the past tense with no date of its own may be about any time.
        if let time = own ?? scope.paragraph ?? scope.heading { return (own, time) }
        guard let documentYear = document.info.date?.year, SentenceTense.speaksOfPresent(sentence.tokens, words: tagger.words)
        else { return (own, nil) }
        return (own, TimeSpan(start: documentYear, dating: .document))
    }

    /// Entities: the knowledge base's, then the leaders the patterns find (agreements come after the reading).
    mutating func recognise(
        _ sentence: Sentence, words: TokenText, named: inout [Bool], resolver: inout EntityResolver,
        patterns: inout PatternRecognizer, time: TimeSpan?
    ) {
        found.removeAll(keepingCapacity: true)
        for match in sentenceMatches {
            guard let (entity, role) = resolver.resolve(match, year: time?.start) else { continue }
            // "the Lusaka Protocol", "talks in Vienna", "the Hungarian minority": not a mention of the state.
            if MentionFilter.isPartOfSomethingElse(match, role: role, words: words) {
                if role == .capital, !words.is(match.tokens.lowerBound - 1, .placePreposition) {
                    for k in match.tokens { named[k] = false }  // the agreement patterns may take the whole name
                }
                continue
            }
            found.append(.init(entity: entity, tokens: match.tokens))
        }
        found += patterns.leaders(in: sentence.tokens, words: words, named: &named, resolved: found)
        found += resolver.officeReferences(in: sentence.tokens, words: words, named: named, resolved: found, year: time?.start)
        found.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// The states the sentence speaks of (named, or led by a leader named), and those "the two countries" refers
    /// to when it names fewer than two itself; returns the referred ones.
    mutating func statesSpokenOf(_ sentence: Sentence, words: TokenText, patterns: PatternRecognizer, year: Int?) -> [EntityID] {
        states.removeAll(keepingCapacity: true)
        for f in found {
            let state = f.entity.kind == .country ? f.entity : f.entity.kind == .leader ? patterns.state(ofLeader: f.entity, year: year) : nil
            if let state, !states.contains(state) { states.append(state) }
        }
        var referred: [EntityID] = []
        if states.count < 2, recentStates.count >= 2, refersToPair(sentence.tokens, words: words) {
            // The two states of the sentence before, if it named just two; else the pair the text is about.
            let pair = lastNamedStates.count == 2 ? lastNamedStates
                : StatePair.about(namedStates, sentenceStarts: namedStateStarts).map { [$0.first, $0.second] }
                    ?? Array(recentStates.suffix(2))
            referred = pair.filter { !states.contains($0) }
            states += referred
        }
        for state in states {
            if let i = recentStates.firstIndex(of: state) { recentStates.remove(at: i) }  // each state is listed once
            recentStates.append(state)
        }
        if !states.isEmpty {
            lastNamedStates.removeAll(keepingCapacity: true)
            lastNamedStates += states
        }
        if states.count >= 2 {
            namedStateStarts.append(namedStates.count)
            namedStates += states
        }
        return referred
    }

    /// Records the sentence's mentions, and its distinct entities with the position of each one's first mention.
    ///
    /// A leader named in a sentence about a time before they took office ("in 1950, under Rajiv Gandhi's
    /// grandfather"), or a state in a sentence about a time after it ended ("wary of depending on any one country,
    /// whether China or the Soviet Union", in 2024), is mentioned, but takes no part in what the sentence ties.
    mutating func record(_ sentence: Sentence, words: TokenText, referred: [EntityID], time: TimeSpan?) {
        entities.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
        eventMentions.removeAll(keepingCapacity: true)
        kinds.removeAll(keepingCapacity: true)
        for f in found {
            let bytes = words.span(f.tokens)
            let mention = Mention(
                doc: document.info.id, text: String(decoding: document.bytes[bytes], as: UTF8.self),
                start: offsets.scalarOffset(bytes.lowerBound), end: offsets.scalarOffset(bytes.upperBound))
            mentions.append(EntityMention(entity: f.entity, mention: mention))
            if index.knowledge.isBeforeOffice(f.entity, year: time?.end) { continue }
            if let start = time?.start, index.knowledge.hadEnded(f.entity, by: start) { continue }
            let e = entities.firstIndex(of: f.entity) ?? entities.count
            if e == entities.count {
                entities.append(f.entity)
                kinds.append(f.entity.kind ?? .organization)
                positions.append(f.tokens.lowerBound)
            }
            eventMentions.append((e, f.tokens.lowerBound, f.tokens.upperBound))
        }
        for state in referred where !entities.contains(state) {
            // A state "the two countries" refers to: a mention at the sentence's start.
            eventMentions.append((entities.count, sentence.tokens.lowerBound, sentence.tokens.lowerBound))
            entities.append(state)
            kinds.append(.country)
            positions.append(sentence.tokens.lowerBound)
        }
    }

    /// The sentence's events (``EventReader``), into `events`.
    mutating func readEvents(_ sentence: Sentence, words: TokenText, tagger: TimeTagger, reading: SentenceReading, time: TimeSpan?) {
        events.removeAll(keepingCapacity: true)
        guard entities.count >= 2 else { return }  // no pair, no event
        timeMentions.removeAll(keepingCapacity: true)
        if !reading.hits.isEmpty { tagger.mentions(in: sentence.tokens, into: &timeMentions) }  // no trigger: no event to date
        boundaries.removeAll(keepingCapacity: true)
        mentionStarts.removeAll(keepingCapacity: true)
        for mention in eventMentions { mentionStarts.append(mention.start) }
        ClauseSplitter.boundaries(words, sentence.tokens, mentionStarts: mentionStarts, into: &boundaries)
        mentionClauses.removeAll(keepingCapacity: true)
        if !reading.hits.isEmpty {
            for start in mentionStarts { mentionClauses.append(boundaries.isEmpty ? 0 : ClauseSplitter.clause(of: start, boundaries)) }
        }
        EventReader.resolve(timeMentions, previousYear: lastEventYear, documentYear: document.info.date?.year, into: &resolvedTimes)
        let reader = EventReader(
            words: words, sentence: sentence.tokens, positions: positions, kinds: kinds, mentions: eventMentions,
            mentionClauses: mentionClauses, reading: reading, boundaries: boundaries, times: resolvedTimes, sentenceTime: time)
        reader.read(into: &events, scratch: &eventScratch)
    }

    func refersToPair(_ range: Range<Int>, words: TokenText) -> Bool {
        for k in range {
            for phrase in index.pairReferences where words.matches(phrase, at: k, within: range) { return true }
        }
        return false
    }

    /// The year of the first known agreement among `found` that has one.
    func firstAgreementYear(_ found: [PatternRecognizer.Found]) -> Int? {
        for f in found where f.entity.kind == .agreement {
            if let year = index.knowledge.agreementYear(f.entity) { return year }
        }
        return nil
    }

    /// The tenure of the first leader of `found` named "under" their title ("under President X").
    func tenureTime(_ named: [PatternRecognizer.Found], tagger: TimeTagger) -> TimeSpan? {
        for found in named where found.entity.kind == .leader {
            let id = found.entity
            let first = found.tokens.lowerBound
            guard (1...3).contains(where: { tagger.words.is(first - $0, .under) }) else { continue }
            guard let leader = index.knowledge.leader(id) else { continue }
            let titles = Set((1...2).map { tagger.words.word(first - $0) })
            let term = leader.terms.sorted { $0.start < $1.start }.first { titles.contains($0.office.lowercased().split(separator: " ").last.map(String.init) ?? "") }
                ?? leader.terms.min { $0.start < $1.start }!
            return TimeSpan(start: term.start, end: term.end ?? presentYear, dating: .tenure)
        }
        return nil
    }

    func evidence(_ sentence: Sentence, time: TimeSpan?, reading: SentenceReading) -> Evidence {
        // The sentence as read: cleaned text with white space folded.
        let folded = String(unsafeUninitializedCapacity: sentence.bytes.count) { buffer in
            var n = 0
            var pendingSpace = false
            for i in sentence.bytes {
                let b = text[i]
                if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                    pendingSpace = n > 0
                    continue
                }
                if pendingSpace {
                    buffer[n] = 0x20
                    n += 1
                    pendingSpace = false
                }
                buffer[n] = b
                n += 1
            }
            return n
        }
        return Evidence(
            doc: document.info.id, start: offsets.scalarOffset(sentence.bytes.lowerBound),
            end: offsets.scalarOffset(sentence.bytes.upperBound), text: folded,
            year: time?.start, yearEnd: time.flatMap { $0.end != $0.start ? $0.end : nil }, dating: time?.dating,
            triggers: reading.terms, tone: reading.tone)
    }
}
