/// What is known about one document of a corpus.
///
/// The id is the file name without its extension; title, date and source are `nil` unless the manifest, the
/// document's own metadata or its text establishes them.
public struct DocumentInfo: Hashable, Sendable, Codable {
    public var id: String
    public var title: String?
    public var date: PartialDate?
    public var source: String?

    public init(id: String, title: String? = nil, date: PartialDate? = nil, source: String? = nil) {
        self.id = id
        self.title = title
        self.date = date
        self.source = source
    }

    enum CodingKeys: String, CodingKey { case id, title, date, source }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)  // explicit null when unknown
        try c.encode(date, forKey: .date)
        try c.encode(source, forKey: .source)
    }
}
