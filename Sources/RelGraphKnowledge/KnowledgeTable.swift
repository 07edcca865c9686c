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

    /// Every column the table knows (required or optional).
    private var columns: Set<String> {
        switch self {
        case .countries: ["id", "name", "iso2", "iso3", "from", "until", "aliases", "demonyms", "capitals", "metonyms", "successor", "gaps"]
        case .leaders: ["id", "name", "country", "office", "start", "end", "aliases", "short"]
        case .organizations: ["id", "name", "acronym", "aliases", "founded"]
        case .agreements: ["id", "name", "year", "parties", "aliases", "type"]
        case .periods: ["name", "start", "end", "aliases"]
        case .triggers: ["term", "relation", "tone"]
        case .nonEntities: ["name", "kind"]
        case .boilerplate: ["rule", "pattern"]
        case .patterns: ["kind", "term"]
        }
    }

    /// The table `columns` belong to: the one that knows most of them (a complete one first, then the smallest);
    /// an error naming the file and the missing columns when that table lacks some of its required columns.
    static func identify(_ columns: [String], file: String, headerLine: Int) throws -> KnowledgeTable {
        let header = Set(columns)
        let best = allCases.max { a, b in a.rank(header) < b.rank(header) }!
        let known = best.columns.intersection(header).count
        let missing = best.required.filter { !header.contains($0) }
        if missing.isEmpty { return best }
        if known >= 2 {
            throw KnowledgeError(
                file: file, line: headerLine,
                message: "header of the \(best.rawValue) table lacks the column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", "))")
        }
        throw KnowledgeError(
            file: file, line: headerLine,
            message: "header (\(columns.joined(separator: ", "))) matches no known table; see the headers of the bundled files")
    }

    /// Columns of `header` the table knows, then completeness, then specificity (fewer columns of its own).
    private func rank(_ header: Set<String>) -> (Int, Int, Int) {
        (columns.intersection(header).count, required.allSatisfy(header.contains) ? 1 : 0, -columns.count)
    }
}
