/// An edge from `tail` (upstream) to `head` (downstream), as indices into `LayoutGraph.nodes`.
public struct LayoutEdge: Sendable, Hashable {
    public var tail: Int
    public var head: Int

    public init(tail: Int, head: Int) {
        self.tail = tail
        self.head = head
    }
}
