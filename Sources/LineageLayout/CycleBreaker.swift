/// Breaks cycles so that the graph can be ranked, reversing few edges and only edges on cycles.
///
/// The graph is split into strongly connected components (Tarjan), which keep their topological
/// order, so an edge that lies on no cycle is never reversed and acyclic input is left alone.
/// Inside each component, the greedy heuristic of Eades, Lin and Smyth (1993) makes a sequence
/// (sinks to the end, sources to the front, otherwise the node with the largest out-degree minus
/// in-degree; O(V + E) with bucket lists), then sifting moves each node to the place in the
/// sequence where the fewest of its edges point backwards, until nothing moves. Edges pointing
/// backwards in the end are reversed. Self-loops must be left out by the caller; duplicate edges
/// count as often as they occur.
public enum CycleBreaker {
    /// For each edge, whether to reverse it so that the graph becomes acyclic.
    public static func reversedEdges(nodeCount n: Int, tails: [Int], heads: [Int]) -> [Bool] {
        let m = tails.count
        guard n > 0, m > 0 else { return [Bool](repeating: false, count: m) }
        let (component, count) = StronglyConnectedComponents.components(nodeCount: n, tails: tails, heads: heads)
        guard count < n else { return [Bool](repeating: false, count: m) }   // acyclic
        // Members and internal edges of every component with more than one node.
        var members: [Int: [Int]] = [:]
        var order: [Int] = []
        for v in 0..<n {
            if members[component[v]] == nil { order.append(component[v]) }
            members[component[v], default: []].append(v)
        }
        var internalEdges: [Int: [Int]] = [:]
        for e in 0..<m where component[tails[e]] == component[heads[e]] { internalEdges[component[tails[e]], default: []].append(e) }
        var position = [Int](repeating: 0, count: n)
        var local = [Int](repeating: -1, count: n)
        for c in order {
            guard let nodes = members[c], nodes.count > 1, let edges = internalEdges[c] else { continue }
            for (i, v) in nodes.enumerated() { local[v] = i }
            let localTails = edges.map { local[tails[$0]] }, localHeads = edges.map { local[heads[$0]] }
            var sequence = greedySequence(nodeCount: nodes.count, tails: localTails, heads: localHeads)
            sift(&sequence, tails: localTails, heads: localHeads)
            for (i, v) in nodes.enumerated() { position[v] = sequence[i] }
        }
        return (0..<m).map { e in
            let t = tails[e], h = heads[e]
            return component[t] == component[h] && position[t] > position[h]
        }
    }

    /// The Eades-Lin-Smyth sequence: the position of every node.
    static func greedySequence(nodeCount n: Int, tails: [Int], heads: [Int]) -> [Int] {
        let outAdjacency = Adjacency(nodeCount: n, from: tails, to: heads)
        let inAdjacency = Adjacency(nodeCount: n, from: heads, to: tails)
        var outDegree = (0..<n).map { outAdjacency.degree($0) }
        var inDegree = (0..<n).map { inAdjacency.degree($0) }

        // Buckets: 0 holds sinks, 1 sources, 2 + (delta + spread) the others by out - in.
        let spread = max(outDegree.max() ?? 0, inDegree.max() ?? 0)
        let bucketCount = 2 * spread + 3
        var bucketHead = [Int](repeating: -1, count: bucketCount)
        var next = [Int](repeating: -1, count: n)
        var previous = [Int](repeating: -1, count: n)
        var bucketOf = [Int](repeating: -1, count: n)
        var maxDelta = 2

        func bucket(for v: Int) -> Int {
            if outDegree[v] == 0 { return 0 }
            if inDegree[v] == 0 { return 1 }
            return 2 + outDegree[v] - inDegree[v] + spread
        }
        func insert(_ v: Int) {
            let b = bucket(for: v)
            bucketOf[v] = b
            previous[v] = -1
            next[v] = bucketHead[b]
            if bucketHead[b] >= 0 { previous[bucketHead[b]] = v }
            bucketHead[b] = v
            if b > maxDelta { maxDelta = b }
        }
        func unlink(_ v: Int) {
            let b = bucketOf[v]
            if previous[v] >= 0 { next[previous[v]] = next[v] } else { bucketHead[b] = next[v] }
            if next[v] >= 0 { previous[next[v]] = previous[v] }
            bucketOf[v] = -1
        }
        // Insert in reverse so that each bucket pops nodes in input order.
        for v in stride(from: n - 1, through: 0, by: -1) { insert(v) }

        var sequence = [Int](repeating: 0, count: n)
        var front = 0
        var back = n - 1
        func remove(_ v: Int) {
            unlink(v)
            for e in outAdjacency.edges(of: v) {
                let w = outAdjacency.target[e]
                if bucketOf[w] >= 0 { unlink(w); inDegree[w] -= 1; insert(w) }
            }
            for e in inAdjacency.edges(of: v) {
                let u = inAdjacency.target[e]
                if bucketOf[u] >= 0 { unlink(u); outDegree[u] -= 1; insert(u) }
            }
        }
        var remaining = n
        while remaining > 0 {
            if bucketHead[0] >= 0 {
                let v = bucketHead[0]
                remove(v); sequence[v] = back; back -= 1
            } else if bucketHead[1] >= 0 {
                let v = bucketHead[1]
                remove(v); sequence[v] = front; front += 1
            } else {
                while maxDelta > 2 && bucketHead[maxDelta] < 0 { maxDelta -= 1 }
                var b = maxDelta
                while bucketHead[b] < 0 { b -= 1 }
                let v = bucketHead[b]
                remove(v); sequence[v] = front; front += 1
            }
            remaining -= 1
        }
        return sequence
    }

    /// Moves each node, in turn, to the place in the sequence where the fewest of its edges point
    /// backwards; repeats while that removes any (at most 20 rounds). `sequence` holds positions.
    static func sift(_ sequence: inout [Int], tails: [Int], heads: [Int]) {
        let n = sequence.count
        let outs = Adjacency(nodeCount: n, from: tails, to: heads)
        let ins = Adjacency(nodeCount: n, from: heads, to: tails)
        var nodeAt = [Int](repeating: 0, count: n)
        for v in 0..<n { nodeAt[sequence[v]] = v }
        var marks: [(position: Int, isOut: Bool)] = []
        for _ in 0..<20 {
            var improved = false
            for v in 0..<n {
                let current = sequence[v]
                // Neighbours' positions among the others (v taken out).
                marks.removeAll(keepingCapacity: true)
                for i in outs.edges(of: v) { let p = sequence[outs.target[i]]; marks.append((p > current ? p - 1 : p, true)) }
                for i in ins.edges(of: v) { let p = sequence[ins.target[i]]; marks.append((p > current ? p - 1 : p, false)) }
                marks.sort { $0.position < $1.position }
                // At gap 0 every in-edge points backwards; passing an out-neighbour adds one,
                // passing an in-neighbour removes one.
                var cost = ins.degree(v), currentCost = 0, bestCost = Int.max, best = 0
                var k = 0
                for gap in 0..<n {
                    while k < marks.count && marks[k].position < gap { cost += marks[k].isOut ? 1 : -1; k += 1 }
                    if gap == current { currentCost = cost }
                    if cost < bestCost { bestCost = cost; best = gap }
                }
                guard bestCost < currentCost else { continue }
                improved = true
                if best < current {
                    for p in stride(from: current, to: best, by: -1) { nodeAt[p] = nodeAt[p - 1]; sequence[nodeAt[p]] = p }
                } else {
                    for p in current..<best { nodeAt[p] = nodeAt[p + 1]; sequence[nodeAt[p]] = p }
                }
                nodeAt[best] = v
                sequence[v] = best
            }
            if !improved { break }
        }
    }
}
