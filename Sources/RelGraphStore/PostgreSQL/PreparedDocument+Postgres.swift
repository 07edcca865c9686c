import Foundation
import Logging
import NIOCore
import PostgresNIO
import RelGraphCore
import RelGraphExtraction

extension PreparedDocument {
    /// Inserts the document's rows, many per statement. `false` when another transaction has stored the same
    /// content or the same id meanwhile (`ON CONFLICT DO NOTHING` on the document): nothing is inserted then.
    func insert(
        _ connection: PostgresConnection, logger: Logger, extractor: String, bucketing: EraBucketing
    ) async throws -> Bool {
        let info = document.info
        let id = info.id
        let minYear = extraction.years.min()
        let maxYear = extraction.years.max()
        let inserted = try await connection.query(
            """
            INSERT INTO documents (id, content_hash, title, date, source, format, bytes, byte_count, min_year, \
            max_year, mention_count, tie_count, extractor, added_at) VALUES (\(id), \(hash), \(info.title), \
            \(info.date?.description), \(info.source), \(document.format.rawValue), \(ByteBuffer(bytes: document.bytes)), \
            \(document.bytes.count), \(minYear), \(maxYear), \(extraction.mentions.count), \(extraction.ties.count), \
            \(extractor), \(Date().timeIntervalSince1970)) ON CONFLICT DO NOTHING RETURNING id
            """, logger: logger)
        guard try await PostgresGraphStore.exists(inserted) else { return false }

        var mentions = RowInsert(table: "mentions", columns: #"doc, ordinal, entity, text, start, "end""#)
        for (ordinal, m) in extraction.mentions.enumerated() {
            mentions.row { $0.append(id); $0.append(ordinal); $0.append(m.entity.rawValue); $0.append(m.mention.text)
                $0.append(m.mention.start); $0.append(m.mention.end) }
        }
        try await mentions.run(on: connection, logger: logger)

        var evidence = RowInsert(
            table: "evidence", columns: #"doc, ordinal, start, "end", text, year, year_end, dating, triggers, tone"#)
        for (ordinal, e) in extraction.evidence.enumerated() {
            evidence.row { $0.append(id); $0.append(ordinal); $0.append(e.start); $0.append(e.end); $0.append(e.text)
                $0.append(e.year); $0.append(e.yearEnd); $0.append(e.dating?.rawValue)
                $0.append(e.triggers.joined(separator: "\u{1F}")); $0.append(e.tone) }
        }
        try await evidence.run(on: connection, logger: logger)

        // Ties in the order of the aggregate rows they touch, so that concurrent writers lock those rows in one
        // order and rarely deadlock (when they do, the transaction is retried).
        struct Row { var ordinal: Int; var tie: Tie; var event: Evidence; var era: String; var key: Int64 }
        let rows = extraction.ties.enumerated().map { ordinal, tie in
            let event = GraphAssembler.event(tie, extraction.evidence[tie.evidenceIndex])
            return Row(
                ordinal: ordinal, tie: tie, event: event, era: bucketing.era(year: event.year, yearEnd: event.yearEnd),
                key: Int64(bitPattern: sentenceKeys[tie.evidenceIndex]))
        }.sorted {
            ($0.era, $0.tie.source.rawValue, $0.tie.target.rawValue, $0.tie.relation.rawValue, $0.key, $0.ordinal)
                < ($1.era, $1.tie.source.rawValue, $1.tie.target.rawValue, $1.tie.relation.rawValue, $1.key, $1.ordinal)
        }
        var ties = RowInsert(
            table: "ties",
            columns: "doc, ordinal, source, target, relation, tone, evidence, sentence_key, year, year_end, own_year, "
                + "dating, polarity_source, era, tone_units")
        for r in rows {
            ties.row { $0.append(id); $0.append(r.ordinal); $0.append(r.tie.source.rawValue)
                $0.append(r.tie.target.rawValue); $0.append(r.tie.relation.rawValue); $0.append(r.tie.tone)
                $0.append(r.tie.evidenceIndex); $0.append(r.key); $0.append(r.event.year); $0.append(r.event.yearEnd)
                $0.append(r.tie.year != nil); $0.append(r.tie.dating?.rawValue); $0.append(r.tie.polaritySource)
                $0.append(r.era); $0.append(ToneUnits.of(r.tie.tone)) }
        }
        try await ties.run(on: connection, logger: logger)

        var discovered = RowInsert(
            table: "discovered", columns: "doc, entity, label, country, office, year, parties",
            suffix: " ON CONFLICT DO NOTHING")
        for d in extraction.discovered {
            discovered.row { $0.append(id); $0.append(d.id.rawValue); $0.append(d.label); $0.append(d.country?.rawValue)
                $0.append(d.office); $0.append(d.year); $0.append(d.parties.map { $0.map(\.rawValue).joined(separator: " ") }) }
        }
        try await discovered.run(on: connection, logger: logger)
        return true
    }
}

/// Rows for a table, inserted with as few `INSERT … VALUES (…), (…)` statements as the protocol's limit of
/// 65,535 parameters allows, every value bound as a parameter.
struct RowInsert {
    let table: String
    let columns: String
    let width: Int
    var suffix: String
    private var batches: [PostgresBindings] = [PostgresBindings()]
    private var rowsInLast = 0

    init(table: String, columns: String, suffix: String = "") {
        self.table = table
        self.columns = columns
        self.width = columns.split(separator: ",").count
        self.suffix = suffix
    }

    /// Adds one row: `fill` appends exactly one binding per column.
    mutating func row(_ fill: (inout PostgresBindings) -> Void) {
        if (rowsInLast + 1) * width > 65_535 {
            batches.append(PostgresBindings())
            rowsInLast = 0
        }
        let before = batches[batches.count - 1].count
        fill(&batches[batches.count - 1])
        assert(batches[batches.count - 1].count - before == width, "\(table): a row must bind \(width) values")
        rowsInLast += 1
    }

    func run(on connection: PostgresConnection, logger: Logger) async throws {
        for binds in batches where binds.count > 0 {
            let rows = binds.count / width
            var sql = "INSERT INTO \(table) (\(columns)) VALUES "
            sql.reserveCapacity(sql.utf8.count + rows * width * 7)
            for row in 0..<rows {
                if row > 0 { sql += ", " }
                sql += "("
                for column in 0..<width {
                    if column > 0 { sql += ", " }
                    sql += "$\(row * width + column + 1)"
                }
                sql += ")"
            }
            try await connection.query(PostgresQuery(unsafeSQL: sql + suffix, binds: binds), logger: logger)
        }
    }
}
