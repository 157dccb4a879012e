/// Network simplex layering (Gansner, Koutsofios, North and Vo, 1993), as `dot` ranks:
/// ranks that minimise the total edge length Σ (rank(head) - rank(tail)) subject to every edge
/// spanning at least one rank. Fewer rank gaps crossed means fewer dummy nodes, so less work and
/// usually fewer crossings for the later phases.
///
/// Implementation notes: the initial feasible tree merges tight subtrees smallest-first
/// (each node is scanned O(log V) times); cut values come from net flows (a subtree's cut value
/// is its out-weight minus in-weight, which is additive over children). Instead of `dot`'s
/// postorder numbering, which must be redone for much of the tree after every pivot, each pivot
/// searches both parts of the split tree at once and works on the smaller one, and walks parent
/// edges for the cycle the entering edge closes: a pivot costs O(smaller part + path length).
public enum NetworkSimplexLayering {
    /// Ranks of an acyclic graph, each weakly connected component starting at rank 0.
    public static func ranks(nodeCount n: Int, tails: [Int], heads: [Int], maxIterations: Int? = nil) -> [Int] {
        guard n > 0 else { return [] }
        var solver = NetworkSimplexSolver(nodeCount: n, tails: tails, heads: heads)
        solver.solve(maxIterations: maxIterations ?? (10 * n + 1000))
        solver.normalize()
        return solver.rank
    }
}

