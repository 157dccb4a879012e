import MeshModel

/// The ways a run's diagnostics can be written: for people, and for the CI systems that read them.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, github, json, sarif

    /// What a formatter needs besides the diagnostics themselves.
    public struct Context: Sendable {
        /// The source line `line` (1-based) of `file`, for the excerpt under a text diagnostic.
        public var sourceLine: @Sendable (_ file: String, _ line: Int) -> String?
        /// Colour escapes (text only, on a terminal).
        public var colour: Bool
        /// Descriptions of the rules, for SARIF's `tool.driver.rules`.
        public var rules: [RuleDescription]
        public var toolVersion: String

        public init(sourceLine: @escaping @Sendable (String, Int) -> String? = { _, _ in nil }, colour: Bool = false,
                    rules: [RuleDescription] = [], toolVersion: String = "") {
            self.sourceLine = sourceLine
            self.colour = colour
            self.rules = rules
            self.toolVersion = toolVersion
        }
    }

    /// The whole report as one string (text and github end with a newline per diagnostic).
    public func render(_ diagnostics: [Diagnostic], context: Context) -> String {
        switch self {
        case .text: return TextFormatter(context: context).render(diagnostics)
        case .github: return GitHubFormatter().render(diagnostics)
        case .json: return JSONFormatter().render(diagnostics)
        case .sarif: return SARIFFormatter(context: context).render(diagnostics)
        }
    }
}

/// A rule as reports describe it.
public struct RuleDescription: Sendable, Hashable {
    public var id: String
    public var summary: String
    public var explanation: String
    public var defaultSeverity: Diagnostic.Severity?
    public init(id: String, summary: String, explanation: String, defaultSeverity: Diagnostic.Severity?) {
        self.id = id
        self.summary = summary
        self.explanation = explanation
        self.defaultSeverity = defaultSeverity
    }
}
