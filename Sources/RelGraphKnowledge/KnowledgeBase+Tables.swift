import RelGraphCore

/// Reading the rows of each table into the knowledge base, with the replace rule of each (see
/// ``KnowledgeBase/merge(contentsOf:)``). Every error names the file and line of the row.
extension KnowledgeBase {
    mutating func add(table: TSVTable) throws {
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

    mutating func addPeriods(_ table: TSVTable) throws {
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
    mutating func addTriggers(_ table: TSVTable) throws {
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
            let objects = row.list("object").map { $0.lowercased() }
            let trigger = Trigger(words: words, relation: relation, tone: tone, objects: objects)
            if readHere.insert(trigger.term).inserted { triggers.removeAll { $0.term == trigger.term } }
            triggers.append(trigger)
        }
    }

    mutating func addCountries(_ table: TSVTable) throws {
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

    mutating func addLeaders(_ table: TSVTable) throws {
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

    mutating func addOrganizations(_ table: TSVTable) throws {
        for row in table.rows {
            let id = EntityID(kind: .organization, slug: try table.required(row, "id"))
            let organization = Organization(
                id: id, name: try table.required(row, "name"), acronym: row["acronym"].nilIfEmpty,
                aliases: row.list("aliases"), founded: try table.year(row, "founded"))
            Self.upsert(organization, key: id, into: &organizations, index: &organizationIndex)
            origins[id] = SourceLine(file: table.file, line: row.line)
        }
    }

    mutating func addAgreements(_ table: TSVTable) throws {
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
    static func upsert<Record, Key: Hashable>(_ record: Record, key: Key, into records: inout [Record], index: inout [Key: Int]) {
        if let existing = index[key] {
            records[existing] = record
        } else {
            index[key] = records.count
            records.append(record)
        }
    }
}

extension PatternLexicon {
    /// Adds one row of `patterns.tsv`: `term` to the list `kind` names.
    mutating func add(_ term: String, kind: String, table: TSVTable, line: Int) throws {
        switch kind {
        case "leader-title": leaderTitles.append(term)
        case "agreement-head": agreementHeads.append(term)
        case "agreement-modifier": agreementModifiers.append(term)
        case "bare-agreement-head": bareAgreementHeads.append(term)
        case "generic-modifier": genericModifiers.append(term)
        case "place-noun": placeNouns.append(term)
        case "place-preposition": placePrepositions.append(term)
        case "pair-reference": pairReferences.append(term)
        case "people-noun": peopleNouns.append(term)
        default:
            throw KnowledgeError(
                file: table.file, line: line,
                message: "column kind: \"\(kind)\" is not one of leader-title, agreement-head, bare-agreement-head, agreement-modifier, generic-modifier, place-noun, place-preposition, pair-reference, people-noun")
        }
    }
}
