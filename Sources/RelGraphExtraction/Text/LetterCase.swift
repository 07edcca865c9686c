/// The one notion of a capital letter shared by the tokenizer (which flags capitalised words of the text) and
/// the knowledge index (which records which words of a name must be capitalised): a letter is upper-case when
/// Unicode says so, in any script — "Željko", "Łukasz", "Ólafur", "Σάμος" all begin with a capital.
///
/// ASCII is decided by byte comparison; other characters are decoded from their UTF-8 bytes and looked up in the
/// Unicode properties (only for non-ASCII letters, which are rare in English text).
enum LetterCase {
    enum Kind: Sendable { case upper, lower, uncased }

    /// The case of the character whose UTF-8 sequence of `width` bytes starts at `i`.
    @inline(__always)
    static func kind(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ width: Int) -> Kind {
        let b = text[i]
        if b < 0x80 {
            if b >= 0x41 && b <= 0x5A { return .upper }
            if b >= 0x61 && b <= 0x7A { return .lower }
            return .uncased
        }
        return nonASCIIKind(text, i, width)
    }

    static func nonASCIIKind(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ width: Int) -> Kind {
        guard width >= 2, i + width <= text.count else { return .uncased }
        let lead = UInt32(text[i])
        var value: UInt32 = width == 2 ? lead & 0x1F : width == 3 ? lead & 0x0F : lead & 0x07
        for k in 1..<width { value = value << 6 | UInt32(text[i + k] & 0x3F) }
        if value < 0x250 { return latin[Int(value)] }  // Latin-1 and Latin Extended-A/B: a table lookup
        return kind(of: value)
    }

    /// The case of U+0000–U+024F, computed once from the Unicode properties.
    static let latin: [Kind] = (0..<0x250).map { kind(of: UInt32($0)) }

    static func kind(of value: UInt32) -> Kind {
        guard let scalar = Unicode.Scalar(value) else { return .uncased }
        let properties = scalar.properties
        if properties.isUppercase || properties.generalCategory == .titlecaseLetter { return .upper }
        if properties.isLowercase { return .lower }
        return .uncased
    }
}
