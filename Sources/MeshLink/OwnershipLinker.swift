import MeshModel

/// Builds the domain and team pages' data: who owns what, and which domains feed which.
enum OwnershipLinker {
    static func link(products: inout [Product], catalog: CatalogIndex,
                     edges: [LineageEdge]) -> ([Domain], [Team]) {
        // Domains: every domain a product names, plus every declared Backstage Domain.
        var domains: [String: Domain] = [:]
        func ensureDomain(_ name: String) {
            let slug = Slug.make(name)
            guard domains[slug] == nil else { return }
            let entity = catalog.domains[name] ?? catalog.domains.values.first { Slug.make($0.name) == slug }
            domains[slug] = Domain(slug: slug, declared: entity != nil, name: entity?.name ?? name,
                                   title: entity?.title ?? name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " "),
                                   description: entity?.description, ownerTeam: entity?.owner.map(Slug.make),
                                   file: entity?.location.file, products: [], upstreamDomains: [], downstreamDomains: [])
        }
        for name in catalog.domains.keys.sorted() { ensureDomain(name) }
        for (i, product) in products.enumerated() {
            ensureDomain(product.manifest.domain ?? product.domain)
            domains[product.domain]?.products.append(i)
        }
        var upstream: [String: Set<String>] = [:], downstream: [String: Set<String>] = [:]
        for edge in edges {
            let from = products[edge.upstream.product].domain, to = products[edge.downstream.product].domain
            guard from != to else { continue }
            upstream[to, default: []].insert(from)
            downstream[from, default: []].insert(to)
        }
        for slug in domains.keys {
            domains[slug]?.upstreamDomains = upstream[slug, default: []].sorted()
            domains[slug]?.downstreamDomains = downstream[slug, default: []].sorted()
        }

        // Teams: every Backstage Group, every team a product or domain names.
        var teams: [String: Team] = [:]
        func ensureTeam(_ name: String, fallbackMembers: [ProductManifest.Member] = [], description: String? = nil) {
            let group = catalog.group(named: name)
            let slug = Slug.make(group?.name ?? name)
            guard teams[slug] == nil else { return }
            var members: [Person] = []
            var seen = Set<String>()
            let usernames = (group?.members ?? []) + (group.map { catalog.usersByGroup[$0.name] ?? [] } ?? [])
            for username in usernames where seen.insert(username).inserted {
                let user = catalog.users[username]
                members.append(Person(username: username, displayName: user?.displayName, email: user?.email, role: nil))
            }
            if group == nil {
                for m in fallbackMembers where seen.insert(m.username).inserted {
                    members.append(Person(username: m.username, displayName: m.name, email: nil, role: m.role))
                }
            }
            teams[slug] = Team(slug: slug, declared: group != nil, name: group?.name ?? name, displayName: group?.displayName ?? name,
                               description: group?.description ?? description, email: group?.email,
                               parent: group?.parent.map(Slug.make), children: (group?.children ?? []).map(Slug.make),
                               members: members, products: [], ownedDomains: [])
        }
        for name in catalog.groups.keys.sorted() { ensureTeam(name) }
        for i in products.indices {
            guard let team = products[i].manifest.team, let name = team.name else { continue }
            ensureTeam(name, fallbackMembers: team.members, description: team.description)
            let slug = Slug.make(catalog.group(named: name)?.name ?? name)
            products[i].team = slug
            teams[slug]?.products.append(i)
        }
        for slug in domains.keys.sorted() {
            guard let owner = domains[slug]?.ownerTeam else { continue }
            ensureTeam(owner)
            let teamSlug = Slug.make(catalog.group(named: owner)?.name ?? owner)
            domains[slug]?.ownerTeam = teamSlug
            teams[teamSlug]?.ownedDomains.append(slug)
        }
        // A parent named only as a reference still gets a page, so the link resolves.
        for parent in Set(teams.values.compactMap(\.parent)).sorted() where teams[parent] == nil {
            ensureTeam(parent)
        }
        var children: [String: [String]] = [:]
        for team in teams.values { if let parent = team.parent { children[parent, default: []].append(team.slug) } }
        for slug in teams.keys { teams[slug]?.children = (children[slug] ?? []).sorted() }
        return (domains.values.sorted { $0.slug < $1.slug }, teams.values.sorted { $0.slug < $1.slug })
    }
}
