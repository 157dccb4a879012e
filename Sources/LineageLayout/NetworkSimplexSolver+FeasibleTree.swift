extension NetworkSimplexSolver {
    /// Builds the first spanning forest of tight edges: grows maximal tight trees, then
    /// repeatedly takes the smallest tree, shifts its ranks so that its least-slack incident edge
    /// becomes tight, and merges it with the tree at that edge's far end. Taking the smallest tree
    /// each time means every node is scanned O(log V) times. Trees without incident edges left
    /// are whole components; their first nodes become the roots.
    mutating func feasibleTree() {
        var treeOf = [Int](repeating: -1, count: n)   // union-find parent
        var size = [Int](repeating: 1, count: n)
        var memberNext = [Int](repeating: -1, count: n)
        var memberLast = [Int](repeating: -1, count: n)
        var stack: [Int] = []
        var trees: [Int] = []
        for start in 0..<n where treeOf[start] < 0 {
            treeOf[start] = start
            memberLast[start] = start
            trees.append(start)
            stack.append(start)
            while let v = stack.popLast() {
                for i in incidentStart[v]..<incidentStart[v + 1] {
                    let e = incident[i]
                    let w = tail[e] == v ? head[e] : tail[e]
                    guard treeOf[w] < 0, slack(e) == 0 else { continue }
                    treeOf[w] = start
                    size[start] += 1
                    memberNext[memberLast[start]] = w
                    memberLast[start] = w
                    addTreeEdge(e)
                    stack.append(w)
                }
            }
        }
        func find(_ v: Int) -> Int {
            var root = v
            while treeOf[root] != root { root = treeOf[root] }
            var x = v
            while treeOf[x] != root { let up = treeOf[x]; treeOf[x] = root; x = up }
            return root
        }
        var heap = MinHeap()
        for t in trees { heap.push(key: size[t], value: t) }
        var componentRoots: [Int] = []
        while let (key, t) = heap.pop() {
            guard treeOf[t] == t, size[t] == key else { continue }   // merged or grown since
            var best = -1, bestSlack = Int.max
            var v = t
            while v >= 0 {
                for i in incidentStart[v]..<incidentStart[v + 1] {
                    let e = incident[i]
                    guard !inTree[e] else { continue }
                    let w = tail[e] == v ? head[e] : tail[e]
                    guard find(w) != t else { continue }
                    let s = slack(e)
                    if s < bestSlack || (s == bestSlack && e < best) { best = e; bestSlack = s }
                }
                v = memberNext[v]
            }
            guard best >= 0 else { componentRoots.append(t); continue }
            // Move this tree towards the other end of the edge: feasible, as no edge leaving
            // the tree has less slack.
            let isIncoming = find(head[best]) == t
            let delta = isIncoming ? -bestSlack : bestSlack
            if delta != 0 {
                v = t
                while v >= 0 { rank[v] += delta; v = memberNext[v] }
            }
            addTreeEdge(best)
            let other = find(isIncoming ? tail[best] : head[best])
            let (big, small) = size[other] >= size[t] ? (other, t) : (t, other)
            treeOf[small] = big
            size[big] += size[small]
            memberNext[memberLast[big]] = small
            memberLast[big] = memberLast[small]
            heap.push(key: size[big], value: big)
        }
        // Root each tree at its lowest-numbered node, for a numbering independent of merge order.
        var lowest = [Int](repeating: Int.max, count: n)
        for u in 0..<n { let r = find(u); lowest[r] = min(lowest[r], u) }
        roots = componentRoots.map { lowest[$0] }.sorted()
    }
}
