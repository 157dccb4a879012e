/// A proper layered graph: every edge spans exactly one rank, long edges having been split into
/// chains of dummy nodes. Nodes 0..<realCount are the input's; dummies follow.
/// Adjacency is stored as compressed lists in both directions for the sweeps.
struct LayeredGraph: Sendable {
    let realCount: Int
    private(set) var nodeCount: Int
    /// The rank of every node.
    private(set) var layer: [Int]
    let layerCount: Int
    /// For each routed input edge, its chain from the upper end to the lower end:
    /// `chainNodes[chainStart[k]..<chainStart[k+1]]`.
    private(set) var chainStart: [Int] = [0]
    private(set) var chainNodes: [Int] = []
    /// The input edge of each chain.
    private(set) var chainEdge: [Int] = []
    /// Neighbours in the rank before (up) and after (down); parallel segments repeat.
    private(set) var up: Adjacency
    private(set) var down: Adjacency
    /// Cluster number per node, -1 for none (dummies inherit a cluster only inside it).
    private(set) var cluster: [Int]

    /// - Parameters:
    ///   - ranks: rank per real node.
    ///   - tails, heads, edges: the edges to route, already pointing from lower to higher rank,
    ///     and the input edge number of each. Edges that do not go forward are left out.
    init(ranks: [Int], tails: [Int], heads: [Int], edges: [Int], clusters: [Int]) {
        realCount = ranks.count
        layer = ranks
        layerCount = (ranks.max() ?? -1) + 1
        cluster = clusters
        var uppers: [Int] = [], lowers: [Int] = []
        uppers.reserveCapacity(tails.count * 2)
        lowers.reserveCapacity(tails.count * 2)
        var next = realCount
        for k in tails.indices {
            let t = tails[k], h = heads[k]
            guard ranks[h] > ranks[t] else { continue }
            chainEdge.append(edges[k])
            chainNodes.append(t)
            var previous = t
            let sharedCluster = clusters[t] == clusters[h] ? clusters[t] : -1
            for r in (ranks[t] + 1)..<ranks[h] {
                let dummy = next
                next += 1
                layer.append(r)
                cluster.append(sharedCluster)
                chainNodes.append(dummy)
                uppers.append(previous)
                lowers.append(dummy)
                previous = dummy
            }
            chainNodes.append(h)
            uppers.append(previous)
            lowers.append(h)
            chainStart.append(chainNodes.count)
        }
        nodeCount = next
        down = Adjacency(nodeCount: next, from: uppers, to: lowers)
        up = Adjacency(nodeCount: next, from: lowers, to: uppers)
    }

    var dummyCount: Int { nodeCount - realCount }
    var segmentCount: Int { down.target.count }
    var chainCount: Int { chainEdge.count }

    func isDummy(_ v: Int) -> Bool { v >= realCount }

    func chain(_ k: Int) -> ArraySlice<Int> { chainNodes[chainStart[k]..<chainStart[k + 1]] }

    /// A first ordering: breadth-first from the sources (or the sinks), following edges both ways,
    /// so that connected nodes start out near each other; each layer fills in visiting order.
    func initialOrder(fromTop: Bool) -> [[Int]] {
        var layers = [[Int]](repeating: [], count: layerCount)
        var seen = [Bool](repeating: false, count: nodeCount)
        var queue: [Int] = []
        queue.reserveCapacity(nodeCount)
        var head = 0
        func visit(_ v: Int) {
            seen[v] = true
            layers[layer[v]].append(v)
            queue.append(v)
        }
        func drain() {
            while head < queue.count {
                let v = queue[head]
                head += 1
                let (first, second) = fromTop ? (down, up) : (up, down)
                for i in first.edges(of: v) where !seen[first.target[i]] { visit(first.target[i]) }
                for i in second.edges(of: v) where !seen[second.target[i]] { visit(second.target[i]) }
            }
        }
        for v in 0..<nodeCount where !seen[v] && (fromTop ? up.degree(v) == 0 : down.degree(v) == 0) {
            visit(v)
            drain()
        }
        for v in 0..<nodeCount where !seen[v] {
            visit(v)
            drain()
        }
        return layers
    }
}
