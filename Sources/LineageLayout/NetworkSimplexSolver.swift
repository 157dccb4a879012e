/// The state of one network simplex run over a spanning forest of tight edges (one tree per
/// weakly connected component). Internal so that tests can check its invariants.
struct NetworkSimplexSolver {
    let n: Int
    let tail: [Int]
    let head: [Int]
    let outs: Adjacency
    let ins: Adjacency
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
    /// Scratch stamps: the two parts of a split tree, paths to a common ancestor, and which
    /// nodes lie below the leaving edge.
    var mark: [Int]
    var pathMark: [Int]
    var stamp = 0
    var sideA: [Int] = []
    var sideB: [Int] = []
    var member: [Int]
    var climbed: [Int] = []
    var treeEdges: [Int] = []
    var treeIndex: [Int]
    var roots: [Int] = []
    var iterations = 0

    init(nodeCount n: Int, tails: [Int], heads: [Int]) {
        self.n = n
        tail = tails
        head = heads
        outs = Adjacency(nodeCount: n, from: tails, to: heads)
        ins = Adjacency(nodeCount: n, from: heads, to: tails)
        rank = LongestPathLayering.ranks(nodeCount: n, tails: tails, heads: heads)
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
        treeDegree = [Int](repeating: 0, count: n)
        parentEdge = [Int](repeating: -1, count: n)
        mark = [Int](repeating: -1, count: n)
        pathMark = [Int](repeating: -1, count: n)
        member = [Int](repeating: -1, count: n)
        treeIndex = [Int](repeating: -1, count: m)
    }

    @inline(__always) func slack(_ e: Int) -> Int { rank[head[e]] - rank[tail[e]] - 1 }

    mutating func solve(maxIterations: Int) {
        feasibleTree()
        initCutValues()
        var searchStart = 0
        while iterations < maxIterations, let leaving = leaveEdge(&searchStart), pivot(leaving: leaving) {
            iterations += 1
        }
    }

    // MARK: Tree edges

    mutating func addTreeEdge(_ e: Int) {
        inTree[e] = true
        treeIndex[e] = treeEdges.count
        treeEdges.append(e)
        moveIntoTree(e, side: 0)
        moveIntoTree(e, side: 1)
    }

    private mutating func moveIntoTree(_ e: Int, side: Int) {
        let v = side == 0 ? tail[e] : head[e]
        swapSlots(slot[2 * e + side], incidentStart[v] + treeDegree[v], of: v)
        treeDegree[v] += 1
    }

    private mutating func moveOutOfTree(_ e: Int, side: Int) {
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
                    order.append(w)
                }
            }
        }
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

    // MARK: Pivoting

    /// A tree edge with negative cut value: the most negative of the next 30 found, searching on
    /// from where the last search stopped (as `dot` does); nil when the tree is optimal.
    func leaveEdge(_ searchStart: inout Int) -> Int? {
        let count = treeEdges.count
        guard count > 0 else { return nil }
        var best = -1, found = 0
        var index = searchStart % count
        for _ in 0..<count {
            let e = treeEdges[index]
            if cut[e] < 0 {
                if best < 0 || cut[e] < cut[best] { best = e }
                found += 1
                if found >= 30 { break }
            }
            index += 1
            if index == count { index = 0 }
        }
        searchStart = index
        return best >= 0 ? best : nil
    }

    /// Removing the leaving edge splits its tree in two; finds the smaller part by searching
    /// both at once (so the cost is twice the smaller size) and stamps its nodes in `mark`.
    /// Returns the part's nodes in breadth-first order from the leaving edge.
    mutating func smallerSide(of e: Int) -> [Int] {
        stamp += 2
        // Work on local buffers (moved out, not copied) so `grow` may update `mark`.
        var a: [Int] = [], b: [Int] = []
        swap(&a, &sideA)
        swap(&b, &sideB)
        defer { swap(&a, &sideA); swap(&b, &sideB) }
        a.removeAll(keepingCapacity: true)
        b.removeAll(keepingCapacity: true)
        a.append(tail[e])
        b.append(head[e])
        mark[tail[e]] = stamp
        mark[head[e]] = stamp + 1
        var nextA = 0, nextB = 0
        while true {
            if nextA == a.count { return a }
            grow(&a, &nextA, stamp, skipping: e)
            if nextB == b.count { return b }
            grow(&b, &nextB, stamp + 1, skipping: e)
        }
    }

    /// Visits the next node of a breadth-first search over tree edges.
    private mutating func grow(_ list: inout [Int], _ next: inout Int, _ stampValue: Int, skipping e: Int) {
        let v = list[next]
        next += 1
        let base = incidentStart[v]
        for i in base..<(base + treeDegree[v]) {
            let g = incident[i]
            guard g != e else { continue }
            let w = tail[g] == v ? head[g] : tail[g]
            if mark[w] != stampValue { mark[w] = stampValue; list.append(w) }
        }
    }

    /// The non-tree edge with least slack that crosses the leaving edge's cut the other way
    /// (from the head's part into the tail's part). The part below the leaving edge is searched
    /// breadth-first from its top, stopping at the first tight candidate: ties go to edges near
    /// the leaving edge (as in `dot`, which searches depth-first from there), which keeps runs of
    /// degenerate pivots short, and the search usually ends after a few nodes.
    mutating func enterEdge(_ leaving: Int, child: Int, childIsTail: Bool) -> Int? {
        stamp += 2
        let inside = stamp, outside = stamp + 1
        var queue: [Int] = []
        swap(&queue, &sideA)
        defer { swap(&queue, &sideA) }
        queue.removeAll(keepingCapacity: true)
        queue.append(child)
        member[child] = inside
        // Tail's part below: edges must come into it; head's part below: edges must leave it.
        let adjacency = childIsTail ? ins : outs
        var best = -1, bestSlack = Int.max
        var next = 0
        while next < queue.count {
            let v = queue[next]
            next += 1
            for i in adjacency.edges(of: v) {
                let e = adjacency.edge[i]
                guard !inTree[e], !isBelow(adjacency.target[i], child, inside: inside, outside: outside) else { continue }
                let s = slack(e)
                if s < bestSlack {
                    best = e
                    bestSlack = s
                    if s == 0 { return best }   // nothing beats a tight edge
                }
            }
            let base = incidentStart[v]
            for i in base..<(base + treeDegree[v]) {
                let g = incident[i]
                guard g != parentEdge[v] else { continue }
                let w = tail[g] == v ? head[g] : tail[g]
                member[w] = inside
                queue.append(w)
            }
        }
        return best >= 0 ? best : nil
    }

    /// Whether x lies in the subtree of `top`: climbs parent edges until a node whose answer is
    /// known, `top`, or a root, and remembers the answer for the nodes passed.
    private mutating func isBelow(_ x: Int, _ top: Int, inside: Int, outside: Int) -> Bool {
        var v = x
        climbed.removeAll(keepingCapacity: true)
        var answer = false
        while true {
            if member[v] == inside || v == top { answer = true; break }
            if member[v] == outside || parentEdge[v] < 0 { break }
            climbed.append(v)
            v = parent(v)
        }
        for u in climbed { member[u] = answer ? inside : outside }
        return answer
    }

    mutating func pivot(leaving e: Int) -> Bool {
        let child = parentEdge[tail[e]] == e ? tail[e] : head[e]
        let childIsTail = child == tail[e]
        guard let f = enterEdge(e, child: child, childIsTail: childIsTail) else { return false }
        let delta = slack(f)
        if delta > 0 {
            // Move whichever part is smaller: the tail's part down, or the head's part up.
            let side = smallerSide(of: e)
            let shift = mark[tail[e]] == mark[side[0]] ? -delta : delta
            for v in side { rank[v] += shift }
        }
        // Cut values change along the tree path that f closes into a cycle.
        let value = cut[e]
        let lca = lowestCommonAncestor(tail[f], head[f])
        updatePath(from: tail[f], to: lca, value: value, forward: true)
        updatePath(from: head[f], to: lca, value: value, forward: false)
        cut[f] = -value
        cut[e] = 0
        // The part below e hangs from f now: reverse the parent edges from f's end below e up to
        // the old top of that part. (Into the tail's part, f's head is the end below.)
        var v = childIsTail ? head[f] : tail[f], above = f
        while true {
            let old = parentEdge[v]
            parentEdge[v] = above
            if v == child { break }
            above = old
            v = tail[old] == v ? head[old] : tail[old]
        }
        inTree[e] = false
        moveOutOfTree(e, side: 0)
        moveOutOfTree(e, side: 1)
        inTree[f] = true
        moveIntoTree(f, side: 0)
        moveIntoTree(f, side: 1)
        treeIndex[f] = treeIndex[e]
        treeEdges[treeIndex[f]] = f
        treeIndex[e] = -1
        return true
    }

    private func parent(_ v: Int) -> Int {
        let p = parentEdge[v]
        return tail[p] == v ? head[p] : tail[p]
    }

    /// Climbs from a and b in turn, stamping visited nodes, until one reaches the other's path.
    private mutating func lowestCommonAncestor(_ a: Int, _ b: Int) -> Int {
        stamp += 2
        let markA = stamp, markB = stamp + 1
        var a = a, b = b
        pathMark[a] = markA
        pathMark[b] = markB
        while true {
            if a == b || pathMark[a] == markB { return a }
            if pathMark[b] == markA { return b }
            if parentEdge[a] >= 0 { a = parent(a); if pathMark[a] == markB { return a }; pathMark[a] = markA }
            if parentEdge[b] >= 0 { b = parent(b); if pathMark[b] == markA { return b }; pathMark[b] = markB }
        }
    }

    /// Adds or subtracts the leaving edge's cut value on the tree edges from `start` up to `top`.
    private mutating func updatePath(from start: Int, to top: Int, value: Int, forward: Bool) {
        var v = start
        while v != top {
            let p = parentEdge[v]
            cut[p] += (v == tail[p]) == forward ? value : -value
            v = tail[p] == v ? head[p] : tail[p]
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
