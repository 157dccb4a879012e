/// Orders the nodes of each rank to reduce edge crossings. From each start ordering:
///
/// 1. sweeps down and up the ranks, sorting each rank by the weighted median of its neighbours'
///    positions in the rank just fixed (barycenter breaks ties), as `dot` does, keeping the best
///    ordering seen by exact count, until a few sweeps in a row bring nothing;
/// 2. one transposition pass (adjacent swaps while they remove crossings);
/// 3. sifting passes (`Sifting`), alternately down and up, until one gains nothing.
///
/// Sifting removes another 10 to 20 percent after the sweeps have plateaued. Small graphs get
/// more: several start orderings (breadth-first from the sources, from the sinks, then seeded
/// shuffles), transposition after every sweep and sifting to the end, within a fixed amount of
/// work, so the result never depends on the clock. On large graphs transposition after every
/// sweep costs more time than it saves crossings once sifting follows.
struct CrossingMinimizer {
    let graph: LayeredGraph
    let patience: Int
    let maxRounds: Int
    let siftingPasses: Int
    let keepClustersContiguous: Bool
    /// Sifting passes per start, from `siftingPasses` and the graph's size.
    private var passes = 0
    private var transposeInSweeps = false
    private var counter = CrossingCounter()
    private var scratch: [Int] = []
    /// For transposition: whether slots i and i + 1 of the ordering share a rank, the first
    /// slot of each node's rank, and the work queue.
    private var pairValid: [Bool] = []
    private var rankBase: [Int] = []
    private var queue: [Int] = []
    private var queued: [Bool] = []

    /// Work allowed for extra start orderings, in units of `siftingWork` (about 5 ms here).
    static let restartBudget = 1_500_000
    static let maxStarts = 16
    /// Total sifting work allowed, about a second here (5,000 gen_dag.py nodes use a tenth).
    static let siftingWorkLimit = 600_000_000

    init(graph: LayeredGraph, options: LayoutOptions) {
        self.graph = graph
        patience = max(1, options.crossingPatience)
        maxRounds = max(1, options.maxCrossingRounds)
        siftingPasses = max(0, options.siftingPasses)
        keepClustersContiguous = options.keepClustersContiguous && graph.cluster.contains { $0 >= 0 }
    }

    /// The work of one sifting pass: Σ over ranks of size × (size + edges at the rank).
    var siftingWork: Int {
        var ranks = [Int](repeating: 0, count: graph.layerCount)
        var edges = [Int](repeating: 0, count: graph.layerCount)
        for v in 0..<graph.nodeCount {
            ranks[graph.layer[v]] += 1
            edges[graph.layer[v]] += graph.up.degree(v) + graph.down.degree(v)
        }
        return zip(ranks, edges).reduce(0) { $0 + $1.0 * ($1.0 + $1.1) }
    }

    /// The best ordering found and its number of crossings.
    mutating func run() -> (ordering: LayerOrdering, crossings: Int) {
        // Small graphs may sift until nothing moves, and try more start orderings.
        let work = max(1, siftingWork)
        passes = siftingPasses == 0 ? 0 : min(16, max(siftingPasses, Self.restartBudget / work / 4))
        // Huge, dense layerings (hundreds of thousands of dummy nodes from a random cyclic
        // graph) would take minutes to sift: cap the total.
        passes = min(passes, Self.siftingWorkLimit / work)
        let perStart = (passes + 2) * work
        let starts = min(Self.maxStarts, max(1, Self.restartBudget / perStart))
        // With work to spare, transpose after every sweep too: better starting points for sifting.
        transposeInSweeps = starts > 1
        var best: (ordering: LayerOrdering, crossings: Int)?
        var random = SplitMix64(seed: 1)
        for start in 0..<starts {
            var layers = graph.initialOrder(fromTop: start % 2 == 0)
            if start >= 2 { for l in layers.indices { Self.shuffle(&layers[l], &random) } }
            var ordering = LayerOrdering(layers: layers, nodeCount: graph.nodeCount)
            if keepClustersContiguous { groupClusters(&ordering) }
            let result = minimize(ordering, firstSweepDown: start % 2 == 0)
            if best == nil || result.crossings < best!.crossings { best = result }
            if best!.crossings == 0 { break }
        }
        return best ?? (LayerOrdering(layers: [], nodeCount: 0), 0)
    }

    static func shuffle(_ array: inout [Int], _ random: inout SplitMix64) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) { array.swapAt(i, random.below(i + 1)) }
    }

    mutating func crossings(of ordering: LayerOrdering) -> Int {
        counter.total(graph: graph, ordering: ordering)
    }

    /// Sweeps, one transposition pass, then sifting; returns the best ordering seen.
    mutating func minimize(_ start: LayerOrdering, firstSweepDown: Bool) -> (ordering: LayerOrdering, crossings: Int) {
        var ordering = start
        var bestCount = crossings(of: ordering)
        var best = ordering
        func keep(_ ordering: LayerOrdering, _ count: Int) -> Bool {
            guard count < bestCount else { return false }
            best = ordering
            bestCount = count
            return true
        }
        var stale = 0
        var round = 0
        while round < maxRounds && bestCount > 0 && stale < patience {
            let down = (round % 2 == 0) == firstSweepDown
            sweep(&ordering, down: down, reverse: round % 4 >= 2)
            if transposeInSweeps { transpose(&ordering, reverse: round % 4 >= 2) }
            stale = keep(ordering, crossings(of: ordering)) ? 0 : stale + 1
            round += 1
        }
        guard bestCount > 0 else { return (best, bestCount) }
        ordering = best
        transpose(&ordering, reverse: false)
        _ = keep(ordering, crossings(of: ordering))
        var sifting = Sifting(graph: graph, keepClustersContiguous: keepClustersContiguous)
        // Sifting starts from the best ordering and reports exactly what it removes.
        var count = bestCount
        for pass in 0..<passes where count > 0 {
            let gain = sifting.sweep(&ordering, downwards: (pass % 2 == 0) == firstSweepDown)
            count -= gain
            _ = keep(ordering, count)
            if gain == 0 { break }
        }
        return (best, bestCount)
    }

    // MARK: Median sweeps

    /// Reorders every rank but the first of the sweep by its neighbours in the rank before.
    mutating func sweep(_ ordering: inout LayerOrdering, down: Bool, reverse: Bool) {
        let count = ordering.layerCount
        guard count > 1 else { return }
        let layers = down ? Array(1..<count) : Array((0..<count - 1).reversed())
        for l in layers { reorder(&ordering, layer: l, fixed: down ? graph.up : graph.down, fixedSize: ordering.layerStart[down ? l : l + 2] - ordering.layerStart[down ? l - 1 : l + 1], reverse: reverse) }
        if keepClustersContiguous {
            // The sweep's first rank is not reordered by it, but clusters there must follow too.
            let l = down ? 0 : count - 1
            reorder(&ordering, layer: l, fixed: down ? graph.down : graph.up, fixedSize: ordering.layerStart[down ? 2 : count - 1] - ordering.layerStart[down ? 1 : count - 2], reverse: reverse)
        }
    }

    private struct SortKey {
        var block: Double
        var blockID: Int
        var median: Double
        var barycenter: Double
        var tie: Int
        var node: Int
    }

    private mutating func reorder(_ ordering: inout LayerOrdering, layer l: Int, fixed: Adjacency, fixedSize: Int, reverse: Bool) {
        let nodes = ordering.nodes(inLayer: l)
        let size = nodes.count
        guard size > 1 else { return }
        var keys: [SortKey] = []
        keys.reserveCapacity(size)
        var isFixed = [Bool](repeating: false, count: size)
        for (i, v) in nodes.enumerated() {
            scratch.removeAll(keepingCapacity: true)
            var sum = 0
            for j in fixed.edges(of: v) {
                let p = ordering.position[fixed.target[j]]
                sum += p
                scratch.append(p)
                var k = scratch.count - 1
                while k > 0 && scratch[k - 1] > p { scratch[k] = scratch[k - 1]; k -= 1 }
                scratch[k] = p
            }
            let tie = reverse ? -i : i
            if scratch.isEmpty {
                // No neighbours: stay in place, or, with clusters, keep a proportional place.
                if keepClustersContiguous {
                    let guess = Double(i) * Double(fixedSize) / Double(size)
                    keys.append(SortKey(block: 0, blockID: 0, median: guess, barycenter: guess, tie: tie, node: v))
                } else {
                    isFixed[i] = true
                }
                continue
            }
            let median = Self.weightedMedian(scratch)
            keys.append(SortKey(block: 0, blockID: 0, median: median, barycenter: Double(sum) / Double(scratch.count), tie: tie, node: v))
        }
        if keepClustersContiguous { assignBlocks(&keys) }
        keys.sort { a, b in
            if a.block != b.block { return a.block < b.block }
            if a.blockID != b.blockID { return a.blockID < b.blockID }
            if a.median != b.median { return a.median < b.median }
            if a.barycenter != b.barycenter { return a.barycenter < b.barycenter }
            return a.tie < b.tie
        }
        var result = Array(nodes)
        var next = 0
        for i in 0..<size where !isFixed[i] {
            result[i] = keys[next].node
            next += 1
        }
        ordering.setLayer(l, result)
    }

    /// Gives each cluster one key, the mean of its members' medians, so it sorts as one block.
    private func assignBlocks(_ keys: inout [SortKey]) {
        var sums: [Int: (Double, Int)] = [:]
        for key in keys {
            let c = graph.cluster[key.node]
            if c >= 0 { sums[c, default: (0, 0)].0 += key.median; sums[c, default: (0, 0)].1 += 1 }
        }
        let clusterCount = (graph.cluster.max() ?? -1) + 1
        for i in keys.indices {
            let c = graph.cluster[keys[i].node]
            if c >= 0, let (sum, count) = sums[c] {
                keys[i].block = sum / Double(count)
                keys[i].blockID = c
            } else {
                keys[i].block = keys[i].median
                keys[i].blockID = clusterCount + keys[i].node
            }
        }
    }

    /// Gansner et al.'s weighted median of sorted positions: for an even count, the two middle
    /// positions weighted towards the side whose neighbours are packed more tightly.
    static func weightedMedian(_ p: [Int]) -> Double {
        let m = p.count / 2
        if p.count % 2 == 1 { return Double(p[m]) }
        if p.count == 2 { return Double(p[0] + p[1]) / 2 }
        let left = Double(p[m - 1] - p[0]), right = Double(p[p.count - 1] - p[m])
        if left + right == 0 { return Double(p[m - 1] + p[m]) / 2 }
        return (Double(p[m - 1]) * right + Double(p[m]) * left) / (left + right)
    }

    // MARK: Transposition

    /// Swaps adjacent nodes while that lowers crossings; see `TranspositionKernel`.
    mutating func transpose(_ ordering: inout LayerOrdering, reverse: Bool) {
        let total = ordering.order.count
        guard total > 1 else { return }
        let layerStart = ordering.layerStart
        if pairValid.count != total {
            pairValid = [Bool](repeating: false, count: total)
            for l in 0..<ordering.layerCount where layerStart[l + 1] - layerStart[l] > 1 {
                for i in layerStart[l]..<(layerStart[l + 1] - 1) { pairValid[i] = true }
            }
            rankBase = [Int](repeating: 0, count: graph.nodeCount)
            for l in 0..<ordering.layerCount { for v in ordering.nodes(inLayer: l) { rankBase[v] = layerStart[l] } }
            queue = [Int](repeating: 0, count: total)
            queued = [Bool](repeating: false, count: total)
        }
        let clustered = keepClustersContiguous
        graph.up.start.withUnsafeBufferPointer { upStart in
        graph.up.target.withUnsafeBufferPointer { upTarget in
        graph.down.start.withUnsafeBufferPointer { downStart in
        graph.down.target.withUnsafeBufferPointer { downTarget in
        graph.cluster.withUnsafeBufferPointer { cluster in
        pairValid.withUnsafeBufferPointer { valid in
        rankBase.withUnsafeBufferPointer { rankBase in
        queue.withUnsafeMutableBufferPointer { queue in
        queued.withUnsafeMutableBufferPointer { queued in
        ordering.withBuffers { order, position in
            var kernel = TranspositionKernel(
                order: order, position: position, upStart: upStart, upTarget: upTarget,
                downStart: downStart, downTarget: downTarget, cluster: clustered ? cluster : nil,
                valid: valid, rankBase: rankBase, queue: queue, queued: queued)
            kernel.run(reverse: reverse)
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
    }

    // MARK: Clusters

    /// Moves every cluster's members in each rank next to its first member, keeping relative order.
    private func groupClusters(_ ordering: inout LayerOrdering) {
        for l in 0..<ordering.layerCount {
            let nodes = Array(ordering.nodes(inLayer: l))
            var groups: [[Int]] = []
            var groupOf: [Int: Int] = [:]
            for v in nodes {
                let c = graph.cluster[v]
                if c >= 0, let g = groupOf[c] { groups[g].append(v); continue }
                if c >= 0 { groupOf[c] = groups.count }
                groups.append([v])
            }
            ordering.setLayer(l, groups.flatMap { $0 })
        }
    }
}
