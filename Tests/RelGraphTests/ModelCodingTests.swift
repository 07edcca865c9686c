import Foundation
import Testing

import RelGraphCore

/// The model's JSON coding: names and strings that graph.json readers rely on.
@Suite("model coding")
struct ModelCodingTests {
    @Test("Evidence.dating is an enum whose raw values are graph.json's nine dating strings")
    func datingStrings() throws {
        #expect(Evidence.Dating.allCases.map(\.rawValue) == [
            "sentence", "period", "tenure", "agreement", "relative", "paragraph", "heading", "document", "narrative",
        ])
        let json = #"{"doc":"d","start":3,"end":9,"text":"t","year":2001,"dating":"tenure","triggers":[],"tone":0}"#
        let evidence = try JSONDecoder().decode(Evidence.self, from: Data(json.utf8))
        #expect(evidence.dating == .tenure)
        let encoded = String(decoding: try JSONEncoder().encode(evidence), as: UTF8.self)
        #expect(encoded.contains(#""dating":"tenure""#))
        let bad = #"{"doc":"d","start":3,"end":9,"text":"t","year":2001,"dating":"guess","triggers":[],"tone":0}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Evidence.self, from: Data(bad.utf8)) }
    }

    @Test("a tie names its supporting sentence by index")
    func tieEvidenceIndex() {
        let tie = Tie(source: EntityID(rawValue: "country:peru"), target: EntityID(rawValue: "country:chile"), relation: .cooperation, evidenceIndex: 4)
        #expect(tie.evidenceIndex == 4)
        #expect(tie.source.rawValue == "country:chile", "symmetric ties are stored with source < target")
    }

    @Test("an id's slug is the part after its kind")
    func slug() {
        #expect(EntityID(kind: .country, slug: "cote-d-ivoire").slug == "cote-d-ivoire")
        #expect(EntityID(rawValue: "agreement:treaty-of-x:2").slug == "treaty-of-x:2")
        #expect(EntityID(rawValue: "nokind").slug == "nokind")
        #expect(EntityID(kind: .leader, slug: EntityID.slug("Željko Komšić")).rawValue == "leader:zeljko-komsic")
    }
}
