import RelGraphCore

/// A state, present or historical, as `countries.tsv` describes it.
public struct Country: Sendable, Hashable {
    public var id: EntityID
    public var name: String
    public var iso2: String?
    public var iso3: String?
    /// Years the state existed; `nil` = before 1900 / still exists.
    public var from: Int?
    public var until: Int?
    public var aliases: [String]
    public var demonyms: [String]
    /// Capitals; `matchable` is false for ambiguous place names that must not be read as metonyms.
    public var capitals: [(name: String, matchable: Bool)]
    public var metonyms: [String]
    public var successor: EntityID?
    /// Years inside `from`…`until` in which the state did not exist as such (Germany, 1946–1989).
    public var gaps: [ClosedRange<Int>] = []

    /// Whether the state existed in `year` (so a capital, demonym or seat of power of that year can mean it).
    public func existed(in year: Int) -> Bool {
        year >= (from ?? Int.min) && year <= (until ?? Int.max) && !gaps.contains { $0.contains(year) }
    }

    public static func == (a: Country, b: Country) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// A head of state or government with every term in office.
public struct Leader: Sendable, Hashable {
    public var id: EntityID
    public var name: String
    public var aliases: [String]
    /// Forms used alone once the full name has been given ("Castro").
    public var shortForms: [String]
    public var terms: [Node.Term]

    /// The state of the latest term (leaders rarely change state; Kohl led West Germany and then Germany).
    public var country: EntityID { terms.max { $0.start < $1.start }!.country }
    public var office: String { terms.max { $0.start < $1.start }!.office }

    /// The term covering `year`, if any.
    public func term(in year: Int) -> Node.Term? { terms.first { $0.contains(year: year) } }
}

/// An international organisation.
public struct Organization: Sendable, Hashable {
    public var id: EntityID
    public var name: String
    public var acronym: String?
    public var aliases: [String]
    public var founded: Int?
}

/// A named treaty, accord, negotiation format or sanctions regime.
public struct Agreement: Sendable, Hashable {
    public var id: EntityID
    public var name: String
    public var year: Int?
    public var parties: [EntityID]
    public var aliases: [String]
    public var type: String
}

/// A named historical period, war or crisis that dates the sentences naming it.
public struct NamedPeriod: Sendable, Hashable {
    public var name: String
    public var start: Int
    public var end: Int?
    public var aliases: [String]
}

/// What a trigger word says about the tie between the entities of its sentence.
public enum TriggerClass: String, Sendable, CaseIterable {
    case cooperation, conflict, neutral, party, member, successor, negation, hedge
    /// leaving an agreement or organisation ("withdrew from", "pulled out of"): a conflict tie with it and its
    /// other parties
    case reversal
}

/// One entry of the relation lexicon.
public struct Trigger: Sendable, Hashable {
    /// The words of the term, lower-case ("write", "off").
    public var words: [String]
    public var relation: TriggerClass
    public var tone: Double
    /// When not empty, the trigger holds only with one of these words as its object, within a few words after it
    /// ("sever" + "relations", "end" + "war"); the object word is then no trigger of its own.
    public var objects: [String] = []
    public var term: String { words.joined(separator: " ") }

    public init(words: [String], relation: TriggerClass, tone: Double, objects: [String] = []) {
        self.words = words
        self.relation = relation
        self.tone = tone
        self.objects = objects
    }
}

/// A name that is not an entity and must win over the entity names inside it ("Washington Post").
public struct NonEntity: Sendable, Hashable {
    public var name: String
    public var kind: String
}

/// A rule for blanking page furniture.
public struct BoilerplateRule: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case line
        case lineContaining = "line-containing"
        case from
        case phrase
        /// an author-bio phrase ("is a seasoned"): blank the line only when it also holds a `bio-word`
        case bio
        /// a word of the writing trade ("journalist", "editor") that makes a `bio` line a byline, not news
        case bioWord = "bio-word"
    }
    public var kind: Kind
    public var pattern: String
}

/// The words the pattern recognisers use (`patterns.tsv`).
public struct PatternLexicon: Sendable, Equatable {
    /// Titles before a leader's name ("President", "Prime Minister"); "leader" only after a demonym.
    public var leaderTitles: [String] = []
    /// Nouns heading an agreement's name ("Treaty", "Pact").
    public var agreementHeads: [String] = []
    /// Heads that name an agreement even with no describing word ("the treaty between …").
    public var bareAgreementHeads: [String] = []
    /// Words describing an unnamed agreement ("strategic", "trade").
    public var agreementModifiers: [String] = []
    /// Words that do not identify an agreement ("new", "recent").
    public var genericModifiers: [String] = []
    /// Nouns after which a capital is a place, not its state ("summit").
    public var placeNouns: [String] = []
    /// Words before which a capital is a venue, not its state ("in").
    public var placePrepositions: [String] = []
    /// Phrases referring back to a pair of states ("the two countries"; which pair: `StatePair` in extraction).
    public var pairReferences: [String] = []
    /// Nouns after which a demonym names people, not their state ("the Hungarian minority").
    public var peopleNouns: [String] = []

    public init() {}
}
