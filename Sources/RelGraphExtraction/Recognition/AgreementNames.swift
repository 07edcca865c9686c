import RelGraphCore
import RelGraphKnowledge

/// The known agreements compiled once for the agreement patterns: the words of each name (to confirm a described
/// agreement), the agreements of each party (so that a sentence's states find their agreements without a pass over
/// all of them), and each name and alias under its singular key, so that "the Camp David Accord" is the Camp David
/// Accords and a discovered "Nkomati Accord" and "Nkomati Accords" are one agreement.
struct AgreementNames: Sendable {
    /// Per agreement of ``KnowledgeBase/agreements``, the lower-cased words of its name.
    let words: [Set<String>]
    /// Party → indices of the agreements it is a party to, ascending (each agreement once per party).
    let byParty: [EntityID: [Int32]]
    /// Singular key of every name and alias → agreement.
    let bySingularKey: [String: EntityID]

    init(_ agreements: [Agreement]) {
        words = agreements.map { Set($0.name.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)) }
        var byParty: [EntityID: [Int32]] = [:]
        for (n, agreement) in agreements.enumerated() {
            for party in Set(agreement.parties) { byParty[party, default: []].append(Int32(n)) }
        }
        self.byParty = byParty
        var keys: [String: EntityID] = [:]
        for agreement in agreements {
            for name in [agreement.name] + agreement.aliases { keys[Self.singularKey(name)] = keys[Self.singularKey(name)] ?? agreement.id }
        }
        bySingularKey = keys
    }

    /// A name's words, lower-cased, without a leading "the", with its last word singular ("accords" → "accord";
    /// "SALT II" keeps its numeral): "the Camp David Accords" → "camp david accord".
    static func singularKey(_ name: String) -> String {
        var words = EntityID.slug(name).split(separator: "-").map(String.init)
        if words.first == "the" { words.removeFirst() }
        if let last = words.last, last.count > 3, last.hasSuffix("s"), !last.hasSuffix("ss") {
            words[words.count - 1] = String(last.dropLast())
        }
        return words.joined(separator: " ")
    }
}
