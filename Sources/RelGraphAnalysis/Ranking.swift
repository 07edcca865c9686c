/// Nodes ordered by score, highest first; ties broken by name so output is deterministic.
public enum Ranking {
    public static func rank(names: [String], scores: [Double], top: Int? = nil) -> [(name: String, score: Double)] {
        precondition(names.count == scores.count, "one score per node")
        let order = names.indices.sorted { (a: Int, b: Int) -> Bool in
            if scores[a] != scores[b] { return scores[a] > scores[b] }
            return names[a] < names[b]
        }
        let kept = top.map { Array(order.prefix($0)) } ?? order
        return kept.map { (names[$0], scores[$0]) }
    }
}
