/// Turns chains of placed nodes into edge routes: a polyline from the tail's side, across the
/// column of every rank it passes (at its dummy node's height), to the head's side; and a cubic
/// Bézier through the same points.
///
/// Crossing a column horizontally keeps the edge clear of that column's boxes, which are
/// separated from dummy nodes; bends happen only in the gaps between columns. Every Bézier has
/// horizontal tangents at its ends, so the curve is smooth, never overshoots vertically, and its
/// control points stay inside each segment's x range: it passes each rank at its dummy node.
enum EdgeRouter {
    /// Extra room to the right of a node for its self-loop, in points.
    static let loopReach: Double = 18

    static func route(chain: [LayoutPoint], reversed: Bool) -> (polyline: [LayoutPoint], curve: [LayoutPoint]) {
        let polyline = reversed ? Array(chain.reversed()) : chain
        return (polyline, smoothCurve(through: polyline))
    }

    /// Cubic pieces between consecutive points, with horizontal tangents (3(n-1) + 1 points).
    static func smoothCurve(through points: [LayoutPoint]) -> [LayoutPoint] {
        guard points.count >= 2 else { return points }
        var curve = [points[0]]
        curve.reserveCapacity(3 * (points.count - 1) + 1)
        for i in 0..<(points.count - 1) {
            let p = points[i], q = points[i + 1]
            let half = (q.x - p.x) / 2
            curve.append(LayoutPoint(x: p.x + half, y: p.y))
            curve.append(LayoutPoint(x: q.x - half, y: q.y))
            curve.append(q)
        }
        return curve
    }

    /// A loop on the right side of a node at (x, y) of the given size.
    static func selfLoop(x: Double, y: Double, width: Double, height: Double) -> (polyline: [LayoutPoint], curve: [LayoutPoint]) {
        let right = x + width / 2
        let start = LayoutPoint(x: right, y: y - height / 6)
        let end = LayoutPoint(x: right, y: y + height / 6)
        let polyline = [start, LayoutPoint(x: right + loopReach, y: y), end]
        let curve = [start,
                     LayoutPoint(x: right + loopReach * 1.33, y: y - height / 2),
                     LayoutPoint(x: right + loopReach * 1.33, y: y + height / 2),
                     end]
        return (polyline, curve)
    }
}
