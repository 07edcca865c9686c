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

/// The per-document state of one extraction.
private struct DocumentReader {
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
    /// States in the order last named (or referred to), for "the two countries".
    var recentStates: [EntityID] = []
    var years: [Int] = []

    init(extractor: DocumentExtractor, document: SourceDocument, text: UnsafeBufferPointer<UInt8>, offsets: ScalarOffsets, presentYear: Int, statistics: DocumentExtraction.Statistics) {
        self.extractor = extractor
        self.presentYear = presentYear
        self.index = extractor.index
        self.document = document
        self.text = text
        self.offsets = offsets
        self.statistics = statistics
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
        let documentYear = document.info.date?.year
        let tagger = TimeTagger(words: words, documentYear: documentYear, presentYear: presentYear)
        var resolver = EntityResolver(index: index)
        var patterns = PatternRecognizer(index: index)
        var seenSentences = Set<UInt64>()
        var headingTime: TimeSpan?
        var paragraphTime: TimeSpan?
        var currentParagraph = -1
        var m = 0
        statistics.sentences = sentences.count

        // Per-sentence lists, emptied and refilled for each sentence rather than allocated anew.
        var sentenceMatches: [NameMatch] = []
        var periods: [(match: NameMatch, period: NamedPeriod)] = []
        var found: [PatternRecognizer.Found] = []
        var states: [EntityID] = []
        var entities: [EntityID] = []
        var positions: [Int] = []  // token position of each entity's first mention in the sentence
        for sentence in sentences {
            // The dictionary matches inside this sentence.
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
            // Time: the sentence's own, else the scopes around it.
            if sentence.paragraph != currentParagraph {
                currentParagraph = sentence.paragraph
                paragraphTime = nil
            }
            let own = tagger.explicitTime(in: sentence.tokens) ?? tagger.periodTime(periods) ?? tagger.relativeTime(in: sentence.tokens)
            if sentence.isHeading {
                headingTime = own.map { $0.with(.heading) }
                paragraphTime = nil
            } else if let own, own.dating != .relative {
                paragraphTime = own.with(.paragraph)
            }
            var time = own ?? paragraphTime ?? headingTime ?? documentYear.map { TimeSpan(start: $0, dating: .document) }

            // Entities: the knowledge base's, then the patterns'.
            found.removeAll(keepingCapacity: true)
            for match in sentenceMatches {
                guard let (entity, role) = resolver.resolve(match, year: time?.start) else { continue }
                // "the Reykjavik summit", "talks in Vienna": a capital naming a place, not its state.
                if role == .capital {
                    let next = match.tokens.upperBound
                    if next < tokens.count, tokens[next].gap == .space, words.is(next, .placeNoun) { continue }
                    if words.is(match.tokens.lowerBound - 1, .placePreposition) { continue }
                }
                found.append(.init(entity: entity, tokens: match.tokens))
            }
            found += patterns.leaders(in: sentence.tokens, words: words, named: &named, resolved: found)
            found.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
            // "under President X": the leader's tenure dates a sentence that has no time of its own.
            if own == nil, let tenure = tenureTime(found.filter { $0.entity.kind == .leader }, tagger: tagger) {
                time = tenure
            } else if own == nil, let signed = found.compactMap({ [knowledge = index.knowledge] in knowledge.agreement($0.entity)?.year }).first {
                // A known agreement named in a sentence with no time of its own dates it.
                time = TimeSpan(start: signed, dating: .agreement)
            }
            states.removeAll(keepingCapacity: true)
            for f in found {
                let state = f.entity.kind == .country ? f.entity : f.entity.kind == .leader ? patterns.state(ofLeader: f.entity, year: time?.start) : nil
                if let state, !states.contains(state) { states.append(state) }
            }
            // "the two countries": the last two states named, when the sentence names fewer itself.
            var referred: [EntityID] = []
            if states.count < 2, recentStates.count >= 2, refersToPair(sentence.tokens, words: words) {
                referred = recentStates.suffix(2).filter { !states.contains($0) }
                states += referred
            }
            for state in states {
                recentStates.removeAll { $0 == state }
                recentStates.append(state)
            }
            // Only a sentence that names or refers to something can tie anything.
            let reading = states.isEmpty && found.isEmpty
                ? SentenceReading() : RelationReader.read(tokens, sentence.tokens, named: named, index: index)
            found += patterns.agreements(
                in: sentence.tokens, isHeading: sentence.isHeading, words: words, named: &named, states: states,
                joins: reading.joins, year: time?.start)

            entities.removeAll(keepingCapacity: true)
            positions.removeAll(keepingCapacity: true)
            for f in found {
                let bytes = words.span(f.tokens)
                let mention = Mention(
                    doc: document.info.id, text: String(decoding: document.bytes[bytes], as: UTF8.self),
                    start: offsets.scalarOffset(bytes.lowerBound), end: offsets.scalarOffset(bytes.upperBound))
                mentions.append(EntityMention(entity: f.entity, mention: mention))
                if !entities.contains(f.entity) {
                    entities.append(f.entity)
                    positions.append(f.tokens.lowerBound)
                }
            }
            for state in referred where !entities.contains(state) {
                entities.append(state)
                positions.append(sentence.tokens.lowerBound)
            }
            if let time { years.append(contentsOf: [time.start, time.end]) }

            // Evidence, for a sentence with something to tie: a repeated sentence counts once.
            let mayTie = entities.count >= 2 || entities.contains { $0.kind == .leader || $0.kind == .agreement }
            guard mayTie else { continue }
            let key = ByteSearch.normalisedHash(text, sentence.bytes)
            guard key.length >= 10 else { continue }
            guard seenSentences.insert(key.hash).inserted else {
                statistics.duplicateSentences += 1
                continue
            }
            relate(entities, at: positions, reading: reading, evidence: evidence(sentence, time: time, reading: reading), patterns: patterns)
        }
        return DocumentExtraction(
            document: document.info, mentions: mentions, evidence: evidenceList, ties: ties,
            discovered: patterns.discoveredInOrder, years: years,
            statistics: statistics)
    }

    func refersToPair(_ range: Range<Int>, words: TokenText) -> Bool {
        for k in range {
            for phrase in index.pairReferences where words.matches(phrase, at: k, within: range) { return true }
        }
        return false
    }

    func tenureTime(_ leaders: [PatternRecognizer.Found], tagger: TimeTagger) -> TimeSpan? {
        for found in leaders {
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
            year: time?.start, yearEnd: time.flatMap { $0.end != $0.start ? $0.end : nil }, dating: time?.dating.rawValue,
            triggers: reading.terms, tone: reading.tone)
    }

    /// Ties between the entities of one sentence, and the structural ties their knowledge implies.
    mutating func relate(
        _ entities: [EntityID], at positions: [Int], reading: SentenceReading, evidence sentence: Evidence, patterns: PatternRecognizer
    ) {
        let evidence = evidenceList.count
        let year = sentence.year
        let tiesBefore = ties.count
        defer { if ties.count > tiesBefore { evidenceList.append(sentence) } }
        for (i, a) in entities.enumerated() {
            for j in (i + 1)..<entities.count {
                let b = entities[j]
                let (relation, tone) = reading.between(positions[i], positions[j])
                if var tie = pairTie(a, b, relation: relation, reading: reading, evidence: evidence, year: year, patterns: patterns) {
                    tie.tone = tone
                    ties.append(tie)
                }
            }
        }
        // Every leader named is tied to the state led; every agreement to its parties.
        for entity in entities {
            if entity.kind == .leader, let state = patterns.state(ofLeader: entity, year: year), !entities.contains(state) {
                ties.append(Tie(source: entity, target: state, relation: .leads, evidence: evidence))
            }
            if entity.kind == .agreement {
                for party in patterns.parties(ofAgreement: entity) where !entities.contains(party) {
                    ties.append(Tie(source: party, target: entity, relation: .partyTo, evidence: evidence))
                }
            }
        }
    }

    func pairTie(
        _ a: EntityID, _ b: EntityID, relation: Relation, reading: SentenceReading, evidence: Int, year: Int?, patterns: PatternRecognizer
    ) -> Tie? {
        let kb = index.knowledge
        func led(_ leader: EntityID, _ state: EntityID) -> Bool {
            kb.leader(leader)?.terms.contains { $0.country == state } ?? (patterns.state(ofLeader: leader, year: nil) == state)
        }
        switch (a.kind, b.kind) {
        case (.leader, .country) where led(a, b):
            return Tie(source: a, target: b, relation: .leads, evidence: evidence)
        case (.country, .leader) where led(b, a):
            return Tie(source: b, target: a, relation: .leads, evidence: evidence)
        case (_, .agreement), (.agreement, _):
            let (agreementID, other) = a.kind == .agreement ? (a, b) : (b, a)
            guard other.kind != .agreement else { return nil }
            let parties = patterns.parties(ofAgreement: agreementID)
            let otherState = patterns.state(ofLeader: other, year: year) ?? other
            guard reading.joins || parties.contains(other) || parties.contains(otherState) else { return nil }
            return Tie(source: other, target: agreementID, relation: .partyTo, evidence: evidence)
        case (.country, .organization) where reading.membership:
            return Tie(source: a, target: b, relation: .memberOf, evidence: evidence)
        case (.organization, .country) where reading.membership:
            return Tie(source: b, target: a, relation: .memberOf, evidence: evidence)
        case (.country, .country) where reading.succession:
            if kb.country(a)?.successor == b { return Tie(source: a, target: b, relation: .successor, evidence: evidence) }
            if kb.country(b)?.successor == a { return Tie(source: b, target: a, relation: .successor, evidence: evidence) }
            fallthrough
        default:
            return Tie(source: a, target: b, relation: relation, evidence: evidence)
        }
    }
}
