/// Longest-path layering: every node one rank right of its furthest predecessor, sources at 0.
/// O(V + E). Also the starting point of `NetworkSimplexLayering`.
public enum LongestPathLayering {
    /// Ranks of an acyclic graph (every edge gets head rank > tail rank). Nodes on a cycle,
    /// which the caller should have broken, are ranked after everything else.
    public static func ranks(nodeCount n: Int, tails: [Int], heads: [Int]) -> [Int] {
        let out = Adjacency(nodeCount: n, from: tails, to: heads)
        var indegree = [Int](repeating: 0, count: n)
        for h in heads { indegree[h] += 1 }
        var rank = [Int](repeating: 0, count: n)
        var queue = [Int]()
        queue.reserveCapacity(n)
        for v in 0..<n where indegree[v] == 0 { queue.append(v) }
        var index = 0
        while index < queue.count {
            let v = queue[index]
            index += 1
            for i in out.edges(of: v) {
                let w = out.target[i]
                rank[w] = max(rank[w], rank[v] + 1)
                indegree[w] -= 1
                if indegree[w] == 0 { queue.append(w) }
            }
        }
        if queue.count < n {
            // Defensive: a cycle slipped through. Put its nodes after the ranked ones.
            let top = (rank.max() ?? 0) + 1
            for v in 0..<n where indegree[v] > 0 { rank[v] = top }
        }
        return rank
    }
}
