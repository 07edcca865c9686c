/// SQL over the edge aggregates (`edge_sentences`, `edges`) that SQLite and PostgreSQL share word for word.
enum EdgeAggregateSQL {
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
