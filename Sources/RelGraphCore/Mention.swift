/// One place in one document where an entity is named.
///
/// `start` and `end` count Unicode code points of the original file (decoded as UTF-8, newlines untranslated), so
/// that Python's `text[start:end]` is exactly `text`.
public struct Mention: Hashable, Sendable, Codable {
    public var doc: String
    public var text: String
    public var start: Int
    public var end: Int

    public init(doc: String, text: String, start: Int, end: Int) {
        precondition(start <= end, "a mention's span must not be reversed")
        self.doc = doc
        self.text = text
        self.start = start
        self.end = end
    }
}
