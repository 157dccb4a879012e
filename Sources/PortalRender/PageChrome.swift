import MeshLink
import MeshModel

/// What every page shares: the way back to the site root, the site title, navigation and breadcrumbs.
struct PageChrome {
    let mesh: LinkedMesh
    let generatedAt: String?

    /// The layout's context for a page at `url` (site-root relative) with already rendered `content`.
    func layout(url: String, title: String, content: String, section: String,
                breadcrumbs: [(String, String?)], description: String? = nil, absoluteRoot: String? = nil) -> [String: Any] {
        let root = absoluteRoot ?? SiteURL.root(from: url)
        return [
            "root": root,
            "pageTitle": title,
            "isHome": section == "home",
            "meshTitle": mesh.config.title,
            "description": description ?? mesh.config.description ?? "",
            "content": content,
            "homeHref": root + SiteURL.home,
            "nav": [
                ["label": "Home", "href": root + SiteURL.home, "current": section == "home"],
                ["label": "Domains", "href": root + SiteURL.home + "#domains", "current": section == "domain"],
                ["label": "Products", "href": root + SiteURL.home + "#products", "current": section == "product"],
                ["label": "Teams", "href": root + SiteURL.home + "#teams", "current": section == "team"],
                ["label": "Lineage", "href": root + SiteURL.lineage, "current": section == "lineage"],
                ["label": "Governance", "href": root + SiteURL.governance, "current": section == "governance"],
            ],
            "breadcrumbs": breadcrumbs.enumerated().map { i, crumb in
                ["label": crumb.0, "href": crumb.1.map { root + $0 } as Any, "last": i == breadcrumbs.count - 1]
            },
            "hasBreadcrumbs": breadcrumbs.count > 1,
            "generatedAt": generatedAt as Any,
        ]
    }
}

/// Small view helpers shared by the page factories.
enum View {
    static func statusBadge(_ status: String?) -> [String: Any] {
        let s = status ?? "unknown"
        return ["label": s, "class": "status-" + Slug.make(s)]
    }

    static func link(_ label: String, from page: String, to target: String) -> [String: Any] {
        ["label": label, "href": SiteURL.relative(from: page, to: target)]
    }

    static func teamLink(_ mesh: LinkedMesh, _ slug: String?, from page: String) -> [String: Any]? {
        guard let team = mesh.team(slug) else { return nil }
        return link(team.displayName, from: page, to: team.url)
    }

    static func domainLink(_ mesh: LinkedMesh, _ slug: String, from page: String) -> [String: Any] {
        let title = mesh.domain(slug)?.title ?? slug
        return link(title, from: page, to: SiteURL.domain(slug))
    }

    /// First sentence-ish of a text, for tables and cards.
    static func summary(_ text: String?, limit: Int = 160) -> String {
        guard let text else { return "" }
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard flat.count > limit else { return flat }
        return String(flat.prefix(limit)).trimmingWhitespace() + "…"
    }

    static func productRow(_ mesh: LinkedMesh, _ index: Int, from page: String) -> [String: Any] {
        let product = mesh.products[index]
        return [
            "name": product.name,
            "href": SiteURL.relative(from: page, to: product.url),
            "status": statusBadge(product.manifest.status),
            "domain": domainLink(mesh, product.domain, from: page),
            "team": teamLink(mesh, product.team, from: page) as Any,
            "summary": summary(product.manifest.description.purpose),
            "outputCount": product.outputPorts.count,
            "inputCount": product.inputPorts.count,
            "tags": product.manifest.tags,
        ]
    }
}
