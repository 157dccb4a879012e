/// Breaks cycles with the greedy heuristic of Eades, Lin and Smyth (1993): repeatedly take sinks to
/// the end of a sequence and sources to its front, otherwise the node with the largest
/// out-degree minus in-degree; edges that point backwards in the sequence are reversed.
///
/// On an acyclic graph nothing is reversed (there is always a sink), and on cyclic ones the
/// reversed set is small (at most |E|/2 - |V|/6 edges). Runs in O(V + E) with bucket lists.
/// Self-loops must be left out by the caller; duplicate edges are fine.
public enum CycleBreaker {
    /// For each edge, whether to reverse it so that the graph becomes acyclic.
    public static func reversedEdges(nodeCount n: Int, tails: [Int], heads: [Int]) -> [Bool] {
        let m = tails.count
        guard n > 0, m > 0 else { return [Bool](repeating: false, count: m) }
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
        return (0..<m).map { sequence[tails[$0]] > sequence[heads[$0]] }
    }
}
