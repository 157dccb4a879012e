/// The order of nodes within each rank: `order` lists rank 0's nodes, then rank 1's, and so on;
/// `position[v]` is v's index within its rank.
struct LayerOrdering: Sendable, Equatable {
    private(set) var order: [Int]
    private(set) var position: [Int]
    let layerStart: [Int]

    init(layers: [[Int]], nodeCount: Int) {
        var order: [Int] = []
        order.reserveCapacity(nodeCount)
        var layerStart = [0]
        var position = [Int](repeating: 0, count: nodeCount)
        for layer in layers {
            for (i, v) in layer.enumerated() { position[v] = i }
            order.append(contentsOf: layer)
            layerStart.append(order.count)
        }
        self.order = order
        self.position = position
        self.layerStart = layerStart
    }

    var layerCount: Int { layerStart.count - 1 }

    func nodes(inLayer l: Int) -> ArraySlice<Int> { order[layerStart[l]..<layerStart[l + 1]] }

    func layers() -> [[Int]] { (0..<layerCount).map { Array(nodes(inLayer: $0)) } }

    /// Rewrites rank `l` in the given order (a permutation of its current nodes).
    mutating func setLayer(_ l: Int, _ nodes: [Int]) {
        let start = layerStart[l]
        for (i, v) in nodes.enumerated() {
            order[start + i] = v
            position[v] = i
        }
    }

    /// Swaps the nodes at index i and i + 1 of `order` (both in one rank).
    mutating func swapAdjacent(_ i: Int) {
        order.swapAt(i, i + 1)
        position[order[i]] -= 1
        position[order[i + 1]] += 1
    }

    /// Direct access for the hot loops of crossing minimisation.
    mutating func withBuffers<R>(_ body: (UnsafeMutableBufferPointer<Int>, UnsafeMutableBufferPointer<Int>) -> R) -> R {
        order.withUnsafeMutableBufferPointer { order in
            position.withUnsafeMutableBufferPointer { position in body(order, position) }
        }
    }
}
