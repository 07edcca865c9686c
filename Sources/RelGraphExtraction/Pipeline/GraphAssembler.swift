import RelGraphCore
import RelGraphKnowledge

/// Assembles the corpus graph from per-document extractions: one node per entity with all its mentions, one edge
/// per (pair, relation, era) made by ``EdgeAccumulator`` (whose rules a store follows too, so that a store fed one
/// document at a time gives the same graph as a batch build). An edge's era is the era holding most of the years its
/// event speaks of (the tie's own year, else its sentence's).
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
        var accumulator = EdgeAccumulator(eras: eras)
        for extraction in extractions { accumulator.add(extraction) }
        let edges = accumulator.edges()
        return RelationshipGraph(
            eras: graphEras(eras, edges: edges), documents: extractions.map(\.document), nodes: nodes, edges: edges)
    }

    /// The eras a graph lists: the defined ones, and `undated` when some edge is in it.
    public static func graphEras(_ eras: EraSet, edges: [Edge]) -> [Era] {
        var graphEras = eras.eras
        if edges.contains(where: { $0.era == Era.undated.id }) { graphEras.append(Era.undated) }
        return graphEras
    }

    /// A tie's evidence as the edge shows it: the sentence, with the year of the tie's own event when it has one
    /// ("A recognised B in 1988 and C in 2001": A–C is 2001) and the trigger that decided the tie.
    public static func event(_ tie: Tie, _ sentence: Evidence) -> Evidence {
        var e = sentence
        if let year = tie.year {
            e.year = year
            e.yearEnd = tie.yearEnd
            e.dating = tie.dating
        }
        e.polaritySource = tie.polaritySource
        return e
    }

    /// The key under which two sentences are the same evidence: a 64-bit hash of their letters and digits.
    public static func sentenceKey(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { ByteSearch.normalisedHash($0, 0..<$0.count).hash }
    }

    /// The node of an entity: what the knowledge base (or, for an entity it lacks, the pattern that found it) says
    /// about it, with its mentions and the spellings seen.
    public static func node(_ id: EntityID, mentions: [Mention], knowledge: KnowledgeBase, discovered: DiscoveredEntity?) -> Node {
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
