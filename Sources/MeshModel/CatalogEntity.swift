/// Backstage catalog entities that describe ownership: domains, teams (groups) and people (users).
public enum CatalogEntity: Sendable, Hashable, Codable {
    case domain(CatalogDomain)
    case group(CatalogGroup)
    case user(CatalogUser)
    /// A kind the portal does not use (System, Component, …), kept for its schema findings.
    case other(kind: String, location: SourceLocation, schemaFindings: [Diagnostic])

    /// What the schema check found in the entity's YAML (Load keeps no tree).
    public var schemaFindings: [Diagnostic] {
        get {
            switch self {
            case .domain(let d): d.schemaFindings
            case .group(let g): g.schemaFindings
            case .user(let u): u.schemaFindings
            case .other(_, _, let findings): findings
            }
        }
        set {
            switch self {
            case .domain(var d): d.schemaFindings = newValue; self = .domain(d)
            case .group(var g): g.schemaFindings = newValue; self = .group(g)
            case .user(var u): u.schemaFindings = newValue; self = .user(u)
            case .other(let kind, let location, _): self = .other(kind: kind, location: location, schemaFindings: newValue)
            }
        }
    }

    /// Where the entity's `metadata.name` is written.
    public var location: SourceLocation {
        switch self {
        case .domain(let d): d.location
        case .group(let g): g.location
        case .user(let u): u.location
        case .other(_, let location, _): location
        }
    }

    public var kind: String {
        switch self {
        case .domain: "Domain"
        case .group: "Group"
        case .user: "User"
        case .other(let kind, _, _): kind
        }
    }
}

public struct CatalogDomain: Sendable, Hashable, Codable {
    public var name: String
    public var title: String?
    public var description: String?
    /// Entity reference of the owner, with the `group:` prefix removed.
    public var owner: String?
    public var location: SourceLocation
    /// What the schema check found in the entity's YAML.
    public var schemaFindings: [Diagnostic] = []
    public init(name: String, title: String?, description: String?, owner: String?, location: SourceLocation) {
        self.name = name
        self.title = title
        self.description = description
        self.owner = owner
        self.location = location
    }
}

public struct CatalogGroup: Sendable, Hashable, Codable {
    public var name: String
    public var displayName: String?
    public var description: String?
    public var email: String?
    public var type: String?
    public var parent: String?
    public var children: [String]
    public var members: [String]
    public var location: SourceLocation
    /// What the schema check found in the entity's YAML.
    public var schemaFindings: [Diagnostic] = []
    public init(name: String, displayName: String?, description: String?, email: String?, type: String?,
                parent: String?, children: [String], members: [String], location: SourceLocation) {
        self.name = name
        self.displayName = displayName
        self.description = description
        self.email = email
        self.type = type
        self.parent = parent
        self.children = children
        self.members = members
        self.location = location
    }
}

public struct CatalogUser: Sendable, Hashable, Codable {
    public var name: String
    public var displayName: String?
    public var email: String?
    public var memberOf: [String]
    public var location: SourceLocation
    /// What the schema check found in the entity's YAML.
    public var schemaFindings: [Diagnostic] = []
    public init(name: String, displayName: String?, email: String?, memberOf: [String], location: SourceLocation) {
        self.name = name
        self.displayName = displayName
        self.email = email
        self.memberOf = memberOf
        self.location = location
    }
}

extension String {
    /// Backstage entity references look like `group:default/team-a`, `group:team-a` or `team-a`.
    public var entityName: String {
        var s = Substring(self)
        if let colon = s.firstIndex(of: ":") { s = s[s.index(after: colon)...] }
        if let slash = s.lastIndex(of: "/") { s = s[s.index(after: slash)...] }
        return String(s)
    }
}
