/// Where a node went: its centre, size, rank (column, 0 on the left) and order within the rank.
public struct NodePlacement: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    public var rank: Int
    public var order: Int

    public init(x: Double, y: Double, width: Double, height: Double, rank: Int, order: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.rank = rank
        self.order = order
    }
}
