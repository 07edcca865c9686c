import Foundation
import RelGraphBenchmarks
import RelGraphCore
import RelGraphCorpus
import RelGraphExtraction
import RelGraphKnowledge
import RelGraphStore
import Testing

/// The store, SQLite and PostgreSQL alike (``StoreBackend``): one document at a time, in any order, with deletes and re-adds, gives the graph a batch build
/// gives; writes are all or nothing; eras are re-bucketed without re-extraction.
@Suite("store")
struct StoreTests {
    static let seedsCorpus = try! CorpusReader.read(directory: TestSupport.seeds)
    static let seedDocuments = seedsCorpus.loadDocuments().documents
    static let seedExtractions = seedDocuments.map(TestSupport.extractor.extract)
    static let seedEras = try! EraSet(seedsCorpus.manifest!.eras!)


    /// `edges` as a weights-only read gives them: without evidence.
    static func weights(_ edges: [Edge]) -> [Edge] {
        edges.map { var edge = $0; edge.evidence = []; return edge }
    }

    /// A deterministic permutation of `0..<count`.
    static func shuffled(_ count: Int, seed: UInt64) -> [Int] {
        var random = SplitMix64(seed: seed)
        var order = Array(0..<count)
        for i in stride(from: count - 1, to: 0, by: -1) { order.swapAt(i, Int(random.next() % UInt64(i + 1))) }
        return order
    }

    /// Feeds `documents` in a shuffled order, deleting and re-adding some, and replacing one with other content
    /// and back, as an analyst's day of edits would.
    static func feed(_ store: any GraphStore, _ documents: [SourceDocument], seed: UInt64) async throws {
        let extractor = TestSupport.extractor
        let order = shuffled(documents.count, seed: seed)
        for i in order { _ = try await store.add(documents[i], extraction: extractor.extract(documents[i])) }
        for i in order.prefix(2) {
            #expect(try await store.deleteDocument(id: documents[i].info.id))
        }
        var changed = documents[order[2]]
        changed.bytes = Array("In 1999 Chile and Argentina signed a border treaty.".utf8)
        #expect(try await store.add(changed, extraction: extractor.extract(changed)).outcome == .replaced)
        for i in order.prefix(3).reversed() {
            let result = try await store.add(documents[i], extraction: extractor.extract(documents[i]))
            #expect(result.outcome == (i == order[2] ? .replaced : .added))
        }
    }

    @Test("the seeds fed one at a time, in any order with deletes and re-adds, give exactly `relgraph build`'s graph", arguments: StoreBackend.available)
    func seedsEqualBuild(_ backend: StoreBackend) async throws {
        let built = TestSupport.seedBuild.summary.graph
        for seed: UInt64 in [1, 2, 3] {
            let (store, _) = try await backend.makeStore()
            try await store.setEras(Self.seedEras)
            try await Self.feed(store, Self.seedDocuments, seed: seed)
            let stored = try await store.graph(GraphQuery())
            #expect(stored.nodes == built.nodes)
            #expect(stored.edges == built.edges)
            #expect(stored == built)
            #expect(try await store.graph(GraphQuery(evidence: false, mentions: false)).edges == Self.weights(built.edges))
            await store.close()
        }
    }

    @Test("a generated corpus of 80 documents with default decade eras: the store's graph equals the batch graph", arguments: StoreBackend.available)
    func generatedEqualsBatch(_ backend: StoreBackend) async throws {
        let generator = CorpusGenerator(templates: Self.seedDocuments, extractor: TestSupport.extractor)
        let documents = (0..<80).map { generator.document($0, seed: 7) }
        let extractions = documents.map(TestSupport.extractor.extract)
        let years = extractions.flatMap(\.years)
        let expected = GraphAssembler.assemble(
            extractions, eras: EraSet.decades(from: years.min()!, through: years.max()!), knowledge: TestSupport.knowledge)
        let (store, _) = try await backend.makeStore()
        try await Self.feed(store, documents, seed: 11)
        let stored = try await store.graph(GraphQuery())
        #expect(stored.edges.count == expected.edges.count)
        #expect(stored == expected)
        #expect(try await store.graph(GraphQuery(evidence: false, mentions: false)).edges == Self.weights(expected.edges))
        await store.close()
    }

    @Test("each era read alone has exactly that era's edges, with or without evidence", arguments: StoreBackend.available)
    func eraGraphs(_ backend: StoreBackend) async throws {
        let (store, _) = try await backend.makeStore()
        try await store.setEras(Self.seedEras)
        try await Self.feed(store, Self.seedDocuments, seed: 5)
        let all = try await store.graph(GraphQuery())
        #expect(all.eras.map(\.id) == ["soviet", "post-soviet", "putin", "undated"])
        for era in all.eras {
            let graph = try await store.graph(GraphQuery(era: era.id))
            let expected = all.edges(inEra: era.id)
            #expect(graph.edges == expected, "era \(era.id)")
            #expect(Set(graph.nodes.map(\.id)) == Set(expected.flatMap { [$0.source, $0.target] }))
            let light = try await store.graph(GraphQuery(era: era.id, evidence: false, mentions: false))
            #expect(light.edges.map { [$0.source.rawValue, $0.target.rawValue, $0.relation.rawValue, "\($0.weight)", "\($0.tone)"] }
                == expected.map { [$0.source.rawValue, $0.target.rawValue, $0.relation.rawValue, "\($0.weight)", "\($0.tone)"] })
            #expect(light.edges.allSatisfy { $0.evidence.isEmpty } && light.nodes.allSatisfy { $0.mentions.isEmpty })
        }
        await #expect(throws: StoreError(.notFound, "unknown era \"1812\"; valid eras: soviet, post-soviet, putin, undated")) {
            _ = try await store.graph(GraphQuery(era: "1812"))
        }
        await store.close()
    }

    @Test("redefining eras re-buckets the stored evidence without re-extracting", arguments: StoreBackend.available)
    func redefineEras(_ backend: StoreBackend) async throws {
        let (store, _) = try await backend.makeStore()
        try await store.setEras(Self.seedEras)
        for (document, extraction) in zip(Self.seedDocuments, Self.seedExtractions) {
            _ = try await store.add(document, extraction: extraction)
        }
        let coldWar = try EraSet.parse("cold-war:1947-1991,after:1992-")
        try await store.setEras(coldWar)
        let coldWarGraph = GraphAssembler.assemble(Self.seedExtractions, eras: coldWar, knowledge: TestSupport.knowledge)
        #expect(try await store.graph(GraphQuery()) == coldWarGraph)
        #expect(try await store.graph(GraphQuery(evidence: false)).edges == Self.weights(coldWarGraph.edges))
        try await store.setEras(nil)
        let years = Self.seedExtractions.flatMap(\.years)
        let decades = EraSet.decades(from: years.min()!, through: years.max()!)
        #expect(try await store.eras() == decades)
        #expect(try await store.graph(GraphQuery()) == GraphAssembler.assemble(Self.seedExtractions, eras: decades, knowledge: TestSupport.knowledge))
        await store.close()
    }

    @Test("the same content again changes nothing; the same id with new content replaces; delete removes everything it brought", arguments: StoreBackend.available)
    func addReplaceDelete(_ backend: StoreBackend) async throws {
        let (store, _) = try await backend.makeStore()
        let text = """
            In 2016 Kenyan President Otieno Kamau Wanjiru visited Tanzania, and the two countries signed \
            the Lake Victoria Fisheries Accord.
            """
        let first = SourceDocument(id: "east-africa", text: text, date: PartialDate(year: 2016))
        let extraction = TestSupport.extractor.extract(first)
        #expect(extraction.discovered.map(\.id.rawValue).contains("leader:otieno-kamau-wanjiru"))
        #expect(try await store.add(first, extraction: extraction) == AddResult(outcome: .added, id: "east-africa"))
        let revision = try await store.revision()
        #expect(try await store.add(first, extraction: extraction) == AddResult(outcome: .unchanged, id: "east-africa"))
        #expect(try await store.revision() == revision)
        let graph = try await store.graph(GraphQuery())
        #expect(graph == GraphAssembler.assemble([extraction], eras: try await store.eras(), knowledge: TestSupport.knowledge))
        #expect(graph.node("leader:otieno-kamau-wanjiru")?.country?.rawValue == "country:kenya")

        let second = SourceDocument(id: "east-africa", text: "In 1964 Tanganyika and Zanzibar united.", date: nil)
        let secondExtraction = TestSupport.extractor.extract(second)
        #expect(try await store.add(second, extraction: secondExtraction).outcome == .replaced)
        #expect(try await store.documentCount() == 1)
        #expect(try await store.graph(GraphQuery()) == GraphAssembler.assemble([secondExtraction], eras: try await store.eras(), knowledge: TestSupport.knowledge))
        #expect(try await store.entity(id: "leader:otieno-kamau-wanjiru") == nil)

        #expect(try await store.deleteDocument(id: "east-africa"))
        #expect(try await store.deleteDocument(id: "east-africa") == false)
        let empty = try await store.graph(GraphQuery())
        #expect(empty.nodes.isEmpty && empty.edges.isEmpty && empty.documents.isEmpty)
        #expect(try await store.graph(GraphQuery(evidence: false)).edges.isEmpty)
        let statistics = try await store.statistics()
        #expect([statistics.documents, statistics.mentions, statistics.ties, statistics.evidence] as [Int] == [0, 0, 0, 0])
        await store.close()
    }

    @Test("documents, entities and an entity's ties read back as stored", arguments: StoreBackend.available)
    func readBack(_ backend: StoreBackend) async throws {
        let (store, _) = try await backend.makeStore()
        try await store.setEras(Self.seedEras)
        for (document, extraction) in zip(Self.seedDocuments, Self.seedExtractions) {
            _ = try await store.add(document, extraction: extraction)
        }
        let built = TestSupport.seedBuild.summary.graph
        let listed = try await store.documents(limit: 2, offset: 1)
        #expect(listed.map(\.info) == Array(built.documents[1...2]))
        let document = try #require(try await store.document(id: Self.seedDocuments[0].info.id))
        #expect(document.bytes == Self.seedDocuments[0].bytes)
        #expect(document.summary.mentions == Self.seedExtractions[0].mentions.count)
        #expect(document.entities == Array(Set(Self.seedExtractions[0].mentions.map(\.entity))).sorted())

        let ties = try #require(try await store.entity(id: "country:north-korea"))
        #expect(ties.node == built.node("country:north-korea"))
        // Both in the graph's order: era, source, target, relation.
        #expect(ties.ties == built.edges.filter { $0.source.rawValue == "country:north-korea" || $0.target.rawValue == "country:north-korea" })

        let found = try await store.entities(matching: "pyongyang", kind: nil, limit: 10)
        #expect(found.map(\.id.rawValue) == ["country:north-korea"])
        let leaders = try await store.entities(matching: nil, kind: .leader, limit: 100)
        #expect(leaders.map(\.id) == built.nodes.filter { $0.kind == .leader }.map(\.id))
        #expect(try await store.entities(matching: "100%_", kind: nil, limit: 10).isEmpty)
        await store.close()
    }
}
