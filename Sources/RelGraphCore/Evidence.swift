/// A sentence that supports an edge: where it is, what it says and the year it speaks of.
public struct Evidence: Hashable, Sendable, Codable {
    public var doc: String
    /// Span of the sentence in Unicode code points of the original file.
    public var start: Int
    public var end: Int
    /// The sentence as read after boilerplate removal, with white space folded.
    public var text: String
    /// The year the sentence speaks of, or `nil` when nothing in or around it says.
    public var year: Int?
    /// The last year of the span the sentence speaks of, when that is a range ("1950-1953", "the 1960s").
    public var yearEnd: Int?
    /// How the year was found, or `nil` when undated.
    public var dating: Dating?
    /// The words that typed the relation (trigger words), empty for a bare co-occurrence.
    public var triggers: [String]
    /// The tone of this sentence alone on the −10…+10 scale.
    public var tone: Double
    /// On an edge's evidence: the trigger that decided this edge's relation in this sentence ("severed …
    /// relations", "not + recognise"), for audit; `nil` when no trigger did. JSON `polarity_source`, omitted when nil.
    public var polaritySource: String?
    /// While a graph.json is decoded: the position of `text` in its `sentences` list (then `text` is empty until
    /// ``RelationshipGraph`` resolves it).
    var sentenceReference: Int?

    public init(
        doc: String, start: Int, end: Int, text: String, year: Int?, yearEnd: Int? = nil, dating: Dating? = nil,
        triggers: [String] = [], tone: Double = 0, polaritySource: String? = nil
    ) {
        self.doc = doc
        self.start = start
        self.end = end
        self.text = text
        self.year = year
        self.yearEnd = yearEnd
        self.dating = dating
        self.triggers = triggers
        self.tone = tone
        self.polaritySource = polaritySource
    }

    enum CodingKeys: String, CodingKey {
        case doc, start, end, text, year
        case yearEnd = "year_end"
        case dating, triggers, tone, sentence
        case polaritySource = "polarity_source"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        doc = try c.decode(String.self, forKey: .doc)
        start = try c.decode(Int.self, forKey: .start)
        end = try c.decode(Int.self, forKey: .end)
        // graph.json names the sentence by its position in the top-level `sentences` list; the older form, and a
        // document extraction, have the text inline.
        if let reference = try c.decodeIfPresent(Int.self, forKey: .sentence) {
            text = ""
            sentenceReference = reference
        } else {
            text = try c.decode(String.self, forKey: .text)
        }
        year = try c.decodeIfPresent(Int.self, forKey: .year)
        yearEnd = try c.decodeIfPresent(Int.self, forKey: .yearEnd)
        dating = try c.decodeIfPresent(Dating.self, forKey: .dating)
        triggers = try c.decodeIfPresent([String].self, forKey: .triggers) ?? []
        tone = try c.decodeIfPresent(Double.self, forKey: .tone) ?? 0
        polaritySource = try c.decodeIfPresent(String.self, forKey: .polaritySource)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(doc, forKey: .doc)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(text, forKey: .text)
        try c.encode(year, forKey: .year)  // explicit null when undated
        try c.encodeIfPresent(yearEnd, forKey: .yearEnd)
        try c.encode(dating, forKey: .dating)
        try c.encode(triggers, forKey: .triggers)
        try c.encode(tone, forKey: .tone)
        try c.encodeIfPresent(polaritySource, forKey: .polaritySource)
    }
}

extension Evidence {
    /// Where a sentence's year comes from, in order of precedence; the raw value is the string written to
    /// graph.json's `dating` field.
    public enum Dating: String, Sendable, Codable, CaseIterable {
        /// a year, range, decade or month-and-year in the sentence itself
        case sentence
        /// a named period in the sentence ("during the Korean War")
        case period
        /// the tenure of a leader the sentence places it under ("under President X")
        case tenure
        /// the year of a known agreement the sentence names ("the Six-Party Talks" → 2003)
        case agreement
        /// a relative expression resolved against the document date ("recently", "last year")
        case relative
        /// an earlier sentence of the same paragraph
        case paragraph
        /// the heading of the section ("Soviet Era (1948-1991):")
        case heading
        /// the document's date (a sentence that speaks of the present)
        case document
        /// the year of the event told before it in the document (a sentence in the past tense with no date of its
        /// own, its paragraph's or its heading's: "Egypt and Israel signed a peace treaty in 1979. … The Arab League
        /// suspended Egypt's membership.")
        case narrative
    }
}
