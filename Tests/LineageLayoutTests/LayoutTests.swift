import XCTest
@testable import LineageLayout

final class LayoutTests: XCTestCase {
    func testNodesOfARankDoNotOverlapAndKeepTheirOrder() {
        for seed in 1...10 as ClosedRange<UInt64> {
            var graph = TestGraphs.lineage(nodes: 150, seed: seed)
            // Mixed sizes.
            for v in graph.nodes.indices where v % 7 == 0 { graph.nodes[v].height = 60 }
            let options = LayoutOptions()
            let layout = LayeredLayout.layout(graph, options: options)
            var byRank: [Int: [NodePlacement]] = [:]
            for node in layout.nodes { byRank[node.rank, default: []].append(node) }
            for (_, nodes) in byRank {
                let sorted = nodes.sorted { $0.order < $1.order }
                XCTAssertEqual(Set(sorted.map(\.x)).count, 1, "one x per rank")
                for (a, b) in zip(sorted, sorted.dropFirst()) {
                    XCTAssertLessThanOrEqual(a.y + a.height / 2 + options.nodeSeparation, b.y - b.height / 2 + 1e-9)
                }
            }
            for node in layout.nodes {
                XCTAssertGreaterThanOrEqual(node.x - node.width / 2, -1e-9)
                XCTAssertGreaterThanOrEqual(node.y - node.height / 2, -1e-9)
                XCTAssertLessThanOrEqual(node.x + node.width / 2, layout.width + 1e-9)
                XCTAssertLessThanOrEqual(node.y + node.height / 2, layout.height + 1e-9)
            }
        }
    }

    func testRanksAreSeparatedAndEdgesPointRight() {
        let graph = TestGraphs.lineage(nodes: 200, seed: 4)
        let layout = LayeredLayout.layout(graph)
        for route in layout.edges {
            let tail = layout.nodes[route.tail], head = layout.nodes[route.head]
            XCTAssertLessThan(tail.rank, head.rank)
            XCTAssertLessThan(tail.x + tail.width / 2, head.x - head.width / 2)
            XCTAssertEqual(route.polyline.count, 2 + 3 * (head.rank - tail.rank - 1), "ports and three points per rank crossed")
            XCTAssertEqual(route.curve.count, 3 * (route.polyline.count - 1) + 1)
            XCTAssertEqual(route.curve.first, route.polyline.first)
            XCTAssertEqual(route.curve.last, route.polyline.last)
            // The curve passes every dummy node, its control points never go backwards, and it
            // crosses each column level.
            for (i, point) in route.polyline.enumerated() { XCTAssertEqual(route.curve[3 * i], point) }
            for (a, b) in zip(route.curve, route.curve.dropFirst()) { XCTAssertLessThanOrEqual(a.x, b.x) }
            for k in stride(from: 1, to: route.polyline.count - 1, by: 3) {
                XCTAssertEqual(route.polyline[k].y, route.polyline[k + 1].y)
                XCTAssertEqual(route.polyline[k + 1].y, route.polyline[k + 2].y)
            }
        }
    }

    func testSameInputSameOutput() {
        let graph = TestGraphs.lineage(nodes: 600, seed: 9)
        let first = LayeredLayout.layout(graph), second = LayeredLayout.layout(graph)
        XCTAssertEqual(first, second)
        XCTAssertEqual(PlainWriter.bytes(first, graph: graph), PlainWriter.bytes(second, graph: graph))
        XCTAssertEqual(SVGWriter.write(first, graph: graph), SVGWriter.write(second, graph: graph))
    }

    func testCrossingsReportedMatchTheLayout() {
        let graph = TestGraphs.lineage(nodes: 300, seed: 2)
        let layout = LayeredLayout.layout(graph)
        // Recount from coordinates: segments between neighbouring ranks, by y at each rank.
        var segments: [Int: [(Double, Double)]] = [:]
        let centres = Set(layout.nodes.map(\.x))
        for route in layout.edges {
            // The ports and the dummy nodes (on rank centres).
            let forward = route.isReversed ? route.polyline.reversed() : route.polyline
            let points = [forward[0]] + forward.dropFirst().dropLast().filter { centres.contains($0.x) } + [forward[forward.count - 1]]
            let rank = layout.nodes[route.isReversed ? route.head : route.tail].rank
            for (k, (a, b)) in zip(points, points.dropFirst()).enumerated() {
                segments[rank + k, default: []].append((a.y, b.y))
            }
        }
        var count = 0
        for (_, list) in segments {
            for i in list.indices { for j in list.indices where j > i {
                let (a, b) = list[i], (c, d) = list[j]
                if (a < c && b > d) || (a > c && b < d) { count += 1 }
            } }
        }
        XCTAssertEqual(count, layout.crossings)
    }

    func testEdgeCases() {
        let empty = LayeredLayout.layout(LayoutGraph())
        XCTAssertEqual(empty.nodes.count, 0)
        XCTAssertEqual(empty.width, 0)
        XCTAssertTrue(PlainWriter.write(empty, graph: LayoutGraph()).hasSuffix("stop\n"))

        var single = LayoutGraph()
        single.addNode(LayoutNode(id: "a"))
        let one = LayeredLayout.layout(single)
        XCTAssertEqual(one.nodes.count, 1)
        XCTAssertEqual(one.width, one.nodes[0].width, accuracy: 1)

        // Cycles, a self-loop, duplicates, two components and an edge to nowhere.
        var graph = TestGraphs.graph(nodes: 7, tails: [0, 1, 2, 2, 3, 3, 5, 5, 6], heads: [1, 2, 0, 2, 4, 4, 6, 6, 5])
        graph.addEdge(from: 0, to: 42)
        let layout = LayeredLayout.layout(graph)
        XCTAssertEqual(layout.edges.count, graph.edges.count)
        XCTAssertTrue(layout.edges[3].isSelfLoop)
        XCTAssertEqual(layout.edges[3].curve.count, 4)
        XCTAssertEqual(layout.edges[9].curve, [], "an edge to a missing node is left out")
        let reversed = layout.edges.filter(\.isReversed)
        XCTAssertEqual(reversed.count, 2, "one edge of the triangle and one of the 2-cycle")
        for route in layout.edges where !route.curve.isEmpty && !route.isSelfLoop {
            // Drawn from the tail's side to the head's side, whatever the direction.
            let tail = layout.nodes[route.tail], head = layout.nodes[route.head]
            XCTAssertEqual(route.polyline.first!.y, tail.y, accuracy: 1e-9)
            XCTAssertEqual(route.polyline.last!.y, head.y, accuracy: 1e-9)
        }
    }

    func testTenThousandNodes() {
        // Forty ranks keep this quick in debug builds; scripts/bench-layout times 8 ranks.
        let graph = TestGraphs.lineage(nodes: 10_000, layers: 40, seed: 1)
        let layout = LayeredLayout.layout(graph)
        XCTAssertEqual(layout.nodes.count, 10_000)
        XCTAssertGreaterThan(layout.crossings, 0)
    }

    func testLongChainAndStar() {
        // A 3,000-node path (deep trees) and a 2,000-leaf star (a wide rank).
        let path = TestGraphs.graph(nodes: 3000, tails: Array(0..<2999), heads: Array(1..<3000))
        let pathLayout = LayeredLayout.layout(path)
        XCTAssertEqual(pathLayout.rankCount, 3000)
        XCTAssertEqual(pathLayout.crossings, 0)
        let star = TestGraphs.graph(nodes: 2001, tails: [Int](repeating: 0, count: 2000), heads: Array(1...2000))
        let starLayout = LayeredLayout.layout(star)
        XCTAssertEqual(starLayout.rankCount, 2)
        XCTAssertEqual(starLayout.crossings, 0)
    }

    func testClusterOptionKeepsGroupsTogether() {
        var graph = TestGraphs.lineage(nodes: 120, seed: 8)
        for v in graph.nodes.indices { graph.nodes[v].cluster = ["sales", "finance", nil][v % 3] }
        let layout = LayeredLayout.layout(graph)
        var byRank: [Int: [(Int, String?)]] = [:]
        for (v, node) in layout.nodes.enumerated() { byRank[node.rank, default: []].append((node.order, graph.nodes[v].cluster)) }
        for (_, members) in byRank {
            let runs = members.sorted { $0.0 < $1.0 }.compactMap(\.1)
            var seen = Set<String>(), previous: String?
            for c in runs where c != previous {
                XCTAssertTrue(seen.insert(c).inserted)
                previous = c
            }
        }
    }

    func testLabelSizes() {
        let small = LayoutNode(id: "a")
        XCTAssertEqual(small.width, LabelMetrics.minimumWidth)
        XCTAssertEqual(small.height, LabelMetrics.minimumHeight)
        let long = LayoutNode(id: "x", label: "a rather long product name")
        XCTAssertGreaterThan(long.width, 100)
        let twoLines = LayoutNode(id: "y", label: "first\\nsecond line")
        XCTAssertEqual(LabelMetrics.lines(of: twoLines.label), ["first", "second line"])
        XCTAssertEqual(LayoutNode(id: "z", width: 10, height: 20).width, 10)
    }
}
