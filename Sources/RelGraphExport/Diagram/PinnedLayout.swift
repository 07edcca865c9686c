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

    public init(positions: [EntityID: Point], margin: Double = 40) {
        self.positions = positions
        let xs = positions.values.map(\.x)
        let ys = positions.values.map(\.y)
        low = Point(x: (xs.min() ?? 0) - margin, y: (ys.min() ?? 0) - margin)
        high = Point(x: (xs.max() ?? 0) + margin, y: (ys.max() ?? 0) + margin)
    }

    /// `"x,y!"`: a pinned Graphviz position.
    public static func pinned(_ p: Point) -> String { "\(String(format2: p.x)),\(String(format2: p.y))!" }
}
