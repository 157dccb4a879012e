import MeshModel

/// Reads `mesh.yaml`. Problems here are configuration errors (exit status 2), not input errors.
public enum MeshConfigReader {
    public static func read(_ text: String, file: String = "mesh.yaml") -> (MeshConfig?, [Diagnostic]) {
        let documents: [YAMLNode]
        switch YAMLReader.read(text, file: file) {
        case .failed(let diagnostic): return (nil, [diagnostic])
        case .documents(let docs): documents = docs
        }
        guard let root = documents.first, root.isMapping else {
            return (nil, [.error("config.invalid", "mesh.yaml must be a mapping with 'title' and 'sources'",
                                 at: SourceLocation(file: file))])
        }
        var diagnostics: [Diagnostic] = []
        let known: Set<String> = ["title", "description", "baseURL", "sources", "governance", "theme", "lineage"]
        for pair in root.pairs {
            if let key = pair.key.scalar, !known.contains(key) {
                diagnostics.append(.warning("config.key.unknown",
                    "unknown key '\(key)' in mesh.yaml (known: \(known.sorted().joined(separator: ", ")))",
                    at: pair.key.location))
            }
        }
        var sources: [MeshConfig.Source] = []
        if let list = root["sources"], list.isSequence {
            sources = list.items.compactMap { SourceEntryReader.read($0, diagnostics: &diagnostics) }
        } else {
            diagnostics.append(.error("config.sources.missing",
                "mesh.yaml needs 'sources': a list of domain repository folders, globs or git URLs",
                at: root["sources"]?.location ?? root.location))
        }
        let governance = governanceSettings(root["governance"], diagnostics: &diagnostics)
        // 404.html and sitemap.xml link from baseURL, so it must be a web address or a path, never script.
        if let node = root["baseURL"], let base = node.text,
           SafeURL.scheme(of: base).map({ !["http", "https"].contains($0) }) ?? !base.hasPrefix("/") {
            diagnostics.append(.error("config.invalid",
                "baseURL must be an http or https URL or a path starting with / (it is '\(base.prefix(80))')", at: node.location))
        }
        let config = MeshConfig(title: root["title"]?.text ?? "Data Mesh", description: root["description"]?.text,
                                baseURL: root["baseURL"]?.text ?? "/", sources: sources, governance: governance,
                                theme: root["theme"]?.text, file: file)
        var configured = config
        for (key, minimum) in [("depth", 1), ("width", 1)] {
            guard let node = root["lineage"]?[key] else { continue }
            guard let value = node.text.flatMap(Int.init), value >= minimum, value <= 50 else {
                diagnostics.append(.error("config.invalid", "lineage.\(key) must be a whole number from 1 to 50", at: node.location))
                continue
            }
            if key == "depth" { configured.lineageDepth = value } else { configured.lineageWidth = value }
        }
        return (diagnostics.hasErrors ? nil : configured, diagnostics.sortedForReport())
    }

    /// `governance.rules` maps a rule id to a severity, or to `{severity, enforced}`;
    /// `governance.enforced` lists rules domains may not lower.
    static func governanceSettings(_ node: YAMLNode?, diagnostics: inout [Diagnostic]) -> [GovernanceSetting] {
        let severities: Set<String> = ["error", "warning", "note", "off"]
        let enforcedList = Set(node?["enforced"]?.strings ?? [])
        var settings: [GovernanceSetting] = []
        for pair in node?["rules"]?.pairs ?? [] {
            guard let id = pair.key.text else { continue }
            let severity = pair.value.isMapping ? pair.value["severity"]?.text : pair.value.text
            guard let severity, severities.contains(severity) else {
                diagnostics.append(.error("config.governance.severity",
                    "governance rule '\(id)' needs a severity: error, warning, note or off", at: pair.value.location))
                continue
            }
            let enforced = pair.value["enforced"]?.bool ?? false || enforcedList.contains(id)
            settings.append(GovernanceSetting(rule: id, severity: severity, enforced: enforced, location: pair.key.location))
        }
        for id in enforcedList.sorted() where !settings.contains(where: { $0.rule == id }) {
            diagnostics.append(.error("config.governance.severity",
                "rule '\(id)' is enforced but has no severity in governance.rules", at: node?["enforced"]?.location))
        }
        return settings
    }
}
