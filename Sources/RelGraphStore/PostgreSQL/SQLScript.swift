import Logging
import RelGraphCore
import PostgresNIO

/// A script of several SQL statements, run one statement at a time: PostgreSQL's extended query protocol, which
/// postgres-nio speaks, takes a single statement per query.
///
/// Statements end at a `;` outside `$$ … $$` (the bodies of PL/pgSQL functions) and outside quotes.
struct SQLScript {
    let statements: [String]

    init(_ text: String) {
        var statements: [String] = []
        var current = ""
        var inDollarQuote = false
        var inQuote = false
        var previous: Character = " "
        for character in text {
            current.append(character)
            if character == "$" && previous == "$" && !inQuote {
                inDollarQuote.toggle()
                previous = " "
                continue
            }
            if character == "'" && !inDollarQuote { inQuote.toggle() }
            if character == ";" && !inDollarQuote && !inQuote {
                statements.append(current)
                current = ""
            }
            previous = character
        }
        if !current.trimmingWhitespace().isEmpty { statements.append(current) }
        self.statements = statements.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    func run(on connection: PostgresConnection, logger: Logger) async throws {
        for statement in statements {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
    }
}
