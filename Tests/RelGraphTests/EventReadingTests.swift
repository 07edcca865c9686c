import Foundation
import Testing

import RelGraphCore
import RelGraphExtraction

/// Relations read as events (issue 13): participants from their own clause, polarity by meaning, each event's own
/// year, agreements named and referred to, and names that are not mentions of a state.
@Suite("event reading")
struct EventReadingTests {
    static func extract(_ text: String, date: String? = nil) -> DocumentExtraction {
        TestSupport.extractor.extract(SourceDocument(id: "probe", text: text, date: date.flatMap(PartialDate.init)))
    }

    /// The polar ties of a passage as "a b relation year source", sorted (ids without their kind for countries).
    static func events(_ text: String, date: String? = nil) -> [String] {
        let result = extract(text, date: date)
        return result.ties.filter { $0.relation == .cooperation || $0.relation == .conflict }.map { tie in
            let year = tie.year ?? result.evidence[tie.evidenceIndex].year
            func name(_ id: EntityID) -> String { id.kind == .country ? String(id.rawValue.dropFirst(8)) : id.rawValue }
            return "\(name(tie.source)) \(name(tie.target)) \(tie.relation.rawValue) \(year.map(String.init) ?? "-") \(tie.polaritySource ?? "")"
        }.sorted()
    }

    @Test("polarity by meaning: the trigger with its object decides, and the evidence says which")
    func polarityByMeaning() {
        #expect(Self.events("In 1961 Ghana severed diplomatic relations with Togo.") == ["ghana togo conflict 1961 severed … relations"])
        #expect(Self.events("In 1999 Greece and Turkey laid their quarrels to rest.") == ["greece turkey cooperation 1999 laid … quarrels"])
        #expect(Self.events("In 1992 Russia ended its alliance with Mongolia.") == ["mongolia russia conflict 1992 ended … alliance"])
        #expect(Self.events("In 2018 Ethiopia and Eritrea ended their twenty-year state of war.") == ["eritrea ethiopia cooperation 2018 ended … war"])
    }

    @Test("a switch from one state to another is conflict with the first; background triggers type no pair; doubled consonants; an object \"it\"; places")
    func switchesAndBackground() {
        #expect(Self.events("In 1990 Lesotho switched its recognition from Taiwan to China.") == [
            "china lesotho cooperation 1990 switched … recognition", "lesotho taiwan conflict 1990 switched … recognition",
        ])
        #expect(Self.events("In 1975 Portugal transferred sovereignty to Mozambique after a decade of fighting.") == [
            "mozambique portugal cooperation 1975 transferred … sovereignty",
        ])
        #expect(Self.events("In 1976 Uganda expelled the Kenyan ambassador.") == ["kenya uganda conflict 1976 expelled"])
        // A place is no target when the event names one; with none, it is.
        #expect(Self.events("In 1982 Israel fought a war with the PLO in Lebanon.").filter { $0.contains("lebanon") } == [])
        #expect(Self.events("In 1979 Vietnamese troops crushed the resistance in Cambodia.") == ["cambodia vietnam conflict 1979 crushed"])
        // "it" as the object: the state the sentence opened with, not the one named last.
        #expect(Self.events("Eritrea broke away from Ethiopia in 1993, and Sudan recognised it the same year.").filter { $0.contains("sudan") }
            == ["eritrea sudan cooperation 1993 recognised"])
    }

    @Test("a refusal turns cooperation into conflict; a promise not to do something does not")
    func negation() {
        #expect(Self.events("In 1904 Bolivia refused to recognise Chile's claim to the coast.") == ["bolivia chile conflict 1904 refused + recognise"])
        #expect(Self.events("In 1984 Mozambique and South Africa signed an accord, pledging not to support each other's rebels.")
            == ["mozambique south-africa cooperation 1984 pledging"])
    }

    @Test("leaving an agreement is a conflict with it and its other parties (a party gone by then is its successor)")
    func reversal() {
        let result = Self.extract("In 2002 the United States withdrew from the Anti-Ballistic Missile Treaty.")
        let ties = result.ties.map { "\($0.source.rawValue) \($0.relation.rawValue) \($0.target.rawValue) \($0.polaritySource ?? "")" }.sorted()
        // (The knowledge base's parties stay tied to the agreement, as for any agreement named.)
        #expect(ties == [
            "agreement:abm-treaty conflict country:united-states withdrew from",
            "country:russia conflict country:united-states withdrew from",
            "country:soviet-union party_to agreement:abm-treaty ",
        ])
    }

    @Test("one sentence, several events, each with its own year")
    func severalEvents() {
        #expect(Self.events("Portugal recognised Brazil in 1825 and Angola in 1975.") == [
            "angola portugal cooperation 1975 recognised", "brazil portugal cooperation 1825 recognised",
        ])
        #expect(Self.events("Ecuador and Peru fought a border war in 1995 and signed a peace accord in 1998.") == [
            "ecuador peru conflict 1995 war", "ecuador peru cooperation 1998 accord",
        ])
        #expect(Self.events("Iceland and Britain clashed over fishing in 1958, again in 1972 and once more in 1975.") == [
            "iceland united-kingdom conflict 1958 clashed", "iceland united-kingdom conflict 1972 clashed",
            "iceland united-kingdom conflict 1975 clashed",
        ])
        // Only the states of one clause are related: Pakistan and Bangladesh are not.
        #expect(Self.events("In 1971 India recognised Bangladesh, and Pakistan broke off relations with India.") == [
            "bangladesh india cooperation 1971 recognised", "india pakistan conflict 1971 broke off … relations",
        ])
    }

    @Test("\"the two countries\" are the pair the text is about, not the last two states named")
    func pairReference() {
        // The sentence before names one state only (the United States, by its demonym): the pair is the one named
        // together before, Egypt and Israel, not the last two named (Israel and the United States).
        #expect(Self.events("""
            Egypt and Israel signed a peace treaty in 1979. An American envoy praised the agreement. The two \
            countries restored relations in 1980.
            """) == [
            "egypt israel cooperation 1979 treaty", "egypt israel cooperation 1980 restored … relations",
        ])
        // The sentence before names just two: they are the pair, even if another pair was named more often.
        #expect(Self.events("""
            Peru and Ecuador fought in 1941. Peru and Ecuador fought again in 1981. In 1995 Ecuador and Colombia \
            signed a border pact. The two countries quarrelled in 1996.
            """).filter { $0.contains("1996") } == ["colombia ecuador conflict 1996 quarrelled"])
    }

    @Test("relative times count from the event before; the publication date only dates the present")
    func relativeTimes() {
        #expect(Self.events("Uganda and Kenya signed a trade pact in 1967. The two countries quarrelled two years later.") == [
            "kenya uganda conflict 1969 quarrelled", "kenya uganda cooperation 1967 pact",
        ])
        #expect(Self.events("China and Nauru restored diplomatic relations on Monday.", date: "2024-03-11") == [
            "china nauru cooperation 2024 restored … relations",
        ])
        #expect(Self.events("In 1974 Pakistan recognised Bangladesh, three years after the war of 1971.") == [
            "bangladesh pakistan cooperation 1974 recognised",
        ])
    }

    @Test("the publication date dates a sentence of the present; a past one with no date continues the story, or has none")
    func publicationDateOnlyForThePresent() {
        // A dated article: the past tense with no date says nothing of the year; the present perfect is the news.
        #expect(Self.events("Kenya and Uganda signed a trade pact.", date: "2024-05-10") == ["kenya uganda cooperation - pact"])
        #expect(Self.events("Kenya and Uganda have signed a trade pact.", date: "2024-05-10") == ["kenya uganda cooperation 2024 pact"])
        #expect(Self.events("Kenya and Uganda could sign a trade pact.", date: "2024-05-10") == ["kenya uganda cooperation 2024 pact"])
        // A past sentence in a new paragraph continues the story told before it.
        #expect(Self.events("Egypt and Israel signed a peace treaty in 1979.\n\nThe Arab League suspended Egypt's membership in protest.", date: "2024-05-10") == [
            "egypt israel cooperation 1979 treaty", "egypt organization:arab-league conflict 1979 suspended … membership",
        ])
        // … unless a leader it names did not hold office in that year.
        #expect(Self.extract("Britain granted Ghana independence in 1957.\n\nJohn Kufuor and Tony Blair signed an aid accord.", date: "2024-05-10")
            .evidence.last?.dating == nil)
        let narrative = Self.extract("Britain granted Ghana independence in 1957.\n\nJohn Kufuor and Tony Blair signed an aid accord.")
        #expect(narrative.evidence.map { $0.dating?.rawValue ?? "-" } == ["sentence", "-"])
    }

    @Test("a state named in a sentence about a time after it ended takes no part in its ties; a shared name is the state of the year")
    func defunctStates() {
        let text = "Cuba has always resisted depending on one patron, whether the Soviet Union or Venezuela."
        #expect(Self.extract(text, date: "2020-02-01").ties.filter { $0.source.rawValue.contains("soviet") || $0.target.rawValue.contains("soviet") }.isEmpty)
        #expect(Self.extract(text, date: "1985-02-01").ties.contains { $0.source.rawValue.contains("soviet") || $0.target.rawValue.contains("soviet") })
        // A name two states bore in turn is the one of the sentence's year.
        #expect(Self.events("NATO bombed Yugoslavia in 1999.") == ["serbia-and-montenegro organization:nato conflict 1999 bombed"])
        #expect(Self.events("In 1948 the Soviet Union broke with Yugoslavia.") == ["soviet-union yugoslavia conflict 1948 broke with"])
    }

    @Test("an edge takes its era from its event's year, and its evidence says which trigger decided")
    func eraFromEvent() throws {
        let graph = try TestSupport.graph("Portugal recognised Brazil in 1825 and Angola in 1975.")
        let edge = try #require(graph.edges(between: "country:portugal", "country:angola", .cooperation).first)
        #expect(edge.era == "1970s")
        #expect(edge.evidence.map(\.year) == [1975])
        #expect(edge.evidence.map(\.polaritySource) == ["recognised"])
        let json = String(decoding: try JSONEncoder().encode(edge.evidence[0]), as: UTF8.self)
        #expect(json.contains("\"polarity_source\":\"recognised\""))
    }

    @Test("a generic reference is the agreement named before it, or nothing")
    func genericAgreementReference() {
        let named = Self.extract(
            "In 1984 Chile and Argentina signed the Treaty of Peace and Friendship. The treaty between the two countries ended the Beagle dispute.")
        // The 1984 treaty is in the knowledge base: the name and the later "treaty" are that one agreement.
        #expect(named.discovered.isEmpty)
        #expect(named.mentions.filter { $0.entity.kind == .agreement }.map(\.mention.text) == ["Treaty of Peace and Friendship", "treaty"])
        #expect(Set(named.mentions.filter { $0.entity.kind == .agreement }.map(\.entity.rawValue)) == ["agreement:beagle-channel-treaty"])
        let unnamed = Self.extract("In 1984 the treaty between Chile and Argentina ended the Beagle dispute.")
        #expect(unnamed.mentions.filter { $0.entity.kind == .agreement }.isEmpty)
    }

    @Test("agreement names: hyphen and en-dash compounds whole, singular and plural one, SALT I and SALT II two")
    func agreementNames() {
        let lima = Self.extract("In 1998 Ecuador and Peru signed the Lima–Quito Protocol.")
        #expect(lima.discovered.map(\.label) == ["Lima–Quito Protocol"])
        #expect(lima.mentions.map(\.entity.rawValue) == ["country:ecuador", "country:peru", lima.discovered[0].id.rawValue])
        let camp = Self.extract("In 1978 Egypt and Israel signed the Camp David Accord.")
        #expect(camp.mentions.filter { $0.entity.kind == .agreement }.map(\.entity.rawValue) == ["agreement:camp-david-accords"])
        let nkomati = Self.extract("In 1984 Mozambique signed the Nkomati Accord. The Nkomati Accords did not last.")
        #expect(Set(nkomati.mentions.filter { $0.entity.kind == .agreement }.map(\.entity.rawValue)).count == 1)
        let salt = Self.extract("The United States and the Soviet Union signed SALT I in 1972 and SALT II in 1979.")
        #expect(salt.mentions.filter { $0.entity.kind == .agreement }.map(\.entity.rawValue) == ["agreement:salt-i", "agreement:salt-ii"])
        #expect(Self.events("The United States and the Soviet Union signed SALT I in 1972 and SALT II in 1979.") == [
            "soviet-union united-states cooperation 1972 signed", "soviet-union united-states cooperation 1979 signed",
        ])
    }

    @Test("names inside other names, and demonyms naming people, are no mention of a state")
    func notStateMentions() {
        let minority = Self.extract("The Hungarian minority in Slovakia protested against the language law in 2009.")
        #expect(minority.mentions.map(\.entity.rawValue) == ["country:slovakia"])
        let minsk = Self.extract("Armenia and Azerbaijan accepted the mediation of the Minsk Group in 1994.")
        #expect(!minsk.mentions.contains { $0.entity.rawValue == "country:belarus" })
        let lusaka = Self.extract("In 1994 the government of Angola and the rebels signed the Lusaka Protocol.")
        #expect(lusaka.mentions.map(\.entity.rawValue) == ["country:angola", "agreement:lusaka-protocol"])
    }

    @Test("a leader introduced by an appositive: 'the Chilean president, X,'")
    func appositiveLeader() {
        let result = Self.extract("The Chilean president, Michelle Bachelet, visited Peru in 2006.")
        // She is in the knowledge base now: the appositive names her, and she is Chile's.
        #expect(result.mentions.map(\.entity.rawValue).contains("leader:michelle-bachelet"))
        #expect(Self.events("The Chilean president, Michelle Bachelet, visited Peru in 2006.") == [
            "chile peru cooperation 2006 visited", "peru leader:michelle-bachelet cooperation 2006 visited",
        ])
    }
}
