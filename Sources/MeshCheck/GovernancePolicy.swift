import MeshModel

/// Federated governance: the severity each rule has in each domain repository. `mesh.yaml` sets
/// mesh-wide severities and may enforce a rule; a repository's `meshport.yaml` may raise any rule
/// or turn more on, and may lower a rule only where the mesh does not enforce it.
public struct GovernancePolicy: Sendable {
    let global: [String: GovernanceSetting]
    /// Repository root -> rule -> severity.
    let local: [String: [String: String]]
    let roots: [String]
    /// Problems with the settings themselves (unknown rules, a loosened enforced rule).
    public let diagnostics: [Diagnostic]

    static let rank: [String: Int] = ["off": 0, "note": 1, "warning": 2, "error": 3]

    public init(config: MeshConfig, domainConfigs: [DomainConfig]) {
        var diagnostics: [Diagnostic] = []
        var global: [String: GovernanceSetting] = [:]
        for setting in config.governance {
            if let problem = Self.checkRuleID(setting.rule, at: setting.location) { diagnostics.append(problem); continue }
            global[setting.rule] = setting
        }
        var local: [String: [String: String]] = [:]
        for domain in domainConfigs {
            for setting in domain.rules {
                if let problem = Self.checkRuleID(setting.rule, at: setting.location) { diagnostics.append(problem); continue }
                if let floor = global[setting.rule], floor.enforced,
                   Self.rank[setting.severity, default: 0] < Self.rank[floor.severity, default: 0] {
                    diagnostics.append(.error("governance.override.loosened",
                        "'\(setting.rule)' is enforced as \(floor.severity) for the whole mesh; a domain may raise it but not lower it to \(setting.severity)",
                        at: setting.location, notes: [.init("enforced in mesh.yaml here", at: floor.location)]))
                    continue
                }
                local[domain.root, default: [:]][setting.rule] = setting.severity
            }
        }
        self.global = global
        self.local = local
        self.roots = domainConfigs.map(\.root).sorted { $0.count > $1.count }
        self.diagnostics = diagnostics
    }

    static func checkRuleID(_ id: String, at location: SourceLocation) -> Diagnostic? {
        if let rule = RuleCatalog.rule(id) {
            return rule.configurable ? nil : .error("governance.rule.fixed",
                "'\(id)' reports unreadable or invalid input and cannot be configured", at: location)
        }
        let known = RuleCatalog.all.filter(\.configurable).map(\.id)
        let best = known.min { EditDistance.between($0, id) < EditDistance.between($1, id) }
        return .warning("governance.rule.unknown", "no rule '\(id)'; `meshport rules` lists them", at: location,
                        suggestion: best.flatMap { EditDistance.between($0, id) <= 3 ? $0 : nil })
    }

    /// The severity of `rule` for a file (mesh-relative path); nil when the rule is off there.
    public func severity(of rule: String, file: String?) -> Diagnostic.Severity? {
        guard let info = RuleCatalog.rule(rule), info.configurable else { return RuleCatalog.rule(rule)?.defaultSeverity ?? .error }
        if let file, let root = roots.first(where: { file.hasPrefix($0 + "/") || $0.isEmpty }),
           let severity = local[root]?[rule] {
            return Diagnostic.Severity(rawValue: severity)
        }
        if let setting = global[rule] { return Diagnostic.Severity(rawValue: setting.severity) }
        return info.defaultSeverity
    }

    /// Applies the policy to diagnostics the stages produced: each gets its rule's severity where
    /// it was found, and those whose rule is off there are dropped.
    public func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.compactMap { d in
            guard RuleCatalog.rule(d.rule)?.configurable == true else { return d }
            guard let severity = severity(of: d.rule, file: d.location?.file) else { return nil }
            var out = d
            out.severity = severity
            return out
        }
    }

    /// Governance rules in force anywhere, with their mesh-wide setting.
    func rulesInForce() -> [GovernanceReport.Rule] {
        RuleCatalog.all.filter { $0.category == .governance }.compactMap { rule in
            let globalSeverity = global[rule.id]?.severity ?? rule.defaultSeverity?.rawValue ?? "off"
            let anywhere = globalSeverity != "off" || local.values.contains { ($0[rule.id] ?? "off") != "off" }
            guard anywhere else { return nil }
            return GovernanceReport.Rule(id: rule.id, summary: rule.summary, severity: globalSeverity,
                                         enforced: global[rule.id]?.enforced ?? false)
        }
    }
}
