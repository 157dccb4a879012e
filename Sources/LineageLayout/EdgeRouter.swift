/// Turns chains of placed nodes into edge routes: a polyline from the tail's side through every
/// dummy node to the head's side, and a cubic Bézier through the same points.
///
/// Tangents are horizontal at the ports and follow the neighbouring points elsewhere
/// (Catmull–Rom slopes); control points stay inside each segment's x range, so the curve passes
/// each rank exactly at its dummy node and never doubles back.
enum EdgeRouter {
    /// Extra room to the right of a node for its self-loop, in points.
    static let loopReach: Double = 18

    static func route(chain: [LayoutPoint], reversed: Bool) -> (polyline: [LayoutPoint], curve: [LayoutPoint]) {
        let polyline = reversed ? Array(chain.reversed()) : chain
        return (polyline, smoothCurve(through: polyline))
    }

    /// A C1-continuous cubic spline through `points` (3(n-1) + 1 points).
    static func smoothCurve(through points: [LayoutPoint]) -> [LayoutPoint] {
        guard points.count >= 2 else { return points }
        let n = points.count
        var slopes = [Double](repeating: 0, count: n)
        if n > 2 {
            for i in 1..<(n - 1) {
                let dx = points[i + 1].x - points[i - 1].x
                slopes[i] = dx == 0 ? 0 : (points[i + 1].y - points[i - 1].y) / dx
            }
        }
        var curve = [points[0]]
        curve.reserveCapacity(3 * (n - 1) + 1)
        for i in 0..<(n - 1) {
            let p = points[i], q = points[i + 1]
            let third = (q.x - p.x) / 3
            curve.append(LayoutPoint(x: p.x + third, y: p.y + slopes[i] * third))
            curve.append(LayoutPoint(x: q.x - third, y: q.y - slopes[i + 1] * third))
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
