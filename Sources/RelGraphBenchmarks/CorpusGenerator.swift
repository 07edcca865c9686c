import RelGraphCore
import RelGraphExtraction
import RelGraphKnowledge

/// Makes a large, varied corpus from a few real articles: each generated document is one of the templates with
/// every country, capital, demonym and leader it names replaced by those of other states and leaders, chosen at
/// random (deterministically, from `seed`). The text keeps the templates' mess — boilerplate, repeats, spam — so
/// the benchmark exercises every stage.
public struct CorpusGenerator: Sendable {
    struct Template: Sendable {
        var scalars: [Unicode.Scalar]
        /// Mentions to replace: scalar span and the entity named there.
        var slots: [(range: Range<Int>, entity: EntityID)]
    }

    let templates: [Template]
    let countries: [Country]
    let leaders: [Leader]

    public init(templates documents: [SourceDocument], extractor: DocumentExtractor) {
        templates = documents.map { document in
            let text = String(decoding: document.bytes, as: UTF8.self)
            let extraction = extractor.extract(document)
            let slots = extraction.mentions
                .filter { $0.entity.kind == .country || $0.entity.kind == .leader }
                .map { ($0.mention.start..<$0.mention.end, $0.entity) }
                .sorted { $0.0.lowerBound < $1.0.lowerBound }
            return Template(scalars: Array(text.unicodeScalars), slots: slots)
        }
        let knowledge = extractor.index.knowledge
        countries = knowledge.countries.filter { $0.until == nil && !$0.demonyms.isEmpty }
        leaders = knowledge.leaders
    }

    /// Generated document `number` (the same for the same number and seed).
    public func document(_ number: Int, seed: UInt64 = 1) -> SourceDocument {
        var random = SplitMix64(seed: seed &+ UInt64(number) &* 0x9E37_79B9_7F4A_7C15)
        let template = templates[number % templates.count]
        var countryMap: [EntityID: Country] = [:]
        var leaderMap: [EntityID: Leader] = [:]
        var out = String.UnicodeScalarView()
        var position = 0
        for (range, entity) in template.slots where range.lowerBound >= position {
            out.append(contentsOf: template.scalars[position..<range.lowerBound])
            let original = String(String.UnicodeScalarView(template.scalars[range]))
            let replacement: String
            if entity.kind == .country {
                let country = countryMap[entity] ?? countries[Int(random.next() % UInt64(countries.count))]
                countryMap[entity] = country
                // Keep the grammatical role: a demonym stays a demonym.
                let isDemonym = original.hasSuffix("an") || original.hasSuffix("ese") || original.hasSuffix("ish") || original.hasSuffix("i")
                replacement = isDemonym ? country.demonyms[0] : country.name
            } else {
                let leader = leaderMap[entity] ?? leaders[Int(random.next() % UInt64(leaders.count))]
                leaderMap[entity] = leader
                replacement = original.contains(" ") ? leader.name : (leader.shortForms.first ?? leader.name)
            }
            out.append(contentsOf: replacement.unicodeScalars)
            position = range.upperBound
        }
        out.append(contentsOf: template.scalars[position...])
        return SourceDocument(info: DocumentInfo(id: "generated-\(number)"), bytes: Array(String(out).utf8), format: .text)
    }
}
