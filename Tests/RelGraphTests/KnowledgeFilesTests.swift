import Foundation
import Testing

import RelGraphBuild
import RelGraphCore
import RelGraphExtraction
import RelGraphKnowledge

/// An analyst's own knowledge-base files: `--kb FILE|DIR`, `knowledge:` in the manifest, replacement by key, errors.
@Suite("knowledge files of one's own")
struct KnowledgeFilesTests {
    /// A fresh folder with the given files.
    static func folder(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-kb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        return directory
    }

    static let leaderHeader = "id\tname\tcountry\toffice\tstart\tend\taliases\tshort\n"

    @Test("a folder adds every .tsv in it, in name order; other files are ignored")
    func folderOfFiles() throws {
        let directory = try Self.folder([
            "a-leaders.tsv": Self.leaderHeader + "ana-example\tAna Example\testonia\tPrime Minister\t2031\t\t\t\n",
            "b-periods.tsv": "name\tstart\tend\taliases\nthe Long Thaw\t2030\t2032\t\n",
            "notes.txt": "not a table",
        ])
        let kb = try KnowledgeBase.load(extraFiles: [directory])
        #expect(kb.leader(EntityID(kind: .leader, slug: "ana-example"))?.terms.map(\.start) == [2031])
        #expect(kb.periods.contains { $0.name == "the Long Thaw" && $0.start == 2030 })
        #expect(kb.leaders.count == TestSupport.knowledge.leaders.count + 1)
    }

    @Test("a row with a known id replaces the bundled one: a leader's terms, a state, an agreement")
    func replacesById() throws {
        let file = try Self.folder([
            "fix.tsv": Self.leaderHeader
                + "vladimir-putin\t\trussia\tPresident\t2000\t2008\t\t\n"
                + "vladimir-putin\t\trussia\tPresident\t2012\t\t\t\n",
        ]).appendingPathComponent("fix.tsv")
        let kb = try KnowledgeBase.load(extraFiles: [file])
        let putin = try #require(kb.leader(EntityID(kind: .leader, slug: "vladimir-putin")))
        #expect(putin.terms.map(\.start) == [2000, 2012], "the file's two rows replace the four bundled terms")
        #expect(putin.name == "Vladimir Putin", "an empty name keeps the known one")
        #expect(putin.shortForms == ["Putin"])
        var country = kb
        try country.merge(
            tsv: "id\tname\tiso2\tiso3\tfrom\tuntil\taliases\tdemonyms\tcapitals\tmetonyms\tsuccessor\nchad\tTchad\tTD\tTCD\t1960\t\t\tChadian\tN'Djamena\t\t\n",
            file: "chad.tsv")
        #expect(country.country(EntityID(kind: .country, slug: "chad"))?.name == "Tchad")
        #expect(country.countries.count == kb.countries.count)
    }

    @Test("periods are replaced by name, triggers by term (all rows of the term), in every table")
    func replacesPeriodsAndTriggers() throws {
        var kb = TestSupport.knowledge
        let before = kb.triggers.filter { $0.term == "sign" }
        #expect(before.count >= 1)
        try kb.merge(tsv: "term\trelation\ttone\nsign\tneutral\t0\n", file: "triggers-mine.tsv")
        #expect(kb.triggers.filter { $0.term == "sign" }.map(\.relation) == [.neutral])
        #expect(kb.triggers.count == TestSupport.knowledge.triggers.count - before.count + 1)
        let korean = try #require(kb.periods.first { $0.name == "Korean War" })
        try kb.merge(tsv: "name\tstart\tend\taliases\nKorean War\t1950\t1954\t\n", file: "periods-mine.tsv")
        #expect(kb.periods.filter { $0.name == "Korean War" }.map(\.end) == [1954])
        #expect(korean.end == 1953)
        #expect(kb.periods.count == TestSupport.knowledge.periods.count)
    }

    @Test("a row naming an unknown state is reported with the user's file and line")
    func badRowNamesUserFile() throws {
        let directory = try Self.folder([
            "mine.tsv": "# my leaders\n" + Self.leaderHeader
                + "ana-example\tAna Example\testonia\tPrime Minister\t2031\t\t\t\n"
                + "bo-example\tBo Example\tatlantis\tKing\t1990\t\t\t\n",
        ])
        do {
            _ = try KnowledgeBase.load(extraFiles: [directory])
            Issue.record("accepted an unknown state")
        } catch {
            #expect("\(error)" == "\(directory.appendingPathComponent("mine.tsv").path):4: leader:bo-example: country country:atlantis is not a known country")
        }
    }

    @Test("a file with a column missing names the column")
    func missingColumn() {
        var kb = TestSupport.knowledge
        do {
            try kb.merge(tsv: "id\tname\tcountry\tstart\tend\nx\tX Y\tfrance\t1990\t\n", file: "no-office.tsv")
            Issue.record("accepted a leaders file without an office column")
        } catch {
            #expect("\(error)" == "no-office.tsv:1: header of the leaders table lacks the column office")
        }
        do {
            try kb.merge(tsv: "# a comment\nterm\ttone\nhail\t3\n", file: "triggers.tsv")
            Issue.record("accepted a triggers file without a relation column")
        } catch {
            #expect("\(error)" == "triggers.tsv:2: header of the triggers table lacks the column relation")
        }
    }

    @Test("the manifest's knowledge: entry, relative to the manifest, then --kb, feed the build")
    func manifestKnowledge() throws {
        let corpus = try Self.folder([
            "corpus.yaml": "name: test\nknowledge: [kb]\n",
            "a.txt": "In 2031 Prime Minister Ana Example of Estonia met Bo Example in Tallinn.",
        ])
        let kb = corpus.appendingPathComponent("kb")
        try FileManager.default.createDirectory(at: kb, withIntermediateDirectories: true)
        try Data((Self.leaderHeader + "ana-example\tAna Example\testonia\tPrime Minister\t2031\t\t\t\n").utf8)
            .write(to: kb.appendingPathComponent("leaders.tsv"))
        let extra = try Self.folder(["more.tsv": Self.leaderHeader + "bo-example\tBo Example\tlatvia\tPrime Minister\t2030\t\t\t\n"])
        var build = GraphBuild(corpusDirectory: corpus, outputDirectory: corpus.appendingPathComponent("out"))
        build.renderFormats = []
        build.knowledgeFiles = [extra]
        let graph = try build.run()
        #expect(graph.graph.node("leader:ana-example")?.label == "Ana Example")
        #expect(graph.graph.node("leader:bo-example")?.label == "Bo Example")
    }
}
