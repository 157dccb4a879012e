import MeshLink
import MeshModel

/// The home page: what the mesh holds, by domain, team and product.
struct HomePage {
    let mesh: LinkedMesh
    let url = SiteURL.home

    func context() -> [String: Any] {
        [
            "title": mesh.config.title,
            "description": mesh.config.description as Any,
            "totals": [
                ["label": "Domains", "value": mesh.domains.count],
                ["label": "Data products", "value": mesh.products.count],
                ["label": "Teams", "value": mesh.teams.count],
                ["label": "Output ports", "value": mesh.products.reduce(0) { $0 + $1.outputPorts.count }],
                ["label": "Lineage edges", "value": mesh.edges.count],
                ["label": "Doc pages", "value": mesh.docs.count],
            ],
            "domains": mesh.domains.map { d in
                ["title": d.title, "href": SiteURL.relative(from: url, to: d.url), "summary": View.summary(d.description),
                 "productCount": d.products.count, "owner": View.teamLink(mesh, d.ownerTeam, from: url) as Any]
            },
            "teams": mesh.teams.map { t in
                ["name": t.displayName, "href": SiteURL.relative(from: url, to: t.url),
                 "productCount": t.products.count, "memberCount": t.members.count]
            },
            "products": mesh.products.indices.map { View.productRow(mesh, $0, from: url) },
        ]
    }
}

/// A domain page: its owner, its products, and the domains it reads from and feeds.
struct DomainPage {
    let mesh: LinkedMesh
    let domain: Domain
    var url: String { domain.url }

    func context() -> [String: Any] {
        let teams = Set(domain.products.compactMap { mesh.products[$0].team }).sorted()
        return [
            "title": domain.title, "name": domain.name, "description": domain.description as Any,
            "owner": View.teamLink(mesh, domain.ownerTeam, from: url) as Any,
            "products": domain.products.map { View.productRow(mesh, $0, from: url) },
            "teams": teams.compactMap { View.teamLink(mesh, $0, from: url) },
            "upstream": domain.upstreamDomains.map { View.domainLink(mesh, $0, from: url) },
            "downstream": domain.downstreamDomains.map { View.domainLink(mesh, $0, from: url) },
            "hasFlows": !domain.upstreamDomains.isEmpty || !domain.downstreamDomains.isEmpty,
            "provenance": (domain.file != nil ? ProvenanceView.file(mesh.provenance(of: domain))
                                               : ProvenanceView.repositoryOnly(mesh.provenance(of: domain))) as Any,
        ]
    }
}

/// A team's ownership page: members, contact, what it owns.
struct TeamPage {
    let mesh: LinkedMesh
    let team: Team
    var url: String { team.url }

    func context() -> [String: Any] {
        [
            "title": team.displayName, "name": team.name, "description": team.description as Any,
            "email": team.email as Any, "emailHref": SafeURL.href(team.email.map { "mailto:" + $0 }) as Any,
            "parent": View.teamLink(mesh, team.parent, from: url) as Any,
            "children": team.children.compactMap { View.teamLink(mesh, $0, from: url) },
            "members": team.members.map { m in
                ["label": m.label, "username": m.username, "email": m.email as Any,
                 "emailHref": SafeURL.href(m.email.map { "mailto:" + $0 }) as Any, "role": m.role as Any]
            },
            "products": team.products.map { View.productRow(mesh, $0, from: url) },
            "domains": team.ownedDomains.map { View.domainLink(mesh, $0, from: url) },
        ]
    }
}

/// A doc page: the Markdown, its own headings as page navigation, and the product's other docs.
struct DocPageView {
    let mesh: LinkedMesh
    let doc: DocPage
    let html: String

    func context() -> [String: Any] {
        let product = mesh.products[doc.product]
        return [
            "title": doc.title, "html": html,
            "product": View.link(product.name, from: doc.url, to: product.url),
            "productStatus": View.statusBadge(product.manifest.status),
            "domain": View.domainLink(mesh, product.domain, from: doc.url),
            "docs": DocNavigation.items(mesh, product: doc.product, current: doc.url),
            "toc": doc.document.headings.filter { $0.level == 2 || $0.level == 3 }.map {
                ["text": $0.text, "anchor": $0.anchor, "sub": $0.level == 3]
            },
            "provenance": ProvenanceView.file(mesh.provenance(of: doc.document.file)) as Any,
        ]
    }
}
