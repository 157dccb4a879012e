import MeshModel

/// SARIF 2.1.0, the format code-scanning services (GitHub, GitLab, Azure DevOps) ingest.
/// Every rule that can fire is described in `tool.driver.rules`.
struct SARIFFormatter {
    let context: DiagnosticFormat.Context

    struct Text: Encodable { var text: String }
    struct Configuration: Encodable { var level: String; var enabled: Bool }
    struct Rule: Encodable {
        var id: String
        var shortDescription: Text
        var fullDescription: Text
        var defaultConfiguration: Configuration
    }
    struct Driver: Encodable { var name = "meshport"; var version: String; var rules: [Rule] }
    struct Tool: Encodable { var driver: Driver }
    struct Region: Encodable { var startLine: Int; var startColumn: Int; var endLine: Int?; var endColumn: Int? }
    struct ArtifactLocation: Encodable { var uri: String }
    struct PhysicalLocation: Encodable { var artifactLocation: ArtifactLocation; var region: Region }
    struct Location: Encodable { var physicalLocation: PhysicalLocation?; var message: Text? }
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Text
        var locations: [Location]
        var relatedLocations: [Location]?
    }
    struct Run: Encodable { var tool: Tool; var results: [Result]; var columnKind = "unicodeCodePoints" }
    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }

    func render(_ diagnostics: [Diagnostic]) -> String {
        let rules = context.rules.sorted { $0.id < $1.id }
        var index: [String: Int] = [:]
        for (i, r) in rules.enumerated() { index[r.id] = i }
        let results = diagnostics.map { d in
            Result(ruleId: d.rule, ruleIndex: index[d.rule], level: level(d.severity),
                   message: Text(text: d.message + (d.suggestion.flatMap { d.message.contains($0) ? nil : " (did you mean '\($0)'?)" } ?? "")),
                   locations: d.location.map { [Location(physicalLocation: physical($0, end: d.end), message: nil)] } ?? [],
                   relatedLocations: d.notes.isEmpty ? nil : d.notes.map { note in
                       Location(physicalLocation: note.location.map { physical($0, end: nil) }, message: Text(text: note.message))
                   })
        }
        let driverRules = rules.map { r in
            Rule(id: r.id, shortDescription: Text(text: r.summary), fullDescription: Text(text: r.explanation),
                 defaultConfiguration: Configuration(level: r.defaultSeverity.map(level) ?? "none",
                                                     enabled: r.defaultSeverity != nil))
        }
        let log = Log(runs: [Run(tool: Tool(driver: Driver(version: context.toolVersion, rules: driverRules)), results: results)])
        return JSONText.encode(log)
    }

    private func physical(_ l: SourceLocation, end: SourceLocation?) -> PhysicalLocation {
        PhysicalLocation(artifactLocation: ArtifactLocation(uri: l.file),
                         region: Region(startLine: l.line, startColumn: l.column, endLine: end?.line, endColumn: end?.column))
    }

    private func level(_ s: Diagnostic.Severity) -> String {
        switch s { case .error: "error"; case .warning: "warning"; case .note: "note" }
    }
}
