import GitSources
import MeshModel

/// Reads one entry of `mesh.yaml`'s `sources`: a folder or glob (`path:`), or a repository to fetch
/// (`git:` with `ref:` and `subpath:`), with the optional `repoURL`, `editURL` and `history`.
enum SourceEntryReader {
    static let keys: Set<String> = ["path", "git", "ref", "subpath", "repoURL", "editURL", "history"]

    static func read(_ item: YAMLNode, diagnostics: inout [Diagnostic]) -> MeshConfig.Source? {
        if let path = item.text { return .init(path: path, location: item.location) }
        guard item.isMapping else {
            diagnostics.append(invalid("a source needs a 'path' (a folder or glob) or a 'git' URL", at: item.location))
            return nil
        }
        for pair in item.pairs {
            if let key = pair.key.scalar, !keys.contains(key) {
                diagnostics.append(.warning("config.key.unknown",
                    "unknown key '\(key)' in a source (known: \(keys.sorted().joined(separator: ", ")))", at: pair.key.location))
            }
        }
        let errorsBefore = diagnostics.count
        var source: MeshConfig.Source
        switch (item["path"], item["git"]) {
        case (let path?, nil):
            guard let text = path.text else {
                diagnostics.append(invalid("'path' is a folder or glob relative to mesh.yaml", at: path.location))
                return nil
            }
            source = .init(path: text, location: path.location)
            for key in ["ref", "subpath"] {
                if let node = item[key] {
                    diagnostics.append(invalid("'\(key)' belongs to a git source; a path source is read as it is on disk", at: node.location))
                }
            }
        case (nil, let git?):
            guard let location = gitLocation(item, git: git, diagnostics: &diagnostics) else { return nil }
            source = .init(path: "", git: location, location: git.location)
        case (_?, let git?):
            diagnostics.append(invalid("a source is either a folder ('path') or a repository ('git'), not both", at: git.location))
            return nil
        case (nil, nil):
            diagnostics.append(invalid("a source needs a 'path' (a folder or glob) or a 'git' URL", at: item.location))
            return nil
        }
        source.repoURL = item["repoURL"]?.text
        if let node = item["editURL"] {
            let pattern = node.text ?? ""
            let lower = pattern.lowercased()
            if !(lower.hasPrefix("https://") || lower.hasPrefix("http://")) || !pattern.contains("{path}") {
                diagnostics.append(invalid("'editURL' is an http(s) address with {path} in it, e.g. https://github.com/acme/sales/edit/main/{path}",
                                           at: node.location))
            }
            source.editURL = pattern
        }
        if let node = item["history"] {
            guard let flag = node.bool else {
                diagnostics.append(invalid("'history' is true or false", at: node.location))
                return nil
            }
            source.history = flag
        }
        return diagnostics[errorsBefore...].contains { $0.severity == .error } ? nil : source
    }

    private static func gitLocation(_ item: YAMLNode, git: YAMLNode, diagnostics: inout [Diagnostic]) -> MeshConfig.GitLocation? {
        let url = git.text ?? ""
        if let problem = GitAddress.problem(url: url) {
            diagnostics.append(invalid(problem, at: git.location))
            return nil
        }
        var location = MeshConfig.GitLocation(url: url)
        if let node = item["ref"] {
            let ref = node.text ?? ""
            if let problem = GitAddress.problem(ref: ref) {
                diagnostics.append(invalid(problem, at: node.location))
                return nil
            }
            location.ref = ref
        }
        if let node = item["subpath"] {
            let subpath = (node.text ?? "").normalisedPath
            if node.text?.hasPrefix("/") == true || subpath == ".." || subpath.hasPrefix("../") {
                diagnostics.append(invalid("'subpath' is a folder inside the repository, like domains/sales", at: node.location))
                return nil
            }
            location.subpath = subpath
        }
        return location
    }

    private static func invalid(_ message: String, at location: SourceLocation) -> Diagnostic {
        .error("config.source.invalid", message, at: location)
    }
}
