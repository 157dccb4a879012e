/// Sifting (Matuszewski, Schönfeld and Molitor, 1999), rank by rank: each node in turn, highest
/// degree first, is taken out of its rank and put back where its edges cross the fewest others
/// (counting both neighbouring ranks). A much stronger local search than swapping neighbours, as
/// a node can jump over many others at once; it never makes the ordering worse.
///
/// For node v, with c(v, w) the crossings between the edges of v and w when v comes before w, the
/// cost of gap k among the others w_0, w_1, ... is Σ_{j<k} c(w_j, v) + Σ_{j>=k} c(v, w_j), so all
/// gaps are evaluated in one pass once c(w, v) - c(v, w) is known for every w. That difference is
/// Σ over w's neighbour positions p of score(p) = #{v's neighbours before p} - #{after p}, so each
/// node costs O(rank size + edges at the rank).
struct Sifting {
    let graph: LayeredGraph
    let keepClustersContiguous: Bool
    private var candidates: [Int] = []
    private var slotOf: [Int]
    private var delta: [Int] = []
    private var upLists = PositionLists()
    private var downLists = PositionLists()
    private var upScore: [Int] = []
    private var downScore: [Int] = []

    init(graph: LayeredGraph, keepClustersContiguous: Bool) {
        self.graph = graph
        self.keepClustersContiguous = keepClustersContiguous
        slotOf = [Int](repeating: 0, count: graph.nodeCount)
    }

    /// Sifts every rank once, first to last or last to first; returns the crossings removed.
    mutating func sweep(_ ordering: inout LayerOrdering, downwards: Bool) -> Int {
        var gain = 0
        let count = ordering.layerCount
        for step in 0..<count { gain += sift(&ordering, layer: downwards ? step : count - 1 - step) }
        return gain
    }

    mutating func sift(_ ordering: inout LayerOrdering, layer l: Int) -> Int {
        let start = ordering.layerStart[l], size = ordering.layerStart[l + 1] - start
        guard size > 1 else { return 0 }
        let up = graph.up, down = graph.down
        candidates.removeAll(keepingCapacity: true)
        for v in ordering.nodes(inLayer: l) where up.degree(v) + down.degree(v) > 0 { candidates.append(v) }
        // Highest degree first; ties in current order (the sort is stable).
        candidates.sort { up.degree($0) + down.degree($0) > up.degree($1) + down.degree($1) }
        // The neighbouring ranks keep their order meanwhile: list neighbour positions once.
        for (slot, v) in ordering.nodes(inLayer: l).enumerated() { slotOf[v] = slot }
        let upSize = l > 0 ? ordering.layerStart[l] - ordering.layerStart[l - 1] : 0
        let downSize = l + 1 < ordering.layerCount ? ordering.layerStart[l + 2] - ordering.layerStart[l + 1] : 0
        upLists.fill(nodes: ordering.nodes(inLayer: l), adjacency: up, position: ordering.position)
        downLists.fill(nodes: ordering.nodes(inLayer: l), adjacency: down, position: ordering.position)
        if delta.count < size { delta = [Int](repeating: 0, count: size) }
        if upScore.count < upSize { upScore = [Int](repeating: 0, count: upSize) }
        if downScore.count < downSize { downScore = [Int](repeating: 0, count: downSize) }
        let clusters: [Int]? = keepClustersContiguous ? graph.cluster : nil
        var gain = 0
        ordering.withBuffers { order, position in
        slotOf.withUnsafeBufferPointer { slotOf in
        delta.withUnsafeMutableBufferPointer { delta in
        upScore.withUnsafeMutableBufferPointer { upScore in
        downScore.withUnsafeMutableBufferPointer { downScore in
        upLists.start.withUnsafeBufferPointer { upStart in
        upLists.positions.withUnsafeBufferPointer { upPositions in
        downLists.start.withUnsafeBufferPointer { downStart in
        downLists.positions.withUnsafeBufferPointer { downPositions in
            let layer = UnsafeMutableBufferPointer(rebasing: order[start..<(start + size)])
            let upSide = Side(start: upStart, positions: upPositions, score: UnsafeMutableBufferPointer(rebasing: upScore[0..<upSize]))
            let downSide = Side(start: downStart, positions: downPositions, score: UnsafeMutableBufferPointer(rebasing: downScore[0..<downSize]))
            for v in candidates {
                for i in 0..<size { delta[i] = 0 }
                upSide.accumulate(v, layer: layer, slotOf: slotOf, delta: delta)
                downSide.accumulate(v, layer: layer, slotOf: slotOf, delta: delta)
                gain += Self.move(v, layer: layer, position: position, delta: delta, clusters: clusters)
            }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        return gain
    }

    /// Neighbour positions in one adjacent rank, for a rank's nodes by slot (index at listing).
    private struct PositionLists {
        var start: [Int] = [0]
        var positions: [Int] = []

        mutating func fill(nodes: ArraySlice<Int>, adjacency: Adjacency, position: [Int]) {
            start.removeAll(keepingCapacity: true)
            positions.removeAll(keepingCapacity: true)
            start.append(0)
            for v in nodes {
                for i in adjacency.edges(of: v) { positions.append(position[adjacency.target[i]]) }
                start.append(positions.count)
            }
        }
    }

    /// One adjacent rank during the sifting of a node.
    private struct Side {
        let start: UnsafeBufferPointer<Int>
        let positions: UnsafeBufferPointer<Int>
        let score: UnsafeMutableBufferPointer<Int>

        /// delta[i] += c(w, v) - c(v, w) for the edges into this rank, w the node at index i.
        @inline(__always)
        func accumulate(_ v: Int, layer: UnsafeMutableBufferPointer<Int>, slotOf: UnsafeBufferPointer<Int>,
                        delta: UnsafeMutableBufferPointer<Int>) {
            let slot = slotOf[v]
            let from = start[slot], to = start[slot + 1]
            guard from < to else { return }
            // score(p) = #{v's neighbours before p} - #{after p}, built from the differences at
            // each of v's neighbours: entering p = a lowers "after" by one, leaving raises "before".
            for p in 0..<score.count { score[p] = 0 }
            let degree = to - from
            for q in from..<to {
                let a = positions[q]
                score[a] += 1
                if a + 1 < score.count { score[a + 1] += 1 }
            }
            var running = -degree
            for p in 0..<score.count {
                running += score[p]
                score[p] = running
            }
            for i in 0..<layer.count {
                let w = layer[i]
                guard w != v else { continue }
                let s = slotOf[w]
                var d = 0
                for q in start[s]..<start[s + 1] { d += score[positions[q]] }
                delta[i] += d
            }
        }
    }

    /// Moves v to its best gap in `layer`, given delta[i] = c(w, v) - c(v, w) for the node w at
    /// index i (the change in cost when v moves from just before w to just after it); returns
    /// the crossings removed.
    private static func move(_ v: Int, layer: UnsafeMutableBufferPointer<Int>, position: UnsafeMutableBufferPointer<Int>,
                             delta: UnsafeMutableBufferPointer<Int>, clusters: [Int]?) -> Int {
        let size = layer.count, current = position[v]
        // Gap k of the m others lies before the k-th of them; costs relative to gap 0.
        let m = size - 1
        let ownPresent = clusters.map { c in c[v] >= 0 && layer.contains { $0 != v && c[$0] == c[v] } } ?? false
        var cost = 0, currentCost = 0, bestCost = Int.max, best = -1
        for k in 0...m {
            if k == current { currentCost = cost }
            if cost < bestCost && allowed(v, gap: k, layer: layer, current: current, clusters: clusters, ownPresent: ownPresent) {
                bestCost = cost
                best = k
            }
            if k < m { cost += delta[k < current ? k : k + 1] }
        }
        guard best >= 0, bestCost < currentCost else { return 0 }
        // Shift the nodes in between and drop v into its new place.
        if best < current {
            var i = current
            while i > best { layer[i] = layer[i - 1]; position[layer[i]] = i; i -= 1 }
        } else {
            var i = current
            while i < best { layer[i] = layer[i + 1]; position[layer[i]] = i; i += 1 }
        }
        layer[best] = v
        position[v] = best
        return currentCost - bestCost
    }

    /// Whether v may sit at gap k (among the others) without splitting a cluster or leaving its own.
    @inline(__always)
    private static func allowed(_ v: Int, gap k: Int, layer: UnsafeMutableBufferPointer<Int>, current: Int,
                                clusters: [Int]?, ownPresent: Bool) -> Bool {
        guard let clusters else { return true }
        // Indices in `layer` of the other nodes left and right of the gap.
        let leftIndex = k - 1 < current ? k - 1 : k
        let rightIndex = k < current ? k : k + 1
        let left = leftIndex >= 0 ? clusters[layer[leftIndex]] : -1
        let right = rightIndex < layer.count ? clusters[layer[rightIndex]] : -1
        let own = clusters[v]
        if left >= 0 && left == right && left != own { return false }   // inside another cluster
        return !ownPresent || left == own || right == own
    }
}
