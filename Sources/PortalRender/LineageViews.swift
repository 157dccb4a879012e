import MeshLink
import MeshModel

/// The lineage sections of product and domain pages and the whole-mesh lineage page, as template contexts.
struct LineageViews {
    let mesh: LinkedMesh
    let neighbourhood: LineageNeighbourhood
    let svg: LineageSVG

    init(mesh: LinkedMesh) {
        self.mesh = mesh
        neighbourhood = LineageNeighbourhood(mesh: mesh)
        svg = LineageSVG(mesh: mesh)
    }

    func product(_ index: Int) -> [String: Any] {
        let diagram = neighbourhood.product(index, depth: mesh.config.lineageDepth, width: mesh.config.lineageWidth)
        return context(svg.render(diagram, page: mesh.products[index].url, id: "lineage"), diagram: diagram)
    }

    func domain(_ domain: Domain) -> [String: Any] {
        let diagram = neighbourhood.domain(domain)
        return context(svg.render(diagram, page: domain.url, id: "lineage"), diagram: diagram)
    }

    func whole() -> [String: Any] {
        let diagram = neighbourhood.whole()
        var out = context(svg.render(diagram, page: SiteURL.lineage, id: "lineage"), diagram: diagram)
        out["products"] = mesh.products.count
        out["edgeCount"] = mesh.edges.count
        out["domains"] = mesh.domains.map { d in
            ["title": d.title, "href": SiteURL.relative(from: SiteURL.lineage, to: d.url),
             "class": "domain-c\(svg.palette[d.slug] ?? 0)"]
        }
        return out
    }

    /// Column lineage of a product, or nil when none of its columns names a source.
    func columns(_ index: Int) -> [String: Any]? {
        let lineage = ColumnLineage(mesh: mesh, product: index)
        let rows = lineage.rows()
        guard !rows.isEmpty else { return nil }
        let page = mesh.products[index].url
        let drawn = svg.render(lineage.diagram(rows), page: page, id: "columns")
        return [
            "svg": drawn.svg,
            "rows": rows.map { row in
                ["column": row.column, "anchor": row.anchor,
                 "sources": row.sources.map { source in
                     ["name": source.name,
                      "href": source.product.map { p in
                          SiteURL.relative(from: page, to: mesh.products[p].url) + (source.anchor.map { "#" + $0 } ?? "")
                      } as Any,
                      "product": source.product.map { mesh.products[$0].name } as Any]
                 }] as [String: Any]
            },
        ]
    }

    private func context(_ output: LineageSVG.Output, diagram: LineageDiagram) -> [String: Any] {
        ["svg": output.svg, "edges": output.edges, "hasEdges": !output.edges.isEmpty, "title": diagram.title]
    }
}
