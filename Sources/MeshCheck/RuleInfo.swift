import MeshModel

/// A rule meshport can report: its stable id, where it belongs, its default severity and what it
/// means. `meshport rules` lists these; SARIF output describes them.
public struct RuleInfo: Sendable, Hashable {
    public enum Category: String, Sendable, Hashable, CaseIterable {
        case configuration, input, schema, reference, governance
    }

    public var id: String
    public var category: Category
    /// nil: off unless `mesh.yaml` or a domain turns it on.
    public var defaultSeverity: Diagnostic.Severity?
    /// Configuration and input problems cannot be lowered: a file that cannot be read is never silently skipped.
    public var configurable: Bool { category == .schema || category == .reference || category == .governance }
    public var summary: String
    public var explanation: String

    init(_ id: String, _ category: Category, _ severity: Diagnostic.Severity?, _ summary: String, _ explanation: String) {
        self.id = id
        self.category = category
        self.defaultSeverity = severity
        self.summary = summary
        self.explanation = explanation
    }
}

/// Every rule, by id.
public enum RuleCatalog {
    public static let all: [RuleInfo] = (configurationRules + inputRules + schemaRules + referenceRules + governanceRules)
        .sorted { $0.id < $1.id }

    private static let byID: [String: RuleInfo] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    public static func rule(_ id: String) -> RuleInfo? { byID[id] }
}

extension RuleCatalog {
    /// The exit status a run's diagnostics call for: 2 for configuration problems, 1 for errors in
    /// the input, 0 otherwise.
    public static func exitStatus(for diagnostics: [Diagnostic]) -> Int32 {
        let errors = diagnostics.filter { $0.severity == .error }
        if errors.contains(where: { rule($0.rule)?.category == .configuration }) { return 2 }
        return errors.isEmpty ? 0 : 1
    }
}
