import Foundation
import RelGraphCore

/// The world knowledge relgraph reads articles with: states, leaders, organisations, agreements, named periods,
/// the relation lexicon, names that are not entities, and boilerplate rules.
///
/// All of it comes from data files (see `Resources/*.tsv`, each documented in its header), so an analyst extends or
/// corrects it without recompiling — the one entry point for that is ``load(extraFiles:)``:
/// ```swift
/// let kb = try KnowledgeBase.load(extraFiles: [URL(fileURLWithPath: "my-kb/")])   // bundled, then every .tsv
/// ```
/// A row whose key is already known replaces the earlier one (see ``merge(contentsOf:)`` for the keys).
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
    /// Keys of the tables without ids, to find the row a later one replaces.
    private var periodIndex: [String: Int] = [:]
    private var nonEntityIndex: [String: Int] = [:]
    private var boilerplateKeys = Set<String>()
    private var patternKeys = Set<String>()
    /// Leaders by office, lower-cased ("prime minister"), for "the prime minister" in a text.
    private var officeIndex: [String: [EntityID]] = [:]
    /// The states each state succeeded (Soviet Union for Russia), from the successor column.
    private var predecessorIndex: [EntityID: [EntityID]] = [:]
    /// Where each record (and each leader's term) was read, for errors found only once all files are in.
    private var origins: [EntityID: SourceLine] = [:]
    private var termOrigins: [EntityID: [SourceLine]] = [:]

    struct SourceLine: Sendable {
        var file: String
        var line: Int
    }

    public init() {}

    /// The data files shipped with relgraph.
    public static func bundled() throws -> KnowledgeBase {
        try load(extraFiles: [])
    }

    /// The bundled data files, then `extraFiles` in order — each a `.tsv` file, or a directory whose `.tsv` files
    /// are read in name order — then validated as a whole. Later rows replace earlier ones with the same key.
    /// Errors name the file and line (``KnowledgeError``).
    public static func load(extraFiles: [URL]) throws -> KnowledgeBase {
        guard let directory = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw KnowledgeError(file: "Resources", line: nil, message: "the bundled knowledge base is missing")
        }
        var kb = KnowledgeBase()
        for file in try expand([directory] + extraFiles) { try kb.add(file: file) }
        try kb.validate()
        return kb
    }

    /// Every `*.tsv` file of `directory`, in name order, then validated as a whole.
    public static func load(directory: URL) throws -> KnowledgeBase {
        var kb = KnowledgeBase()
        for file in try expand([directory]) { try kb.add(file: file) }
        try kb.validate()
        return kb
    }

    /// Files as given; a directory as its `.tsv` files in name order.
    private static func expand(_ urls: [URL]) throws -> [URL] {
        try urls.flatMap { url -> [URL] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw KnowledgeError(file: url.path, line: nil, message: "no such file or directory")
            }
            guard isDirectory.boolValue else { return [url] }
            return try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "tsv" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        }
    }

    /// Adds the records of one more data file (its header row says which table it extends) and re-validates.
    ///
    /// A row replaces the one with the same key: an id (countries, leaders, organisations, agreements), a name
    /// (periods, non-entities) or a term (triggers: a file's rows for a term replace all earlier rows for it); boilerplate and pattern rows already present are not added
    /// twice. A leader's rows in one file are its terms, and together replace every term known before.
    public mutating func merge(contentsOf file: URL) throws {
        for url in try Self.expand([file]) { try add(file: url) }
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
        switch try KnowledgeTable.identify(table.columns, file: table.file, headerLine: table.headerLine) {
        case .countries: try addCountries(table)
        case .leaders: try addLeaders(table)
        case .organizations: try addOrganizations(table)
        case .agreements: try addAgreements(table)
        case .periods: try addPeriods(table)
        case .triggers: try addTriggers(table)
        case .nonEntities:
            for row in table.rows {
                let entity = NonEntity(name: try table.required(row, "name"), kind: row["kind"])
                Self.upsert(entity, key: entity.name.lowercased(), into: &nonEntities, index: &nonEntityIndex)
            }
        case .patterns:
            for row in table.rows {
                let term = try table.required(row, "term")
                guard patternKeys.insert("\(row["kind"])\t\(term)").inserted else { continue }
                try patterns.add(term, kind: row["kind"], table: table, line: row.line)
            }
        case .boilerplate:
            for row in table.rows {
                guard let kind = BoilerplateRule.Kind(rawValue: row["rule"]) else {
                    let valid = BoilerplateRule.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                    throw KnowledgeError(
                        file: table.file, line: row.line, message: "column rule: \"\(row["rule"])\" is not one of \(valid)")
                }
                let pattern = try table.required(row, "pattern")
                guard boilerplateKeys.insert("\(kind.rawValue)\t\(pattern)").inserted else { continue }
                boilerplate.append(BoilerplateRule(kind: kind, pattern: pattern))
            }
        }
    }

    private mutating func addPeriods(_ table: TSVTable) throws {
        for row in table.rows {
            guard let start = try table.year(row, "start") else {
                throw KnowledgeError(file: table.file, line: row.line, message: "column start must not be empty")
            }
            let period = NamedPeriod(
                name: try table.required(row, "name"), start: start, end: try table.year(row, "end"),
                aliases: row.list("aliases"))
            Self.upsert(period, key: period.name.lowercased(), into: &periods, index: &periodIndex)
        }
    }

    /// A term may carry several rows (a relation and a tone as a party trigger); a file's rows for a term together
    /// replace the rows known before for it.
    private mutating func addTriggers(_ table: TSVTable) throws {
        var readHere = Set<String>()
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
            let trigger = Trigger(words: words, relation: relation, tone: tone)
            if readHere.insert(trigger.term).inserted { triggers.removeAll { $0.term == trigger.term } }
            triggers.append(trigger)
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
                successor: row["successor"].nilIfEmpty.map { EntityID(kind: .country, slug: $0) },
                gaps: try table.yearRanges(row, "gaps"))
            Self.upsert(country, key: id, into: &countries, index: &countryIndex)
            origins[id] = SourceLine(file: table.file, line: row.line)
        }
    }

    private mutating func addLeaders(_ table: TSVTable) throws {
        var readHere = Set<EntityID>()
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
            let origin = SourceLine(file: table.file, line: row.line)
            if let existing = leaderIndex[id] {
                // The first row of a known leader in this file replaces the terms known before; later rows add.
                if readHere.insert(id).inserted {
                    leaders[existing].terms = []
                    termOrigins[id] = []
                    if !row["aliases"].isEmpty { leaders[existing].aliases = [] }
                    if !row["short"].isEmpty { leaders[existing].shortForms = [] }
                }
                leaders[existing].terms.append(term)
                termOrigins[id, default: []].append(origin)
                if !row["name"].isEmpty { leaders[existing].name = row["name"] }
                leaders[existing].aliases += row.list("aliases")
                leaders[existing].shortForms += row.list("short")
            } else {
                guard !row["name"].isEmpty else {
                    throw KnowledgeError(
                        file: table.file, line: row.line, message: "column name must not be empty on a leader's first row")
                }
                readHere.insert(id)
                leaderIndex[id] = leaders.count
                leaders.append(
                    Leader(
                        id: id, name: row["name"], aliases: row.list("aliases"), shortForms: row.list("short"),
                        terms: [term]))
                termOrigins[id] = [origin]
            }
        }
    }

    private mutating func addOrganizations(_ table: TSVTable) throws {
        for row in table.rows {
            let id = EntityID(kind: .organization, slug: try table.required(row, "id"))
            let organization = Organization(
                id: id, name: try table.required(row, "name"), acronym: row["acronym"].nilIfEmpty,
                aliases: row.list("aliases"), founded: try table.year(row, "founded"))
            Self.upsert(organization, key: id, into: &organizations, index: &organizationIndex)
            origins[id] = SourceLine(file: table.file, line: row.line)
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
            Self.upsert(agreement, key: id, into: &agreements, index: &agreementIndex)
            origins[id] = SourceLine(file: table.file, line: row.line)
        }
    }

    /// Replaces the record with the same key (a user's file overriding a bundled row) or appends a new one.
    private static func upsert<Record, Key: Hashable>(_ record: Record, key: Key, into records: inout [Record], index: inout [Key: Int]) {
        if let existing = index[key] {
            records[existing] = record
        } else {
            index[key] = records.count
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
        predecessorIndex = [:]
        for country in countries {
            guard let successor = country.successor else { continue }
            guard countryIndex[successor] != nil else {
                throw error(at: origins[country.id], "\(country.id): successor \(successor) is not a known country")
            }
            predecessorIndex[successor, default: []].append(country.id)
        }
        officeIndex = [:]
        for leader in leaders {
            for office in Set(leader.terms.map { $0.office.lowercased() }) { officeIndex[office, default: []].append(leader.id) }
            for (k, term) in leader.terms.enumerated() where countryIndex[term.country] == nil {
                throw error(at: termOrigins[leader.id]?[k], "\(leader.id): country \(term.country) is not a known country")
            }
        }
        for agreement in agreements {
            for party in agreement.parties where countryIndex[party] == nil && organizationIndex[party] == nil {
                throw error(at: origins[agreement.id], "\(agreement.id): party \(party) is neither a known country nor organisation")
            }
        }
    }

    private func error(at origin: SourceLine?, _ message: String) -> KnowledgeError {
        KnowledgeError(file: origin?.file ?? "knowledge base", line: origin?.line, message: message)
    }

    /// Whether `entity` is a known leader and `year` (the last year a sentence speaks of) comes before their first
    /// term: a sentence about that time names them only as a later reference point ("under Kim Jong-un's
    /// grandfather"), not as an actor.
    public func isBeforeOffice(_ entity: EntityID, year: Int?) -> Bool {
        guard entity.kind == .leader, let year, let leader = leader(entity) else { return false }
        return leader.terms.allSatisfy { year < $0.start }
    }

    /// The leaders who held `office` (lower-cased: "prime minister") at some time.
    public func leaders(holding office: String) -> [EntityID] { officeIndex[office] ?? [] }

    /// The states `id` succeeded (the Soviet Union for Russia; East and West Germany for Germany).
    public func predecessors(of id: EntityID) -> [EntityID] { predecessorIndex[id] ?? [] }

    public func country(_ id: EntityID) -> Country? { countryIndex[id].map { countries[$0] } }
    public func leader(_ id: EntityID) -> Leader? { leaderIndex[id].map { leaders[$0] } }
    public func organization(_ id: EntityID) -> Organization? { organizationIndex[id].map { organizations[$0] } }
    public func agreement(_ id: EntityID) -> Agreement? { agreementIndex[id].map { agreements[$0] } }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
