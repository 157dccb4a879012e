/// A domain repository's own `meshport.yaml` at its root: governance the domain adds on top of the
/// mesh's (raise a severity, enable a rule). It may never lower a rule `mesh.yaml` enforces.
public struct DomainConfig: Sendable, Hashable, Codable {
    public struct RuleSetting: Sendable, Hashable, Codable {
        public var rule: String
        /// error, warning, note or off.
        public var severity: String
        public var location: SourceLocation
        public init(rule: String, severity: String, location: SourceLocation) {
            self.rule = rule
            self.severity = severity
            self.location = location
        }
    }

    /// The repository folder, relative to the mesh folder.
    public var root: String
    public var file: String
    public var rules: [RuleSetting]

    public init(root: String, file: String, rules: [RuleSetting]) {
        self.root = root
        self.file = file
        self.rules = rules
    }
}
