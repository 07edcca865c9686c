/// SQL over the edge aggregates (`edge_sentences`, `edges`) that SQLite and PostgreSQL share.
enum EdgeAggregateSQL {
    /// The body of the trigger run for each tie written: its sentence row counted, or created, and its
    /// representative replaced when the new occurrence comes first in reading order. `existing` names the stored
    /// row in the update (PostgreSQL needs the table's alias, `s.`; SQLite takes bare column names and no alias).
    static func tieAdded(existing: String) -> String {
        let alias = existing.isEmpty ? "" : " AS \(existing.dropLast())"
        let earlier = "(excluded.rep_doc, excluded.rep_ordinal) < (\(existing)rep_doc, \(existing)rep_ordinal)"
        return """
            INSERT INTO edge_sentences\(alias)
                (source, target, relation, era, sentence_key, occurrences, rep_doc, rep_ordinal, rep_tone)
            VALUES (NEW.source, NEW.target, NEW.relation, NEW.era, NEW.sentence_key, 1, NEW.doc, NEW.ordinal,
                NEW.tone_units)
            ON CONFLICT (source, target, relation, era, sentence_key) DO UPDATE SET
                occurrences = \(existing)occurrences + 1,
                rep_tone = CASE WHEN \(earlier) THEN excluded.rep_tone ELSE \(existing)rep_tone END,
                rep_ordinal = CASE WHEN \(earlier) THEN excluded.rep_ordinal ELSE \(existing)rep_ordinal END,
                rep_doc = CASE WHEN \(earlier) THEN excluded.rep_doc ELSE \(existing)rep_doc END;
            """
    }

    /// The body of the trigger run for each tie removed: its sentence row counted down, removed at zero, and given
    /// the next occurrence in reading order as representative when the removed one was it (and one is left).
    static let tieRemoved = """
        UPDATE edge_sentences SET occurrences = occurrences - 1
            WHERE source = OLD.source AND target = OLD.target AND relation = OLD.relation AND era = OLD.era
            AND sentence_key = OLD.sentence_key;
        DELETE FROM edge_sentences
            WHERE source = OLD.source AND target = OLD.target AND relation = OLD.relation AND era = OLD.era
            AND sentence_key = OLD.sentence_key AND occurrences <= 0;
        UPDATE edge_sentences SET (rep_doc, rep_ordinal, rep_tone) = (
                SELECT doc, ordinal, tone_units FROM ties
                WHERE source = OLD.source AND target = OLD.target AND relation = OLD.relation AND era = OLD.era
                AND sentence_key = OLD.sentence_key ORDER BY doc, ordinal LIMIT 1)
            WHERE source = OLD.source AND target = OLD.target AND relation = OLD.relation AND era = OLD.era
            AND sentence_key = OLD.sentence_key AND rep_doc = OLD.doc AND rep_ordinal = OLD.ordinal
            AND EXISTS (SELECT 1 FROM ties
                WHERE source = OLD.source AND target = OLD.target AND relation = OLD.relation AND era = OLD.era
                AND sentence_key = OLD.sentence_key);
        """

    /// Recomputes both aggregates from the tie occurrences: after eras are redefined (ties re-filed), or when a
    /// store made before the aggregates existed is upgraded. `edges` is emptied first, so the sentence rows'
    /// delete triggers find nothing to update; inserting the sentences then rebuilds `edges` through their insert
    /// trigger.
    static let rebuild = "DELETE FROM edges;\n" + rebuildSentences

    /// Recomputes `edge_sentences` alone (PostgreSQL keeps no `edges` table).
    static let rebuildSentences = """
        DELETE FROM edge_sentences;
        INSERT INTO edge_sentences
            (source, target, relation, era, sentence_key, occurrences, rep_doc, rep_ordinal, rep_tone)
        SELECT source, target, relation, era, sentence_key, occurrences, doc, ordinal, tone_units FROM (
            SELECT source, target, relation, era, sentence_key, doc, ordinal, tone_units,
                ROW_NUMBER() OVER sentence AS position, COUNT(*) OVER sentence AS occurrences
            FROM ties
            WINDOW sentence AS (PARTITION BY source, target, relation, era, sentence_key ORDER BY doc, ordinal
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
        ) ranked WHERE position = 1;
        """

    /// An era's weighted edges (or every era's, without the filter), read from the running sums in the order of
    /// the primary key, which is the graph's order within an era.
    static func weightedEdges(filter: String) -> String {
        "SELECT era, source, target, relation, weight, tone_units FROM edges \(filter) ORDER BY era, source, target, relation"
    }
}
