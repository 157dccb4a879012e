/// Exact crossing counts between adjacent ranks with the accumulator tree of Barth, Jünger and
/// Mutzel (2004): O(E log V) per rank pair. Edges are visited in (upper position, lower
/// position) order and each one counts the earlier edges whose lower end lies strictly right of its own.
struct CrossingCounter: Sendable {
    private var tree: [Int] = []
    private var sequence: [Int] = []

    init() {}

    /// Crossings between rank l and rank l + 1.
    mutating func crossings(between l: Int, graph: LayeredGraph, ordering: LayerOrdering) -> Int {
        guard l + 1 < ordering.layerCount else { return 0 }
        let lowerCount = ordering.layerStart[l + 2] - ordering.layerStart[l + 1]
        guard lowerCount > 1 else { return 0 }
        sequence.removeAll(keepingCapacity: true)
        let down = graph.down
        for u in ordering.nodes(inLayer: l) {
            let first = sequence.count
            for i in down.edges(of: u) {
                // Insertion sort: degrees are small, and this keeps the sequence lexicographic.
                let p = ordering.position[down.target[i]]
                sequence.append(p)
                var j = sequence.count - 1
                while j > first && sequence[j - 1] > p {
                    sequence[j] = sequence[j - 1]
                    j -= 1
                }
                sequence[j] = p
            }
        }
        return Self.inversions(of: sequence, range: lowerCount, tree: &tree)
    }

    /// Crossings of the whole ordering.
    mutating func total(graph: LayeredGraph, ordering: LayerOrdering) -> Int {
        var sum = 0
        for l in 0..<max(0, ordering.layerCount - 1) { sum += crossings(between: l, graph: graph, ordering: ordering) }
        return sum
    }

    /// Pairs i < j with values[i] > values[j]; all values in 0..<range.
    static func inversions(of values: [Int], range: Int, tree: inout [Int]) -> Int {
        var firstIndex = 1
        while firstIndex < range { firstIndex *= 2 }
        let treeSize = 2 * firstIndex - 1
        firstIndex -= 1
        if tree.count < treeSize { tree = [Int](repeating: 0, count: treeSize) }
        var count = 0
        tree.withUnsafeMutableBufferPointer { tree in
            for i in 0..<treeSize { tree[i] = 0 }
            for value in values {
                var index = value + firstIndex
                tree[index] += 1
                while index > 0 {
                    if index & 1 == 1 { count += tree[index + 1] }
                    index = (index - 1) >> 1
                    tree[index] += 1
                }
            }
        }
        return count
    }
}
