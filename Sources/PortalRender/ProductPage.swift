import MeshLink
import MeshModel

/// The product page: what the product is, who owns it, its ports with schemas, SLAs and quality,
/// where its data comes from and who consumes it, and its landing doc.
struct ProductPage {
    let mesh: LinkedMesh
    let index: Int
    let landingHTML: String?
    /// What the governance report says of this product.
    let compliance: GovernanceReport.Product?

    var product: Product { mesh.products[index] }
    var url: String { product.url }

    func context() -> [String: Any] {
        let manifest = product.manifest
        let landing = product.landingDoc.map { mesh.docs[$0] }
        return [
            "name": manifest.name,
            "id": manifest.id,
            "status": View.statusBadge(manifest.status),
            "deprecated": product.isDeprecated,
            "version": manifest.version as Any,
            "tenant": manifest.tenant as Any,
            "domain": View.domainLink(mesh, product.domain, from: url),
            "team": View.teamLink(mesh, product.team, from: url) as Any,
            "tags": manifest.tags,
            "purpose": manifest.description.purpose as Any,
            "usage": manifest.description.usage as Any,
            "limitations": manifest.description.limitations as Any,
            "sections": ProductPageSection.allCases.reduce(into: [String: String]()) { $0["\($1)"] = $1.id },
            "outputPorts": product.outputPorts.map(outputPort),
            "inputPorts": product.inputPorts.map(inputPort),
            "hasInputs": !product.inputPorts.isEmpty,
            "consumers": consumers(),
            "support": manifest.support.map { s in
                ["channel": s.channel, "href": SafeURL.href(s.url) as Any, "url": s.url as Any,
                 "tool": s.tool as Any, "scope": s.scope as Any, "description": s.description as Any]
            },
            "productMembers": members(),
            "docs": DocNavigation.items(mesh, product: index, current: url),
            "landingHTML": landingHTML as Any,
            "governance": GovernancePage.productSection(compliance, page: url) as Any,
            "landingHeadings": (landing?.document.headings ?? []).filter { $0.level == 2 }.map { ["text": $0.text, "anchor": $0.anchor] },
            "provenance": ProvenanceView.file(mesh.provenance(of: manifest.file)) as Any,
            "landingProvenance": ProvenanceView.file(landing.flatMap { mesh.provenance(of: $0.document.file) }) as Any,
        ]
    }

    /// The people the manifest names for this product, or else the owner team's members.
    private func members() -> [[String: Any]] {
        let named = product.manifest.team?.members ?? []
        if !named.isEmpty {
            return named.map { ["label": $0.name ?? $0.username, "username": $0.username, "role": $0.role as Any] }
        }
        return (mesh.team(product.team)?.members ?? []).map { ["label": $0.label, "username": $0.username, "role": $0.role as Any] }
    }

    private func outputPort(_ port: LinkedOutputPort) -> [String: Any] {
        var out: [String: Any] = [
            "name": port.port.name, "anchor": port.anchor, "type": port.port.type as Any,
            "version": port.port.version as Any, "description": port.port.description as Any,
            "contractId": port.port.contractId as Any,
            "consumers": port.consumers.map { portLink($0, input: true) },
            "feeds": port.port.inputContracts.compactMap { id in
                product.inputPorts.first { $0.port.contractId == id }.map { ["name": $0.port.name, "href": "#" + $0.anchor] }
            },
        ]
        if let c = port.contract {
            out["contract"] = ContractView(contract: mesh.contracts[c], anchors: port.schemaAnchors).context()
        }
        return out
    }

    private func inputPort(_ port: LinkedInputPort) -> [String: Any] {
        var out: [String: Any] = [
            "name": port.port.name, "anchor": port.anchor, "version": port.port.version as Any,
            "contractId": port.port.contractId as Any,
        ]
        if let up = port.upstream {
            out["upstream"] = portLink(up, input: false)
        } else {
            out["external"] = true
        }
        return out
    }

    /// A link to another product's port, with its domain and status.
    private func portLink(_ ref: PortRef, input: Bool) -> [String: Any] {
        let other = mesh.products[ref.product]
        let anchor = input
            ? other.inputPorts.first { $0.port.name == ref.port }?.anchor
            : other.outputPorts.first { $0.port.name == ref.port }?.anchor
        let href = SiteURL.relative(from: url, to: other.url)
        return [
            "product": other.name, "href": href, "port": ref.port,
            "portHref": href + (anchor.map { "#" + $0 } ?? ""),
            "domain": View.domainLink(mesh, other.domain, from: url),
            "status": View.statusBadge(other.manifest.status), "deprecated": other.isDeprecated,
        ]
    }

    /// Downstream products over all output ports, each once.
    private func consumers() -> [[String: Any]] {
        var seen = Set<Int>()
        return product.outputPorts.flatMap(\.consumers).sorted().compactMap { ref in
            seen.insert(ref.product).inserted ? View.productRow(mesh, ref.product, from: url) : nil
        }
    }
}

/// The list of a product's docs, shown on its page and on each doc page.
enum DocNavigation {
    static func items(_ mesh: LinkedMesh, product: Int, current: String) -> [[String: Any]] {
        mesh.products[product].docs.map { d in
            let doc = mesh.docs[d]
            return ["title": doc.isLanding ? "Overview" : doc.title,
                    "href": SiteURL.relative(from: current, to: doc.url), "current": doc.url == current]
        }
    }
}
