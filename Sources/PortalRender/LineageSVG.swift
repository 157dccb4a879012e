import LineageLayout
import MeshLink
import MeshModel

/// Draws a lineage diagram as inline SVG: laid out by LineageLayout (upstream on the left), every
/// product node a link with a `<title>`, colours from the theme's CSS classes, and a plain list of
/// the edges beside it for screen readers and text browsers. The SVG is a named group, not
/// role="img": an image's children are hidden from assistive technology, which would leave its
/// links unreachable (axe: nested-interactive).
struct LineageSVG {
    let mesh: LinkedMesh
    /// Domain slug -> colour class index, stable for a mesh (domains in name order).
    let palette: [String: Int]

    init(mesh: LinkedMesh) {
        self.mesh = mesh
        var palette: [String: Int] = [:]
        for (i, d) in mesh.domains.enumerated() { palette[d.slug] = i % 8 }
        self.palette = palette
    }

    struct Output {
        var svg: String
        var edges: [[String: Any]]
    }

    static let nodeHeight = 34.0
    static let padding = 8.0

    /// `id` prefixes the ids inside the SVG so two diagrams can share a page.
    func render(_ diagram: LineageDiagram, page: String, id: String) -> Output {
        var graph = LayoutGraph()
        for node in diagram.nodes {
            let text = max(LabelMetrics.textWidth(node.label, fontSize: 11), LabelMetrics.textWidth(node.detail ?? "", fontSize: 9))
            var flags: LayoutNode.Flags = []
            if node.kind == .external { flags.insert(.external) }
            if node.kind == .focus { flags.insert(.highlighted) }
            graph.addNode(LayoutNode(id: node.id, label: node.label, width: min(260, text * 1.12 + 24), height: Self.nodeHeight,
                                     cluster: diagram.clustered ? node.cluster : nil, flags: flags))
        }
        for edge in diagram.edges { graph.addEdge(from: edge.from, to: edge.to) }
        var options = LayoutOptions()
        options.keepClustersContiguous = diagram.clustered
        let layout = LayeredLayout.layout(graph, options: options)

        let p = Self.padding
        let width = layout.width + 2 * p, height = layout.height + 2 * p
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lineage\" viewBox=\"0 0 \(n(width)) \(n(height))\" "
        svg += "width=\"\(n(width))\" height=\"\(n(height))\" role=\"group\" aria-labelledby=\"\(id)-title\">"
        svg += "<title id=\"\(id)-title\">\(HTMLText.escape(diagram.title))</title>"
        svg += "<defs><marker id=\"\(id)-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
        svg += "<path class=\"lineage-arrow\" d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>"
        svg += "<g transform=\"translate(\(n(p)),\(n(p)))\">"
        for (e, route) in zip(diagram.edges, layout.edges) {
            let title = "\(diagram.nodes[e.from].label) → \(diagram.nodes[e.to].label)" + (e.ports.isEmpty ? "" : " (\(e.ports))")
            svg += "<path class=\"lineage-edge\(route.isReversed ? " cycle" : "")\" d=\"\(route.svgPathData)\" marker-end=\"url(#\(id)-arrow)\">"
            svg += "<title>\(HTMLText.escape(title))</title></path>"
        }
        for (node, place) in zip(diagram.nodes, layout.nodes) {
            svg += nodeSVG(node, place, page: page)
        }
        svg += "</g></svg>"
        let edges: [[String: Any]] = diagram.edges.map { e in
            ["from": link(diagram.nodes[e.from], page: page), "to": link(diagram.nodes[e.to], page: page),
             "ports": (e.ports.isEmpty ? nil : e.ports) as Any]
        }
        return Output(svg: svg, edges: edges)
    }

    private func nodeSVG(_ node: LineageDiagram.Node, _ place: NodePlacement, page: String) -> String {
        var classes = ["lineage-node"]
        switch node.kind {
        case .focus: classes.append("focus")
        case .external: classes.append("external")
        case .more: classes.append("more")
        case .port: classes.append("port")
        case .product: break
        }
        if let domain = node.domain, let colour = palette[domain] { classes.append("domain-c\(colour)") }
        if node.deprecated { classes.append("deprecated") }
        let x = place.x - place.width / 2, y = place.y - place.height / 2
        var title = node.label + (node.detail.map { " — \($0)" } ?? "")
        if node.deprecated { title += " (deprecated)" }
        var g = "<g class=\"\(classes.joined(separator: " "))\"><title>\(HTMLText.escape(title))</title>"
        g += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(place.width))\" height=\"\(n(place.height))\" rx=\"6\"/>"
        g += "<text class=\"lineage-label\" x=\"\(n(place.x))\" y=\"\(n(place.y - 3))\">\(HTMLText.escape(node.label))</text>"
        if let detail = node.detail {
            g += "<text class=\"lineage-detail\" x=\"\(n(place.x))\" y=\"\(n(place.y + 10))\">\(HTMLText.escape(detail))</text>"
        }
        g += "</g>"
        guard let href = node.href else { return g }
        return "<a href=\"\(HTMLText.escape(SiteURL.relative(from: page, to: href)))\">\(g)</a>"
    }

    private func link(_ node: LineageDiagram.Node, page: String) -> [String: Any] {
        ["label": node.label, "href": node.href.map { SiteURL.relative(from: page, to: $0) } as Any,
         "external": node.kind == .external]
    }

    /// Coordinates with at most one decimal, so output is compact and stable.
    private func n(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
