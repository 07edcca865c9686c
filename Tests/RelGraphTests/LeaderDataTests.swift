import Testing

import RelGraphCore
import RelGraphKnowledge

/// The bundled data itself: leaders' terms that cannot be, aliases that are bare names, unknown states.
@Suite("knowledge data: leaders and countries")
struct LeaderDataTests {
    static let currentYear = 2026

    @Test("no two leaders hold one office of one state in overlapping years, and every term is possible")
    func terms() {
        var byOffice: [String: [(start: Int, end: Int, leader: EntityID)]] = [:]
        var impossible: [String] = []
        for leader in TestSupport.knowledge.leaders {
            for term in leader.terms {
                let end = term.end ?? Self.currentYear
                if end < term.start || term.start < 1900 || end > Self.currentYear {
                    impossible.append("\(leader.id) \(term.start)-\(term.end.map(String.init) ?? "")")
                }
                if TestSupport.knowledge.country(term.country) == nil { impossible.append("\(leader.id): \(term.country)") }
                byOffice["\(term.country.rawValue)|\(term.office)", default: []].append((term.start, end, leader.id))
            }
        }
        #expect(impossible == [])
        // Terms that meet in a year (one ends 1953, the next starts 1953) do not overlap.
        var overlaps: [String] = []
        for (office, terms) in byOffice {
            let sorted = terms.sorted { $0.start < $1.start }
            for (i, a) in sorted.enumerated() {
                for b in sorted[(i + 1)...] where b.start < a.end && a.start < b.end && a.leader != b.leader {
                    overlaps.append("\(office): \(a.leader) \(a.start)-\(a.end) and \(b.leader) \(b.start)-\(b.end)")
                }
            }
        }
        #expect(overlaps.sorted() == [])
    }

    /// The rule for aliases: at least two words ("Muammar Qaddafi", "King Mohammed VI"), or an acronym in capitals
    /// ("JFK"), or another spelling of a one-word name ("Soeharto" for Suharto). Bare surnames and given names go in
    /// the short forms, which are resolved in context.
    @Test("every alias of every leader is a full form, never a bare surname or given name")
    func aliasesAreFullForms() {
        var bare: [String] = []
        for leader in TestSupport.knowledge.leaders {
            let mononym = !leader.name.contains(" ")
            for alias in leader.aliases {
                let words = alias.split { $0 == " " }
                let letters = alias.unicodeScalars.filter { $0.properties.isAlphabetic }
                let acronym = letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
                if words.count < 2 && !acronym && !mononym { bare.append("\(leader.id): \(alias)") }
            }
        }
        #expect(bare == [])
    }

    @Test("the leaders table covers heads of state and government worldwide, with the usual spellings")
    func coverage() throws {
        let kb = TestSupport.knowledge
        let terms = kb.leaders.reduce(0) { $0 + $1.terms.count }
        #expect(terms == 3_125)
        let states = Set(kb.leaders.flatMap { $0.terms.map(\.country) })
        #expect(states.count == 208)
        let gaddafi = try #require(kb.leader(EntityID(kind: .leader, slug: "muammar-gaddafi")))
        #expect(["Muammar Qaddafi", "Muammar Kadhafi"].allSatisfy(gaddafi.aliases.contains))
        #expect(kb.leader(EntityID(kind: .leader, slug: "mohammed-vi-of-morocco"))?.aliases.contains("King Mohammed VI") == true)
    }

    /// Every fifth year since 1950, each state that existed then has someone in office in the table. The states
    /// left out: co-principalities and collegial heads of state (Andorra's co-princes, San Marino's two Captains
    /// Regent, Switzerland's yearly presidents before 2005, Uruguay's council of the 1960s), a state without a
    /// government (Somalia in 1995), juntas (Ecuador 1965, Nicaragua 1980), Palestine before its presidency, and
    /// small Pacific states whose leaders the table does not yet list (Nauru, Tuvalu, Vanuatu).
    @Test("every state that existed in a year since 1950 has a leader in office then, but for a stated few")
    func leaderEveryYear() {
        let kb = TestSupport.knowledge
        var unled = Set<String>()
        for year in stride(from: 1950, through: 2025, by: 5) {
            for country in kb.countries where country.existed(in: year) {
                let led = kb.leaders.contains { leader in
                    leader.terms.contains { $0.country == country.id && $0.start <= year && ($0.end ?? .max) >= year }
                }
                if !led { unled.insert(String(country.id.slug)) }
            }
        }
        #expect(unled.sorted() == [
            "andorra", "ecuador", "nauru", "nicaragua", "palestine", "san-marino", "somalia", "switzerland", "tuvalu",
            "uruguay", "vanuatu",
        ])
    }

    @Test("historical states have their years, and Germany its division")
    func stateIntervals() throws {
        let kb = TestSupport.knowledge
        let soviet = try #require(kb.country(EntityID(kind: .country, slug: "soviet-union")))
        let germany = try #require(kb.country(EntityID(kind: .country, slug: "germany")))
        #expect(soviet.existed(in: 1950) && !soviet.existed(in: 1995))
        #expect(germany.existed(in: 1938) && !germany.existed(in: 1970) && germany.existed(in: 1990))
        #expect(kb.predecessors(of: EntityID(kind: .country, slug: "germany")).map(\.rawValue).sorted()
            == ["country:east-germany", "country:west-germany"])
    }
}
