/// The state of one network simplex run over a spanning forest of tight edges (one tree per
/// weakly connected component). Internal so that tests can check its invariants.
struct NetworkSimplexSolver {
    let n: Int
    let tail: [Int]
    let head: [Int]
    let outs: Adjacency
    let ins: Adjacency
    /// Minimum length of every edge (1 for layering, or a perturbed version of 1).
    let minimumLength: [Int]
    var rank: [Int]
    var inTree: [Bool]
    /// Cut values of tree edges.
    var cut: [Int]
    /// Every node's incident edges, its tree edges first (`treeDegree` of them); `slot` finds an
    /// edge in its tail's (2e) and head's (2e + 1) list, so tree edges move in O(1).
    var incident: [Int]
    var incidentStart: [Int]
    var treeDegree: [Int]
    var slot: [Int]
    /// The tree edge to the parent, -1 at roots.
    var parentEdge: [Int]
    /// Scratch stamps for the two parts of a split tree and for paths to a common ancestor.
    var mark: [Int]
    var pathMark: [Int]
    var stamp = 0
    var sideA: [Int] = []
    var path: [Int] = []
    /// Subtree sizes under the current rooting, each node's root, and each root's tree size:
    /// they tell which part of a split tree is smaller without searching.
    var size: [Int]
    var rootOf: [Int]
    var treeSize: [Int]
    var treeEdges: [Int] = []
    var treeIndex: [Int]
    var roots: [Int] = []
    var iterations = 0

    init(nodeCount n: Int, tails: [Int], heads: [Int], minimumLength: [Int]? = nil) {
        self.n = n
        tail = tails
        head = heads
        outs = Adjacency(nodeCount: n, from: tails, to: heads)
        ins = Adjacency(nodeCount: n, from: heads, to: tails)
        let lengths = minimumLength ?? [Int](repeating: 1, count: tails.count)
        self.minimumLength = lengths
        // Longest paths with these lengths: a feasible start.
        var rank = [Int](repeating: 0, count: n)
        var indegree = [Int](repeating: 0, count: n)
        for h in heads { indegree[h] += 1 }
        var queue = (0..<n).filter { indegree[$0] == 0 }
        var index = 0
        while index < queue.count {
            let v = queue[index]
            index += 1
            for i in outs.edges(of: v) {
                let w = outs.target[i]
                rank[w] = max(rank[w], rank[v] + lengths[outs.edge[i]])
                indegree[w] -= 1
                if indegree[w] == 0 { queue.append(w) }
            }
        }
        self.rank = rank
        let m = tails.count
        inTree = [Bool](repeating: false, count: m)
        cut = [Int](repeating: 0, count: m)
        incidentStart = [Int](repeating: 0, count: n + 1)
        for v in 0..<n { incidentStart[v + 1] = incidentStart[v] + outs.degree(v) + ins.degree(v) }
        incident = [Int](repeating: 0, count: 2 * m)
        slot = [Int](repeating: 0, count: 2 * m)
        var fill = incidentStart
        for e in 0..<m {
            incident[fill[tails[e]]] = e
            slot[2 * e] = fill[tails[e]]
            fill[tails[e]] += 1
            incident[fill[heads[e]]] = e
            slot[2 * e + 1] = fill[heads[e]]
            fill[heads[e]] += 1
        }
        size = [Int](repeating: 1, count: n)
        rootOf = Array(0..<n)
        treeSize = [Int](repeating: 1, count: n)
        treeDegree = [Int](repeating: 0, count: n)
        parentEdge = [Int](repeating: -1, count: n)
        mark = [Int](repeating: -1, count: n)
        pathMark = [Int](repeating: -1, count: n)
        treeIndex = [Int](repeating: -1, count: m)
    }

    @inline(__always) func slack(_ e: Int) -> Int { rank[head[e]] - rank[tail[e]] - minimumLength[e] }

    /// Pivots until the tree is optimal (returns true) or `maxIterations` have been done.
    @discardableResult
    mutating func solve(maxIterations: Int) -> Bool {
        feasibleTree()
        initCutValues()
        var searchStart = 0
        while iterations < maxIterations {
            guard let leaving = leaveEdge(&searchStart), pivot(leaving: leaving) else { return true }
            iterations += 1
        }
        return false
    }

    // MARK: Tree edges

    mutating func addTreeEdge(_ e: Int) {
        inTree[e] = true
        treeIndex[e] = treeEdges.count
        treeEdges.append(e)
        moveIntoTree(e, side: 0)
        moveIntoTree(e, side: 1)
    }

    mutating func moveIntoTree(_ e: Int, side: Int) {
        let v = side == 0 ? tail[e] : head[e]
        swapSlots(slot[2 * e + side], incidentStart[v] + treeDegree[v], of: v)
        treeDegree[v] += 1
    }

    mutating func moveOutOfTree(_ e: Int, side: Int) {
        let v = side == 0 ? tail[e] : head[e]
        treeDegree[v] -= 1
        swapSlots(slot[2 * e + side], incidentStart[v] + treeDegree[v], of: v)
    }

    private mutating func swapSlots(_ i: Int, _ j: Int, of v: Int) {
        guard i != j else { return }
        let a = incident[i], b = incident[j]
        incident[i] = b
        incident[j] = a
        slot[2 * a + (tail[a] == v ? 0 : 1)] = j
        slot[2 * b + (tail[b] == v ? 0 : 1)] = i
    }

    // MARK: Parents and cut values

    /// Sets parent edges by walking each tree from its root; returns nodes parents-first.
    mutating func orient() -> [Int] {
        var order: [Int] = []
        order.reserveCapacity(n)
        for root in roots {
            parentEdge[root] = -1
            order.append(root)
            var index = order.count - 1
            while index < order.count {
                let v = order[index]
                index += 1
                let base = incidentStart[v]
                for i in base..<(base + treeDegree[v]) {
                    let e = incident[i]
                    guard e != parentEdge[v] else { continue }
                    let w = tail[e] == v ? head[e] : tail[e]
                    parentEdge[w] = e
                    rootOf[w] = root
                    order.append(w)
                }
            }
            rootOf[root] = root
        }
        for v in order.reversed() {
            size[v] = 1
            let base = incidentStart[v]
            for i in base..<(base + treeDegree[v]) where incident[i] != parentEdge[v] {
                let e = incident[i]
                size[v] += size[tail[e] == v ? head[e] : tail[e]]
            }
        }
        for root in roots { treeSize[root] = size[root] }
        return order
    }

    /// The cut value of the tree edge f above v: with S the subtree of v, cut(f) = ±(out(S) - in(S)),
    /// + when v is f's tail. Net flow adds up over the disjoint parts of S.
    func cutValue(child v: Int) -> Int {
        let f = parentEdge[v]
        var flow = outs.degree(v) - ins.degree(v)
        let base = incidentStart[v]
        for i in base..<(base + treeDegree[v]) {
            let g = incident[i]
            guard g != f else { continue }
            // A child below g flows out cut(g) when it is g's tail, -cut(g) when it is g's head.
            flow += tail[g] == v ? -cut[g] : cut[g]
        }
        return tail[f] == v ? flow : -flow
    }

    mutating func initCutValues() {
        for v in orient().reversed() where parentEdge[v] >= 0 { cut[parentEdge[v]] = cutValue(child: v) }
    }

    /// Ranks from the tree alone with every edge one rank long: tree edges tight. The optimal
    /// tree of a perturbed problem is optimal for the unperturbed one (cut values do not depend on
    /// lengths), and these ranks are feasible for it as long as perturbations stay small.
    mutating func rankTreeWithUnitLengths() {
        for v in orient() {
            let p = parentEdge[v]
            guard p >= 0 else { rank[v] = 0; continue }
            rank[v] = tail[p] == v ? rank[head[p]] - 1 : rank[tail[p]] + 1
        }
    }

    /// Shifts each weakly connected component so that its lowest rank is 0.
    mutating func normalize() {
        var component = [Int](repeating: -1, count: n)
        var stack: [Int] = []
        var members: [Int] = []
        for start in 0..<n where component[start] < 0 {
            members.removeAll(keepingCapacity: true)
            component[start] = start
            stack.append(start)
            while let v = stack.popLast() {
                members.append(v)
                for i in incidentStart[v]..<incidentStart[v + 1] {
                    let e = incident[i]
                    let w = tail[e] == v ? head[e] : tail[e]
                    if component[w] < 0 { component[w] = start; stack.append(w) }
                }
            }
            var minimum = Int.max
            for v in members { minimum = min(minimum, rank[v]) }
            if minimum != 0 { for v in members { rank[v] -= minimum } }
        }
    }
}
