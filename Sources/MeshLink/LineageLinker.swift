import MeshModel

/// Joins output ports to their contracts and input ports to the output ports that publish the
/// contract they read. An input whose contract nobody publishes is an external upstream.
enum LineageLinker {
    static func link(_ products: inout [Product], contracts: [DataContract],
                     diagnostics: inout [Diagnostic]) -> [LineageEdge] {
        var contractIndex: [String: Int] = [:]
        for (i, c) in contracts.enumerated() { contractIndex[c.id] = i }

        var publishers: [String: PortRef] = [:]
        var pageAnchors = Array(repeating: AnchorSet(reserved: ProductPageSection.allIDs), count: products.count)
        for p in products.indices {
            products[p].outputPorts = products[p].manifest.outputPorts.map { port in
                var contract: Int?
                if let id = port.contractId {
                    contract = contractIndex[id]
                    if contract == nil {
                        diagnostics.append(.warning("port.contract.missing",
                            "output port '\(port.name)' names contract '\(id)', but no contract with that id was found",
                            at: port.location))
                    }
                    let ref = PortRef(product: p, port: port.name)
                    if let first = publishers[id], first.product != p {
                        diagnostics.append(.error("contract.published.twice",
                            "contract '\(id)' is already published by \(products[first.product].domain)/\(products[first.product].slug)",
                            at: port.location,
                            notes: [.init("published first here", at: products[first.product].manifest.outputPorts.first { $0.name == first.port }?.location)]))
                    } else if publishers[id] == nil {
                        publishers[id] = ref
                    }
                }
                let anchor = pageAnchors[p].take("port-" + Slug.make(port.name))
                let schema = (contract.map { contracts[$0].schema } ?? []).map { object in
                    SchemaAnchors(object: pageAnchors[p].take("schema-" + Slug.make(port.name) + "-" + Slug.make(object.name)),
                                  columns: object.properties.map {
                                      pageAnchors[p].take("column-" + Slug.make(object.name) + "-" + Slug.make($0.name))
                                  })
                }
                return LinkedOutputPort(port: port, anchor: anchor, contract: contract, consumers: [], schemaAnchors: schema)
            }
        }

        var edges: [LineageEdge] = []
        for p in products.indices {
            products[p].inputPorts = products[p].manifest.inputPorts.map { port in
                var upstream: PortRef?
                if let id = port.contractId {
                    upstream = publishers[id]
                    if let up = upstream, up.product != p {
                        edges.append(LineageEdge(upstream: up, downstream: PortRef(product: p, port: port.name), contractId: id))
                    } else if upstream == nil {
                        diagnostics.append(.warning("lineage.upstream.unknown",
                            "input port '\(port.name)' reads contract '\(id)', which no product in this mesh publishes; shown as an external upstream",
                            at: port.location))
                    }
                } else {
                    diagnostics.append(.warning("port.contractId.missing",
                        "input port '\(port.name)' has no 'contractId', so its upstream is unknown", at: port.location))
                }
                return LinkedInputPort(port: port, anchor: pageAnchors[p].take("input-" + Slug.make(port.name)), upstream: upstream)
            }
        }
        for p in products.indices { products[p].anchors = pageAnchors[p].all }
        edges.sort()
        for edge in edges {
            if let i = products[edge.upstream.product].outputPorts.firstIndex(where: { $0.port.name == edge.upstream.port }) {
                products[edge.upstream.product].outputPorts[i].consumers.append(edge.downstream)
            }
        }
        return edges
    }
}

/// Anchors that stay unique within one page: a repeat gets `-2`, `-3`, …
struct AnchorSet {
    private(set) var all: Set<String>
    init(reserved: [String] = []) { all = Set(reserved) }
    mutating func take(_ wanted: String) -> String {
        var candidate = wanted
        var n = 1
        while all.contains(candidate) {
            n += 1
            candidate = "\(wanted)-\(n)"
        }
        all.insert(candidate)
        return candidate
    }
}
