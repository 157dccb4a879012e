import MeshLink
import MeshModel

/// Which products a diagram shows: a product's upstream and downstream up to a few hops, a
/// domain with its direct neighbours, or the whole mesh grouped by domain.
struct LineageNeighbourhood {
    let mesh: LinkedMesh
    /// Product index -> (upstream product, port pair) and (downstream product, port pair).
    let upstream: [[(Int, String)]]
    let downstream: [[(Int, String)]]

    init(mesh: LinkedMesh) {
        self.mesh = mesh
        var up = Array(repeating: [(Int, String)](), count: mesh.products.count)
        var down = up
        for e in mesh.edges {
            let ports = "\(e.upstream.port) → \(e.downstream.port)"
            up[e.downstream.product].append((e.upstream.product, ports))
            down[e.upstream.product].append((e.downstream.product, ports))
        }
        upstream = up
        downstream = down
    }

    /// A product, `depth` hops up and down. Direct neighbours are always all shown; further hops
    /// show at most `width` products per side, the rest folded into a "+N more" node.
    func product(_ focus: Int, depth: Int, width: Int) -> LineageDiagram {
        let p = mesh.products[focus]
        var d = LineageDiagram(title: "Lineage of \(p.name): upstream on the left, downstream on the right")
        let center = d.add(.product(mesh, focus, focus: true))
        for port in p.inputPorts where port.upstream == nil {
            guard let id = port.port.contractId else { continue }
            d.connect(d.add(.external(id)), center, ports: "\(id) → \(port.port.name)")
        }
        expand(&d, from: focus, at: center, links: upstream, depth: depth, width: width, upstream: true)
        expand(&d, from: focus, at: center, links: downstream, depth: depth, width: width, upstream: false)
        return p.outputPorts.count > 1 || p.outputPorts.contains { !$0.port.inputContracts.isEmpty }
            ? withPorts(d, focus: focus, center: center) : d
    }

    /// The focus product drawn with its output ports: each port a node after the product, its edge
    /// naming the inputs its ODPS `inputContracts` say it is built from, and each consumer attached
    /// to the port it reads.
    private func withPorts(_ diagram: LineageDiagram, focus: Int, center: Int) -> LineageDiagram {
        let p = mesh.products[focus]
        var d = LineageDiagram(title: diagram.title)
        for node in diagram.nodes { d.add(node) }
        var portNode: [String: Int] = [:]
        for port in p.outputPorts {
            portNode[port.port.name] = d.add(.init(id: "port:" + port.port.name, label: port.port.name,
                                                   detail: "output port of \(p.name)", href: p.url + "#" + port.anchor,
                                                   domain: p.domain, cluster: nil, kind: .port))
        }
        for edge in diagram.edges {
            guard edge.from == center else { d.connect(edge.from, edge.to, ports: edge.ports); continue }
            // "orders_v1 → revenue; orders_v2 → tax": attach the consumer to each port it reads.
            for pair in edge.ports.components(separatedBy: "; ") {
                let name = pair.components(separatedBy: " → ").first ?? ""
                d.connect(portNode[name] ?? center, edge.to, ports: pair)
            }
        }
        for port in p.outputPorts {
            guard let node = portNode[port.port.name] else { continue }
            let feeding = port.port.inputContracts.compactMap { id in p.inputPorts.first { $0.port.contractId == id } }
            d.connect(center, node, ports: feeding.isEmpty ? "" : "built from " + feeding.map(\.port.name).joined(separator: ", "))
        }
        return d
    }

    private func expand(_ d: inout LineageDiagram, from focus: Int, at center: Int, links: [[(Int, String)]],
                        depth: Int, width: Int, upstream: Bool) {
        var frontier = [(focus, center)]
        for hop in 1...max(1, depth) {
            var next: [(Int, Int)] = []
            var hidden = 0
            for (product, node) in frontier {
                let neighbours = links[product].sorted { mesh.products[$0.0].name < mesh.products[$1.0].name }
                for (other, ports) in neighbours {
                    let id = "p\(other)"
                    let known = d.position(of: id)
                    guard known != nil || hop == 1 || next.count < width else { hidden += 1; continue }
                    let otherNode = known ?? d.add(.product(mesh, other))
                    upstream ? d.connect(otherNode, node, ports: ports) : d.connect(node, otherNode, ports: ports)
                    if known == nil { next.append((other, otherNode)) }
                }
            }
            if hidden > 0 {
                let more = d.add(.init(id: "more:\(upstream ? "up" : "down"):\(hop)", label: "+\(hidden) more",
                                       detail: upstream ? "further upstream" : "further downstream", href: nil,
                                       domain: nil, cluster: nil, kind: .more))
                let anchor = frontier.first?.1 ?? center
                upstream ? d.connect(more, anchor, ports: "") : d.connect(anchor, more, ports: "")
            }
            frontier = next
            if frontier.isEmpty { break }
        }
    }

    /// A domain's products and their direct neighbours in other domains.
    func domain(_ domain: Domain) -> LineageDiagram {
        var d = LineageDiagram(title: "Lineage of the \(domain.title) domain and its direct neighbours")
        d.clustered = true
        for p in domain.products { d.add(.product(mesh, p, cluster: true)) }
        for p in domain.products {
            let node = d.add(.product(mesh, p, cluster: true))
            for (other, ports) in upstream[p] { d.connect(d.add(.product(mesh, other, cluster: true)), node, ports: ports) }
            for (other, ports) in downstream[p] { d.connect(node, d.add(.product(mesh, other, cluster: true)), ports: ports) }
            for port in mesh.products[p].inputPorts where port.upstream == nil {
                guard let id = port.port.contractId else { continue }
                d.connect(d.add(.external(id)), node, ports: "\(id) → \(port.port.name)")
            }
        }
        return d
    }

    /// Every product, grouped by domain.
    func whole() -> LineageDiagram {
        var d = LineageDiagram(title: "Lineage of the whole mesh, grouped by domain")
        d.clustered = true
        for i in mesh.products.indices { d.add(.product(mesh, i, cluster: true)) }
        for e in mesh.edges {
            d.connect(d.position(of: "p\(e.upstream.product)")!, d.position(of: "p\(e.downstream.product)")!,
                      ports: "\(e.upstream.port) → \(e.downstream.port)")
        }
        for (i, p) in mesh.products.enumerated() {
            for port in p.inputPorts where port.upstream == nil {
                guard let id = port.port.contractId else { continue }
                d.connect(d.add(.external(id)), d.position(of: "p\(i)")!, ports: "\(id) → \(port.port.name)")
            }
        }
        return d
    }
}
