/// Coordinates across the ranks (vertical, for left-to-right layouts) by Brandes and Köpf (2001):
/// four alignments (towards earlier or later ranks, preferring earlier or later positions) each
/// line nodes up with a median neighbour into blocks that share one coordinate, so most edges and
/// long-edge chains are straight; blocks are packed against their neighbours; the result
/// is the mean of the two middle candidates per node after aligning the four to the narrowest.
///
/// Packing uses a block graph with a smallest-coordinates pass followed by a largest-coordinates
/// pass (as dagre does) instead of the paper's class shifts, which are known to misplace
/// classes in some inputs (Brandes, Walter and Zink, 2020).
struct BrandesKoepfPlacement {
    let graph: LayeredGraph
    let layers: [[Int]]
    /// Extent of each node across the ranks; 0 for dummies.
    let size: [Double]
    let nodeSeparation: Double
    let edgeSeparation: Double
    private var marked: Set<Int> = []

    init(graph: LayeredGraph, layers: [[Int]], size: [Double], nodeSeparation: Double, edgeSeparation: Double) {
        self.graph = graph
        self.layers = layers
        self.size = size
        self.nodeSeparation = nodeSeparation
        self.edgeSeparation = edgeSeparation
    }

    /// The centre coordinate of every node, smallest at 0.
    mutating func coordinates() -> [Double] {
        let n = graph.nodeCount
        guard n > 0 else { return [] }
        markTypeOneConflicts()
        var candidates: [[Double]] = []
        for towardsLater in [false, true] {
            for rightToLeft in [false, true] {
                var x = alignAndCompact(towardsLater: towardsLater, rightToLeft: rightToLeft)
                if rightToLeft { for v in 0..<n { x[v] = -x[v] } }
                candidates.append(x)
            }
        }
        // Align all four to the one with the smallest extent: left ones by their minimum,
        // right ones by their maximum.
        let extents = candidates.map { x -> (min: Double, max: Double) in
            var lo = Double.infinity, hi = -Double.infinity
            for v in 0..<n { lo = min(lo, x[v] - size[v] / 2); hi = max(hi, x[v] + size[v] / 2) }
            return (lo, hi)
        }
        var narrowest = 0
        for k in 1..<4 where extents[k].max - extents[k].min < extents[narrowest].max - extents[narrowest].min { narrowest = k }
        for k in 0..<4 {
            let shift = k % 2 == 0 ? extents[narrowest].min - extents[k].min : extents[narrowest].max - extents[k].max
            if shift != 0 { for v in 0..<n { candidates[k][v] += shift } }
        }
        var result = [Double](repeating: 0, count: n)
        var lowest = Double.infinity
        for v in 0..<n {
            var four = (candidates[0][v], candidates[1][v], candidates[2][v], candidates[3][v])
            // Sort four values with a small network, then average the middle two.
            if four.0 > four.1 { swap(&four.0, &four.1) }
            if four.2 > four.3 { swap(&four.2, &four.3) }
            if four.0 > four.2 { swap(&four.0, &four.2) }
            if four.1 > four.3 { swap(&four.1, &four.3) }
            if four.1 > four.2 { swap(&four.1, &four.2) }
            result[v] = (four.1 + four.2) / 2
            lowest = min(lowest, result[v] - size[v] / 2)
        }
        for v in 0..<n { result[v] -= lowest }
        return result
    }

    /// Separation between the centres of neighbours u and v of one rank.
    func separation(_ u: Int, _ v: Int) -> Double {
        let gap = graph.isDummy(u) && graph.isDummy(v) ? edgeSeparation : nodeSeparation
        return (size[u] + size[v]) / 2 + gap
    }

    private static func key(_ upper: Int, _ lower: Int, _ n: Int) -> Int { upper * n + lower }

    /// Marks segments that cross an inner segment (between two dummies): long edges win, so they
    /// stay straight.
    private mutating func markTypeOneConflicts() {
        let n = graph.nodeCount
        var position = [Int](repeating: 0, count: n)
        for layer in layers { for (i, v) in layer.enumerated() { position[v] = i } }
        func innerUpper(_ v: Int) -> Int? {
            guard graph.isDummy(v) else { return nil }
            for i in graph.up.edges(of: v) where graph.isDummy(graph.up.target[i]) { return graph.up.target[i] }
            return nil
        }
        for l in 0..<max(0, layers.count - 1) {
            let upper = layers[l], lower = layers[l + 1]
            var k0 = 0, scan = 0
            for (l1, v) in lower.enumerated() {
                let inner = innerUpper(v)
                guard l1 == lower.count - 1 || inner != nil else { continue }
                let k1 = inner.map { position[$0] } ?? upper.count - 1
                while scan <= l1 {
                    let w = lower[scan]
                    for i in graph.up.edges(of: w) {
                        let u = graph.up.target[i]
                        let k = position[u]
                        if (k < k0 || k > k1) && !(graph.isDummy(u) && graph.isDummy(w)) {
                            marked.insert(Self.key(u, w, n))
                        }
                    }
                    scan += 1
                }
                k0 = k1
            }
        }
    }

    /// One of the four candidate layouts, in the coordinate system of its direction.
    private func alignAndCompact(towardsLater: Bool, rightToLeft: Bool) -> [Double] {
        let n = graph.nodeCount
        let sequence = towardsLater ? Array(layers.reversed()) : layers
        let ordered = rightToLeft ? sequence.map { Array($0.reversed()) } : sequence
        var position = [Int](repeating: 0, count: n)
        for layer in ordered { for (i, v) in layer.enumerated() { position[v] = i } }
        // Neighbours in the rank aligned against: earlier ranks first (up), or later ones (down).
        let previous = towardsLater ? graph.down : graph.up
        var root = Array(0..<n), align = Array(0..<n)
        var neighbours: [Int] = []
        for layer in ordered.dropFirst() {
            var r = -1
            for v in layer {
                neighbours.removeAll(keepingCapacity: true)
                for i in previous.edges(of: v) { neighbours.append(previous.target[i]) }
                guard !neighbours.isEmpty else { continue }
                neighbours.sort { position[$0] < position[$1] || (position[$0] == position[$1] && $0 < $1) }
                let d = neighbours.count
                for m in (d - 1) / 2...d / 2 where align[v] == v {
                    let u = neighbours[m]
                    let isMarked = towardsLater ? marked.contains(Self.key(v, u, n)) : marked.contains(Self.key(u, v, n))
                    if !isMarked && r < position[u] {
                        align[u] = v
                        root[v] = root[u]
                        align[v] = root[v]
                        r = position[u]
                    }
                }
            }
        }
        return compact(ordered, root: root)
    }

    /// Places blocks: first as low as the separations allow, then each as high as its
    /// higher neighbours allow, which closes gaps left below isolated blocks.
    private func compact(_ ordered: [[Int]], root: [Int]) -> [Double] {
        let n = graph.nodeCount
        var from: [Int] = [], to: [Int] = [], weight: [Double] = []
        for layer in ordered where layer.count > 1 {
            for i in 1..<layer.count {
                from.append(root[layer[i - 1]])
                to.append(root[layer[i]])
                weight.append(separation(layer[i - 1], layer[i]))
            }
        }
        let successors = Adjacency(nodeCount: n, from: from, to: to)
        let predecessors = Adjacency(nodeCount: n, from: to, to: from)
        var indegree = [Int](repeating: 0, count: n)
        for t in to { indegree[t] += 1 }
        var topological: [Int] = []
        topological.reserveCapacity(n)
        for v in 0..<n where root[v] == v && indegree[v] == 0 { topological.append(v) }
        var head = 0
        while head < topological.count {
            let b = topological[head]
            head += 1
            for i in successors.edges(of: b) {
                let c = successors.target[i]
                indegree[c] -= 1
                if indegree[c] == 0 { topological.append(c) }
            }
        }
        var x = [Double](repeating: 0, count: n)
        for b in topological {
            var value = 0.0
            for i in predecessors.edges(of: b) {
                value = max(value, x[predecessors.target[i]] + weight[predecessors.edge[i]])
            }
            x[b] = value
        }
        for b in topological.reversed() {
            var limit = Double.infinity
            for i in successors.edges(of: b) {
                limit = min(limit, x[successors.target[i]] - weight[successors.edge[i]])
            }
            if limit.isFinite { x[b] = max(x[b], limit) }
        }
        return (0..<n).map { x[root[$0]] }
    }
}
