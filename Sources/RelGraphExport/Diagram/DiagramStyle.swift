import Foundation
import RelGraphCore

/// relgraph's visual language, shared by the era diagrams, the overview and the comparison diagram.
///
/// - kind: country blue ellipse, leader orange box, organisation green hexagon, agreement yellow note;
/// - a tie's colour is its net tone on a red (hostile, −10) … grey (0) … green (cooperative, +10) scale;
/// - its width grows with the square root of its weight, relative to the heaviest tie drawn;
/// - structural ties (leads, party to, member of, successor) are thin, dotted and pale: context, not news.
public enum DiagramStyle {
    public static let font = "Helvetica"

    public static func shape(_ kind: EntityKind) -> String {
        switch kind {
        case .country: "ellipse"
        case .leader: "box"
        case .organization: "hexagon"
        case .agreement: "note"
        }
    }

    public static func fill(_ kind: EntityKind) -> String {
        switch kind {
        case .country: "#cfe2f3"
        case .leader: "#fce5cd"
        case .organization: "#d9ead3"
        case .agreement: "#fff2cc"
        }
    }

    public static func border(_ kind: EntityKind) -> String {
        switch kind {
        case .country: "#3d85c6"
        case .leader: "#e69138"
        case .organization: "#6aa84f"
        case .agreement: "#bf9000"
        }
    }

    /// Colour of a tone: grey at 0, full red from −5 down, full green from +5 up; in between the colour leans
    /// quickly (a tone of ±2 is already clearly red or green), since most sentences are mildly toned.
    public static func color(tone: Double) -> String {
        let neutral = (0x8c, 0x8c, 0x8c)
        let end = tone < 0 ? (0xc6, 0x28, 0x28) : (0x1b, 0x7f, 0x2a)
        let k = pow(min(1, abs(tone) / 5), 0.6)
        func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * k).rounded()) }
        return hex(mix(neutral.0, end.0), mix(neutral.1, end.1), mix(neutral.2, end.2))
    }

    public static let structuralColor = "#9fb8d6"

    /// Pen width of a tie of `weight` when the heaviest drawn weighs `maxWeight`: 1 … 8 points.
    public static func penWidth(weight: Double, maxWeight: Double) -> Double {
        guard maxWeight > 0 else { return 1 }
        return 1 + 7 * (max(0, weight) / maxWeight).squareRoot()
    }

    /// Font size of a node whose centrality is `share` (0…1) of the era's highest: 10 … 24 points.
    public static func fontSize(share: Double) -> Double { 10 + 14 * max(0, min(1, share)).squareRoot() }

    /// The era diagrams' legend: kinds, tone colours, structural ties, what widths and sizes say.
    public static func legend(sizedBy measure: String?) -> DiagramLegend {
        let colours: [EntityKind: String] = [.country: "blue", .leader: "orange", .organization: "green", .agreement: "yellow"]
        var entries = EntityKind.allCases.map { kind in
            let name = kind == .organization ? "organisation" : kind.rawValue
            return DiagramLegend.Entry(name, [
                "shape=\(shape(kind))", "style=filled", "fillcolor=\"\(fill(kind))\"", "color=\"\(border(kind))\"",
            ], words: "\(colours[kind]!) \(shape(kind)): \(name)")
        }
        let tones: [(Double, String, String)] = [
            (5.0, "cooperative (tone +5 … +10)", "green line: cooperative (tone +5 … +10)"),
            (1.5, "friendly (+1.5)", "pale green line: friendly"), (0, "neutral (0)", "grey line: neutral (tone 0)"),
            (-1.5, "strained (−1.5)", "pale red line: strained"), (-5, "hostile (−5 … −10)", "red line: hostile (tone −5 … −10)"),
        ]
        for (tone, name, words) in tones {
            entries.append(.init(name, ["shape=box", "style=filled", "fillcolor=\"\(color(tone: tone))\"", "color=\"\(color(tone: tone))\"", "fontcolor=white"], words: words))
        }
        entries.append(.init("structural tie (dotted)", ["shape=box", "style=dotted", "color=\"\(structuralColor)\"", "penwidth=2"], words: "dotted pale blue line: structural tie (leads, party to, member of)"))
        entries.append(.init("line width: sentences of evidence", ["shape=plaintext", "style=\"\""]))
        if let measure { entries.append(.init("name size: \(measure)", ["shape=plaintext", "style=\"\""])) }
        return DiagramLegend(entries)
    }

    /// `"Détente (1969–1979)"`, `"The 1990s (1990–1999)"`.
    public static func title(_ era: Era) -> String {
        switch (era.start, era.end) {
        case (let s?, let e?): "\(era.label) (\(s)–\(e))"
        case (let s?, nil): "\(era.label) (\(s)–present)"
        default: era.label
        }
    }

    private static func hex(_ r: Int, _ g: Int, _ b: Int) -> String {
        let digits = Array("0123456789abcdef")
        var out = "#"
        for v in [r, g, b] {
            out.append(digits[(v >> 4) & 15])
            out.append(digits[v & 15])
        }
        return out
    }
}
