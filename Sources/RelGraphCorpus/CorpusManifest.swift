import RelGraphCore

/// The optional `corpus.yaml` (or `corpus.json`) of a corpus folder: its name, its eras, and what is known about
/// each document.
///
/// ```yaml
/// name: US–Cuba relations
/// eras:
///   - {id: soviet, label: Soviet era, start: 1945, end: 1991}
///   - {id: thaw, label: The thaw, start: 2014}         # no end: to the present
/// knowledge: [my-leaders.tsv, kb/]  # extra knowledge-base files or folders, relative to this file
/// documents:
///   - id: 000_599e8c3879d503ac        # the file name without extension
///     title: "Strengthening Ties: …"
///     source: Bihane News
///     date: "2024-08-15"              # YYYY, YYYY-MM or YYYY-MM-DD; omit or null when unknown
/// ```
public struct CorpusManifest: Codable, Sendable, Equatable {
    public var name: String?
    public var eras: [Era]?
    /// Extra knowledge-base files or folders (`--kb`), as written: relative to the manifest's folder.
    public var knowledge: [String]?
    public var documents: [DocumentEntry]?

    public struct DocumentEntry: Codable, Sendable, Equatable {
        public var id: String
        public var title: String?
        public var source: String?
        public var date: PartialDate?
        /// Why the date is what it is (free text, for reviewers).
        public var dateBasis: String?
        /// Whether the entry has a `date` field at all (`date: null` says the date is unknown; no field says
        /// nothing, and the date may be inferred from the document).
        public var dateGiven = false

        enum CodingKeys: String, CodingKey {
            case id, title, source, date
            case dateBasis = "date_basis"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            title = try c.decodeIfPresent(String.self, forKey: .title)
            source = try c.decodeIfPresent(String.self, forKey: .source)
            date = try c.decodeIfPresent(PartialDate.self, forKey: .date)
            dateBasis = try c.decodeIfPresent(String.self, forKey: .dateBasis)
            dateGiven = c.contains(.date)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encodeIfPresent(title, forKey: .title)
            try c.encodeIfPresent(source, forKey: .source)
            try c.encode(date, forKey: .date)
            try c.encodeIfPresent(dateBasis, forKey: .dateBasis)
        }
    }

    public init(name: String? = nil, eras: [Era]? = nil, documents: [DocumentEntry]? = nil) {
        self.name = name
        self.eras = eras
        self.documents = documents
    }
}
