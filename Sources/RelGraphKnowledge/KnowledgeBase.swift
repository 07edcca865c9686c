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
    public internal(set) var countries: [Country] = []
    public internal(set) var leaders: [Leader] = []
    public internal(set) var organizations: [Organization] = []
    public internal(set) var agreements: [Agreement] = []
    public internal(set) var periods: [NamedPeriod] = []
    public internal(set) var triggers: [Trigger] = []
    public internal(set) var nonEntities: [NonEntity] = []
    public internal(set) var boilerplate: [BoilerplateRule] = []
    public internal(set) var patterns = PatternLexicon()

    var countryIndex: [EntityID: Int] = [:]
    var leaderIndex: [EntityID: Int] = [:]
    var organizationIndex: [EntityID: Int] = [:]
    var agreementIndex: [EntityID: Int] = [:]
    /// Keys of the tables without ids, to find the row a later one replaces.
    var periodIndex: [String: Int] = [:]
    var nonEntityIndex: [String: Int] = [:]
    var boilerplateKeys = Set<String>()
    var patternKeys = Set<String>()
    /// The terms of each office, lower-cased ("prime minister"), in the leaders' order: for "the prime minister" in
    /// a text.
    private var officeTermIndex: [String: [OfficeTerm]] = [:]
    /// The states each state succeeded (Soviet Union for Russia), from the successor column.
    private var predecessorIndex: [EntityID: [EntityID]] = [:]
    /// Where each record (and each leader's term) was read, for errors found only once all files are in.
    var origins: [EntityID: SourceLine] = [:]
    var termOrigins: [EntityID: [SourceLine]] = [:]

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

    /// Cross-file references settled and checked: every reference names a known record.
    private mutating func validate() throws {
        for i in agreements.indices {
            agreements[i].parties = agreements[i].parties.map { party in
                let organization = EntityID(kind: .organization, slug: String(party.slug))
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
        officeTermIndex = [:]
        for leader in leaders {
            for term in leader.terms { officeTermIndex[term.office.lowercased(), default: []].append(OfficeTerm(leader: leader.id, term: term)) }
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

    /// Whether `entity` is a known state that had ceased to exist before `year` (the Soviet Union by 1992).
    public func hadEnded(_ entity: EntityID, by year: Int) -> Bool {
        guard entity.kind == .country, let n = countryIndex[entity], let until = countries[n].until else { return false }
        return until < year
    }

    /// Whether `entity` is a known leader who held no office in `year` (before, between or after their terms).
    public func isOutOfOffice(_ entity: EntityID, year: Int) -> Bool {
        guard entity.kind == .leader, let n = leaderIndex[entity] else { return false }
        return leaders[n].term(in: year) == nil
    }

    /// Whether `entity` is a known leader and `year` (the last year a sentence speaks of) comes before their first
    /// term: a sentence about that time names them only as a later reference point ("under Rajiv Gandhi's
    /// grandfather"), not as an actor.
    public func isBeforeOffice(_ entity: EntityID, year: Int?) -> Bool {
        guard entity.kind == .leader, let year, let n = leaderIndex[entity] else { return false }
        return leaders[n].terms.allSatisfy { year < $0.start }
    }

    /// One term of one office: who held it, where and when.
    public struct OfficeTerm: Sendable {
        public var leader: EntityID
        public var term: Node.Term
    }

    /// Every term of `office` (lower-cased: "prime minister"), leader by leader in the table's order.
    public func terms(of office: String) -> [OfficeTerm] { officeTermIndex[office] ?? [] }

    /// The states `id` succeeded (the Soviet Union for Russia; East and West Germany for Germany).
    public func predecessors(of id: EntityID) -> [EntityID] { predecessorIndex[id] ?? [] }

    public func country(_ id: EntityID) -> Country? { countryIndex[id].map { countries[$0] } }
    public func leader(_ id: EntityID) -> Leader? { leaderIndex[id].map { leaders[$0] } }
    public func organization(_ id: EntityID) -> Organization? { organizationIndex[id].map { organizations[$0] } }
    public func agreement(_ id: EntityID) -> Agreement? { agreementIndex[id].map { agreements[$0] } }
    /// The state a known leader led in `year` (else the state of their latest term); nil for an unknown leader. Read
    /// in place, without copying the leader (a hot path of extraction).
    public func state(ofLeader id: EntityID, in year: Int?) -> EntityID? {
        guard let n = leaderIndex[id] else { return nil }
        if let year, let term = leaders[n].term(in: year) { return term.country }
        return leaders[n].country
    }
    /// Whether known leader `id` ever led `state`; nil for an unknown leader.
    public func everLed(_ id: EntityID, _ state: EntityID) -> Bool? {
        guard let n = leaderIndex[id] else { return nil }
        return leaders[n].terms.contains { $0.country == state }
    }
    /// Whether known state `id` existed in `year`, and the year it ended; nil for an unknown state. Read in place
    /// (a hot path of extraction: every capital, demonym and metonym asks).
    public func existence(of id: EntityID, in year: Int) -> (existed: Bool, until: Int?)? {
        guard let n = countryIndex[id] else { return nil }
        return (countries[n].existed(in: year), countries[n].until)
    }
    /// The year a known agreement was signed, read without copying the agreement (a hot path of extraction).
    public func agreementYear(_ id: EntityID) -> Int? { agreementIndex[id].flatMap { agreements[$0].year } }
    /// Whether the knowledge base has an entry for `id` (of any kind).
    public func knows(_ id: EntityID) -> Bool {
        countryIndex[id] != nil || leaderIndex[id] != nil || organizationIndex[id] != nil || agreementIndex[id] != nil
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
