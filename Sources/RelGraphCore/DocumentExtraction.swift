/// Everything relgraph read from one document: the pure result of extraction, from which the corpus graph is
/// assembled. Documents are extracted independently, so a store can keep these per document and re-assemble the
/// graph when one document is added, changed or removed.
public struct DocumentExtraction: Sendable, Codable, Equatable {
    public var document: DocumentInfo
    public var mentions: [EntityMention]
    /// The sentences that support ties, each once; ties refer to them by index.
    public var evidence: [Evidence]
    public var ties: [Tie]
    /// Entities found by pattern, unknown to the knowledge base.
    public var discovered: [DiscoveredEntity]
    /// Every year the document's sentences speak of (for default per-decade eras).
    public var years: [Int]
    public var statistics: Statistics

    public init(
        document: DocumentInfo, mentions: [EntityMention], evidence: [Evidence], ties: [Tie],
        discovered: [DiscoveredEntity] = [], years: [Int], statistics: Statistics
    ) {
        self.document = document
        self.mentions = mentions
        self.evidence = evidence
        self.ties = ties
        self.discovered = discovered
        self.years = years
        self.statistics = statistics
    }

    /// Counts for the run summary.
    public struct Statistics: Sendable, Codable, Equatable {
        public var sentences = 0
        public var duplicateSentences = 0
        public var boilerplateLines = 0
        public var injectedPhrases: [String] = []
        public var repeatedLines = 0
        public init() {}
    }
}

/// An entity named at one place of a document.
public struct EntityMention: Sendable, Codable, Equatable {
    public var entity: EntityID
    public var mention: Mention

    public init(entity: EntityID, mention: Mention) {
        self.entity = entity
        self.mention = mention
    }
}

/// One supported tie between two entities, before aggregation into edges.
public struct Tie: Sendable, Codable, Equatable {
    public var source: EntityID
    public var target: EntityID
    public var relation: Relation
    /// Index of the supporting sentence in ``DocumentExtraction/evidence``.
    public var evidenceIndex: Int
    /// The tone between these two entities in that sentence (−10…+10; 0 for a tie the knowledge base implies).
    public var tone: Double
    /// The year of this tie's own event when it differs from its sentence's (``Evidence/year``): "A recognised B
    /// in 1988 and C in 2001" gives A–C the year 2001. `nil`: the sentence's year. Absent from older JSON.
    public var year: Int?
    /// The last year of this event's span, with ``year``.
    public var yearEnd: Int?
    /// How ``year`` was found (a ``Evidence/dating`` value, e.g. `sentence` or `relative`), with ``year``.
    public var dating: Evidence.Dating?
    /// The trigger that decided this tie's relation and tone ("severed … relations", "not + recognise",
    /// "withdrew from"), for audit; `nil` for a tie with no trigger. Absent from older JSON.
    public var polaritySource: String?

    enum CodingKeys: String, CodingKey {
        case source, target, relation, tone, year
        case evidenceIndex = "evidence"
        case yearEnd = "year_end"
        case dating
        case polaritySource = "polarity_source"
    }

    /// Symmetric relations are stored with `source < target`.
    public init(
        source: EntityID, target: EntityID, relation: Relation, evidenceIndex: Int, tone: Double = 0, year: Int? = nil,
        yearEnd: Int? = nil, dating: Evidence.Dating? = nil, polaritySource: String? = nil
    ) {
        if !relation.isDirected && target < source {
            self.source = target
            self.target = source
        } else {
            self.source = source
            self.target = target
        }
        self.relation = relation
        self.evidenceIndex = evidenceIndex
        self.tone = tone
        self.year = year
        self.yearEnd = yearEnd
        self.dating = dating
        self.polaritySource = polaritySource
    }
}

/// An entity the knowledge base does not know, found by a pattern ("Kenyan President William Ruto", "the Élysée
/// Treaty", "an energy trade agreement" between two named states), with what the text says about it.
public struct DiscoveredEntity: Sendable, Codable, Equatable {
    public var id: EntityID
    public var label: String
    /// A leader's state and title.
    public var country: EntityID?
    public var office: String?
    /// An agreement's year and parties.
    public var year: Int?
    public var parties: [EntityID]?

    public init(id: EntityID, label: String, country: EntityID? = nil, office: String? = nil, year: Int? = nil, parties: [EntityID]? = nil) {
        self.id = id
        self.label = label
        self.country = country
        self.office = office
        self.year = year
        self.parties = parties
    }
}
