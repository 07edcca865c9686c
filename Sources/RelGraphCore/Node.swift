/// An entity in the graph: a country, a leader, an organisation or an agreement, with every place it is named.
///
/// Kind-specific fields are `nil` for the other kinds and are left out of the JSON.
public struct Node: Hashable, Sendable, Decodable, Identifiable {
    public var id: EntityID
    public var kind: EntityKind
    public var label: String
    /// Other names the knowledge base knows, and spellings seen in the corpus.
    public var aliases: [String]
    public var mentions: [Mention]

    // country
    /// ISO 3166-1 alpha-2 and alpha-3 codes (historical states may have only their withdrawn alpha-3 or none).
    public var iso: String?
    public var iso3: String?
    public var capital: String?
    /// The state that succeeded this one (Soviet Union → Russia).
    public var successor: EntityID?
    // country: the years a historical state existed; leader: unused
    public var existedFrom: Int?
    public var existedUntil: Int?

    // leader
    public var country: EntityID?
    public var office: String?
    public var tenure: [Term]?

    // organization
    public var acronym: String?

    // agreement
    public var year: Int?
    public var parties: [EntityID]?

    /// One term in office of a leader.
    public struct Term: Hashable, Sendable, Decodable {
        public var office: String
        public var country: EntityID
        public var start: Int
        /// `nil` while in office.
        public var end: Int?

        public init(office: String, country: EntityID, start: Int, end: Int?) {
            self.office = office
            self.country = country
            self.start = start
            self.end = end
        }

        public func contains(year: Int) -> Bool { year >= start && year <= (end ?? Int.max) }
    }

    public init(id: EntityID, kind: EntityKind, label: String, aliases: [String] = [], mentions: [Mention] = []) {
        self.id = id
        self.kind = kind
        self.label = label
        self.aliases = aliases
        self.mentions = mentions
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, label, aliases, mentions, iso, iso3, capital, successor
        case existedFrom = "existed_from"
        case existedUntil = "existed_until"
        case country, office, tenure, acronym, year, parties
    }
}
