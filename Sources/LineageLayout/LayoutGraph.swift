/// A directed graph to lay out: nodes with sizes, edges between node indices.
///
/// Units are points (1/72 inch), as in Graphviz. Edges refer to nodes by their index in `nodes`,
/// so a graph of any size is built without hashing; `DOTReader` maps DOT names to indices.
public struct LayoutGraph: Sendable, Hashable {
    public var nodes: [LayoutNode]
    public var edges: [LayoutEdge]

    public init(nodes: [LayoutNode] = [], edges: [LayoutEdge] = []) {
        self.nodes = nodes
        self.edges = edges
    }

    /// Appends a node and returns its index.
    @discardableResult
    public mutating func addNode(_ node: LayoutNode) -> Int {
        nodes.append(node)
        return nodes.count - 1
    }

    /// Appends an edge from `tail` to `head` (node indices; upstream to downstream).
    public mutating func addEdge(from tail: Int, to head: Int) {
        edges.append(LayoutEdge(tail: tail, head: head))
    }
}
