import RelGraphCore

/// Case-insensitive (ASCII) search in UTF-8 bytes, for the cleaner's rules.
enum ByteSearch {
    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }

    /// First index `>= from` and `< end` where `needle` occurs, ignoring ASCII case; `nil` if none.
    static func find(_ needle: [UInt8], in text: [UInt8], from: Int, end: Int) -> Int? {
        guard !needle.isEmpty, end - from >= needle.count else { return nil }
        let first = lower(needle[0])
        var i = from
        let last = end - needle.count
        while i <= last {
            if lower(text[i]) == first {
                var k = 1
                while k < needle.count && lower(text[i + k]) == lower(needle[k]) { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Whether `text[range]` (trimmed) matches `pattern`, where `#` is one or more digits and `*` is anything.
    static func globMatches(_ pattern: [UInt8], _ text: ArraySlice<UInt8>) -> Bool {
        func match(_ p: Int, _ t: Int) -> Bool {
            if p == pattern.count { return t == text.endIndex }
            switch pattern[p] {
            case UInt8(ascii: "*"):
                var k = t
                while true {
                    if match(p + 1, k) { return true }
                    if k == text.endIndex { return false }
                    k += 1
                }
            case UInt8(ascii: "#"):
                var k = t
                while k < text.endIndex && text[k] >= 0x30 && text[k] <= 0x39 { k += 1 }
                if k == t { return false }
                return match(p + 1, k)
            default:
                guard t < text.endIndex, lower(text[t]) == lower(pattern[p]) else { return false }
                return match(p + 1, t + 1)
            }
        }
        return match(0, text.startIndex)
    }

    /// `text[range]` without leading/trailing ASCII white space.
    static func trimmed(_ text: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi && (text[lo] == 0x20 || text[lo] == 0x09 || text[lo] == 0x0D) { lo += 1 }
        while hi > lo && (text[hi - 1] == 0x20 || text[hi - 1] == 0x09 || text[hi - 1] == 0x0D) { hi -= 1 }
        return lo..<hi
    }

    /// A 64-bit FNV-1a hash of the letters and digits of `text[range]`, lower-cased: two lines or sentences with the
    /// same hash are taken to be the same text (a false match is a 1-in-2⁶⁴ event).
    static func normalisedHash(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (hash: UInt64, length: Int) {
        var h = FNV1a()
        var length = 0
        normalisation.withUnsafeBufferPointer { table in
            for i in range {
                let b = table[Int(text[i])]
                if b == 0 { continue }
                h.add(b)
                length += 1
            }
        }
        return (h.value, length)
    }

    /// Per byte: its lower-case form if it is a letter, digit or non-ASCII byte; 0 if normalisation skips it.
    static let normalisation: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
        let byte = UInt8(b)
        if byte >= 0x41 && byte <= 0x5A { return byte | 0x20 }
        if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80 { return byte }
        return 0
    }

    /// Letters and digits of `text[range]`, lower-cased, with other non-ASCII characters kept except no-break
    /// spaces: the key under which lines are compared for headline echoes, so that a truncated copy padded with
    /// no-break spaces ("…and Russia’s:-\u{A0}\u{A0}") is still a prefix of its headline.
    static func normalisedKey(_ text: [UInt8], _ range: Range<Int>) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            // A no-break space (U+00A0) is white space, as in the cleaner's other comparisons.
            if text[i] == 0xC2, i + 1 < range.upperBound, text[i + 1] == 0xA0 {
                i += 2
                continue
            }
            let b = normalisation[Int(text[i])]
            if b != 0 { key.append(b) }
            i += 1
        }
        return key
    }
}
