import MeshModel

/// The Validate stage: rules over the loaded input, with severities the mesh's governance can set.
/// Each rule has a stable id; `mesh.yaml` `governance.rules` maps ids to error, warning, note or off.
public struct MeshValidator: Sendable {
    public struct Rule: Sendable {
        public var id: String
        public var defaultSeverity: Diagnostic.Severity?
        public var summary: String
        let check: @Sendable (LoadedMesh) -> [(String, SourceLocation)]
    }

    public static let rules: [Rule] = [
        Rule(id: "product.status.missing", defaultSeverity: .error, summary: "a data product states its status") { mesh in
            mesh.products.filter { $0.status == nil }.map {
                ("data product '\($0.name)' has no 'status' (ODPS requires one: proposed, draft, active, deprecated, retired)", $0.location)
            }
        },
        Rule(id: "product.description.required", defaultSeverity: .warning, summary: "a data product says what it is for") { mesh in
            mesh.products.filter { $0.description.purpose == nil }.map {
                ("data product '\($0.name)' has no 'description.purpose'", $0.node["description"]?.location ?? $0.location)
            }
        },
        Rule(id: "product.team.required", defaultSeverity: .warning, summary: "a data product names its owner team") { mesh in
            mesh.products.filter { $0.team?.name == nil }.map {
                ("data product '\($0.name)' names no owner team ('team.name')", $0.team?.location ?? $0.location)
            }
        },
        Rule(id: "contract.classification.required", defaultSeverity: nil, summary: "every column has a classification") { mesh in
            mesh.contracts.flatMap { contract in
                contract.schema.flatMap(\.properties).filter { $0.classification == nil }.map {
                    ("column '\($0.name)' of contract '\(contract.id)' has no 'classification'", $0.location)
                }
            }
        },
    ]

    public init() {}

    public func validate(_ mesh: LoadedMesh) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for rule in Self.rules {
            guard let severity = Self.severity(of: rule, in: mesh.config) else { continue }
            for (message, location) in rule.check(mesh) {
                diagnostics.append(Diagnostic(severity, rule.id, message, at: location))
            }
        }
        return diagnostics
    }

    /// The governance setting wins over the default; "off" silences a rule.
    static func severity(of rule: Rule, in config: MeshConfig) -> Diagnostic.Severity? {
        guard let configured = config.governanceRules[rule.id] else { return rule.defaultSeverity }
        return Diagnostic.Severity(rawValue: configured)
    }
}
