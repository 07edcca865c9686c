import RelGraphCore
import RelGraphKnowledge

/// Assembles the corpus graph from per-document extractions: one node per entity with all its mentions, one edge
/// per (pair, relation, era).
///
/// An edge's era is the era holding most of the years its event speaks of (``EraSet/era(forYear:through:)``; the
/// tie's own year, else its sentence's); evidence with no year, or outside every era, goes to the `undated` era. Weight counts distinct supporting
/// sentences — the same sentence repeated in a document or across documents counts once — and tone is the mean
/// of the pair's tone in those sentences (``Tie/tone``; each sentence's own overall tone stays on its evidence).
public enum GraphAssembler {
    public static func assemble(
        _ extractions: [DocumentExtraction], eras: EraSet, knowledge: KnowledgeBase
    ) -> RelationshipGraph {
        let extractions = extractions.sorted { $0.document.id < $1.document.id }
        // Nodes.
        var mentions: [EntityID: [Mention]] = [:]
        var discovered: [EntityID: DiscoveredEntity] = [:]
        for extraction in extractions {
            for d in extraction.discovered where discovered[d.id] == nil { discovered[d.id] = d }
            for m in extraction.mentions { mentions[m.entity, default: []].append(m.mention) }
            for tie in extraction.ties {
                if mentions[tie.source] == nil { mentions[tie.source] = [] }
                if mentions[tie.target] == nil { mentions[tie.target] = [] }
            }
        }
        let nodes = mentions.keys.sorted().map { id in
            node(
                id, mentions: mentions[id]!.sorted { ($0.doc, $0.start) < ($1.doc, $1.start) }, knowledge: knowledge,
                discovered: discovered[id])
        }

        // Edges.
        struct EdgeKey: Hashable {
            var source: EntityID
            var target: EntityID
            var relation: Relation
            var era: String
        }
        var grouped: [EdgeKey: [Evidence]] = [:]
        var tones: [EdgeKey: Double] = [:]
        var seen: [EdgeKey: Set<UInt64>] = [:]
        for extraction in extractions {
            for tie in extraction.ties.sorted(by: { extraction.evidence[$0.evidence].start < extraction.evidence[$1.evidence].start }) {
                let e = event(tie, extraction.evidence[tie.evidence])
                let era = e.year.flatMap { eras.era(forYear: $0, through: e.yearEnd)?.id } ?? Era.undated.id
                let key = EdgeKey(source: tie.source, target: tie.target, relation: tie.relation, era: era)
                guard seen[key, default: []].insert(dedupeKey(e.text)).inserted else { continue }
                grouped[key, default: []].append(e)
                tones[key, default: 0] += tie.tone
            }
        }
        let eraOrder = Dictionary(uniqueKeysWithValues: (eras.eras + [Era.undated]).enumerated().map { ($1.id, $0) })
        // Order: era, then source, target, relation — sorting the small keys, not the edges.
        let keys = grouped.keys.sorted {
            (eraOrder[$0.era]!, $0.source, $0.target, $0.relation) < (eraOrder[$1.era]!, $1.source, $1.target, $1.relation)
        }
        let edges = keys.map { key in
            let evidence = grouped[key]!
            return Edge(
                source: key.source, target: key.target, era: key.era, relation: key.relation,
                weight: Double(evidence.count), tone: tones[key]! / Double(evidence.count),
                evidence: evidence)
        }
        var graphEras = eras.eras
        if edges.contains(where: { $0.era == Era.undated.id }) { graphEras.append(Era.undated) }
        return RelationshipGraph(eras: graphEras, documents: extractions.map(\.document), nodes: nodes, edges: edges)
    }

    /// A tie's evidence as the edge shows it: the sentence, with the year of the tie's own event when it has one
    /// ("A recognised B in 1988 and C in 2001": A–C is 2001) and the trigger that decided the tie.
    static func event(_ tie: Tie, _ sentence: Evidence) -> Evidence {
        var e = sentence
        if let year = tie.year {
            e.year = year
            e.yearEnd = tie.yearEnd
            e.dating = tie.dating
        }
        e.polaritySource = tie.polaritySource
        return e
    }

    /// Two sentences are the same evidence when their letters and digits are (compared by a 64-bit hash).
    static func dedupeKey(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { ByteSearch.normalisedHash($0, 0..<$0.count).hash }
    }

    static func node(_ id: EntityID, mentions: [Mention], knowledge: KnowledgeBase, discovered: DiscoveredEntity?) -> Node {
        let kind = id.kind ?? .organization
        var node = Node(id: id, kind: kind, label: id.rawValue, mentions: mentions)
        var known: [String] = []
        if let c = knowledge.country(id) {
            node.label = c.name
            known = c.aliases + c.demonyms
            node.iso = c.iso2
            node.iso3 = c.iso3
            node.capital = c.capitals.first?.name
            node.successor = c.successor
            node.existedFrom = c.from
            node.existedUntil = c.until
        } else if let l = knowledge.leader(id) {
            node.label = l.name
            known = l.aliases
            node.country = l.country
            node.office = l.office
            node.tenure = l.terms.sorted { $0.start < $1.start }
        } else if let o = knowledge.organization(id) {
            node.label = o.name
            known = o.aliases + (o.acronym.map { [$0] } ?? [])
            node.acronym = o.acronym
        } else if let a = knowledge.agreement(id) {
            node.label = a.name
            known = a.aliases
            node.year = a.year
            node.parties = a.parties
        } else if let d = discovered {
            node.label = d.label
            node.country = d.country
            node.office = d.office
            node.year = d.year
            node.parties = d.parties
        } else if let first = mentions.first {
            node.label = first.text
        }
        var aliases = Set(known)
        for m in mentions where m.text != node.label { aliases.insert(m.text) }
        node.aliases = aliases.sorted()
        return node
    }
}
