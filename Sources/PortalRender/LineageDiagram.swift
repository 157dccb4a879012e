import MeshLink
import MeshModel

/// A lineage diagram before layout: nodes (products, external upstreams, "+N more" stand-ins)
/// and the edges between them, upstream to downstream.
struct LineageDiagram {
    struct Node {
        var id: String
        var label: String
        var detail: String?
        /// Site-root path of the node's page; nil for nodes that are not pages.
        var href: String?
        /// Domain slug, for the theme's per-domain colour class.
        var domain: String?
        var cluster: String?
        var kind: Kind
        var deprecated = false

        enum Kind { case product, focus, external, more, port }
    }

    struct Edge: Hashable {
        var from: Int
        var to: Int
        /// Which ports the edge joins, for its `<title>` and the text list.
        var ports: String
    }

    var title: String
    var nodes: [Node] = []
    var edges: [Edge] = []
    var clustered = false

    private var index: [String: Int] = [:]
    private var edgeIndex: [Int: Int] = [:]

    init(title: String) { self.title = title }

    @discardableResult
    mutating func add(_ node: Node) -> Int {
        if let existing = index[node.id] { return existing }
        index[node.id] = nodes.count
        nodes.append(node)
        return nodes.count - 1
    }

    func contains(_ id: String) -> Bool { index[id] != nil }
    func position(of id: String) -> Int? { index[id] }

    /// Adds an edge, or adds the port pair to the edge already joining the two nodes.
    mutating func connect(_ from: Int, _ to: Int, ports: String) {
        guard from != to else { return }
        let key = from &* 1_000_003 &+ to
        if let i = edgeIndex[key] {
            if !ports.isEmpty, !edges[i].ports.contains(ports) { edges[i].ports += edges[i].ports.isEmpty ? ports : "; " + ports }
            return
        }
        edgeIndex[key] = edges.count
        edges.append(Edge(from: from, to: to, ports: ports))
    }
}

extension LineageDiagram.Node {
    /// A product as a diagram node.
    static func product(_ mesh: LinkedMesh, _ index: Int, focus: Bool = false, cluster: Bool = false) -> Self {
        let p = mesh.products[index]
        return .init(id: "p\(index)", label: p.name, detail: mesh.domain(p.domain)?.title ?? p.domain, href: p.url,
                     domain: p.domain, cluster: cluster ? p.domain : nil, kind: focus ? .focus : .product,
                     deprecated: p.isDeprecated)
    }

    static func external(_ contractId: String) -> Self {
        .init(id: "x:" + contractId, label: contractId, detail: "external upstream", href: nil, domain: nil,
              cluster: nil, kind: .external)
    }
}
