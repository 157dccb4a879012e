/// Settings of the layered layout. Defaults match Graphviz `dot` (nodesep 0.25 in, ranksep 0.5 in).
public struct LayoutOptions: Sendable, Hashable {
    /// How ranks are assigned.
    public enum Layering: String, Sendable, Hashable, CaseIterable {
        /// Network simplex: minimal total edge length (fewest dummy nodes), as `dot` does.
        case networkSimplex
        /// Longest path from the sources: fast, but long edges and wide ranks.
        case longestPath
    }

    /// Gap between neighbouring nodes of a rank, in points.
    public var nodeSeparation: Double = 18
    /// Gap between neighbouring dummy nodes (bends of long edges), in points.
    public var edgeSeparation: Double = 9
    /// Gap between the widest node of a rank and the next rank, in points.
    public var rankSeparation: Double = 36
    public var layering: Layering = .networkSimplex
    /// Median sweeps in a row without an improvement after which sweeping stops.
    public var crossingPatience: Int = 6
    /// Upper bound on median sweeps per start ordering.
    public var maxCrossingRounds: Int = 24
    /// Upper bound on sifting passes per start ordering (0 turns sifting off).
    public var siftingPasses: Int = 4
    /// Keeps nodes of the same `LayoutNode.cluster` next to each other in every rank.
    public var keepClustersContiguous: Bool = true

    public init() {}
}
