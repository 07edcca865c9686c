import RelGraphCore

/// Positions (in points) that every era's diagram shares, so an entity keeps its place from era to era, and the
/// frame they all use.
///
/// Made by laying out the union of the eras once (`EraLayout` in RelGraphRender); ``DOTWriter`` writes them as
/// pinned `pos="x,y!"` attributes.
public struct PinnedLayout: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    public var positions: [EntityID: Point]
    /// Lower-left and upper-right corners of the frame every era is drawn in (margins included).
    public var low: Point
    public var high: Point

    /// The frame holds every node whole: `sizes` (width, height in points) extend it beyond the centres.
    public init(positions: [EntityID: Point], sizes: [EntityID: (width: Double, height: Double)] = [:], margin: Double = 30) {
        self.positions = positions
        var low = Point(x: .infinity, y: .infinity)
        var high = Point(x: -.infinity, y: -.infinity)
        for (id, p) in positions {
            let size = sizes[id] ?? (0, 0)
            low.x = min(low.x, p.x - size.width / 2)
            low.y = min(low.y, p.y - size.height / 2)
            high.x = max(high.x, p.x + size.width / 2)
            high.y = max(high.y, p.y + size.height / 2)
        }
        if positions.isEmpty {
            low = Point(x: 0, y: 0)
            high = Point(x: 0, y: 0)
        }
        self.low = Point(x: low.x - margin, y: low.y - margin)
        self.high = Point(x: high.x + margin, y: high.y + margin)
    }

    /// `"x,y!"`: a pinned Graphviz position.
    public static func pinned(_ p: Point) -> String { "\(String(format2: p.x)),\(String(format2: p.y))!" }
}
