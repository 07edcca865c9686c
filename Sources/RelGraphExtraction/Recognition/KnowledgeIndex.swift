import RelGraphCore
import RelGraphKnowledge

/// The knowledge base compiled for reading text fast: a vocabulary of every word of every name and trigger, a
/// token trie of the names, and the trigger lexicon keyed by token id. Built once per run, read by every worker.
///
/// ```swift
/// let index = KnowledgeIndex(try KnowledgeBase.bundled())
/// let result = DocumentExtractor(index: index).extract(document)
/// ```
public struct KnowledgeIndex: Sendable {
    public let knowledge: KnowledgeBase

    struct CompiledEntry: Sendable {
        var target: NameEntry.Target
        var tokenCount: Int
        /// Bit i: token i of the name must begin with a capital / be written in capitals.
        var initialUpperMask: UInt64
        var allUpperMask: UInt64
    }

    struct CompiledTrigger: Sendable {
        var trigger: Trigger
        /// Accepted token ids for each word of the term (the inflections of that word).
        var words: [Set<Int32>]
        /// Token ids of the object words the trigger needs ("relations" for "sever"); empty when it needs none.
        var objects: Set<Int32> = []
        /// The term as evidence lists it, joined once here rather than per hit, and its number among the distinct
        /// terms (entries of several classes share one: "sign" as cooperation and as joining).
        var term: String = ""
        var termID: Int32 = 0
    }

    var vocabulary = TokenVocabulary()
    var entries: [CompiledEntry] = []
    /// Trie: (node << 32 | token id) → child node. Node 0 is the root.
    var transitions: [UInt64: Int32] = [:]
    /// Per node: index into `groups`, or -1.
    var terminal: [Int32] = [-1]
    var groups: [[Int32]] = []
    var triggers: [CompiledTrigger] = []
    /// Triggers whose first word token `t` can be, flat by token id for the hot loop:
    /// `firstTokenTriggers[firstTokenTriggerStart[t] ..< firstTokenTriggerStart[t + 1]]`.
    var firstTokenTriggerStart: [Int32] = []
    var firstTokenTriggers: [Int32] = []
    /// The root's children by token id (-1: none) — the first step of every name lookup, without hashing.
    var rootChild: [Int32] = []
    /// Roles of words for the rules around names and numbers, by vocabulary id.
    var wordClasses: [WordClass] = []
    /// Leader titles and "the two countries" phrases, as token-id sequences.
    var leaderTitles: [[Int32]] = []
    var pairReferences: [[Int32]] = []
    /// The known agreements' name words and singular keys, for the agreement patterns.
    let agreementNames: AgreementNames

    public init(_ knowledge: KnowledgeBase) {
        self.knowledge = knowledge
        self.agreementNames = AgreementNames(knowledge.agreements)
        // The same surface for the same target once (a hashable key: no string formatting at start-up).
        struct Seen: Hashable {
            var keys: [[UInt8]]
            var target: NameEntry.Target
            var caseSensitive: Bool
        }
        var seen = Set<Seen>()
        for entry in knowledge.nameEntries() {
            let keys = Tokenizer.keys(of: entry.surface)
            guard !keys.isEmpty, keys.count <= 64 else { continue }
            guard seen.insert(Seen(keys: keys, target: entry.target, caseSensitive: entry.caseSensitive)).inserted else { continue }
            var node: Int32 = 0
            for key in keys {
                let id = vocabulary.insert(key)
                let edge = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: id))
                if let child = transitions[edge] {
                    node = child
                } else {
                    let child = Int32(terminal.count)
                    terminal.append(-1)
                    transitions[edge] = child
                    node = child
                }
            }
            if terminal[Int(node)] < 0 {
                terminal[Int(node)] = Int32(groups.count)
                groups.append([])
            }
            groups[Int(terminal[Int(node)])].append(Int32(entries.count))
            entries.append(Self.compile(entry, tokenCount: keys.count))
        }
        var triggersByFirstToken: [Int32: [Int32]] = [:]
        var termIDs: [String: Int32] = [:]
        for trigger in knowledge.triggers {
            let inflect = trigger.relation != .negation && trigger.relation != .hedge
            var words: [Set<Int32>] = []
            for word in trigger.words {
                let forms = inflect ? Inflection.forms(of: word) : [word]
                // A word may itself hold a hyphen ("re-engage"): its parts become consecutive positions.
                let parts = forms.map { Tokenizer.keys(of: $0) }
                let width = parts.map(\.count).max() ?? 0
                for position in 0..<width {
                    var ids = Set<Int32>()
                    for p in parts where p.count == width { ids.insert(vocabulary.insert(p[position])) }
                    words.append(ids)
                }
            }
            guard let first = words.first else { continue }
            let index = Int32(triggers.count)
            var objects = Set<Int32>()
            for object in trigger.objects {
                for form in Inflection.forms(of: object) {
                    let keys = Tokenizer.keys(of: form)
                    if keys.count == 1 { objects.insert(vocabulary.insert(keys[0])) }
                }
            }
            let term = trigger.term
            let termID = termIDs[term] ?? Int32(termIDs.count)
            termIDs[term] = termID
            triggers.append(CompiledTrigger(trigger: trigger, words: words, objects: objects, term: term, termID: termID))
            for id in first { triggersByFirstToken[id, default: []].append(index) }
        }
        compilePatternWords(knowledge.patterns)
        // Flat tables by token id, now that the vocabulary is complete.
        let vocabularySize = vocabulary.count
        rootChild = Array(repeating: -1, count: vocabularySize)
        for (edge, child) in transitions where edge >> 32 == 0 { rootChild[Int(edge & 0xFFFF_FFFF)] = child }
        firstTokenTriggerStart = [0]
        for t in 0..<vocabularySize {
            firstTokenTriggers += triggersByFirstToken[Int32(t)] ?? []
            firstTokenTriggerStart.append(Int32(firstTokenTriggers.count))
        }
    }

    /// How many surface forms the index holds (for benchmarks and reports).
    public var entryCount: Int { entries.count }

    /// The id of each word of `phrase` (inserted if new).
    private mutating func ids(_ phrase: String) -> [Int32] {
        Tokenizer.keys(of: phrase).map { vocabulary.insert($0) }
    }

    mutating func mark(_ words: [String], _ role: WordClass) {
        for word in words {
            for id in ids(word) {
                if wordClasses.count <= Int(id) { wordClasses += Array(repeating: [], count: Int(id) + 1 - wordClasses.count) }
                wordClasses[Int(id)].insert(role)
            }
        }
    }

    private mutating func compilePatternWords(_ patterns: PatternLexicon) {
        leaderTitles = patterns.leaderTitles.map { ids($0) }.sorted { $0.count > $1.count }
        mark(patterns.leaderTitles.compactMap { $0.split(whereSeparator: { $0 == " " || $0 == "-" }).first.map(String.init) }, .titleStart)
        pairReferences = patterns.pairReferences.map { ids($0) }
        mark(patterns.agreementHeads, .agreementHead)
        mark(patterns.bareAgreementHeads, .bareAgreementHead)
        mark(patterns.agreementModifiers, .agreementModifier)
        mark(patterns.genericModifiers, .genericModifier)
        mark(patterns.placeNouns, .placeNoun)
        mark(patterns.placePrepositions, .placePreposition)
        mark(patterns.peopleNouns, .peopleNoun)
        mark(["leader"], .leaderWord)
        // Grammar words, the same for any article: English function words and time expressions.
        mark(["of", "on", "and", "for", "the", "between", "in"], .function)
        mark(["of", "on"], .complement)
        mark(["between"], .between)
        mark(["and"], .and)
        mark(["s"], .possessive)
        mark(
            ["the", "a", "an", "and", "of", "on", "in", "said", "says", "has", "had", "is", "was", "will", "would",
             "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
            .nameStop)
        mark(
            ["billion", "million", "thousand", "km", "kilometres", "kilometers", "miles", "troops", "soldiers",
             "people", "tons", "tonnes", "dollars", "usd", "barrels", "units", "kg", "mw", "percent"], .unit)
        mark(["early"], .early)
        mark(["mid"], .middle)
        mark(["late"], .late)
        mark(["present", "today", "now", "date"], .present)
        mark(["after", "post", "following", "aftermath"], .after)
        mark(["since", "before", "until", "pre", "prior", "legacy", "memory", "memories", "lessons"], .reference)
        mark(["end", "ended", "collapse"], .end)
        mark(["recent", "recently", "currently", "nowadays"], .recent)
        mark(["year"], .year)
        mark(["last"], .last)
        mark(["this"], .this)
        mark(["under"], .under)
        mark(["years", "decades"], .years)
        mark(["in"], .inWord)
        markEventWords()
        if wordClasses.count < vocabulary.count {
            wordClasses += Array(repeating: [], count: vocabulary.count - wordClasses.count)
        }
    }

    /// The roles of token `token`'s word.
    @inline(__always)
    func classes(_ token: Token) -> WordClass {
        token.id >= 0 && Int(token.id) < wordClasses.count ? wordClasses[Int(token.id)] : []
    }

    private static func compile(_ entry: NameEntry, tokenCount: Int) -> CompiledEntry {
        var initialMask: UInt64 = 0
        var allMask: UInt64 = 0
        var index = 0
        var inWord = false
        var letters = 0
        var uppers = 0
        var firstUpper = false
        func finishWord() {
            if letters > 0 && uppers == letters && (letters >= 2 || entry.caseSensitive) {
                allMask |= 1 << UInt64(index)
            } else if firstUpper && entry.requiresCapital {
                initialMask |= 1 << UInt64(index)
            }
            index += 1
        }
        // Walk the surface with the tokenizer's notion of a word.
        let bytes = Array(entry.surface.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                let (isWord, width) = Tokenizer.wordCharacter(buffer, i)
                if isWord {
                    // The tokenizer's notion of a capital (``LetterCase``), so a name and its text agree.
                    let kind = LetterCase.kind(buffer, i, width)
                    if !inWord {
                        inWord = true
                        letters = 0
                        uppers = 0
                        firstUpper = kind == .upper
                    }
                    if kind == .upper { letters += 1; uppers += 1 } else if kind == .lower { letters += 1 }
                } else if inWord {
                    inWord = false
                    finishWord()
                }
                i += width
            }
            if inWord { finishWord() }
        }
        if !entry.caseSensitive && !entry.requiresCapital { allMask = 0 }
        return CompiledEntry(target: entry.target, tokenCount: tokenCount, initialUpperMask: initialMask, allUpperMask: allMask)
    }
}
