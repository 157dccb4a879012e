/// The layered layout pipeline for lineage graphs, drawn left to right (upstream on the left):
/// cycle breaking, layering, dummy nodes, crossing minimisation, coordinates, edge routes.
/// The same input always gives the same result, bit for bit.
public enum LayeredLayout {
    /// Lays out `graph`. Edges whose ends are not node indices of the graph are left out of the
    /// layout and get empty routes; everything else (cycles, self-loops, duplicates, disconnected
    /// parts, an empty graph) is handled.
    public static func layout(_ graph: LayoutGraph, options: LayoutOptions = LayoutOptions()) -> LayoutResult {
        var statistics = LayoutStatistics()
        return layout(graph, options: options, statistics: &statistics)
    }

    /// As `layout(_:options:)`, also reporting how long each phase took and what it produced.
    public static func layout(_ graph: LayoutGraph, options: LayoutOptions, statistics: inout LayoutStatistics) -> LayoutResult {
        var clock = PhaseClock()
        let n = graph.nodes.count
        let edges = graph.edges
        var tails: [Int] = [], heads: [Int] = [], numbers: [Int] = []
        var isSelfLoop = [Bool](repeating: false, count: edges.count)
        for (k, edge) in edges.enumerated() {
            guard (0..<n).contains(edge.tail), (0..<n).contains(edge.head) else { continue }
            if edge.tail == edge.head { isSelfLoop[k] = true; continue }
            tails.append(edge.tail)
            heads.append(edge.head)
            numbers.append(k)
        }

        // 1. Acyclic: reverse a small set of edges.
        let reversed = CycleBreaker.reversedEdges(nodeCount: n, tails: tails, heads: heads)
        var isReversed = [Bool](repeating: false, count: edges.count)
        for i in tails.indices where reversed[i] {
            swap(&tails[i], &heads[i])
            isReversed[numbers[i]] = true
        }
        statistics.reversedEdges = reversed.filter { $0 }.count
        statistics.cycleBreaking = clock.lap()

        // 2. Ranks.
        let ranks: [Int]
        switch options.layering {
        case .networkSimplex: ranks = NetworkSimplexLayering.ranks(nodeCount: n, tails: tails, heads: heads)
        case .longestPath: ranks = LongestPathLayering.ranks(nodeCount: n, tails: tails, heads: heads)
        }
        statistics.totalEdgeLength = tails.indices.reduce(0) { $0 + ranks[heads[$1]] - ranks[tails[$1]] }
        statistics.layering = clock.lap()

        // 3. Dummy nodes for long edges.
        let clusters = clusterNumbers(graph.nodes)
        let layered = LayeredGraph(ranks: ranks, tails: tails, heads: heads, edges: numbers, clusters: clusters)
        statistics.dummyNodes = layered.dummyCount

        // 4. Order within ranks.
        var minimizer = CrossingMinimizer(graph: layered, options: options)
        let (ordering, crossings) = minimizer.run()
        statistics.crossings = crossings
        statistics.ordering = clock.lap()

        // 5. Coordinates: across ranks by Brandes–Köpf, along them by the widest node per rank.
        let layers = ordering.layers()
        var size = [Double](repeating: 0, count: layered.nodeCount)
        for v in 0..<n { size[v] = graph.nodes[v].height }
        var placement = BrandesKoepfPlacement(graph: layered, layers: layers, size: size,
                                              nodeSeparation: options.nodeSeparation, edgeSeparation: options.edgeSeparation)
        let y = placement.coordinates()
        let (rankX, rankWidth) = rankCentres(layered: layered, nodes: graph.nodes, rankSeparation: options.rankSeparation)
        statistics.placement = clock.lap()

        // 6. Routes, then the bounding box.
        var placements = (0..<n).map { v in
            NodePlacement(x: rankX[ranks[v]], y: y[v], width: graph.nodes[v].width, height: graph.nodes[v].height,
                          rank: ranks[v], order: ordering.position[v])
        }
        var routes = edges.map { EdgeRoute(tail: $0.tail, head: $0.head, polyline: [], curve: [], isReversed: false, isSelfLoop: false) }
        for k in 0..<layered.chainCount {
            let chain = layered.chain(k)
            var points: [LayoutPoint] = []
            points.reserveCapacity(2 * chain.count)
            for (i, v) in chain.enumerated() {
                if v < n {
                    let node = placements[v]
                    let side = i == 0 ? node.width / 2 : -node.width / 2
                    points.append(LayoutPoint(x: node.x + side, y: node.y))
                } else {
                    // Across the rank's column at the dummy's height.
                    let r = layered.layer[v], half = rankWidth[r] / 2
                    if half > 0 { points.append(LayoutPoint(x: rankX[r] - half, y: y[v])) }
                    points.append(LayoutPoint(x: rankX[r], y: y[v]))
                    if half > 0 { points.append(LayoutPoint(x: rankX[r] + half, y: y[v])) }
                }
            }
            let e = layered.chainEdge[k]
            let route = EdgeRouter.route(chain: points, reversed: isReversed[e])
            routes[e].polyline = route.polyline
            routes[e].curve = route.curve
            routes[e].isReversed = isReversed[e]
        }
        for (k, edge) in edges.enumerated() where isSelfLoop[k] {
            let node = placements[edge.tail]
            let loop = EdgeRouter.selfLoop(x: node.x, y: node.y, width: node.width, height: node.height)
            routes[k].polyline = loop.polyline
            routes[k].curve = loop.curve
            routes[k].isSelfLoop = true
        }
        var top = 0.0, right = 0.0, bottom = 0.0
        for node in placements {
            top = min(top, node.y - node.height / 2)
            bottom = max(bottom, node.y + node.height / 2)
            right = max(right, node.x + node.width / 2)
        }
        for route in routes {
            for point in route.curve {
                top = min(top, point.y)
                bottom = max(bottom, point.y)
                right = max(right, point.x)
            }
        }
        if top < 0 {
            for v in placements.indices { placements[v].y -= top }
            for k in routes.indices {
                for i in routes[k].polyline.indices { routes[k].polyline[i].y -= top }
                for i in routes[k].curve.indices { routes[k].curve[i].y -= top }
            }
        }
        statistics.routing = clock.lap()
        return LayoutResult(width: right, height: bottom - top, nodes: placements, edges: routes,
                            rankCount: layered.layerCount, crossings: crossings, dummyCount: layered.dummyCount)
    }

    /// Cluster names numbered in order of first appearance; -1 for none.
    static func clusterNumbers(_ nodes: [LayoutNode]) -> [Int] {
        var numbers: [String: Int] = [:]
        return nodes.map { node in
            guard let name = node.cluster else { return -1 }
            if let number = numbers[name] { return number }
            numbers[name] = numbers.count
            return numbers.count - 1
        }
    }

    /// The x of each rank's centre line, and each rank's width: ranks are as wide as their widest
    /// node, `rankSeparation` apart. Centres sit on a 1/100-inch grid so that `plain` output
    /// (inches, 5 significant digits) gives all nodes of a rank exactly the same x.
    static func rankCentres(layered: LayeredGraph, nodes: [LayoutNode], rankSeparation: Double) -> (centres: [Double], widths: [Double]) {
        var widths = [Double](repeating: 0, count: layered.layerCount)
        for (v, node) in nodes.enumerated() { widths[layered.layer[v]] = max(widths[layered.layer[v]], node.width) }
        let grid = 0.72
        var centres: [Double] = []
        var left = 0.0
        for width in widths {
            let centre = ((left + width / 2) / grid).rounded(.up) * grid
            centres.append(centre)
            left = centre + width / 2 + rankSeparation
        }
        return (centres, widths)
    }
}
