import RelGraphCore
import RelGraphExtraction
import RelGraphKnowledge

/// Makes a graph from what a store fetched: tie occurrences, mentions and discovered entities. Shared by every
/// ``GraphStore`` implementation, so that they all answer alike — and like a batch build, since the edges come from
/// the same ``EdgeAccumulator`` and the nodes from the same ``GraphAssembler/node(_:mentions:knowledge:discovered:)``.
struct StoredGraphAssembler {
    var eras: EraSet
    var knowledge: KnowledgeBase

    /// The edges of `era` (all eras when `nil`) among `occurrences`.
    func edges(_ occurrences: some Sequence<TieOccurrence>, era: String?) -> [Edge] {
        var accumulator = EdgeAccumulator(eras: eras, onlyEra: era)
        for occurrence in occurrences { accumulator.add(occurrence) }
        return accumulator.edges()
    }

    /// A graph of `edges` whose nodes are `entities`, with the given mentions (sorted here) and discovered data.
    func graph(
        edges: [Edge], entities: [EntityID], mentions: [EntityID: [Mention]], discovered: [EntityID: DiscoveredEntity],
        documents: [DocumentInfo]
    ) -> RelationshipGraph {
        let nodes = entities.sorted().map { id in
            GraphAssembler.node(
                id, mentions: (mentions[id] ?? []).sorted { ($0.doc, $0.start) < ($1.doc, $1.start) },
                knowledge: knowledge, discovered: discovered[id])
        }
        return RelationshipGraph(
            eras: GraphAssembler.graphEras(eras, edges: edges), documents: documents.sorted { $0.id < $1.id },
            nodes: nodes, edges: edges)
    }

    /// Whether `node` is named `query` (lower-cased): its label, an alias or a mention.
    static func node(_ node: Node, isNamed query: String) -> Bool {
        if node.id.rawValue.lowercased().contains(query) || node.label.lowercased().contains(query) { return true }
        if node.aliases.contains(where: { $0.lowercased().contains(query) }) { return true }
        return node.acronym?.lowercased().contains(query) ?? false
    }
}
