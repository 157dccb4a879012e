/// How an edge is drawn, always from its tail to its head (the original direction, even when the
/// layout reversed it to break a cycle).
public struct EdgeRoute: Sendable, Hashable {
    public var tail: Int
    public var head: Int
    /// The tail's port; for every rank crossed, the left edge of its column, the dummy node and
    /// the right edge, all at the dummy node's height; then the head's port.
    public var polyline: [LayoutPoint]
    /// A smooth cubic Bézier spline through the polyline's points: a start point followed by
    /// groups of three (two control points and an end point), 3k + 1 points in all.
    public var curve: [LayoutPoint]
    /// The edge points against the rank order (it closed a cycle).
    public var isReversed: Bool
    public var isSelfLoop: Bool

    public init(tail: Int, head: Int, polyline: [LayoutPoint], curve: [LayoutPoint], isReversed: Bool, isSelfLoop: Bool) {
        self.tail = tail
        self.head = head
        self.polyline = polyline
        self.curve = curve
        self.isReversed = isReversed
        self.isSelfLoop = isSelfLoop
    }

    /// The curve as SVG path data (`M x y C ...`), with coordinates rounded to 1/100 point.
    public var svgPathData: String {
        guard let first = curve.first else { return "" }
        var data = "M\(NumberFormat.fixed(first.x, digits: 2)),\(NumberFormat.fixed(first.y, digits: 2))"
        var index = 1
        while index + 2 < curve.count {
            data += " C"
            for point in curve[index...index + 2] {
                data += "\(NumberFormat.fixed(point.x, digits: 2)),\(NumberFormat.fixed(point.y, digits: 2)) "
            }
            data.removeLast()
            index += 3
        }
        return data
    }
}
