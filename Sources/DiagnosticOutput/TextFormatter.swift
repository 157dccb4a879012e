import MeshModel

/// Diagnostics as compilers print them: `path:line:col: error: message [rule.id]`, then the source
/// line and a caret under the column, then notes and the suggestion. Colour only on a terminal.
struct TextFormatter {
    let context: DiagnosticFormat.Context

    func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { format($0) + "\n" }.joined()
    }

    func format(_ d: Diagnostic) -> String {
        var out = (d.location.map { "\($0): " } ?? "") + paint(d.severity) + ": \(d.message) [\(d.rule)]"
        if let location = d.location, let line = context.sourceLine(location.file, location.line) {
            let pad = String(line.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " })
            var underline = "^"
            if let end = d.end, end.line == location.line, end.column > location.column + 1 {
                underline += String(repeating: "~", count: end.column - location.column - 1)
            }
            out += "\n    \(line)\n    \(pad)\(underline)"
        }
        for note in d.notes {
            out += "\n" + (note.location.map { "\($0): " } ?? "") + paint(.note) + ": \(note.message)"
        }
        if let suggestion = d.suggestion, !d.message.contains(suggestion) {
            out += "\n" + paint(.note) + ": did you mean '\(suggestion)'?"
        }
        return out
    }

    private func paint(_ severity: Diagnostic.Severity) -> String {
        guard context.colour else { return severity.rawValue }
        let code = severity == .error ? "1;31" : severity == .warning ? "1;33" : "1;36"
        return "\u{1B}[\(code)m\(severity.rawValue)\u{1B}[0m"
    }
}
