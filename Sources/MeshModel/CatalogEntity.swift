/// Backstage catalog entities that describe ownership: domains, teams (groups) and people (users).
public enum CatalogEntity: Sendable, Hashable {
    case domain(CatalogDomain)
    case group(CatalogGroup)
    case user(CatalogUser)
}

public struct CatalogDomain: Sendable, Hashable {
    public var name: String
    public var title: String?
    public var description: String?
    /// Entity reference of the owner, with the `group:` prefix removed.
    public var owner: String?
    public var location: SourceLocation
    public init(name: String, title: String?, description: String?, owner: String?, location: SourceLocation) {
        self.name = name
        self.title = title
        self.description = description
        self.owner = owner
        self.location = location
    }
}

public struct CatalogGroup: Sendable, Hashable {
    public var name: String
    public var displayName: String?
    public var description: String?
    public var email: String?
    public var type: String?
    public var parent: String?
    public var children: [String]
    public var members: [String]
    public var location: SourceLocation
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

public struct CatalogUser: Sendable, Hashable {
    public var name: String
    public var displayName: String?
    public var email: String?
    public var memberOf: [String]
    public var location: SourceLocation
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
