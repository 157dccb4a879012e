import MeshModel

/// Reads a domain repository's own `meshport.yaml` (at the root of a source):
///
///     governance:
///       rules:
///         contract.column.description: error     # rule id -> error | warning | note | off
///
/// Reading only: whether a domain may set a rule that way (it may tighten, never loosen, what
/// mesh.yaml enforces) is for the validation stage, which has each setting's location.
public enum DomainConfigReader {
    public static let fileName = "meshport.yaml"
    static let severities = ["error", "warning", "note", "off"]

    public static func read(_ text: String, root: String, file: String) -> (DomainConfig?, [Diagnostic]) {
        let documents: [YAMLNode]
        switch YAMLReader.read(text, file: file) {
        case .failed(let diagnostic): return (nil, [diagnostic])
        case .documents(let docs): documents = docs
        }
        guard let top = documents.first else { return (nil, []) }   // an empty file sets nothing
        var diagnostics: [Diagnostic] = []
        if documents.count > 1 {
            diagnostics.append(invalid("\(fileName) holds \(documents.count) YAML documents; it must hold one",
                                       at: documents[1].location))
        }
        if case .scalar(_, .null) = top.value { return (DomainConfig(root: root, file: file, rules: []), diagnostics) }
        guard top.isMapping else {
            return (nil, diagnostics + [invalid("\(fileName) must be a mapping, with 'governance.rules'", at: top.location)])
        }
        for pair in top.pairs where pair.key.scalar != "governance" {
            diagnostics.append(unknownKey(pair.key, known: ["governance"]))
        }
        var rules: [DomainConfig.RuleSetting] = []
        if let governance = top["governance"], !isNull(governance) {
            if governance.isMapping {
                for pair in governance.pairs where pair.key.scalar != "rules" {
                    diagnostics.append(unknownKey(pair.key, known: ["rules"], parent: "governance"))
                }
                if let list = governance["rules"], !isNull(list) {
                    if list.isMapping {
                        rules = settings(list, diagnostics: &diagnostics)
                    } else {
                        diagnostics.append(invalid("'governance.rules' must map rule ids to a severity "
                            + "(error, warning, note or off), one per line", at: list.location))
                    }
                }
            } else {
                diagnostics.append(invalid("'governance' must be a mapping with 'rules'", at: governance.location))
            }
        }
        return (DomainConfig(root: root, file: file, rules: rules), diagnostics)
    }

    /// Each `rule.id: severity` line; a setting's location is that of its rule id.
    static func settings(_ list: YAMLNode, diagnostics: inout [Diagnostic]) -> [DomainConfig.RuleSetting] {
        var rules: [DomainConfig.RuleSetting] = []
        for pair in list.pairs {
            guard let id = pair.key.text, case .scalar = pair.key.value else {
                diagnostics.append(invalid("a rule id must be text, such as 'contract.column.description'",
                                           at: pair.key.location))
                continue
            }
            let written = pair.value.text
            guard let severity = written, case .scalar = pair.value.value, severities.contains(severity) else {
                let found = written.map { ", not '\($0)'" } ?? ""
                diagnostics.append(Diagnostic(.error, "config.domain.invalid",
                    "governance rule '\(id)' needs a severity: error, warning, note or off\(found)",
                    at: pair.value.location, suggestion: written.flatMap(closestSeverity)))
                continue
            }
            rules.append(.init(rule: id, severity: severity, location: pair.key.location))
        }
        return rules
    }

    /// "Error" -> "error", "warn" -> "warning", "disabled" -> nil.
    static func closestSeverity(_ written: String) -> String? {
        let lower = written.lowercased()
        guard !lower.isEmpty else { return nil }
        return severities.first { $0 == lower || $0.hasPrefix(lower) }
    }

    static func isNull(_ node: YAMLNode) -> Bool {
        if case .scalar(_, .null) = node.value { return true }
        return false
    }

    static func invalid(_ message: String, at location: SourceLocation) -> Diagnostic {
        .error("config.domain.invalid", message, at: location)
    }

    static func unknownKey(_ key: YAMLNode, known: [String], parent: String? = nil) -> Diagnostic {
        let name = key.scalar.map { "'\((parent.map { $0 + "." } ?? "") + $0)'" } ?? "this key"
        return .warning("config.domain.key.unknown",
            "unknown key \(name) in \(fileName) (known: \(known.joined(separator: ", "))); it is ignored",
            at: key.location)
    }
}
