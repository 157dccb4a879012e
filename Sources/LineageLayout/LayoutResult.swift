/// The result of `LayeredLayout.layout`: nodes and edges in the input's order.
public struct LayoutResult: Sendable, Hashable {
    /// The bounding box of all nodes and curves; its top left corner is (0, 0).
    public var width: Double
    public var height: Double
    public var nodes: [NodePlacement]
    public var edges: [EdgeRoute]
    public var rankCount: Int
    /// Edge crossings of the final ordering (long edges counted once per rank gap they span).
    public var crossings: Int
    /// Dummy nodes inserted for edges that span more than one rank.
    public var dummyCount: Int

    public init(width: Double, height: Double, nodes: [NodePlacement], edges: [EdgeRoute],
                rankCount: Int, crossings: Int, dummyCount: Int) {
        self.width = width
        self.height = height
        self.nodes = nodes
        self.edges = edges
        self.rankCount = rankCount
        self.crossings = crossings
        self.dummyCount = dummyCount
    }
}
