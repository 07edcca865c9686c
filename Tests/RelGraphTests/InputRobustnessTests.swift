import Foundation
import Testing

import RelGraphCore
import RelGraphCorpus
import RelGraphExtraction
import RelGraphKnowledge

/// Messy and hostile input: HTML with scripts, one enormous line, user knowledge-base files good and bad.
@Suite("input robustness")
struct InputRobustnessTests {
    @Test("HTML: scripts, styles and navigation add nothing; offsets point into the page itself")
    func html() throws {
        let page = """
            <!DOCTYPE html><html><head><title>Nixon in China</title>
            <script>var related = "Russia and India sign pact"; if (a < b) { x(); }</script>
            <style>.x { color: red }</style></head>
            <body><nav><a href="/">Brazil news</a></nav>
            <p>In February 1972 Richard Nixon visited China &amp; met Mao Zedong.</p>
            <p>The Shanghai Communiqu&eacute; followed.</p>
            <footer>Follow Germany on Twitter</footer></body></html>
            """
        let document = SourceDocument(info: DocumentInfo(id: "page"), bytes: Array(page.utf8), format: .html)
        let extraction = TestSupport.extractor.extract(document)
        let ids = Set(extraction.mentions.map(\.entity.rawValue))
        #expect(ids.isSuperset(of: ["leader:richard-nixon", "country:china", "leader:mao-zedong"]))
        for absent in ["country:russia", "country:india", "country:brazil", "country:germany"] {
            #expect(!ids.contains(absent), "\(absent) came from markup")
        }
        let scalars = Array(page.unicodeScalars)
        for m in extraction.mentions {
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[m.mention.start..<m.mention.end])
            #expect(String(slice) == m.mention.text)
        }
    }

    @Test("one very long line (1 MB, no line breaks) is read to the end")
    func longLine() throws {
        let sentence = "In 2015 Cuba and the United States restored relations, and Raúl Castro met Barack Obama. "
        let text = String(repeating: sentence, count: 1_000_000 / sentence.utf8.count)
        let extraction = TestSupport.extractor.extract(SourceDocument(id: "long", text: text))
        let last = try #require(extraction.mentions.last)
        #expect(last.mention.end > text.unicodeScalars.count - sentence.unicodeScalars.count)
        #expect(Set(extraction.mentions.map(\.entity.rawValue)).contains("leader:raul-castro"))
    }

    @Test("a user's knowledge-base file adds leaders without recompiling")
    func userKnowledge() throws {
        var knowledge = TestSupport.knowledge
        try knowledge.merge(
            tsv: """
                # my leaders
                id\tname\tcountry\toffice\tstart\tend\taliases\tshort
                kaja-kallas\tKaja Kallas\testonia\tPrime Minister\t2021\t2024\t\tKallas
                """, file: "mine.tsv")
        let extractor = DocumentExtractor(index: KnowledgeIndex(knowledge), presentYear: 2025)
        let extraction = extractor.extract(SourceDocument(id: "x", text: "In 2022 Kaja Kallas urged NATO to act. Kallas flew to Kyiv."))
        let found = extraction.mentions.filter { $0.entity.rawValue == "leader:kaja-kallas" }
        #expect(found.map(\.mention.text) == ["Kaja Kallas", "Kallas"])
        #expect(extraction.ties.contains { $0.relation == .leads && $0.target.rawValue == "country:estonia" })
    }

    @Test("a bad knowledge-base file is refused with its file, line and column")
    func badKnowledge() {
        var knowledge = TestSupport.knowledge
        #expect(throws: KnowledgeError.self) {
            try knowledge.merge(
                tsv: "id\tname\tcountry\toffice\tstart\tend\taliases\tshort\nx\tX Y\tatlantis\tKing\t1990\t1980\t\t\n",
                file: "bad.tsv")
        }
        do {
            try knowledge.merge(tsv: "id\tname\tcountry\toffice\tstart\tend\taliases\tshort\nx\tX Y\tfrance\tKing\tsoon\t\t\t\n", file: "bad.tsv")
            Issue.record("accepted a year that is not a number")
        } catch {
            #expect("\(error)" == "bad.tsv:2: column start: \"soon\" is not a year")
        }
    }
}

@Suite("document dates")
struct DocumentDateTests {
    @Test("HTML meta, front matter and a year in the headline date a document the manifest does not")
    func inferred() {
        let html = #"<html><head><title>Summit</title><meta property="article:published_time" content="2018-06-12T08:00:00Z"><meta property="og:site_name" content="Example Wire"></head><body><p>Text</p></body></html>"#
        let fromHTML = DocumentMetadata.infer(Array(html.utf8), format: .html)
        #expect(fromHTML.date == PartialDate("2018-06-12"))
        #expect(fromHTML.title == "Summit")
        #expect(fromHTML.source == "Example Wire")
        let markdown = "---\ntitle: \"Accord\"\ndate: 1993-09-13\nsource: Archive\n---\nIsrael and the PLO signed the Oslo Accords."
        let fromFrontMatter = DocumentMetadata.infer(Array(markdown.utf8), format: .text)
        #expect(fromFrontMatter.date == PartialDate("1993-09-13"))
        #expect(fromFrontMatter.title == "Accord")
        let headline = "Leaders Pledge Cooperation on Independence Day 2019\n\nThe two leaders met in 1998 and again later."
        #expect(DocumentMetadata.infer(Array(headline.utf8), format: .text).date == PartialDate(year: 2019))
        #expect(DocumentMetadata.infer(Array("A history, 1950-1953\nText".utf8), format: .text).date == nil, "a range is no date")
    }

    @Test("the seeds: the manifest's dates, and no guess where it says null")
    func seeds() {
        let documents = TestSupport.seedBuild.summary.graph.documents
        #expect(documents.first { $0.id == "000_599e8c3879d503ac" }?.date == PartialDate("2024-08-15"))
        #expect(documents.first { $0.id == "003_095ba332747d2447" }?.date == nil)
    }
}
