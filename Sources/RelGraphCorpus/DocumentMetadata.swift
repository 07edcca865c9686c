import RelGraphCore

/// What a document says about itself, for the fields the manifest leaves empty: front matter in text and
/// Markdown files (`---` … `date: 2024-08-15` … `---`), `<meta>` and `<time>` and `<title>` in HTML, and, for the
/// date, a year in the headline ("… on Korean Liberation Day 2024").
public enum DocumentMetadata {
    public static func infer(_ bytes: [UInt8], format: SourceDocument.Format) -> (title: String?, date: PartialDate?, source: String?) {
        let text = String(decoding: bytes.prefix(65_536), as: UTF8.self)
        var title: String?
        var date: PartialDate?
        var source: String?
        if format == .html {
            date = metaContent(text, names: ["article:published_time", "datePublished", "date", "pubdate", "publish-date", "dc.date"])
                .flatMap(dateText) ?? attribute(text, tag: "<time", name: "datetime").flatMap(dateText)
            source = metaContent(text, names: ["og:site_name", "application-name"])
            title = metaContent(text, names: ["og:title"]) ?? element(text, "title")
        } else if text.hasPrefix("---") {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
            for line in lines {
                if line.trimmingWhitespace() == "---" { break }
                guard let colon = line.firstIndex(of: ":") else { continue }
                let key = line[..<colon].trimmingWhitespace().lowercased()
                var value = line[line.index(after: colon)...].trimmingWhitespace()
                if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q { value = String(value.dropFirst().dropLast()) }
                switch key {
                case "date", "published", "published_at": date = dateText(value)
                case "title": title = value
                case "source", "publisher", "site": source = value
                default: break
                }
            }
        }
        if date == nil, format != .html, let headline = text.split(separator: "\n").first(where: { !$0.trimmingWhitespace().isEmpty }) {
            date = headlineYear(String(headline))
        }
        return (title, date, source)
    }

    /// `2024-08-15T10:00:00Z`, `2024-08-15`, `2024-08`, `2024` → the partial date.
    static func dateText(_ value: String) -> PartialDate? {
        let trimmed = value.trimmingWhitespace()
        for length in [10, 7, 4] where trimmed.count >= length {
            if let date = PartialDate(String(trimmed.prefix(length))) { return date }
        }
        return nil
    }

    /// A year 1900–2100 standing alone in the headline (not a range or part of a number).
    static func headlineYear(_ line: String) -> PartialDate? {
        let chars = Array(line.unicodeScalars)
        var i = 0
        while i + 4 <= chars.count {
            let window = chars[i..<(i + 4)]
            let before = i > 0 ? chars[i - 1] : " "
            let after = i + 4 < chars.count ? chars[i + 4] : " "
            if window.allSatisfy({ ("0"..."9").contains($0) }), !("0"..."9").contains(before), !("0"..."9").contains(after),
                before != "-", after != "-", let year = Int(String(String.UnicodeScalarView(window))), (1900...2100).contains(year)
            {
                return PartialDate(year: year)
            }
            i += 1
        }
        return nil
    }

    static func metaContent(_ html: String, names: [String]) -> String? {
        var search = html[...]
        while let start = search.range(of: "<meta", options: .caseInsensitive) {
            guard let end = search[start.upperBound...].firstIndex(of: ">") else { break }
            let tag = String(search[start.lowerBound...end])
            let key = attributeValue(tag, "property") ?? attributeValue(tag, "name") ?? attributeValue(tag, "itemprop")
            if let key, names.contains(where: { $0.caseInsensitiveCompare(key) == .orderedSame }), let content = attributeValue(tag, "content") {
                return content
            }
            search = search[end...]
        }
        return nil
    }

    static func attribute(_ html: String, tag: String, name: String) -> String? {
        guard let start = html.range(of: tag, options: .caseInsensitive),
            let end = html[start.upperBound...].firstIndex(of: ">")
        else { return nil }
        return attributeValue(String(html[start.lowerBound...end]), name)
    }

    static func attributeValue(_ tag: String, _ name: String) -> String? {
        guard let range = tag.range(of: name + "=", options: .caseInsensitive) else { return nil }
        let rest = tag[range.upperBound...]
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return String(value)
    }

    static func element(_ html: String, _ name: String) -> String? {
        guard let open = html.range(of: "<\(name)", options: .caseInsensitive),
            let start = html[open.upperBound...].firstIndex(of: ">"),
            let close = html[start...].range(of: "</\(name)", options: .caseInsensitive)
        else { return nil }
        let text = html[html.index(after: start)..<close.lowerBound].trimmingWhitespace()
        return text.isEmpty ? nil : text
    }
}
