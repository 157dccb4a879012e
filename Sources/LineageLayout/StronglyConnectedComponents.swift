/// Strongly connected components by Tarjan's algorithm, without recursion (lineage chains can be
/// thousands of nodes deep).
enum StronglyConnectedComponents {
    /// The component of every node, numbered in topological order (edges between components go
    /// from lower to higher numbers), and the number of components.
    static func components(nodeCount n: Int, tails: [Int], heads: [Int]) -> (component: [Int], count: Int) {
        let outs = Adjacency(nodeCount: n, from: tails, to: heads)
        var index = [Int](repeating: -1, count: n)
        var lowLink = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var component = [Int](repeating: -1, count: n)
        var stack: [Int] = []
        var call: [(node: Int, next: Int)] = []
        var counter = 0, found = 0
        for root in 0..<n where index[root] < 0 {
            call.append((root, outs.start[root]))
            index[root] = counter; lowLink[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while let (v, next) = call.last {
                if next < outs.start[v + 1] {
                    call[call.count - 1].next = next + 1
                    let w = outs.target[next]
                    if index[w] < 0 {
                        index[w] = counter; lowLink[w] = counter; counter += 1
                        stack.append(w); onStack[w] = true
                        call.append((w, outs.start[w]))
                    } else if onStack[w] {
                        lowLink[v] = min(lowLink[v], index[w])
                    }
                    continue
                }
                call.removeLast()
                if let parent = call.last?.node { lowLink[parent] = min(lowLink[parent], lowLink[v]) }
                if lowLink[v] == index[v] {
                    while let w = stack.popLast() {
                        onStack[w] = false
                        component[w] = found
                        if w == v { break }
                    }
                    found += 1
                }
            }
        }
        // Tarjan finds components sinks first; number them sources first.
        return (component.map { found - 1 - $0 }, found)
    }
}
