import RelGraphCore

/// One surface form the recogniser looks for, and what it stands for.
public struct NameEntry: Sendable, Hashable {
    /// How a surface form refers to its target; recorded on mentions and used to weigh ambiguity.
    public enum Role: String, Sendable, Hashable {
        case name, alias, acronym, demonym, capital, metonym
        /// a leader's surname or other short form, resolved in context
        case shortForm
    }

    public enum Target: Sendable, Hashable {
        /// An entity; several entries with the same surface make it ambiguous (resolved by date and context).
        case entity(EntityID, Role)
        /// A named period (index into ``KnowledgeBase/periods``): dates the sentence, is no entity.
        case period(Int)
        /// A name that is not an entity, listed so that it wins over the names inside it.
        case nonEntity
    }

    public var surface: String
    public var target: Target
    /// Acronyms written in capitals match only in capitals ("US" is not "us").
    public var caseSensitive: Bool
    /// Proper names must begin with a capital letter in the text ("China", not "china" the porcelain).
    public var requiresCapital: Bool
}

extension KnowledgeBase {
    /// Every surface form of every record, for the recogniser's dictionary.
    public func nameEntries() -> [NameEntry] {
        var entries: [NameEntry] = []
        func add(_ surface: String, _ target: NameEntry.Target, capital: Bool = true) {
            var text = surface
            // "the Quad", "the Soviets": the article is not part of the name.
            if text.hasPrefix("the ") || text.hasPrefix("The ") { text.removeFirst(4) }
            guard !text.isEmpty else { return }
            let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
            let acronym = letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
            entries.append(NameEntry(surface: text, target: target, caseSensitive: acronym, requiresCapital: capital))
        }
        for c in countries {
            add(c.name, .entity(c.id, .name))
            for a in c.aliases { add(a, .entity(c.id, .alias)) }
            for d in c.demonyms {
                add(d, .entity(c.id, .demonym))
                if let last = d.last, last == "n" || last == "i" { add(d + "s", .entity(c.id, .demonym)) }
            }
            for cap in c.capitals where cap.matchable { add(cap.name, .entity(c.id, .capital)) }
            for m in c.metonyms { add(m, .entity(c.id, .metonym)) }
        }
        for l in leaders {
            add(l.name, .entity(l.id, .name))
            for a in l.aliases { add(a, .entity(l.id, .alias)) }
            for s in l.shortForms { add(s, .entity(l.id, .shortForm)) }
        }
        for o in organizations {
            add(o.name, .entity(o.id, .name))
            if let acronym = o.acronym { add(acronym, .entity(o.id, .acronym)) }
            for a in o.aliases { add(a, .entity(o.id, .alias)) }
        }
        for a in agreements {
            add(a.name, .entity(a.id, .name))
            for alias in a.aliases { add(alias, .entity(a.id, .alias)) }
        }
        for (index, p) in periods.enumerated() {
            add(p.name, .period(index), capital: false)
            for alias in p.aliases { add(alias, .period(index), capital: false) }
        }
        for n in nonEntities { add(n.name, .nonEntity, capital: false) }
        return entries
    }
}
