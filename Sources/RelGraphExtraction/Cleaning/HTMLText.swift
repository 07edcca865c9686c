/// Reduces an HTML page to its text *in place*: markup, scripts, styles and page chrome are overwritten with
/// spaces (block-level tags with a newline), and character references with their character padded by spaces, so
/// every byte offset of the result is the same byte offset of the page.
enum HTMLText {
    /// Elements whose whole content is not article text.
    static let skippedElements: Set<String> = ["script", "style", "noscript", "head", "nav", "footer", "aside", "svg", "form", "iframe", "template"]
    /// Tags that end a paragraph.
    static let blockTags: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
        "section", "article", "header", "blockquote", "pre", "dt", "dd", "figcaption", "title", "main",
    ]
    static let entities: [String: UInt8] = [
        "amp": UInt8(ascii: "&"), "lt": UInt8(ascii: "<"), "gt": UInt8(ascii: ">"), "quot": UInt8(ascii: "\""),
        "apos": UInt8(ascii: "'"), "nbsp": UInt8(ascii: " "), "rsquo": UInt8(ascii: "'"), "lsquo": UInt8(ascii: "'"),
        "rdquo": UInt8(ascii: "\""), "ldquo": UInt8(ascii: "\""), "ndash": UInt8(ascii: "-"), "mdash": UInt8(ascii: "-"),
        "hellip": UInt8(ascii: "."),
    ]

    static func blank(_ text: inout [UInt8]) {
        var i = 0
        let n = text.count
        func fill(_ range: Range<Int>, newline: Bool) {
            for k in range where text[k] != 0x0A { text[k] = 0x20 }
            if newline, !range.isEmpty { text[range.lowerBound] = 0x0A }
        }
        while i < n {
            let b = text[i]
            if b == UInt8(ascii: "<") {
                // Comment
                if i + 3 < n && text[i + 1] == UInt8(ascii: "!") && text[i + 2] == UInt8(ascii: "-") && text[i + 3] == UInt8(ascii: "-") {
                    let end = ByteSearch.find(Array("-->".utf8), in: text, from: i + 4, end: n).map { $0 + 3 } ?? n
                    fill(i..<end, newline: false)
                    i = end
                    continue
                }
                guard let close = text[i..<n].firstIndex(of: UInt8(ascii: ">")) else {
                    fill(i..<n, newline: false)
                    break
                }
                let name = tagName(text, i + 1, close)
                let isEnd = i + 1 < n && text[i + 1] == UInt8(ascii: "/")
                fill(i..<(close + 1), newline: blockTags.contains(name))
                i = close + 1
                if !isEnd && skippedElements.contains(name) && !(close > 0 && text[close - 1] == UInt8(ascii: "/")) {
                    let endTag = Array("</\(name)".utf8)
                    let end = ByteSearch.find(endTag, in: text, from: i, end: n) ?? n
                    fill(i..<end, newline: true)
                    i = end
                }
                continue
            }
            if b == UInt8(ascii: "&") {
                var k = i + 1
                while k < n && k - i <= 10 && text[k] != UInt8(ascii: ";") && text[k] != 0x20 { k += 1 }
                if k < n && text[k] == UInt8(ascii: ";") {
                    let name = String(decoding: text[(i + 1)..<k], as: UTF8.self)
                    var replacement: UInt8?
                    if let e = entities[name] {
                        replacement = e
                    } else if name.hasPrefix("#") {
                        let digits = name.dropFirst()
                        let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                        if let value {
                            replacement = value < 0x80 ? UInt8(value) : (value == 0x2019 || value == 0x2018) ? UInt8(ascii: "'") : UInt8(ascii: " ")
                        }
                    }
                    if let replacement {
                        fill(i..<(k + 1), newline: false)
                        text[i] = replacement
                        i = k + 1
                        continue
                    }
                }
            }
            i += 1
        }
    }

    private static func tagName(_ text: [UInt8], _ from: Int, _ end: Int) -> String {
        var i = from
        if i < end && text[i] == UInt8(ascii: "/") { i += 1 }
        var name: [UInt8] = []
        while i < end {
            let c = ByteSearch.lower(text[i])
            guard (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) else { break }
            name.append(c)
            i += 1
        }
        return String(decoding: name, as: UTF8.self)
    }
}
