@testable import LineageLayout

/// Seeded random graphs for the tests.
enum TestGraphs {
    /// A random directed graph (cycles, self-loops and duplicate edges possible).
    static func random(nodes: Int, edges: Int, seed: UInt64) -> (tails: [Int], heads: [Int]) {
        var random = SplitMix64(seed: seed)
        var tails: [Int] = [], heads: [Int] = []
        for _ in 0..<edges {
            tails.append(random.below(nodes))
            heads.append(random.below(nodes))
        }
        return (tails, heads)
    }

    /// A lineage-like layered DAG, as gen_dag.py makes them: `layers` layers, ~1.5 edges per
    /// node, most to the next layer, some skipping two or three.
    static func lineage(nodes n: Int, layers: Int = 8, seed: UInt64) -> LayoutGraph {
        var random = SplitMix64(seed: seed)
        let layerOf = (0..<n).map { _ in random.below(layers) }.sorted()
        var byLayer = [[Int]](repeating: [], count: layers)
        for v in 0..<n { byLayer[layerOf[v]].append(v) }
        var graph = LayoutGraph()
        for v in 0..<n { graph.addNode(LayoutNode(id: "n\(v)", label: String(format6(v)))) }
        var seen = Set<Int>()
        var attempts = 0
        while seen.count < n * 3 / 2 && attempts < n * 20 {
            attempts += 1
            let u = random.below(n)
            let l = layerOf[u]
            guard l < layers - 1 else { continue }
            let step = random.below(10) < 8 ? 1 : 2 + random.below(2)
            let t = min(layers - 1, l + step)
            guard !byLayer[t].isEmpty else { continue }
            let v = byLayer[t][random.below(byLayer[t].count)]
            if seen.insert(u * n + v).inserted { graph.addEdge(from: u, to: v) }
        }
        return graph
    }

    private static func format6(_ v: Int) -> String {
        let digits = String(v)
        return "dp-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    static func graph(nodes: Int, tails: [Int], heads: [Int]) -> LayoutGraph {
        var graph = LayoutGraph()
        for v in 0..<nodes { graph.addNode(LayoutNode(id: "v\(v)")) }
        for (t, h) in zip(tails, heads) { graph.addEdge(from: t, to: h) }
        return graph
    }

    /// Whether the edges form an acyclic graph (Kahn's algorithm).
    static func isAcyclic(nodes n: Int, tails: [Int], heads: [Int]) -> Bool {
        var indegree = [Int](repeating: 0, count: n)
        var out = [[Int]](repeating: [], count: n)
        for (t, h) in zip(tails, heads) { indegree[h] += 1; out[t].append(h) }
        var queue = (0..<n).filter { indegree[$0] == 0 }
        var seen = 0
        while let v = queue.popLast() {
            seen += 1
            for w in out[v] { indegree[w] -= 1; if indegree[w] == 0 { queue.append(w) } }
        }
        return seen == n
    }
}
