import MeshModel

/// The Backstage entities by name, for joining products to their domain and team.
struct CatalogIndex {
    var domains: [String: CatalogDomain] = [:]
    var groups: [String: CatalogGroup] = [:]
    var users: [String: CatalogUser] = [:]
    /// Group name -> users that say `memberOf` it, sorted.
    var usersByGroup: [String: [String]] = [:]

    init(_ entities: [CatalogEntity], diagnostics: inout [Diagnostic]) {
        for entity in entities {
            switch entity {
            case .domain(let d): Self.insert(d, d.name, "Domain", d.location, into: &domains, &diagnostics)
            case .group(let g): Self.insert(g, g.name, "Group", g.location, into: &groups, &diagnostics)
            case .user(let u): Self.insert(u, u.name, "User", u.location, into: &users, &diagnostics)
            case .other: continue
            }
        }
        for user in users.values {
            for group in user.memberOf { usersByGroup[group, default: []].append(user.name) }
        }
        for group in usersByGroup.keys { usersByGroup[group]?.sort() }
    }

    private static func insert<T>(_ value: T, _ name: String, _ kind: String, _ location: SourceLocation,
                                  into table: inout [String: T], _ diagnostics: inout [Diagnostic]) {
        if table[name] != nil {
            diagnostics.append(.warning("catalog.entity.duplicate",
                "Backstage \(kind) '\(name)' is declared more than once; the first declaration is used",
                at: location))
            return
        }
        table[name] = value
    }

    /// A group by its exact name, or else by slug ("Sales Analytics" finds `sales-analytics`).
    func group(named name: String) -> CatalogGroup? {
        groups[name] ?? groups.values.filter { Slug.make($0.name) == Slug.make(name) }.min { $0.name < $1.name }
    }

    /// The Domain entities declared in one source repository.
    func domains(declaredUnder root: String) -> [CatalogDomain] {
        domains.values.filter { $0.location.file.hasPrefix(root + "/") }.sorted { $0.name < $1.name }
    }
}
