import XCTest
@testable import LineageLayout

final class OrderingTests: XCTestCase {
    func layered(_ graph: LayoutGraph, clusters: [Int]? = nil) -> LayeredGraph {
        let tails = graph.edges.map(\.tail), heads = graph.edges.map(\.head)
        let ranks = NetworkSimplexLayering.ranks(nodeCount: graph.nodes.count, tails: tails, heads: heads)
        return LayeredGraph(ranks: ranks, tails: tails, heads: heads, edges: Array(graph.edges.indices),
                            clusters: clusters ?? [Int](repeating: -1, count: graph.nodes.count))
    }

    func testLongEdgesBecomeChainsOfDummies() {
        // 0 -> 1 -> 2 -> 3 and the long edge 0 -> 3.
        let graph = TestGraphs.graph(nodes: 4, tails: [0, 1, 2, 0], heads: [1, 2, 3, 3])
        let layered = layered(graph)
        XCTAssertEqual(layered.dummyCount, 2)
        XCTAssertEqual(layered.chainCount, 4)
        let chain = Array(layered.chain(3))
        XCTAssertEqual(chain.first, 0)
        XCTAssertEqual(chain.last, 3)
        XCTAssertEqual(chain.map { layered.layer[$0] }, [0, 1, 2, 3])
        XCTAssertTrue(chain.dropFirst().dropLast().allSatisfy(layered.isDummy))
        // Every segment joins consecutive ranks.
        for v in 0..<layered.nodeCount {
            for i in layered.down.edges(of: v) { XCTAssertEqual(layered.layer[layered.down.target[i]], layered.layer[v] + 1) }
        }
    }

    func testDummyChainsOnLineageGraphs() {
        let graph = TestGraphs.lineage(nodes: 400, seed: 3)
        let layered = layered(graph)
        var expected = 0
        for k in 0..<layered.chainCount {
            let chain = Array(layered.chain(k))
            let span = layered.layer[chain.last!] - layered.layer[chain.first!]
            XCTAssertEqual(chain.count, span + 1)
            expected += span - 1
            for (a, b) in zip(chain, chain.dropFirst()) { XCTAssertEqual(layered.layer[b], layered.layer[a] + 1) }
        }
        XCTAssertEqual(layered.dummyCount, expected)
        XCTAssertEqual(layered.segmentCount, layered.chainCount + layered.dummyCount)
    }

    /// Counts crossings pair by pair.
    func bruteForceCrossings(_ graph: LayeredGraph, _ ordering: LayerOrdering) -> Int {
        var segments: [[(Int, Int)]] = Array(repeating: [], count: max(1, ordering.layerCount))
        for v in 0..<graph.nodeCount {
            for i in graph.down.edges(of: v) {
                segments[graph.layer[v]].append((ordering.position[v], ordering.position[graph.down.target[i]]))
            }
        }
        var count = 0
        for list in segments {
            for i in list.indices {
                for j in list.indices where j > i {
                    let (a, b) = list[i], (c, d) = list[j]
                    if (a < c && b > d) || (a > c && b < d) { count += 1 }
                }
            }
        }
        return count
    }

    func testCrossingCounterIsExact() {
        var random = SplitMix64(seed: 42)
        for seed in 1...150 as ClosedRange<UInt64> {
            let graph = TestGraphs.lineage(nodes: 5 + Int(seed % 60), layers: 2 + Int(seed % 5), seed: seed)
            let layered = layered(graph)
            var layers = layered.initialOrder(fromTop: true)
            for l in layers.indices { CrossingMinimizer.shuffle(&layers[l], &random) }
            let ordering = LayerOrdering(layers: layers, nodeCount: layered.nodeCount)
            var counter = CrossingCounter()
            XCTAssertEqual(counter.total(graph: layered, ordering: ordering), bruteForceCrossings(layered, ordering), "seed \(seed)")
        }
    }

    func testInversionCountingHandlesTies() {
        var tree: [Int] = []
        XCTAssertEqual(CrossingCounter.inversions(of: [0, 2, 1, 1, 0], range: 3, tree: &tree), 5)
        XCTAssertEqual(CrossingCounter.inversions(of: [], range: 1, tree: &tree), 0)
        XCTAssertEqual(CrossingCounter.inversions(of: [3, 2, 1, 0], range: 4, tree: &tree), 6)
    }

    func testMinimisationNeverWorseThanTheStartAndCountsRight() {
        for seed in 1...30 as ClosedRange<UInt64> {
            let graph = TestGraphs.lineage(nodes: 20 + Int(seed) * 7, seed: seed)
            let layered = layered(graph)
            var minimizer = CrossingMinimizer(graph: layered, options: LayoutOptions())
            let (ordering, crossings) = minimizer.run()
            var counter = CrossingCounter()
            for fromTop in [true, false] {
                let start = LayerOrdering(layers: layered.initialOrder(fromTop: fromTop), nodeCount: layered.nodeCount)
                XCTAssertLessThanOrEqual(crossings, counter.total(graph: layered, ordering: start))
            }
            XCTAssertEqual(crossings, bruteForceCrossings(layered, ordering))
            // Still a permutation of every rank.
            for l in 0..<ordering.layerCount {
                let nodes = Array(ordering.nodes(inLayer: l))
                XCTAssertTrue(nodes.allSatisfy { layered.layer[$0] == l })
                XCTAssertEqual(Set(nodes).count, nodes.count)
                for (i, v) in nodes.enumerated() { XCTAssertEqual(ordering.position[v], i) }
            }
            XCTAssertEqual(ordering.order.count, layered.nodeCount)
        }
    }

    func testSiftingAndTranspositionNeverAddCrossings() {
        for seed in 1...20 as ClosedRange<UInt64> {
            let layered = layered(TestGraphs.lineage(nodes: 120, seed: seed))
            var ordering = LayerOrdering(layers: layered.initialOrder(fromTop: true), nodeCount: layered.nodeCount)
            var counter = CrossingCounter()
            var minimizer = CrossingMinimizer(graph: layered, options: LayoutOptions())
            var sifting = Sifting(graph: layered, keepClustersContiguous: false)
            var before = counter.total(graph: layered, ordering: ordering)
            minimizer.transpose(&ordering, reverse: false)
            var after = counter.total(graph: layered, ordering: ordering)
            XCTAssertLessThanOrEqual(after, before)
            before = after
            let gain = sifting.sweep(&ordering, downwards: true)
            after = counter.total(graph: layered, ordering: ordering)
            XCTAssertEqual(before - after, gain, "sifting reports what it removed")
        }
    }

    func testClustersStayContiguous() {
        let graph = TestGraphs.lineage(nodes: 200, seed: 11)
        var random = SplitMix64(seed: 5)
        let clusters = graph.nodes.indices.map { _ in random.below(4) - 1 }   // -1 (none) or 0...2
        let layered = layered(graph, clusters: clusters)
        var options = LayoutOptions()
        options.keepClustersContiguous = true
        var minimizer = CrossingMinimizer(graph: layered, options: options)
        let (ordering, crossings) = minimizer.run()
        XCTAssertEqual(crossings, bruteForceCrossings(layered, ordering))
        for l in 0..<ordering.layerCount {
            let sequence = ordering.nodes(inLayer: l).map { layered.cluster[$0] }.filter { $0 >= 0 }
            // Each cluster appears as one run.
            var seen = Set<Int>()
            var previous = -1
            for c in sequence where c != previous {
                XCTAssertTrue(seen.insert(c).inserted, "cluster \(c) split in rank \(l): \(sequence)")
                previous = c
            }
            // And no clusterless node sits inside a cluster's run.
            let all = ordering.nodes(inLayer: l).map { layered.cluster[$0] }
            for (i, c) in all.enumerated() where c < 0 && i > 0 && i < all.count - 1 {
                let left = all[..<i].last { $0 >= 0 }, right = all[(i + 1)...].first { $0 >= 0 }
                if let left, let right { XCTAssertNotEqual(left, right, "rank \(l): \(all)") }
            }
        }
    }

    func testWeightedMedian() {
        XCTAssertEqual(CrossingMinimizer.weightedMedian([4]), 4)
        XCTAssertEqual(CrossingMinimizer.weightedMedian([1, 3]), 2)
        XCTAssertEqual(CrossingMinimizer.weightedMedian([1, 2, 9]), 2)
        // Even count: the middle pair weighted by how spread out each side is (Gansner et al.).
        XCTAssertEqual(CrossingMinimizer.weightedMedian([0, 1, 2, 7]), (1.0 * 5 + 2.0 * 1) / 6)
    }
}
