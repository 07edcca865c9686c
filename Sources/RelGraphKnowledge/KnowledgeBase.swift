import Foundation
import RelGraphCore

/// The world knowledge relgraph reads articles with: states, leaders, organisations, agreements, named periods,
/// the relation lexicon, names that are not entities, and boilerplate rules.
///
/// All of it comes from data files (see `Resources/*.tsv`, each documented in its header), so users extend it
/// without recompiling:
/// ```swift
/// var kb = try KnowledgeBase.bundled()
/// try kb.merge(contentsOf: URL(fileURLWithPath: "my-leaders.tsv"))   // a file with the leaders.tsv header
/// ```
public struct KnowledgeBase: Sendable {
    public private(set) var countries: [Country] = []
    public private(set) var leaders: [Leader] = []
    public private(set) var organizations: [Organization] = []
    public private(set) var agreements: [Agreement] = []
    public private(set) var periods: [NamedPeriod] = []
    public private(set) var triggers: [Trigger] = []
    public private(set) var nonEntities: [NonEntity] = []
    public private(set) var boilerplate: [BoilerplateRule] = []
    public private(set) var patterns = PatternLexicon()

    private var countryIndex: [EntityID: Int] = [:]
    private var leaderIndex: [EntityID: Int] = [:]
    private var organizationIndex: [EntityID: Int] = [:]
    private var agreementIndex: [EntityID: Int] = [:]

    public init() {}

    /// The data files shipped with relgraph.
    public static func bundled() throws -> KnowledgeBase {
        guard let directory = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw KnowledgeError(file: "Resources", line: nil, message: "the bundled knowledge base is missing")
        }
        return try load(directory: directory)
    }

    /// Every `*.tsv` file of `directory`, in name order, then validated as a whole.
    public static func load(directory: URL) throws -> KnowledgeBase {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "tsv" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var kb = KnowledgeBase()
        for file in files { try kb.add(file: file) }
        try kb.validate()
        return kb
    }

    /// Adds the records of one more data file (its header row says which table it extends) and re-validates.
    /// A record whose id is already known replaces the earlier one.
    public mutating func merge(contentsOf file: URL) throws {
        try add(file: file)
        try validate()
    }

    private mutating func add(file: URL) throws {
        let name = file.path
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw KnowledgeError(file: name, line: nil, message: "cannot be read (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw KnowledgeError(file: name, line: nil, message: "is not valid UTF-8")
        }
        try add(table: TSVTable(text: text, file: name))
    }

    /// Adds a table given as text (for tests and for data that does not come from a file).
    public mutating func merge(tsv text: String, file: String) throws {
        try add(table: TSVTable(text: text, file: file))
        try validate()
    }

    private mutating func add(table: TSVTable) throws {
        let header = Set(table.columns)
        func has(_ columns: String...) -> Bool { columns.allSatisfy(header.contains) }
        if has("iso2", "demonyms", "capitals") {
            try addCountries(table)
        } else if has("country", "office", "short") {
            try addLeaders(table)
        } else if has("acronym", "founded") {
            try addOrganizations(table)
        } else if has("parties", "type") {
            try addAgreements(table)
        } else if has("name", "start", "end", "aliases") {
            for row in table.rows {
                guard let start = try table.year(row, "start") else {
                    throw KnowledgeError(file: table.file, line: row.line, message: "column start must not be empty")
                }
                periods.append(
                    NamedPeriod(
                        name: try table.required(row, "name"), start: start, end: try table.year(row, "end"),
                        aliases: row.list("aliases")))
            }
        } else if has("term", "relation", "tone") {
            for row in table.rows {
                let relationText = try table.required(row, "relation")
                guard let relation = TriggerClass(rawValue: relationText) else {
                    let valid = TriggerClass.allCases.map(\.rawValue).joined(separator: ", ")
                    throw KnowledgeError(
                        file: table.file, line: row.line,
                        message: "column relation: \"\(relationText)\" is not one of \(valid)")
                }
                guard let tone = Double(row["tone"]), (-10...10).contains(tone) else {
                    throw KnowledgeError(
                        file: table.file, line: row.line, message: "column tone: \"\(row["tone"])\" is not in -10…10")
                }
                let words = try table.required(row, "term").lowercased().split(separator: " ").map(String.init)
                let objects = row.list("object").map { $0.lowercased() }
                triggers.append(Trigger(words: words, relation: relation, tone: tone, objects: objects))
            }
        } else if has("name", "kind") {
            for row in table.rows {
                nonEntities.append(NonEntity(name: try table.required(row, "name"), kind: row["kind"]))
            }
        } else if has("kind", "term") {
            for row in table.rows {
                let term = try table.required(row, "term")
                switch row["kind"] {
                case "leader-title": patterns.leaderTitles.append(term)
                case "agreement-head": patterns.agreementHeads.append(term)
                case "agreement-modifier": patterns.agreementModifiers.append(term)
                case "bare-agreement-head": patterns.bareAgreementHeads.append(term)
                case "generic-modifier": patterns.genericModifiers.append(term)
                case "place-noun": patterns.placeNouns.append(term)
                case "place-preposition": patterns.placePrepositions.append(term)
                case "pair-reference": patterns.pairReferences.append(term)
                case "people-noun": patterns.peopleNouns.append(term)
                default:
                    throw KnowledgeError(
                        file: table.file, line: row.line,
                        message: "column kind: \"\(row["kind"])\" is not one of leader-title, agreement-head, bare-agreement-head, agreement-modifier, generic-modifier, place-noun, place-preposition, pair-reference, people-noun")
                }
            }
        } else if has("rule", "pattern") {
            for row in table.rows {
                guard let kind = BoilerplateRule.Kind(rawValue: row["rule"]) else {
                    let valid = BoilerplateRule.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                    throw KnowledgeError(
                        file: table.file, line: row.line, message: "column rule: \"\(row["rule"])\" is not one of \(valid)")
                }
                boilerplate.append(BoilerplateRule(kind: kind, pattern: try table.required(row, "pattern")))
            }
        } else {
            throw KnowledgeError(
                file: table.file, line: nil,
                message: "header (\(table.columns.joined(separator: ", "))) matches no known table; see the headers of the bundled files")
        }
    }

    private mutating func addCountries(_ table: TSVTable) throws {
        for row in table.rows {
            let id = EntityID(kind: .country, slug: try table.required(row, "id"))
            let capitals = row.list("capitals").map { name in
                name.hasPrefix("~") ? (name: String(name.dropFirst()), matchable: false) : (name: name, matchable: true)
            }
            let country = Country(
                id: id, name: try table.required(row, "name"), iso2: row["iso2"].nilIfEmpty,
                iso3: row["iso3"].nilIfEmpty, from: try table.year(row, "from"), until: try table.year(row, "until"),
                aliases: row.list("aliases"), demonyms: row.list("demonyms"), capitals: capitals,
                metonyms: row.list("metonyms"),
                successor: row["successor"].nilIfEmpty.map { EntityID(kind: .country, slug: $0) })
            Self.upsert(country, id: id, into: &countries, index: &countryIndex)
        }
    }

    private mutating func addLeaders(_ table: TSVTable) throws {
        for row in table.rows {
            let id = EntityID(kind: .leader, slug: try table.required(row, "id"))
            guard let start = try table.year(row, "start") else {
                throw KnowledgeError(file: table.file, line: row.line, message: "column start must not be empty")
            }
            let end = try table.year(row, "end")
            if let end, end < start {
                throw KnowledgeError(file: table.file, line: row.line, message: "term ends (\(end)) before it starts (\(start))")
            }
            let term = Node.Term(
                office: try table.required(row, "office"),
                country: EntityID(kind: .country, slug: try table.required(row, "country")), start: start, end: end)
            if let existing = leaderIndex[id] {
                leaders[existing].terms.append(term)
                if !row["name"].isEmpty { leaders[existing].name = row["name"] }
                leaders[existing].aliases += row.list("aliases")
                leaders[existing].shortForms += row.list("short")
            } else {
                guard !row["name"].isEmpty else {
                    throw KnowledgeError(
                        file: table.file, line: row.line, message: "column name must not be empty on a leader's first row")
                }
                leaderIndex[id] = leaders.count
                leaders.append(
                    Leader(
                        id: id, name: row["name"], aliases: row.list("aliases"), shortForms: row.list("short"),
                        terms: [term]))
            }
        }
    }

    private mutating func addOrganizations(_ table: TSVTable) throws {
        for row in table.rows {
            let id = EntityID(kind: .organization, slug: try table.required(row, "id"))
            let organization = Organization(
                id: id, name: try table.required(row, "name"), acronym: row["acronym"].nilIfEmpty,
                aliases: row.list("aliases"), founded: try table.year(row, "founded"))
            Self.upsert(organization, id: id, into: &organizations, index: &organizationIndex)
        }
    }

    private mutating func addAgreements(_ table: TSVTable) throws {
        for row in table.rows {
            let id = EntityID(kind: .agreement, slug: try table.required(row, "id"))
            // A party is a state unless an organisation of that id exists (settled in `link()`, once all files
            // are read).
            let parties = row.list("parties").map { EntityID(kind: .country, slug: $0) }
            let agreement = Agreement(
                id: id, name: try table.required(row, "name"), year: try table.year(row, "year"), parties: parties,
                aliases: row.list("aliases"), type: row["type"])
            Self.upsert(agreement, id: id, into: &agreements, index: &agreementIndex)
        }
    }

    /// Replaces the record with the same id (a user's file overriding a bundled row) or appends a new one.
    private static func upsert<Record>(_ record: Record, id: EntityID, into records: inout [Record], index: inout [EntityID: Int]) {
        if let existing = index[id] {
            records[existing] = record
        } else {
            index[id] = records.count
            records.append(record)
        }
    }

    /// Cross-file references settled and checked: every reference names a known record.
    private mutating func validate() throws {
        for i in agreements.indices {
            agreements[i].parties = agreements[i].parties.map { party in
                let slug = String(party.rawValue.drop { $0 != ":" }.dropFirst())
                let organization = EntityID(kind: .organization, slug: slug)
                return countryIndex[party] == nil && organizationIndex[organization] != nil ? organization : party
            }
        }
        for country in countries {
            if let successor = country.successor, countryIndex[successor] == nil {
                throw KnowledgeError(
                    file: "countries", line: nil,
                    message: "\(country.id): successor \(successor) is not a known country")
            }
        }
        for leader in leaders {
            for term in leader.terms where countryIndex[term.country] == nil {
                throw KnowledgeError(
                    file: "leaders", line: nil, message: "\(leader.id): country \(term.country) is not a known country")
            }
        }
        for agreement in agreements {
            for party in agreement.parties where countryIndex[party] == nil && organizationIndex[party] == nil {
                throw KnowledgeError(
                    file: "agreements", line: nil,
                    message: "\(agreement.id): party \(party) is neither a known country nor organisation")
            }
        }
    }

    public func country(_ id: EntityID) -> Country? { countryIndex[id].map { countries[$0] } }
    public func leader(_ id: EntityID) -> Leader? { leaderIndex[id].map { leaders[$0] } }
    public func organization(_ id: EntityID) -> Organization? { organizationIndex[id].map { organizations[$0] } }
    public func agreement(_ id: EntityID) -> Agreement? { agreementIndex[id].map { agreements[$0] } }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
