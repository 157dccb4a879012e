/// A point in layout coordinates: points (1/72 inch), origin top left, y growing downwards (as in SVG).
public struct LayoutPoint: Sendable, Hashable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
