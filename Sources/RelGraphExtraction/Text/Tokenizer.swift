import RelGraphCore

/// How a token is joined to the one before it. Multi-word names may span only `space`, `hyphen`, `apostrophe` and
/// (after an initial such as "U" or "H") `period` gaps, so "South. Africa" is not South Africa.
enum Gap: UInt8, Sendable {
    case space, hyphen, apostrophe, period, newline, other
}

/// One word of a text: a maximal run of letters and digits (any non-ASCII letter counts), as a byte span.
struct Token: Sendable {
    var start: Int32
    var end: Int32
    /// Vocabulary id of the normalised form, or -1 when no name or trigger contains this word.
    var id: Int32
    var gap: Gap
    var flags: UInt8

    static let initialUpper: UInt8 = 1
    static let allUpper: UInt8 = 2
    static let numeric: UInt8 = 4  // starts with a digit

    var isInitialUpper: Bool { flags & Self.initialUpper != 0 }
    var isAllUpper: Bool { flags & Self.allUpper != 0 }
    var isNumeric: Bool { flags & Self.numeric != 0 }
    var length: Int { Int(end - start) }
}

/// Splits UTF-8 text into ``Token``s and normalises each for dictionary lookup in one pass, with no allocation per
/// token: lower case, Latin diacritics folded (é → e), and `l` folded to `i` so that a name misspelt with a
/// capital I for a lower-case l ("Il" written "II") meets its name.
enum Tokenizer {
    /// Longest token that can be looked up; longer ones (base64 blobs, URLs) get no id.
    static let maxKeyLength = 48

    /// Whether `byte` at `i` begins a word character; `width` is the UTF-8 sequence length.
    @inline(__always)
    static func wordCharacter(_ text: UnsafeBufferPointer<UInt8>, _ i: Int) -> (isWord: Bool, width: Int) {
        let b = text[i]
        if b < 0x80 {
            let isWord = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            return (isWord, 1)
        }
        let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        if b == 0xC2 { return (false, 2) }  // U+0080–U+00BF: nbsp, «, », ©, ° …
        if b == 0xE2 { return (false, 3) }  // U+2000–U+2FFF: dashes, quotes, ellipsis, arrows …
        if b == 0xE3, i + 1 < text.count, text[i + 1] == 0x80 { return (false, 3) }  // CJK punctuation
        if b == 0xEF, i + 1 < text.count, text[i + 1] == 0xBB || text[i + 1] == 0xBC { return (false, 3) }  // BOM, fullwidth
        if b < 0xC0 { return (false, 1) }  // stray continuation byte
        return (true, width)
    }

    /// Appends the normalised bytes of the character at `i` to `key`, returning false if the key is full.
    @inline(__always)
    static func appendNormalised(
        _ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ width: Int, _ key: UnsafeMutablePointer<UInt8>,
        _ keyLength: inout Int
    ) -> Bool {
        let b = text[i]
        if width == 1 {
            guard keyLength < maxKeyLength else { return false }
            var lower = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
            if lower == 0x6C { lower = 0x69 }  // l → i
            key[keyLength] = lower
            keyLength += 1
            return true
        }
        if width == 2, b == 0xC3 || b == 0xC4 || b == 0xC5, i + 1 < text.count {
            let scalar = (UInt32(b & 0x1F) << 6) | UInt32(text[i + 1] & 0x3F)
            let folded = LatinFoldTable.ascii[Int(scalar)]
            if folded.0 != 0 {
                for f in [folded.0, folded.1] where f != 0 {
                    guard keyLength < maxKeyLength else { return false }
                    var lower = (f >= 0x41 && f <= 0x5A) ? f | 0x20 : f
                    if lower == 0x6C { lower = 0x69 }
                    key[keyLength] = lower
                    keyLength += 1
                }
                return true
            }
        }
        guard keyLength + width <= maxKeyLength, i + width <= text.count else { return false }
        for k in 0..<width { key[keyLength + k] = text[i + k] }
        keyLength += width
        return true
    }

    /// Tokenises `text[range]`, appending to `tokens`, with ids from `vocabulary`.
    static func tokenize(
        _ text: UnsafeBufferPointer<UInt8>, range: Range<Int>, vocabulary: TokenVocabulary, into tokens: inout [Token]
    ) {
        let key = UnsafeMutablePointer<UInt8>.allocate(capacity: maxKeyLength + 4)
        defer { key.deallocate() }
        var i = range.lowerBound
        var sawNewline = true
        var separators = 0
        var separatorClass = Gap.space
        while i < range.upperBound {
            let (isWord, width) = wordCharacter(text, i)
            if !isWord {
                let b = text[i]
                switch b {
                case 0x0A: sawNewline = true
                case 0x20, 0x09, 0x0D: break
                case 0xC2 where i + 1 < text.count && text[i + 1] == 0xA0: break  // no-break space
                case 0x2D: separators += 1; separatorClass = .hyphen
                case 0x27: separators += 1; separatorClass = .apostrophe
                case 0x2E: separators += 1; separatorClass = .period
                case 0xE2 where i + 2 < text.count && text[i + 1] == 0x80:
                    // ’ ‘ are apostrophes; ‐ ‑ ‒ – are hyphens
                    let c = text[i + 2]
                    separators += 1
                    separatorClass = (c == 0x99 || c == 0x98) ? .apostrophe : (c >= 0x90 && c <= 0x93) ? .hyphen : .other
                default: separators += 1; separatorClass = .other
                }
                i += width
                continue
            }
            let gap: Gap = sawNewline ? .newline : separators == 0 ? .space : separators == 1 ? separatorClass : .other
            sawNewline = false
            separators = 0
            // A word: letters and digits.
            let start = i
            var keyLength = 0
            var fits = true
            var upperLetters = 0
            var letters = 0
            let first = text[i]
            var flags: UInt8 = 0
            if first >= 0x30 && first <= 0x39 { flags |= Token.numeric }
            if LetterCase.kind(text, i, width) == .upper { flags |= Token.initialUpper }
            while i < range.upperBound {
                let b = text[i]
                if b < 0x80 {
                    // ASCII fast path: most bytes of most articles.
                    if b >= 0x61 && b <= 0x7A {
                        letters += 1
                    } else if b >= 0x41 && b <= 0x5A {
                        letters += 1
                        upperLetters += 1
                    } else if !(b >= 0x30 && b <= 0x39) {
                        break
                    }
                    if fits {
                        if keyLength < maxKeyLength {
                            var lower = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
                            if lower == 0x6C { lower = 0x69 }  // l → i
                            key[keyLength] = lower
                            keyLength += 1
                        } else {
                            fits = false
                        }
                    }
                    i += 1
                    continue
                }
                let (w, width) = wordCharacter(text, i)
                guard w else { break }
                switch LetterCase.nonASCIIKind(text, i, width) {
                case .upper:
                    letters += 1
                    upperLetters += 1
                case .lower: letters += 1
                case .uncased: break
                }
                if fits { fits = appendNormalised(text, i, width, key, &keyLength) }
                i += width
            }
            if letters > 0 && upperLetters == letters { flags |= Token.allUpper }
            let id: Int32 = fits ? vocabulary.lookup(UnsafeBufferPointer(start: key, count: keyLength)) : -1
            tokens.append(Token(start: Int32(start), end: Int32(i), id: id, gap: gap, flags: flags))
        }
    }

    /// The normalised keys of the words of `text`, for building the vocabulary from names and trigger words.
    static func keys(of text: String) -> [[UInt8]] {
        let bytes = Array(text.utf8)
        var keys: [[UInt8]] = []
        bytes.withUnsafeBufferPointer { buffer in
            let key = UnsafeMutablePointer<UInt8>.allocate(capacity: maxKeyLength + 4)
            defer { key.deallocate() }
            var i = 0
            while i < buffer.count {
                let (isWord, width) = wordCharacter(buffer, i)
                if !isWord {
                    i += width
                    continue
                }
                var keyLength = 0
                var fits = true
                while i < buffer.count {
                    let (w, width) = wordCharacter(buffer, i)
                    guard w else { break }
                    if fits { fits = appendNormalised(buffer, i, width, key, &keyLength) }
                    i += width
                }
                keys.append(Array(UnsafeBufferPointer(start: key, count: keyLength)))
            }
        }
        return keys
    }
}

/// ASCII base letters for U+0000–U+017F as a flat table (0 = no folding), built from ``LatinFolding``.
enum LatinFoldTable {
    static let ascii: [(UInt8, UInt8)] = {
        var table = [(UInt8, UInt8)](repeating: (0, 0), count: 0x180)
        for (scalar, folded) in LatinFolding.table {
            let bytes = Array(folded.utf8)
            table[Int(scalar)] = (bytes[0], bytes.count > 1 ? bytes[1] : 0)
        }
        return table
    }()
}
