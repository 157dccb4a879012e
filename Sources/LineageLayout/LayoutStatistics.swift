/// What each phase of a layout produced and how long it took (for `meshport layout --stats`
/// and the benchmark; never part of `LayoutResult`, which must not depend on timing).
public struct LayoutStatistics: Sendable, Hashable {
    public var cycleBreaking: Duration = .zero
    public var layering: Duration = .zero
    public var ordering: Duration = .zero
    public var placement: Duration = .zero
    public var routing: Duration = .zero
    public var reversedEdges = 0
    /// Σ over edges of (rank of head - rank of tail), after cycle breaking.
    public var totalEdgeLength = 0
    public var dummyNodes = 0
    public var crossings = 0

    public init() {}

    public var total: Duration { cycleBreaking + layering + ordering + placement + routing }
}
