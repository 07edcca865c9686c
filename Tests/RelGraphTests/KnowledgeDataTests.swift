import Foundation
import Testing

import RelGraphCore
import RelGraphKnowledge

/// The bundled organisations, agreements and non-entities: their size, their integrity (ids, parties, years,
/// surface forms no two entities share) and how the recogniser reads them in short passages about many regions.
@Suite("knowledge data: organisations, agreements, non-entities")
struct KnowledgeDataTests {
    static let knowledge = TestSupport.knowledge
    static let resources = TestSupport.packageRoot.appendingPathComponent("Sources/RelGraphKnowledge/Resources")

    /// The only agreement older than 1945, kept because its id was in use before the 1945 rule.
    static let olderAgreements: Set<EntityID> = ["agreement:molotov-ribbentrop-pact"]

    /// The entity ids the recogniser finds in `text` (known entities and those found by pattern).
    static func entities(in text: String, date: String? = nil) -> Set<String> {
        let document = SourceDocument(id: "passage", text: text, date: date.flatMap(PartialDate.init))
        return Set(TestSupport.extractor.extract(document).mentions.map(\.entity.rawValue))
    }

    /// The first column of every record of a bundled table, as written (the loader keeps only the last of
    /// duplicate ids, so duplicates are looked for in the file itself).
    static func ids(inFile name: String) throws -> [String] {
        let text = try String(contentsOf: resources.appendingPathComponent(name), encoding: .utf8)
        let records = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return records.dropFirst().map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[0]) }
    }

    /// A surface form as the matcher compares it: without a leading article, diacritics folded, hyphens and
    /// dashes as spaces, and lower-cased unless it is written in capitals (then it matches only in capitals).
    static func comparable(_ entry: NameEntry) -> String {
        var text = entry.surface.folding(options: .diacriticInsensitive, locale: nil)
        text = text.replacingOccurrences(of: "[-\u{2010}-\u{2015}]", with: " ", options: .regularExpression)
        text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return entry.caseSensitive ? text : text.lowercased()
    }

    @Test("at least 250 organisations and 400 agreements")
    func size() {
        #expect(Self.knowledge.organizations.count >= 250, "\(Self.knowledge.organizations.count) organisations")
        #expect(Self.knowledge.agreements.count >= 400, "\(Self.knowledge.agreements.count) agreements")
    }

    @Test("no id is written twice in organizations.tsv or agreements.tsv")
    func uniqueIDs() throws {
        for file in ["organizations.tsv", "agreements.tsv"] {
            let ids = try Self.ids(inFile: file)
            let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            #expect(repeated.isEmpty, "\(file) repeats \(repeated)")
            #expect(ids.count == (file == "organizations.tsv" ? Self.knowledge.organizations.count : Self.knowledge.agreements.count))
        }
    }

    @Test("every party of an agreement is a known state or organisation")
    func partiesAreKnown() {
        var unknown: [String] = []
        for agreement in Self.knowledge.agreements {
            for party in agreement.parties where Self.knowledge.country(party) == nil && Self.knowledge.organization(party) == nil {
                unknown.append("\(agreement.id) → \(party)")
            }
        }
        #expect(unknown.isEmpty, "\(unknown)")
    }

    @Test("every agreement has a year in 1945…2026, except the documented older row")
    func agreementYears() {
        let outside = Self.knowledge.agreements.filter { agreement in
            guard let year = agreement.year else { return true }
            return !(1945...2026).contains(year)
        }
        #expect(Set(outside.map(\.id)) == Self.olderAgreements)
        #expect(Self.knowledge.agreement("agreement:molotov-ribbentrop-pact")?.year == 1939)
    }

    @Test("no surface form of an organisation or agreement names another entity")
    func surfacesAreUnambiguous() {
        var owners: [String: Set<EntityID>] = [:]
        for entry in Self.knowledge.nameEntries() {
            guard case .entity(let id, let role) = entry.target, role != .shortForm else { continue }
            owners[Self.comparable(entry), default: []].insert(id)
        }
        let shared = owners.filter { _, ids in
            ids.count > 1 && ids.contains { $0.kind == .organization || $0.kind == .agreement }
        }
        #expect(shared.isEmpty, "\(shared.map { "\($0.key): \($0.value.sorted())" }.sorted())")
    }

    @Test("no non-entity has the very surface of an entity (it would silence that entity everywhere)")
    func nonEntitiesHideNoEntity() {
        var entitySurfaces: [String: EntityID] = [:]
        var nonEntitySurfaces: Set<String> = []
        for entry in Self.knowledge.nameEntries() {
            switch entry.target {
            case .entity(let id, let role) where role != .shortForm: entitySurfaces[Self.comparable(entry)] = id
            case .nonEntity: nonEntitySurfaces.insert(Self.comparable(entry))
            default: break
            }
        }
        let hidden = nonEntitySurfaces.compactMap { surface in entitySurfaces[surface].map { "\(surface) → \($0)" } }
        #expect(hidden.isEmpty, "\(hidden.sorted())")
    }

    @Test("every organisation's founding year is a year of the modern state system (1860…2026)")
    func foundingYears() {
        let outside = Self.knowledge.organizations.filter { organization in
            organization.founded.map { !(1860...2026).contains($0) } ?? true
        }
        #expect(outside.map(\.id).isEmpty, "\(outside.map(\.id))")
    }

    @Test("facts of a few agreements and organisations, spot-checked")
    func spotChecks() throws {
        let kb = Self.knowledge
        let asuncion = try #require(kb.agreement("agreement:treaty-of-asuncion"))
        #expect(asuncion.year == 1991)
        #expect(Set(asuncion.parties) == ["country:argentina", "country:brazil", "country:paraguay", "country:uruguay"])
        let saltII = try #require(kb.agreement("agreement:salt-ii"))
        #expect(saltII.year == 1979 && Set(saltII.parties) == ["country:united-states", "country:soviet-union"])
        let manila = try #require(kb.agreement("agreement:manila-pact"))
        #expect(manila.year == 1954 && manila.parties.count == 8 && manila.parties.contains("country:pakistan"))
        let blackSea = try #require(kb.agreement("agreement:black-sea-grain-initiative"))
        #expect(Set(blackSea.parties) == ["country:russia", "country:ukraine", "country:turkey", "organization:united-nations"])
        #expect(kb.agreement("agreement:oslo-ii-accord")?.year == 1995)
        #expect(kb.organization("organization:ecowas")?.aliases.contains("CEDEAO") == true)
        #expect(kb.organization("organization:nato")?.acronym == "NATO")
        #expect(kb.organization("organization:alliance-of-sahel-states")?.founded == 2023)
    }

    // MARK: Recognition of passages from many regions

    /// A short passage written for this test, what it shows, and exactly the entities it names.
    struct Passage: Sendable, CustomTestStringConvertible {
        var region: String
        var shows: String
        var text: String
        var expected: Set<String>
        var testDescription: String { "\(region): \(shows)" }
    }

    static let passages: [Passage] = [
        Passage(
            region: "Europe", shows: "a French acronym finds its organisation; a treaty named after a capital is no state",
            text: "In 2019 France and Germany signed the Treaty of Aachen. Paris said the UE and the OTAN welcomed it, and the Lisbon Treaty was not reopened.",
            expected: ["country:france", "country:germany", "agreement:treaty-of-aachen", "organization:european-union",
                       "organization:nato", "agreement:treaty-of-lisbon"]),
        Passage(
            region: "West Africa", shows: "CEDEAO and ECOWAS are one organisation; an accord named after a capital adds no state",
            text: "Sierra Leone's government and the rebels signed the Lomé Peace Accord in 1999 while ECOMOG troops stayed. ECOWAS, the CEDEAO of francophone members, later suspended Mali.",
            expected: ["country:sierra-leone", "agreement:lome-peace-accord", "organization:ecomog", "organization:ecowas",
                       "country:mali"]),
        Passage(
            region: "Southern Africa", shows: "a protocol between a state and a movement",
            text: "The Lusaka Protocol of 1994 between Angola and UNITA collapsed, and SADC mediators returned to Luanda.",
            expected: ["agreement:lusaka-protocol", "country:angola", "organization:unita", "organization:sadc"]),
        Passage(
            region: "Middle East", shows: "a Security Council resolution, a movement and an accord named after a capital",
            text: "Under UN Security Council Resolution 2231 the IAEA kept inspecting Iran. According to Al Jazeera, the Houthis rejected the Stockholm Agreement.",
            expected: ["agreement:unscr-2231", "organization:iaea", "country:iran", "organization:houthis",
                       "agreement:stockholm-agreement"]),
        Passage(
            region: "Southeast Asia", shows: "a newspaper named after a capital is no state; ANASE is ASEAN",
            text: "The Manila Pact of 1954 created SEATO. The Bangkok Post reported that ASEAN, the ANASE of francophone diplomats, welcomed RCEP.",
            expected: ["agreement:manila-pact", "organization:seato", "organization:asean", "agreement:rcep"]),
        Passage(
            region: "South America", shows: "Mercosul is Mercosur; a region named after America is no United States",
            text: "Brazil and Paraguay signed the Itaipu Treaty in 1973. Decades later Mercosul and the OEA debated trade across Latin America.",
            expected: ["country:brazil", "country:paraguay", "agreement:itaipu-treaty", "organization:mercosur",
                       "organization:oas"]),
        Passage(
            region: "Caucasus", shows: "a protocol and a group named after capitals add neither Kyrgyzstan nor Belarus",
            text: "Armenia and Azerbaijan accepted the Bishkek Protocol in 1994, and the OSCE Minsk Group mediated; the ODKB stayed silent.",
            expected: ["country:armenia", "country:azerbaijan", "agreement:bishkek-protocol", "organization:osce-minsk-group",
                       "organization:csto"]),
        Passage(
            region: "Arms control", shows: "numbered treaties of one family stay distinct",
            text: "SALT I was signed in 1972 and SALT II in 1979; START II followed in 1993, long before New START.",
            expected: ["agreement:salt-i", "agreement:salt-ii", "agreement:start-ii", "agreement:new-start"]),
        Passage(
            region: "Pacific", shows: "a treaty found by name; a broadcaster named after a state is no state",
            text: "Australia and Tuvalu signed the Falepili Union Treaty in 2023, Radio New Zealand reported.",
            expected: ["country:australia", "country:tuvalu", "agreement:falepili-union"]),
    ]

    @Test("a passage names exactly the expected entities", arguments: passages)
    func passage(_ passage: Passage) {
        #expect(Self.entities(in: passage.text) == passage.expected)
    }

    @Test("news agencies, seas and straits add no entity")
    func nonEntities() {
        #expect(
            Self.entities(
                in: "Xinhua, Yonhap, KCNA and the Times of Israel said tankers left the Gulf of Mexico for the Taiwan Strait and the Gulf of Guinea.")
                .isEmpty)
    }
}
