/// Backstage catalog entities that describe ownership: domains, teams (groups) and people (users).
public enum CatalogEntity: Sendable, Hashable, Codable {
    case domain(CatalogDomain)
    case group(CatalogGroup)
    case user(CatalogUser)
    /// A kind the portal does not use (System, Component, …), kept for schema validation.
    case other(kind: String, node: YAMLNode)

    /// The entity's YAML, for schema validation.
    public var node: YAMLNode? {
        switch self {
        case .domain(let d): d.node
        case .group(let g): g.node
        case .user(let u): u.node
        case .other(_, let node): node
        }
    }

    public var kind: String {
        switch self {
        case .domain: "Domain"
        case .group: "Group"
        case .user: "User"
        case .other(let kind, _): kind
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
    /// The entity as written, for schema validation.
    public var node: YAMLNode?
    public init(name: String, title: String?, description: String?, owner: String?, location: SourceLocation, node: YAMLNode? = nil) {
        self.name = name
        self.title = title
        self.description = description
        self.owner = owner
        self.location = location
        self.node = node
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
    /// The entity as written, for schema validation.
    public var node: YAMLNode?
    public init(name: String, displayName: String?, description: String?, email: String?, type: String?,
                parent: String?, children: [String], members: [String], location: SourceLocation, node: YAMLNode? = nil) {
        self.name = name
        self.displayName = displayName
        self.description = description
        self.email = email
        self.type = type
        self.parent = parent
        self.children = children
        self.members = members
        self.location = location
        self.node = node
    }
}

public struct CatalogUser: Sendable, Hashable, Codable {
    public var name: String
    public var displayName: String?
    public var email: String?
    public var memberOf: [String]
    public var location: SourceLocation
    /// The entity as written, for schema validation.
    public var node: YAMLNode?
    public init(name: String, displayName: String?, email: String?, memberOf: [String], location: SourceLocation, node: YAMLNode? = nil) {
        self.name = name
        self.displayName = displayName
        self.email = email
        self.memberOf = memberOf
        self.location = location
        self.node = node
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
