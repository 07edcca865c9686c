import Foundation
import GRDB
import RelGraphCore
import RelGraphExtraction

/// A document's rows, computed before the write transaction opens so that the transaction only inserts.
struct PreparedDocument: Sendable {
    let document: SourceDocument
    let extraction: DocumentExtraction
    let hash: String
    /// ``GraphAssembler/sentenceKey(_:)`` of each evidence sentence.
    let sentenceKeys: [UInt64]

    init(_ document: SourceDocument, extraction: DocumentExtraction, hash: String) {
        self.document = document
        self.extraction = extraction
        self.hash = hash
        self.sentenceKeys = extraction.evidence.map { GraphAssembler.sentenceKey($0.text) }
    }

    func insert(_ db: Database, extractor: String, bucketing: EraBucketing) throws {
        let info = document.info
        let id = info.id
        try db.cachedStatement(
            sql: """
                INSERT INTO documents (id, content_hash, title, date, source, format, bytes, byte_count, min_year, \
                max_year, mention_count, tie_count, extractor, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            id, hash, info.title, info.date?.description, info.source, document.format.rawValue,
            Data(document.bytes), document.bytes.count, extraction.years.min(), extraction.years.max(),
            extraction.mentions.count, extraction.ties.count, extractor, Date().timeIntervalSince1970,
        ])
        let mention = try db.cachedStatement(
            sql: #"INSERT INTO mentions (doc, ordinal, entity, text, start, "end") VALUES (?, ?, ?, ?, ?, ?)"#)
        for (ordinal, m) in extraction.mentions.enumerated() {
            try mention.execute(arguments: [id, ordinal, m.entity.rawValue, m.mention.text, m.mention.start, m.mention.end])
        }
        let evidence = try db.cachedStatement(
            sql: """
                INSERT INTO evidence (doc, ordinal, start, "end", text, year, year_end, dating, triggers, tone) \
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (ordinal, e) in extraction.evidence.enumerated() {
            try evidence.execute(arguments: [
                id, ordinal, e.start, e.end, e.text, e.year, e.yearEnd, e.dating?.rawValue,
                e.triggers.joined(separator: "\u{1F}"), e.tone,
            ])
        }
        let tie = try db.cachedStatement(
            sql: """
                INSERT INTO ties (doc, ordinal, source, target, relation, tone, evidence, sentence_key, year, year_end, \
                own_year, dating, polarity_source, era, tone_units) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (ordinal, t) in extraction.ties.enumerated() {
            // The event's years: the tie's own, else its sentence's.
            let e = GraphAssembler.event(t, extraction.evidence[t.evidenceIndex])
            try tie.execute(arguments: [
                id, ordinal, t.source.rawValue, t.target.rawValue, t.relation.rawValue, t.tone, t.evidenceIndex,
                Int64(bitPattern: sentenceKeys[t.evidenceIndex]), e.year, e.yearEnd,
                t.year != nil, t.dating?.rawValue, t.polaritySource, bucketing.era(year: e.year, yearEnd: e.yearEnd),
                ToneUnits.of(t.tone),
            ])
        }
        let discovered = try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO discovered (doc, entity, label, country, office, year, parties) \
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        for d in extraction.discovered {
            try discovered.execute(arguments: [
                id, d.id.rawValue, d.label, d.country?.rawValue, d.office, d.year,
                d.parties.map { $0.map(\.rawValue).joined(separator: " ") },
            ])
        }
    }
}
