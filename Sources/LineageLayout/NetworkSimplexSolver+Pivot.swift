/// Pivoting: one tree edge with a negative cut value leaves, the non-tree edge with least slack
/// across its cut enters, and ranks, cut values, parents and subtree sizes follow. A pivot costs
/// O(smaller part of the split tree + tree depth): the smaller part is known from subtree sizes,
/// which change only along the paths that the pivot walks anyway.
extension NetworkSimplexSolver {
    /// A tree edge with negative cut value, nil when the tree is optimal. Of the next 30 found,
    /// searching on from where the last search stopped (as `dot` does), the one whose removal
    /// leaves the smallest part (then the most negative): a pivot costs about that part's size,
    /// and this choice also needs fewer pivots than `dot`'s most-negative rule (0.55 V instead of
    /// 0.9 V on gen_dag.py graphs).
    func leaveEdge(_ searchStart: inout Int) -> Int? {
        let count = treeEdges.count
        guard count > 0 else { return nil }
        var best = -1, bestSide = Int.max, found = 0
        var index = searchStart % count
        for _ in 0..<count {
            let e = treeEdges[index]
            if cut[e] < 0 {
                let side = smallerSideSize(of: e)
                if best < 0 || side < bestSide || (side == bestSide && cut[e] < cut[best]) { best = e; bestSide = side }
                found += 1
                if found >= 30 { break }
            }
            index += 1
            if index == count { index = 0 }
        }
        searchStart = index
        return best >= 0 ? best : nil
    }

    /// The lower end of a tree edge (the top of the subtree it holds up).
    @inline(__always) func child(of e: Int) -> Int { parentEdge[tail[e]] == e ? tail[e] : head[e] }

    /// The number of nodes in the smaller of the two parts that removing tree edge e leaves.
    @inline(__always) func smallerSideSize(of e: Int) -> Int {
        let c = child(of: e)
        return min(size[c], treeSize[rootOf[c]] - size[c])
    }

    /// Removing tree edge e splits its tree in two; returns the smaller part, breadth-first from
    /// e, with its nodes stamped in `mark`.
    mutating func smallerSide(of e: Int) -> [Int] {
        stamp += 2
        let c = child(of: e)
        let start = size[c] <= treeSize[rootOf[c]] - size[c] ? c : (tail[e] == c ? head[e] : tail[e])
        var list: [Int] = []
        swap(&list, &sideA)
        defer { swap(&list, &sideA) }
        list.removeAll(keepingCapacity: true)
        list.append(start)
        mark[start] = stamp
        var next = 0
        while next < list.count { grow(&list, &next, stamp, skipping: e) }
        return list
    }

    /// Visits the next node of a breadth-first search over tree edges.
    mutating func grow(_ list: inout [Int], _ next: inout Int, _ stampValue: Int, skipping e: Int) {
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
    /// (from the head's part into the tail's part), found from whichever part is smaller (the
    /// edges crossing the cut are the same from both sides). Lengths are perturbed so that slacks
    /// do not tie, which makes the choice unique.
    func enterEdge(_ leaving: Int, side: [Int], sideHasTail: Bool) -> Int? {
        let inSide = mark[side[0]]
        // The tail's part: edges must come into it; the head's part: edges must leave it.
        let adjacency = sideHasTail ? ins : outs
        var best = -1, bestSlack = Int.max
        for v in side {
            for i in adjacency.edges(of: v) {
                let e = adjacency.edge[i]
                guard !inTree[e], mark[adjacency.target[i]] != inSide else { continue }
                let s = slack(e)
                if s < bestSlack || (s == bestSlack && e < best) {
                    best = e
                    bestSlack = s
                }
            }
        }
        return best >= 0 ? best : nil
    }

    mutating func pivot(leaving e: Int) -> Bool {
        let side = smallerSide(of: e)
        let inSide = mark[side[0]]
        let sideHasTail = mark[tail[e]] == inSide
        guard let f = enterEdge(e, side: side, sideHasTail: sideHasTail) else { return false }
        let delta = slack(f)
        if delta > 0 {
            // Move the smaller part: the tail's part down, or the head's part up.
            let shift = sideHasTail ? -delta : delta
            for v in side { rank[v] += shift }
        }
        // Cut values change along the tree path that f closes into a cycle.
        let value = cut[e]
        let lca = lowestCommonAncestor(tail[f], head[f])
        updatePath(from: tail[f], to: lca, value: value, forward: true)
        updatePath(from: head[f], to: lca, value: value, forward: false)
        cut[f] = -value
        cut[e] = 0
        // The part below e hangs from f now: subtract its size above e, reverse the parent edges
        // from f's end in that part up to its old top (recomputing their sizes), and add its
        // size above f's other end.
        let child = child(of: e)
        let moved = size[child]
        var a = tail[e] == child ? head[e] : tail[e]
        while true { size[a] -= moved; guard parentEdge[a] >= 0 else { break }; a = parent(a) }
        let childInSide = mark[child] == inSide
        let bottom = (mark[tail[f]] == inSide) == childInSide ? tail[f] : head[f]
        path.removeAll(keepingCapacity: true)
        var v = bottom
        while true { path.append(v); if v == child { break }; v = parent(v) }
        // Top down: each loses the old subtree of the node below it and gains the one above.
        for k in stride(from: path.count - 1, through: 0, by: -1) {
            size[path[k]] += (k + 1 < path.count ? size[path[k + 1]] : 0) - (k > 0 ? size[path[k - 1]] : 0)
        }
        var above = f
        for u in path {
            let old = parentEdge[u]
            parentEdge[u] = above
            above = old
        }
        a = bottom == tail[f] ? head[f] : tail[f]
        while true { size[a] += moved; guard parentEdge[a] >= 0 else { break }; a = parent(a) }
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

    func parent(_ v: Int) -> Int {
        let p = parentEdge[v]
        return tail[p] == v ? head[p] : tail[p]
    }

    /// Climbs from a and b in turn, stamping visited nodes, until one reaches the other's path.
    mutating func lowestCommonAncestor(_ a: Int, _ b: Int) -> Int {
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
    mutating func updatePath(from start: Int, to top: Int, value: Int, forward: Bool) {
        var v = start
        while v != top {
            let p = parentEdge[v]
            cut[p] += (v == tail[p]) == forward ? value : -value
            v = tail[p] == v ? head[p] : tail[p]
        }
    }
}
