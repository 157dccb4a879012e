/// A Bitol ODPS data product manifest (v1.0.0, also the v0.9.0 examples).
public struct ProductManifest: Sendable, Hashable, Codable {
    public struct Description: Sendable, Hashable, Codable {
        public var purpose: String?
        public var usage: String?
        public var limitations: String?
        public init(purpose: String? = nil, usage: String? = nil, limitations: String? = nil) {
            self.purpose = purpose
            self.usage = usage
            self.limitations = limitations
        }
        public var isEmpty: Bool { purpose == nil && usage == nil && limitations == nil }
    }

    public struct InputPort: Sendable, Hashable, Codable {
        public var name: String
        public var version: String?
        public var contractId: String?
        public var location: SourceLocation
        public init(name: String, version: String?, contractId: String?, location: SourceLocation) {
            self.name = name
            self.version = version
            self.contractId = contractId
            self.location = location
        }
    }

    public struct OutputPort: Sendable, Hashable, Codable {
        public var name: String
        public var description: String?
        public var type: String?
        public var version: String?
        public var contractId: String?
        /// Which input contracts feed this output (ODPS `inputContracts[].id`).
        public var inputContracts: [String]
        public var location: SourceLocation
        public init(name: String, description: String?, type: String?, version: String?,
                    contractId: String?, inputContracts: [String], location: SourceLocation) {
            self.name = name
            self.description = description
            self.type = type
            self.version = version
            self.contractId = contractId
            self.inputContracts = inputContracts
            self.location = location
        }
    }

    public struct SupportChannel: Sendable, Hashable, Codable {
        public var channel: String
        public var url: String?
        public var tool: String?
        public var scope: String?
        public var description: String?
        public init(channel: String, url: String?, tool: String?, scope: String?, description: String?) {
            self.channel = channel
            self.url = url
            self.tool = tool
            self.scope = scope
            self.description = description
        }
    }

    public struct Member: Sendable, Hashable, Codable {
        public var username: String
        public var name: String?
        public var role: String?
        public init(username: String, name: String?, role: String?) {
            self.username = username
            self.name = name
            self.role = role
        }
    }

    public struct Team: Sendable, Hashable, Codable {
        public var name: String?
        public var description: String?
        public var members: [Member]
        public var location: SourceLocation
        public init(name: String?, description: String?, members: [Member], location: SourceLocation) {
            self.name = name
            self.description = description
            self.members = members
            self.location = location
        }
    }

    public var apiVersion: String
    public var id: String
    public var name: String
    public var domain: String?
    public var status: String?
    public var version: String?
    public var tenant: String?
    public var description: Description
    public var tags: [String]
    public var inputPorts: [InputPort]
    public var outputPorts: [OutputPort]
    public var support: [SupportChannel]
    public var team: Team?
    /// The manifest file, relative to the mesh folder; its folder is the product's doc tree.
    public var file: String
    public var location: SourceLocation
    /// Where the values diagnostics point at are written (the YAML tree is not kept).
    public var valueLocations: ValueLocations
    /// What the schema check found in the YAML the manifest was read from (Load keeps no tree).
    public var schemaFindings: [Diagnostic] = []

    public init(apiVersion: String, id: String, name: String, domain: String?, status: String?,
                version: String?, tenant: String?, description: Description, tags: [String],
                inputPorts: [InputPort], outputPorts: [OutputPort], support: [SupportChannel],
                team: Team?, file: String, location: SourceLocation, valueLocations: ValueLocations = ValueLocations()) {
        self.apiVersion = apiVersion
        self.id = id
        self.name = name
        self.domain = domain
        self.status = status
        self.version = version
        self.tenant = tenant
        self.description = description
        self.tags = tags
        self.inputPorts = inputPorts
        self.outputPorts = outputPorts
        self.support = support
        self.team = team
        self.file = file
        self.location = location
        self.valueLocations = valueLocations
    }

    /// The folder that holds the manifest, relative to the mesh folder.
    public var folder: String { file.parentPath }

    /// Where the values of top-level keys (and `description.purpose`) are written; nil where the key is absent.
    public struct ValueLocations: Sendable, Hashable, Codable {
        public var id, name, domain, status, version, description, purpose, support: SourceLocation?

        public init() {}

        /// The places in a manifest's YAML.
        public init(of node: YAMLNode) {
            id = node["id"]?.location
            name = node["name"]?.location
            domain = node["domain"]?.location
            status = node["status"]?.location
            version = node["version"]?.location
            description = node["description"]?.location
            purpose = node["description"]?["purpose"]?.location
            support = node["support"]?.location
        }
    }
}

extension String {
    /// "a/b/c.yaml" -> "a/b"; "c.yaml" -> "".
    public var parentPath: String {
        guard let slash = lastIndex(of: "/") else { return "" }
        return String(self[..<slash])
    }

    /// Folds `.` and `..` segments: "a/b/../c.md" -> "a/c.md"; leading ".." stay, so paths
    /// beside the mesh ("../payments") keep their meaning.
    public var normalisedPath: String {
        var parts: [Substring] = []
        for part in split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    /// Whether this normalised path is `folder` or below it; every path is inside "" (the mesh
    /// folder) except those that climb out of it with `..`.
    public func isInside(folder: String) -> Bool {
        if folder.isEmpty { return !(self == ".." || hasPrefix("../")) }
        return self == folder || hasPrefix(folder + "/")
    }

    public var lastPathComponent: String {
        guard let slash = lastIndex(of: "/") else { return self }
        return String(self[index(after: slash)...])
    }
}
