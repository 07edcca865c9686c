/// The tables of the knowledge base, and how a data file's header row says which one it extends.
///
/// A file names its table by its header: every required column of exactly one table. When a header comes close to a
/// table but lacks some of its required columns (a user's file with a column left out), the error names the table
/// and the missing columns, so the fix is obvious:
/// ```swift
/// try KnowledgeTable.identify(["id", "name", "country", "start"], file: "mine.tsv")
/// // mine.tsv:1: header of the leaders table lacks the column office
/// ```
/// Extra columns are allowed (ignored by this version), so files keep loading as tables grow.
enum KnowledgeTable: String, CaseIterable {
    case countries, leaders, organizations, agreements, periods, triggers
    case nonEntities = "non-entities"
    case boilerplate, patterns

    /// Columns a file of this table must have (optional ones may be left out: an absent column reads as empty).
    var required: [String] {
        switch self {
        case .countries: ["id", "name", "iso2", "demonyms", "capitals"]
        case .leaders: ["id", "name", "country", "office", "start"]
        case .organizations: ["id", "name", "acronym"]
        case .agreements: ["id", "name", "year", "parties"]
        case .periods: ["name", "start", "end"]
        case .triggers: ["term", "relation", "tone"]
        case .nonEntities: ["name", "kind"]
        case .boilerplate: ["rule", "pattern"]
        case .patterns: ["kind", "term"]
        }
    }

    /// Columns that single the table out among those it shares words with.
    private var distinctive: Set<String> {
        switch self {
        case .countries: ["iso2", "iso3", "demonyms", "capitals", "metonyms", "successor"]
        case .leaders: ["country", "office", "short"]
        case .organizations: ["acronym", "founded"]
        case .agreements: ["parties", "type", "year"]
        case .periods: ["start", "end"]
        case .triggers: ["relation", "tone"]
        case .nonEntities: ["name", "kind"]
        case .boilerplate: ["rule", "pattern"]
        case .patterns: ["kind", "term"]
        }
    }

    /// The table `columns` belong to; an error naming the file and the missing columns when none fits.
    static func identify(_ columns: [String], file: String, headerLine: Int) throws -> KnowledgeTable {
        let header = Set(columns)
        let complete = allCases.filter { $0.required.allSatisfy(header.contains) }
        // Several complete fits ("name, kind" is inside many headers): the one with the most of its own columns.
        if let best = complete.max(by: { $0.score(header) < $1.score(header) }) { return best }
        // None complete: the nearest table by distinctive columns, to say what is missing.
        let nearest = allCases.max { $0.distinctive.intersection(header).count < $1.distinctive.intersection(header).count }!
        if nearest.distinctive.intersection(header).count >= 1, header.count >= 2 {
            let missing = nearest.required.filter { !header.contains($0) }
            throw KnowledgeError(
                file: file, line: headerLine,
                message: "header of the \(nearest.rawValue) table lacks the column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", "))")
        }
        throw KnowledgeError(
            file: file, line: headerLine,
            message: "header (\(columns.joined(separator: ", "))) matches no known table; see the headers of the bundled files")
    }

    private func score(_ header: Set<String>) -> Int {
        required.count * 2 + distinctive.intersection(header).count
    }
}
