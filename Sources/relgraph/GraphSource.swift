import ArgumentParser
import RelGraphAnalysis
import RelGraphCore
import RelGraphExport
import RelGraphKnowledge
import RelGraphStore

/// Where a reading command takes its graph from: a file (graph.json, GraphML, an edge list) or a store (`--db`).
struct GraphSource {
    var file: String?
    var db: String?

    /// Exactly one of the two, checked before any work.
    func validate() throws {
        switch (file, db) {
        case (nil, nil): throw ValidationError("give a graph file or --db <store>")
        case (.some, .some): throw ValidationError("give a graph file or --db <store>, not both")
        default: break
        }
    }

    /// The graph of one era (all eras when `nil`) as a weighted graph, and as relgraph's graph when the source has
    /// one (graph.json or a store). From a store, edges carry their evidence and nodes their mentions only when
    /// asked (an analysis needs neither; names seen in the text find an entity as in graph.json).
    func load(era: String?, evidence: Bool = false, mentions: Bool = false) async throws -> (graph: WeightedGraph, relationships: RelationshipGraph?) {
        if let db {
            let relationships: RelationshipGraph
            do {
                relationships = try await withStore(db, knowledge: try KnowledgeBase.bundled()) { store in
                    try await store.graph(GraphQuery(era: era, evidence: evidence, mentions: mentions))
                }
            } catch let error as StoreError where error.kind == .notFound {
                throw AnalysisError(error.description)
            }
            return (WeightedGraph(relationships, era: era), relationships)
        }
        let input = try GraphInput.load(path: file!, era: era)
        return (input.graph, input.relationships)
    }
}
