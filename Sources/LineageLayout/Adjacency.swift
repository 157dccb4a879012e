/// Compressed adjacency lists (CSR): for node v, `target[start[v]..<start[v+1]]` and the
/// matching input edge numbers in `edge`, in input order.
struct Adjacency: Sendable {
    var start: [Int]
    var target: [Int]
    var edge: [Int]

    init(nodeCount n: Int, from sources: [Int], to targets: [Int]) {
        var start = [Int](repeating: 0, count: n + 1)
        for s in sources { start[s + 1] += 1 }
        for v in 0..<n { start[v + 1] += start[v] }
        var fill = start
        var target = [Int](repeating: 0, count: sources.count)
        var edge = [Int](repeating: 0, count: sources.count)
        for (e, s) in sources.enumerated() {
            target[fill[s]] = targets[e]
            edge[fill[s]] = e
            fill[s] += 1
        }
        self.start = start
        self.target = target
        self.edge = edge
    }

    func degree(_ v: Int) -> Int { start[v + 1] - start[v] }
    /// Positions in `target`/`edge` of v's entries.
    func edges(of v: Int) -> Range<Int> { start[v]..<start[v + 1] }
}
