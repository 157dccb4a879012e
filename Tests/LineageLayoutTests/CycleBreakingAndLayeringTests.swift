import XCTest
@testable import LineageLayout

final class CycleBreakingAndLayeringTests: XCTestCase {
    func testCycleBreakingKeepsEveryEdgeAndYieldsADAG() {
        for seed in 1...200 as ClosedRange<UInt64> {
            let n = 1 + Int(seed % 30)
            var (tails, heads) = TestGraphs.random(nodes: n, edges: Int(seed % 60), seed: seed)
            // Self-loops are the caller's business.
            let keep = zip(tails, heads).map { $0 != $1 }
            tails = zip(tails, keep).filter(\.1).map(\.0)
            heads = zip(heads, keep).filter(\.1).map(\.0)
            let reversed = CycleBreaker.reversedEdges(nodeCount: n, tails: tails, heads: heads)
            XCTAssertEqual(reversed.count, tails.count)
            let newTails = tails.indices.map { reversed[$0] ? heads[$0] : tails[$0] }
            let newHeads = tails.indices.map { reversed[$0] ? tails[$0] : heads[$0] }
            XCTAssertTrue(TestGraphs.isAcyclic(nodes: n, tails: newTails, heads: newHeads), "seed \(seed)")
            // Never more than half of the edges (the greedy bound is |E|/2 - |V|/6).
            XCTAssertLessThanOrEqual(reversed.filter { $0 }.count, tails.count / 2, "seed \(seed)")
        }
    }

    func testAcyclicGraphsAreLeftAlone() {
        let graph = TestGraphs.lineage(nodes: 300, seed: 7)
        let reversed = CycleBreaker.reversedEdges(nodeCount: 300, tails: graph.edges.map(\.tail), heads: graph.edges.map(\.head))
        XCTAssertFalse(reversed.contains(true))
    }

    func testOnlyEdgesOnCyclesAreReversed() {
        for seed in 1...100 as ClosedRange<UInt64> {
            let n = 5 + Int(seed % 40)
            let (tails, heads) = TestGraphs.random(nodes: n, edges: n + Int(seed % 30), seed: seed)
            let pairs = zip(tails, heads).filter { $0 != $1 }
            let (component, _) = StronglyConnectedComponents.components(nodeCount: n, tails: pairs.map(\.0), heads: pairs.map(\.1))
            let reversed = CycleBreaker.reversedEdges(nodeCount: n, tails: pairs.map(\.0), heads: pairs.map(\.1))
            for (k, (t, h)) in pairs.enumerated() {
                if component[t] != component[h] {
                    XCTAssertFalse(reversed[k], "an edge between components")
                    XCTAssertLessThan(component[t], component[h], "components are numbered in topological order")
                }
            }
        }
    }

    func testSiftingFindsTheOneEdgeThatClosesTheCycles() {
        // A lineage where an external system is fed back by the ledger: only ledger -> erp
        // should turn around, not the two edges out of erp.
        let names = ["orders", "customers", "lines", "revenue", "invoices", "ledger", "campaigns", "attribution", "erp"]
        let edges = [("erp", "orders"), ("erp", "invoices"), ("orders", "lines"), ("customers", "orders"),
                     ("orders", "revenue"), ("invoices", "revenue"), ("revenue", "ledger"), ("invoices", "ledger"),
                     ("campaigns", "attribution"), ("orders", "attribution"), ("customers", "campaigns"),
                     ("attribution", "revenue"), ("ledger", "erp")]
        let index = { (name: String) in names.firstIndex(of: name)! }
        let reversed = CycleBreaker.reversedEdges(nodeCount: names.count, tails: edges.map { index($0.0) }, heads: edges.map { index($0.1) })
        XCTAssertEqual(reversed.indices.filter { reversed[$0] }.map { edges[$0].0 + "->" + edges[$0].1 }, ["ledger->erp"])
    }

    func testTwoCycleReversesOneEdge() {
        let reversed = CycleBreaker.reversedEdges(nodeCount: 2, tails: [0, 1, 0], heads: [1, 0, 1])
        XCTAssertEqual(reversed.filter { $0 }.count, 1)
        XCTAssertEqual(reversed, [false, true, false], "the duplicate edge outweighs the single one")
    }

    func testLayeringsRespectEdgeDirection() {
        for seed in 1...100 as ClosedRange<UInt64> {
            let graph = TestGraphs.lineage(nodes: 10 + Int(seed), seed: seed)
            let tails = graph.edges.map(\.tail), heads = graph.edges.map(\.head)
            for ranks in [NetworkSimplexLayering.ranks(nodeCount: graph.nodes.count, tails: tails, heads: heads),
                          LongestPathLayering.ranks(nodeCount: graph.nodes.count, tails: tails, heads: heads)] {
                for (t, h) in zip(tails, heads) { XCTAssertGreaterThanOrEqual(ranks[h], ranks[t] + 1, "seed \(seed)") }
                XCTAssertEqual(ranks.min(), 0)
            }
        }
    }

    func testNetworkSimplexNeverLongerThanLongestPath() {
        for seed in 1...50 as ClosedRange<UInt64> {
            let graph = TestGraphs.lineage(nodes: 200, seed: seed)
            let tails = graph.edges.map(\.tail), heads = graph.edges.map(\.head)
            let simplex = NetworkSimplexLayering.ranks(nodeCount: 200, tails: tails, heads: heads)
            let longest = LongestPathLayering.ranks(nodeCount: 200, tails: tails, heads: heads)
            let length = { (r: [Int]) in zip(tails, heads).reduce(0) { $0 + r[$1.1] - r[$1.0] } }
            XCTAssertLessThanOrEqual(length(simplex), length(longest))
        }
    }

    /// On tiny graphs, compare with the best of all rankings.
    func testNetworkSimplexIsOptimalOnSmallGraphs() {
        for seed in 1...150 as ClosedRange<UInt64> {
            let n = 2 + Int(seed % 5)
            var (tails, heads) = TestGraphs.random(nodes: n, edges: 1 + Int(seed % 9), seed: seed)
            // Make it acyclic: point every edge from the lower to the higher node number.
            let pairs = zip(tails, heads).filter { $0 != $1 }.map { (min($0, $1), max($0, $1)) }
            tails = pairs.map(\.0)
            heads = pairs.map(\.1)
            let ranks = NetworkSimplexLayering.ranks(nodeCount: n, tails: tails, heads: heads)
            let length = zip(tails, heads).reduce(0) { $0 + ranks[$1.1] - ranks[$1.0] }
            var best = Int.max
            var candidate = [Int](repeating: 0, count: n)
            func search(_ v: Int) {
                if v == n {
                    guard zip(tails, heads).allSatisfy({ candidate[$1] >= candidate[$0] + 1 }) else { return }
                    best = min(best, zip(tails, heads).reduce(0) { $0 + candidate[$1.1] - candidate[$1.0] })
                    return
                }
                for r in 0..<n { candidate[v] = r; search(v + 1) }
            }
            search(0)
            XCTAssertEqual(length, best, "seed \(seed): \(tails) \(heads)")
        }
    }

    func testNetworkSimplexInvariants() {
        for seed in 1...40 as ClosedRange<UInt64> {
            let graph = TestGraphs.lineage(nodes: 150, seed: seed)
            // Perturbed lengths, as the layering uses them.
            var random = SplitMix64(seed: seed)
            let lengths = graph.edges.map { _ in (1 << 40) + random.below(1 << 20) }
            var solver = NetworkSimplexSolver(nodeCount: 150, tails: graph.edges.map(\.tail), heads: graph.edges.map(\.head), minimumLength: lengths)
            XCTAssertTrue(solver.solve(maxIterations: 100_000))
            // Every tree edge is tight, every edge feasible, and at the optimum no cut value is negative.
            for e in graph.edges.indices {
                XCTAssertGreaterThanOrEqual(solver.slack(e), 0)
                if solver.inTree[e] { XCTAssertEqual(solver.slack(e), 0) }
            }
            XCTAssertEqual(solver.treeEdges.count + solver.roots.count, 150, "a spanning forest")
            // The maintained cut values, parents and subtree sizes equal ones computed afresh.
            var fresh = solver
            fresh.initCutValues()
            XCTAssertEqual(fresh.parentEdge, solver.parentEdge, "seed \(seed)")
            XCTAssertEqual(fresh.size, solver.size, "seed \(seed)")
            for e in solver.treeEdges {
                XCTAssertEqual(solver.cut[e], fresh.cut[e], "seed \(seed) edge \(e)")
                XCTAssertGreaterThanOrEqual(solver.cut[e], 0)
            }
        }
    }

    func testDisconnectedComponentsStartAtRankZero() {
        let ranks = NetworkSimplexLayering.ranks(nodeCount: 6, tails: [0, 1, 3, 4], heads: [1, 2, 4, 5])
        XCTAssertEqual(ranks, [0, 1, 2, 0, 1, 2])
        XCTAssertEqual(NetworkSimplexLayering.ranks(nodeCount: 0, tails: [], heads: []), [])
        XCTAssertEqual(NetworkSimplexLayering.ranks(nodeCount: 3, tails: [], heads: []), [0, 0, 0])
    }

    func testSourcesMoveNextToTheirTargets() {
        // 0 -> 1 -> 2 -> 3 and 4 -> 3: longest path puts 4 at rank 0, network simplex at 2.
        let ranks = NetworkSimplexLayering.ranks(nodeCount: 5, tails: [0, 1, 2, 4], heads: [1, 2, 3, 3])
        XCTAssertEqual(ranks, [0, 1, 2, 3, 2])
    }
}
