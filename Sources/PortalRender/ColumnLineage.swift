import MeshLink
import MeshModel

/// Column-level lineage of a product, from ODCS `transformSourceObjects`: which upstream columns
/// each column is derived from, resolved to the upstream product's column anchor where possible.
struct ColumnLineage {
    struct Source {
        var name: String
        var product: Int?
        var anchor: String?
    }
    struct Row {
        var column: String
        var anchor: String
        var sources: [Source]
    }

    let mesh: LinkedMesh
    let product: Int

    func rows() -> [Row] {
        let p = mesh.products[product]
        // Upstream schema objects by name (and physical name), with their column anchors.
        var objects: [String: (product: Int, columns: [String: String])] = [:]
        for input in p.inputPorts {
            guard let up = input.upstream, let port = mesh.products[up.product].outputPorts.first(where: { $0.port.name == up.port }),
                  let c = port.contract else { continue }
            for (i, object) in mesh.contracts[c].schema.enumerated() where i < port.schemaAnchors.count {
                var columns: [String: String] = [:]
                for (j, column) in object.properties.enumerated() where j < port.schemaAnchors[i].columns.count {
                    columns[column.name] = port.schemaAnchors[i].columns[j]
                }
                for name in [object.name, object.physicalName].compactMap({ $0 }) where objects[name] == nil {
                    objects[name] = (up.product, columns)
                }
            }
        }
        var rows: [Row] = []
        for port in p.outputPorts {
            guard let c = port.contract else { continue }
            for (i, object) in mesh.contracts[c].schema.enumerated() {
                for (j, column) in object.properties.enumerated() where !column.transformSourceObjects.isEmpty {
                    let anchor = i < port.schemaAnchors.count && j < port.schemaAnchors[i].columns.count ? port.schemaAnchors[i].columns[j] : ""
                    rows.append(Row(column: "\(object.name).\(column.name)", anchor: anchor,
                                    sources: column.transformSourceObjects.map { resolve($0, objects) }))
                }
            }
        }
        return rows
    }

    private func resolve(_ name: String, _ objects: [String: (product: Int, columns: [String: String])]) -> Source {
        guard let dot = name.lastIndex(of: "."), let found = objects[String(name[..<dot])] else {
            return Source(name: name, product: nil, anchor: nil)
        }
        return Source(name: name, product: found.product, anchor: found.columns[String(name[name.index(after: dot)...])])
    }

    /// The same as a small diagram: upstream columns on the left, this product's on the right.
    func diagram(_ rows: [Row]) -> LineageDiagram {
        var d = LineageDiagram(title: "Column lineage of \(mesh.products[product].name)")
        let focus = mesh.products[product]
        for row in rows {
            let target = d.add(.init(id: "c:" + row.column, label: row.column, detail: focus.name,
                                     href: focus.url + "#" + row.anchor, domain: focus.domain, cluster: nil, kind: .focus))
            for source in row.sources {
                let up = source.product.map { mesh.products[$0] }
                let node = d.add(.init(id: "s:" + source.name, label: source.name, detail: up?.name ?? "not in the mesh",
                                       href: up.map { $0.url + (source.anchor.map { "#" + $0 } ?? "") },
                                       domain: up?.domain, cluster: nil, kind: up == nil ? .external : .product))
                d.connect(node, target, ports: "")
            }
        }
        return d
    }
}
