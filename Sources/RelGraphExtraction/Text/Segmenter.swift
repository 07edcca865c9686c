/// A sentence (or heading) of a document: a span of its tokens and of its bytes.
struct Sentence: Sendable {
    var tokens: Range<Int>
    var bytes: Range<Int>
    /// Index of the line (paragraph) the sentence starts in.
    var paragraph: Int
    /// A short line without closing punctuation, or one ending in ":" — it scopes the sentences below it.
    var isHeading: Bool
}

/// Splits a tokenised text into sentences and headings.
///
/// A sentence ends at `.`, `!` or `?` followed by white space and a capitalised word, unless the word before the
/// stop is an abbreviation or an initial ("U.S. officials", "George H. W. Bush"); and at a line break, unless the
/// line ends without punctuation and the next line goes on in lower case (a sentence broken by page furniture).
enum Segmenter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "prof", "jr", "sr",
        "no", "vs", "etc", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "approx", "dept", "est", "fig", "adm", "maj", "pres", "rev", "hon",
    ]
    /// A heading has at most this many words.
    static let maxHeadingTokens = 14

    static func split(_ text: UnsafeBufferPointer<UInt8>, tokens: [Token]) -> [Sentence] {
        guard !tokens.isEmpty else { return [] }
        var sentences: [Sentence] = []
        var start = 0
        var paragraph = 0
        var startParagraph = 0

        func lastNonSpace(before end: Int, from: Int) -> UInt8? {
            var k = end - 1
            while k >= from {
                let b = text[k]
                if b != 0x20 && b != 0x09 && b != 0x0D && b != 0x0A { return b }
                k -= 1
            }
            return nil
        }

        func close(_ end: Int, gapEnd: Int) {
            // Byte span: the tokens plus closing punctuation up to the next line break or sentence.
            let first = tokens[start]
            let last = tokens[end - 1]
            var stop = Int(last.end)
            while stop < gapEnd {
                let b = text[stop]
                if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") || b == UInt8(ascii: ")")
                    || b == UInt8(ascii: "\"") || b == UInt8(ascii: ":") || b == UInt8(ascii: "%")
                {
                    stop += 1
                } else if b == 0xE2, stop + 2 < gapEnd, text[stop + 1] == 0x80, text[stop + 2] == 0x9D || text[stop + 2] == 0x99 {
                    stop += 3  // closing ” or ’
                } else {
                    break
                }
            }
            let final = lastNonSpace(before: stop, from: Int(first.start))
            let endsLine = gapEnd >= text.count || end == tokens.count || tokens[end].gap == .newline
            let closed = final == UInt8(ascii: ".") || final == UInt8(ascii: "!") || final == UInt8(ascii: "?")
            let heading = endsLine && startsLine(start) && ((!closed && end - start <= maxHeadingTokens) || final == UInt8(ascii: ":"))
            sentences.append(Sentence(tokens: start..<end, bytes: Int(first.start)..<stop, paragraph: startParagraph, isHeading: heading))
        }

        func startsLine(_ index: Int) -> Bool { index == 0 || tokens[index].gap == .newline }

        for k in 1..<tokens.count {
            let previous = tokens[k - 1]
            let token = tokens[k]
            let gapStart = Int(previous.end)
            let gapEnd = Int(token.start)
            var boundary = false
            if token.gap == .newline {
                paragraph += 1
                // A line that stops without punctuation and a next line in lower case: one sentence, broken.
                let final = lastNonSpace(before: gapEnd, from: gapStart)
                let continues = !token.isInitialUpper && !token.isNumeric
                    && final != UInt8(ascii: ".") && final != UInt8(ascii: "!") && final != UInt8(ascii: "?") && final != UInt8(ascii: ":")
                boundary = !continues
            } else if token.isInitialUpper || token.isNumeric || text[gapEnd - 1] == UInt8(ascii: "\"") || text[gapEnd - 1] == 0x9C {
                var sawStop = false
                var sawSpaceAfterStop = false
                for i in gapStart..<gapEnd {
                    let b = text[i]
                    if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") {
                        sawStop = true
                    } else if sawStop && (b == 0x20 || b == 0x09) {
                        sawSpaceAfterStop = true
                    }
                }
                if sawStop && sawSpaceAfterStop && !isAbbreviation(text, previous) { boundary = true }
            }
            if boundary {
                close(k, gapEnd: gapEnd)
                start = k
                startParagraph = paragraph
            }
        }
        close(tokens.count, gapEnd: text.count)
        return sentences
    }

    private static func isAbbreviation(_ text: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        if token.length == 1 && token.isInitialUpper { return true }  // an initial: "H. W."
        guard token.length <= 5 else { return false }
        var word = ""
        for i in Int(token.start)..<Int(token.end) { word.unicodeScalars.append(Unicode.Scalar(ByteSearch.lower(text[i]))) }
        return abbreviations.contains(word)
    }
}
