import MeshModel

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=rule.id::message`, which the
/// runner turns into annotations on the pull request's files.
struct GitHubFormatter {
    func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).map { $0 + "\n" }.joined()
    }

    func format(_ d: Diagnostic) -> String {
        let command = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
        var properties: [String] = []
        if let l = d.location {
            properties += ["file=\(property(l.file))", "line=\(l.line)", "col=\(l.column)"]
            if let end = d.end { properties += ["endLine=\(end.line)", "endColumn=\(end.column)"] }
        }
        properties.append("title=\(property(d.rule))")
        var message = d.message
        for note in d.notes { message += "\n" + (note.location.map { "\($0): " } ?? "") + "note: " + note.message }
        if let suggestion = d.suggestion, !d.message.contains(suggestion) { message += "\ndid you mean '\(suggestion)'?" }
        return "::\(command) \(properties.joined(separator: ","))::\(data(message))"
    }

    /// Escaping as the runner expects it (actions/toolkit's command.ts).
    private func data(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func property(_ s: String) -> String {
        data(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
