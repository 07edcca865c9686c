/// A document as read from a corpus: its metadata and the exact bytes of the file.
///
/// The bytes are kept as they are (UTF-8, newlines untranslated) because every published offset points into them.
public struct SourceDocument: Sendable {
    public enum Format: String, Sendable { case text, html }

    public var info: DocumentInfo
    public var bytes: [UInt8]
    public var format: Format

    public init(info: DocumentInfo, bytes: [UInt8], format: Format) {
        self.info = info
        self.bytes = bytes
        self.format = format
    }

    public init(id: String, text: String, date: PartialDate? = nil, format: Format = .text) {
        self.init(info: DocumentInfo(id: id, date: date), bytes: Array(text.utf8), format: format)
    }
}
