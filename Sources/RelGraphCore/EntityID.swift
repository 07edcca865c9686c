/// A stable, readable identifier of an entity: `<kind>:<slug>`, for example `country:north-korea`.
///
/// Identifiers come from the knowledge-base data files (or from the pattern that found an entity the data lacks),
/// never from the order in which documents were read, so the same corpus always yields the same ids.
public struct EntityID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(kind: EntityKind, slug: String) { self.rawValue = "\(kind.rawValue):\(slug)" }

    /// The kind named by the prefix, if it is one of ``EntityKind``. Hot (called for every pair of entities in a
    /// sentence), so it reads only the first letter — the four kinds differ there, and ids are always made by
    /// ``init(kind:slug:)`` or read from relgraph's own files — and is inlinable into the extraction module.
    @inlinable
    public var kind: EntityKind? {
        switch rawValue.utf8.first {
        case UInt8(ascii: "c"): .country
        case UInt8(ascii: "l"): .leader
        case UInt8(ascii: "o"): .organization
        case UInt8(ascii: "a"): .agreement
        default: nil
        }
    }

    /// The part after `<kind>:`: `country:north-korea` → `north-korea` (the whole id when it has no kind prefix).
    public var slug: Substring {
        guard let colon = rawValue.firstIndex(of: ":") else { return rawValue[...] }
        return rawValue[rawValue.index(after: colon)...]
    }

    public var description: String { rawValue }
    @inlinable public static func < (lhs: EntityID, rhs: EntityID) -> Bool { lhs.rawValue < rhs.rawValue }
    // Written out (rather than synthesised) to be inlinable: ids are compared and hashed in extraction's hot loops.
    @inlinable public static func == (lhs: EntityID, rhs: EntityID) -> Bool { lhs.rawValue == rhs.rawValue }
    @inlinable public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Lower-case ASCII slug of a display name: `"Côte d'Ivoire"` → `"cote-d-ivoire"`.
    public static func slug(_ name: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in name.unicodeScalars {
            let folded = LatinFolding.fold(scalar)
            for ch in folded.lowercased().unicodeScalars {
                if ch.properties.isAlphabetic || ("0"..."9").contains(ch) {
                    if pendingDash && !out.isEmpty { out.append("-") }
                    pendingDash = false
                    out.unicodeScalars.append(ch)
                } else {
                    pendingDash = true
                }
            }
        }
        return out
    }
}

/// The four kinds of node in a relationship graph.
public enum EntityKind: String, Sendable, Codable, CaseIterable {
    case country, leader, organization, agreement
}

/// Folding of Latin letters with diacritics to their ASCII base letter (`é` → `e`, `ß` → `ss`), shared by slugs and
/// by the tokenizer so that "Côte d’Ivoire" and "Cote d'Ivoire" meet.
public enum LatinFolding {
    public static func fold(_ scalar: Unicode.Scalar) -> String {
        if scalar.isASCII { return String(scalar) }
        if let mapped = table[scalar.value] { return mapped }
        return String(scalar)
    }

    /// ASCII base letters for U+00C0…U+017F (Latin-1 Supplement and Latin Extended-A); `nil` where there is none.
    public static let table: [UInt32: String] = {
        var map: [UInt32: String] = [:]
        let latin1 = "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty"
        for (offset, ch) in latin1.enumerated() where ch != "*" && ch != "/" {
            map[0xC0 + UInt32(offset)] = String(ch)
        }
        map[0xDF] = "ss"; map[0xC6] = "AE"; map[0xE6] = "ae"; map[0xDE] = "Th"; map[0xFE] = "th"
        let extendedA =
            "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs"
        for (offset, ch) in extendedA.enumerated() { map[0x100 + UInt32(offset)] = String(ch) }
        map[0x132] = "IJ"; map[0x133] = "ij"; map[0x152] = "OE"; map[0x153] = "oe"
        return map
    }()
}
